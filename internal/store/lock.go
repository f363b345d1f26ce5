package store

import (
	"context"
	"errors"
	"hash/fnv"
	"slices"

	"github.com/jackc/pgx/v5/pgconn"

	"entente/internal/fuse"
	"entente/internal/pipeline"
)

// Concurrent writers. SQLite has one writer at a time: its transactions
// begin immediately (_txlock=immediate), so a second process waits for the
// lock (busy_timeout) instead of failing when it would upgrade a read.
// PostgreSQL's writers run at once: each ingest transaction first takes a
// transaction-scoped advisory lock for every block its documents' events
// fall in, and for each document's identity and hash, all in one statement
// and in ascending order, so two transactions that could fuse into the same
// block (or store the same document) run one after the other and never
// deadlock. Because the locks come before the first read, a transaction
// sees everything the previous holder of its blocks committed, and the
// stored events are those of a sequential run in the order the documents
// were committed (their ids' order).

// lockKeys returns the advisory-lock keys of a batch: its documents'
// identities and hashes, and its events' blocks.
func lockKeys(rs []*pipeline.Result) []int64 {
	var keys []int64
	for _, r := range rs {
		hash := Hash(r.Doc.Text)
		keys = append(keys, lockKey("doc\x00"+docIdent(r, hash)), lockKey("hash\x00"+hash))
		for i := range r.Events {
			keys = append(keys, lockKey("block\x00"+fuse.Key(&r.Events[i])))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// blockKey returns the lock key of a block.
func blockKey(block string) int64 { return lockKey("block\x00" + block) }

// lockKey hashes a name to a 64-bit advisory-lock key. Two names with the
// same key only wait for each other.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// qLock takes the transaction's advisory locks in the array's order
// (unnest yields its elements in order; the aggregate makes every call run).
const qLock = `SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`

// qBegin is the first statement of a PostgreSQL write transaction: it
// takes the transaction's advisory locks (as qLock) and makes the
// transaction's prepared statements run their generic plans
// (plan_cache_mode, until the transaction ends). Without it, PostgreSQL
// planned fusion's person candidates (qCandPerson, a join) again for
// every call: its generic plan's estimate lost to the custom ones, and the
// planning cost more than all the write path's statements ran (16 s
// against 14.5 s for 4,000 generated articles, pg_stat_statements). The
// other statements of the write path ran their generic plans already;
// their generic plans read by block, document or event id (the indexes of
// migrations 00001 and 00003).
const qBegin = `SELECT set_config('plan_cache_mode', 'force_generic_plan', true), (SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k)`

// begin runs qBegin in w (PostgreSQL; SQLite's one writer needs no lock,
// and plans each prepared statement once).
func (s *Store) begin(ctx context.Context, w *wtx, keys []int64) error {
	if !s.pg {
		return nil
	}
	var mode string
	var n int64
	return w.QueryRowContext(ctx, qBegin, keys).Scan(&mode, &n)
}

// lock takes advisory locks on keys (sorted) in w (PostgreSQL; SQLite's one
// writer needs none).
func (s *Store) lock(ctx context.Context, w *wtx, keys []int64) error {
	if !s.pg || len(keys) == 0 {
		return nil
	}
	var n int64
	return w.QueryRowContext(ctx, qLock, keys).Scan(&n)
}

// retryable tells whether a transaction failed only because of another
// one and should run again: a deadlock (possible only when replacing a
// document takes the locks of its old events' blocks late) or a
// serialisation failure.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// lockBlocksOf takes the locks of the stored events' blocks: a replaced
// document's old events, rebuilt from their other reports, may lie in
// blocks the new version has none in. Taken late and so perhaps out of
// order, they may deadlock with another transaction; PostgreSQL then fails
// one of the two, and write runs it again.
func (s *Store) lockBlocksOf(ctx context.Context, w *wtx, eventIDs []string) error {
	if !s.pg || len(eventIDs) == 0 {
		return nil
	}
	rows, err := w.QueryContext(ctx, `SELECT DISTINCT block FROM events WHERE id = ANY($1)`, eventIDs)
	if err != nil {
		return err
	}
	var keys []int64
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, blockKey(b))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	slices.Sort(keys)
	return s.lock(ctx, w, keys)
}
