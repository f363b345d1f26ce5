package store

import (
	"context"
	"fmt"
	"strings"
)

// Dump writes the store's whole state as text, without the row ids and
// times that legitimately differ between runs (PostgreSQL sequences skip
// the ids of rolled-back transactions): two stores with equal dumps hold
// the same documents and events, ids included. For tests of equivalence
// (kill and resume, concurrent writers, the job queue).
func (s *Store) Dump(ctx context.Context) (string, error) {
	var b strings.Builder
	for _, q := range []string{
		`SELECT name || ' ' || hash || ' ' || ident FROM documents ORDER BY hash`,
		`SELECT d.hash || ' ' || s.idx || ' ' || s.start_off || ' ' || s.end_off FROM sentences s JOIN documents d ON d.id = s.doc_id ORDER BY d.hash, s.idx`,
		`SELECT count(*) || '' FROM mentions`,
		`SELECT id || ' ' || block || ' ' || net || ' ' || body FROM events ORDER BY id`,
		`SELECT r.event_id || ' ' || d.hash || ' ' || r.body FROM reports r JOIN documents d ON d.id = r.doc_id ORDER BY r.event_id, d.hash, r.body`,
		`SELECT event_id || ' ' || code || ' ' || name || ' ' || role FROM event_actors ORDER BY event_id, code, name, role`,
		`SELECT event_id || ' ' || doc || ' ' || start_off FROM event_sources ORDER BY event_id, doc, start_off`,
	} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return "", fmt.Errorf("store: dump: %w", err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return "", fmt.Errorf("store: dump: %w", err)
			}
			b.WriteString(line)
			b.WriteByte('\n')
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("store: dump: %w", err)
		}
		b.WriteString("--\n")
	}
	return b.String(), nil
}
