package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"entente/internal/fuse"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// Staged storing: how the job queue's workers store batches at once and
// still end in the events, ids included, of one sequential ingest.
//
// Fusion is local to a block (fuse.Key): a report is only ever compared
// with events of its block, and an event's id derives from its block, its
// founding document and offset (fuse.ID). So the events are those of a
// sequential ingest as long as every block sees its reports in the
// sequential order; blocks need no order among each other. A batch has an
// order (ord: the queue's sequence number) and is stored in two steps:
//
//  1. StageBatch, in one transaction: the batch's new documents
//     (staged_docs), and one row in staged_blocks for every block its
//     reports fall in: "batch ord has yet to fuse into this block".
//     Batches stage at once, in any order.
//  2. FuseStaged, once every batch before it has staged (the caller sees
//     to that): it fuses the batch's reports block by block, as soon as no
//     earlier batch has a row left in a block, in rounds: a transaction
//     takes free blocks in sorted order, up to about roundReports reports,
//     under their advisory locks, and deletes their rows; when none is
//     free it waits. Two batches that share no block fuse at once; when
//     they share blocks, the later one follows the earlier one round by
//     round through them. The documents' sentences and mentions, which
//     fusion does not read, are written in a transaction of their own the
//     first time the batch would wait (the wait is used), else at the end;
//     so staging is short and the batches after it start fusing sooner.
//
// Fusion's window (fuse package doc) is global: a document is fused under
// the watermark, the latest publication day of the documents before it.
// FuseStaged is given the watermark before its batch (the queue knows the
// days of all the batches before), so that each document sees the
// watermark of a sequential ingest.
//
// Every transaction is whole, and a rerun of a batch continues where the
// last one stopped (its documents are in staged_docs, its unfused blocks in
// staged_blocks), so a worker killed at any point leaves a state that the
// rerun completes to exactly the sequential one. A batch with a document
// that replaces a stored one (same URL or path, new text) cannot be staged:
// replacing rebuilds events of other blocks. StageBatch refuses it
// (ErrInTurn) and it is stored whole with IngestBatch once every batch
// before it is done.

// ErrInTurn says that a batch must be stored in turn, with IngestBatch
// after every batch before it: one of its documents replaces a stored one.
var ErrInTurn = errors.New("store: a document replaces a stored version: the batch is stored in turn")

// FusedChannel is the PostgreSQL notification channel on which every
// fusion round of FuseStaged notifies at its commit (pg_notify, empty
// payload), so that batches waiting for its blocks wake at once rather
// than at their next look. The job queue notifies on it too when a batch
// is staged or done.
const FusedChannel = "entente_fused"

// StagedDoc is what StageBatch did with one document of a batch.
type StagedDoc struct {
	ID    int64    // the stored document's id (0: unchanged, not this batch's)
	State DocState // DocNew (staged by this batch, now or in an earlier run) or DocUnchanged
}

const (
	qStagedDocs    = `SELECT doc_id FROM staged_docs WHERE ord = ?`
	qStagedBlocks  = `SELECT s.block, (SELECT min(p.ord) FROM staged_blocks p WHERE p.block = s.block AND p.ord < s.ord) FROM staged_blocks s WHERE s.ord = ?`
	qUnstageDocs   = `DELETE FROM staged_docs WHERE ord = ?`
	qUnstageBlocks = `DELETE FROM staged_blocks WHERE ord = ?`
)

// StageBatch stores the texts of batch ord (step 1 above) in one
// transaction. A document whose text is stored already is left alone
// (DocUnchanged), unless this batch staged it in an earlier run. It
// returns ErrInTurn, having stored nothing, when a document replaces a
// stored one.
func (s *Store) StageBatch(ctx context.Context, ord int64, rs []*pipeline.Result) ([]StagedDoc, error) {
	var out []StagedDoc
	var keys []int64
	for _, r := range rs {
		hash := Hash(r.Doc.Text)
		keys = append(keys, lockKey("doc\x00"+docIdent(r, hash)), lockKey("hash\x00"+hash))
	}
	slices.Sort(keys)
	err := s.write(ctx, fmt.Sprintf("staging batch %d", ord), slices.Compact(keys), func(w *wtx) error {
		// The documents' sentences and mentions are not written here but
		// by FuseStaged (storeTexts), while it waits for blocks.
		defer func() { w.rows[tSentences], w.rows[tMentions] = nil, nil }()
		out = make([]StagedDoc, len(rs))
		var blocks []string
		// What is stored of the batch's documents, in three statements
		// rather than three per document.
		hashes, idents := make([]string, len(rs)), make([]string, len(rs))
		for i, r := range rs {
			hashes[i] = Hash(r.Doc.Text)
			idents[i] = docIdent(r, hashes[i])
		}
		byHash, err := s.lookup(ctx, w, `SELECT hash, id FROM documents WHERE hash = ?`, hashes)
		if err != nil {
			return err
		}
		byIdent, err := s.lookup(ctx, w, `SELECT ident, id FROM documents WHERE ident = ?`, idents)
		if err != nil {
			return err
		}
		mine := map[int64]bool{} // the documents this batch staged in an earlier run
		if len(byHash) > 0 {
			rows, err := w.QueryContext(ctx, s.q(qStagedDocs), ord)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				mine[id] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		var staged [][]any
		for i, r := range rs {
			hash, ident := hashes[i], idents[i]
			if id, ok := byHash[hash]; ok {
				if mine[id] {
					out[i] = StagedDoc{ID: id, State: DocNew}
				} else {
					out[i] = StagedDoc{State: DocUnchanged}
				}
				continue
			}
			if _, ok := byIdent[ident]; ok {
				return ErrInTurn
			}
			id, err := s.insertDoc(ctx, w, r, ident, hash)
			if err != nil {
				return fmt.Errorf("store: %s: %w", r.Doc.ID, err)
			}
			// A later document of the batch with the same text or
			// identity finds this one as it would find a stored one.
			byHash[hash], byIdent[ident] = id, id
			mine[id] = true
			staged = append(staged, []any{ord, id})
			blocks = append(blocks, blocksOf(r.Events)...)
			out[i] = StagedDoc{ID: id, State: DocNew}
		}
		if len(staged) > 0 {
			args := make([]any, 0, 2*len(staged))
			for _, row := range staged {
				args = append(args, row...)
			}
			if _, err := w.ExecContext(ctx, s.q(`INSERT INTO staged_docs (ord, doc_id) VALUES `+placeholders(len(staged), "(?, ?)")), args...); err != nil {
				return err
			}
		}
		// The batch's blocks, in one statement.
		slices.Sort(blocks)
		blocks = slices.Compact(blocks)
		if len(blocks) == 0 {
			return nil
		}
		args := make([]any, 0, 2*len(blocks))
		for _, b := range blocks {
			args = append(args, b, ord)
		}
		_, err = w.ExecContext(ctx, s.q(`INSERT INTO staged_blocks (block, ord) VALUES `+placeholders(len(blocks), "(?, ?)")+` ON CONFLICT DO NOTHING`), args...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lookup runs query, whose one placeholder takes a key, for every key
// in one statement (UNION ALL), and returns its rows (a key and an id) as
// a map. One equality per key, not an IN list: an equality on a unique
// column plans as an index look-up whatever the table's size, while the
// generic plan of an IN list, made on the empty table, stayed a
// sequential scan (222 buffers a call over 4,000 documents).
func (s *Store) lookup(ctx context.Context, w *wtx, query string, keys []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := w.QueryContext(ctx, s.q(strings.TrimSuffix(strings.Repeat(query+" UNION ALL ", len(keys)), " UNION ALL ")), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		out[k] = id
	}
	return out, rows.Err()
}

// placeholders returns n copies of mark, comma-separated.
func placeholders(n int, mark string) string {
	return strings.TrimSuffix(strings.Repeat(mark+", ", n), ", ")
}

// blocksOf returns the distinct blocks of events, sorted.
func blocksOf(evs []model.Event) []string {
	var out []string
	for i := range evs {
		out = append(out, fuse.Key(&evs[i]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FuseStats says how FuseStaged went.
type FuseStats struct {
	Rounds int           // transactions that fused blocks
	Wait   time.Duration // waiting for earlier batches to leave blocks, and for advisory locks
}

// FuseStaged fuses the reports of batch ord (step 2 above): rs and docs
// are the batch's results and StageBatch's answer for them (a rerun passes
// the same). markBefore is the fusion watermark (fuse package doc) of a
// sequential ingest before the batch: the latest publication day
// (fuse.Day) of the documents stored before it, which must be past 0 (a
// batch before the first dated document is stored in turn: the first
// watermark changes events of every block). Each document is fused under
// the watermark a sequential ingest would have at it, whatever the batches
// after it have fused meanwhile; the stored mark (fuse_mark) only grows. The caller must have seen every batch before ord staged or
// done. When no block is free, FuseStaged calls wait with the earliest
// batch that holds one of the blocks it waits for: wait returns at once
// with an error to give up (FuseStaged returns it; a rerun continues), or
// after a pause, nil to look again. outs[i] counts the events of rs[i].
func (s *Store) FuseStaged(ctx context.Context, ord int64, markBefore int, rs []*pipeline.Result, docs []StagedDoc, wait func(ctx context.Context, blocker int64) error) (outs []Outcome, st FuseStats, err error) {
	if markBefore <= 0 {
		return nil, st, fmt.Errorf("store: batch %d: no fusion watermark before it: store it in turn", ord)
	}
	outs = make([]Outcome, len(rs))
	perBlock := map[string]int{}  // the batch's reports in each block
	marks := make([]int, len(rs)) // each document's watermark before it
	mark := markBefore
	for i, r := range rs {
		outs[i].Doc = docs[i].State
		marks[i] = mark
		if docs[i].State == DocNew {
			mark = max(mark, fuse.Day(r.Doc.Published))
			for j := range r.Events {
				perBlock[fuse.Key(&r.Events[j])]++
			}
		}
	}
	texts := false // the batch's sentences and mentions are written
	for {
		free, blocker, left, err := s.freeBlocks(ctx, ord)
		if err != nil {
			return outs, st, err
		}
		if left == 0 {
			break
		}
		if len(free) == 0 && !texts {
			// Rather than wait, write the texts.
			if err := s.storeTexts(ctx, ord, rs, docs); err != nil {
				return outs, st, err
			}
			texts = true
			continue
		}
		if len(free) == 0 {
			t0 := time.Now()
			err := wait(ctx, blocker)
			st.Wait += time.Since(t0)
			if err != nil {
				return outs, st, err
			}
			continue
		}
		free = roundOf(free, perBlock)
		keys := make([]int64, len(free))
		for i, b := range free {
			keys[i] = blockKey(b)
		}
		slices.Sort(keys)
		round := make([]Outcome, len(rs))
		err = s.write(ctx, fmt.Sprintf("fusing batch %d", ord), keys, func(w *wtx) error {
			st.Wait += w.locked
			clear(round)
			// Under the locks: the blocks this run still has to fuse (a
			// rescued run of the same batch may have fused some).
			args := []any{ord}
			for _, b := range free {
				args = append(args, b)
			}
			// On PostgreSQL the round also notifies FusedChannel: at its
			// commit, the batches waiting for these blocks look again.
			ret := `RETURNING block`
			if s.pg {
				ret = `RETURNING block, pg_notify('` + FusedChannel + `', '')`
			}
			rows, err := w.QueryContext(ctx, s.q(`DELETE FROM staged_blocks WHERE ord = ? AND block IN (`+placeholders(len(free), "?")+`) `+ret), args...)
			if err != nil {
				return err
			}
			todo := map[string]bool{}
			for rows.Next() {
				var b string
				dest := []any{&b}
				if s.pg {
					dest = append(dest, new(any)) // pg_notify's void
				}
				if err := rows.Scan(dest...); err != nil {
					rows.Close()
					return err
				}
				todo[b] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for i, r := range rs {
				if docs[i].State != DocNew {
					continue
				}
				var evs []model.Event
				for j := range r.Events {
					if todo[fuse.Key(&r.Events[j])] {
						evs = append(evs, r.Events[j])
					}
				}
				if len(evs) == 0 {
					continue
				}
				// The watermark of a sequential ingest at this document.
				w.pool.mark, w.pool.markRead = marks[i], true
				if err := s.fuseDoc(ctx, w, docs[i].ID, Hash(r.Doc.Text), r.Doc.Published, evs, &round[i]); err != nil {
					return fmt.Errorf("store: %s: %w", r.Doc.ID, err)
				}
			}
			return nil
		})
		if err != nil {
			return outs, st, err
		}
		st.Rounds++
		for i := range round {
			outs[i].EventsNew += round[i].EventsNew
			outs[i].EventsMerged += round[i].EventsMerged
		}
	}
	if !texts {
		if err := s.storeTexts(ctx, ord, rs, docs); err != nil {
			return outs, st, err
		}
	}
	if _, err := s.db.ExecContext(ctx, s.q(qUnstageDocs), ord); err != nil {
		return outs, st, fmt.Errorf("store: batch %d: %w", ord, err)
	}
	return outs, st, nil
}

// storeTexts writes the sentences and mentions of the batch's new
// documents (docs[i].State DocNew) that have none yet, in one transaction
// that takes no lock: StageBatch leaves them out, so that its batch claims
// its blocks sooner, and FuseStaged writes them while it would otherwise
// wait for blocks, or at its end. A rerun finds those written before (a
// document's sentences and mentions are written together) and leaves them.
func (s *Store) storeTexts(ctx context.Context, ord int64, rs []*pipeline.Result, docs []StagedDoc) error {
	var ids []any
	for i := range rs {
		if docs[i].State == DocNew {
			ids = append(ids, docs[i].ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return s.write(ctx, fmt.Sprintf("texts of batch %d", ord), []int64{}, func(w *wtx) error {
		// One equality per document: index look-ups whatever the plan.
		q := `SELECT doc_id FROM sentences WHERE doc_id = ? AND idx = 0`
		rows, err := w.QueryContext(ctx, s.q(strings.TrimSuffix(strings.Repeat(q+" UNION ALL ", len(ids)), " UNION ALL ")), ids...)
		if err != nil {
			return err
		}
		written := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			written[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i, r := range rs {
			if docs[i].State == DocNew && !written[docs[i].ID] {
				if err := s.insertText(ctx, w, docs[i].ID, r); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// roundReports is about the most reports one round of FuseStaged fuses.
// Rounds are small so that batches that share blocks fuse at once: each
// batch takes its free blocks in the same (sorted) order, so the batch
// after one fuses the blocks of that one's first round while it fuses its
// second, and so on, rather than waiting for all of them.
const roundReports = 48

// roundOf returns the first of the free blocks, in sorted order, that hold
// about roundReports of the batch's reports (at least one block).
func roundOf(free []string, perBlock map[string]int) []string {
	slices.Sort(free)
	n := 0
	for i, b := range free {
		n += perBlock[b]
		if n >= roundReports {
			return free[:i+1]
		}
	}
	return free
}

// freeBlocks returns the blocks batch ord has yet to fuse that no earlier
// batch has to fuse first, the earliest batch holding one of the others,
// and how many blocks are left in all.
func (s *Store) freeBlocks(ctx context.Context, ord int64) (free []string, blocker int64, left int, err error) {
	rows, err := s.db.QueryContext(ctx, s.q(qStagedBlocks), ord)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("store: batch %d: %w", ord, err)
	}
	defer rows.Close()
	for rows.Next() {
		var b string
		var before sql.NullInt64
		if err := rows.Scan(&b, &before); err != nil {
			return nil, 0, 0, fmt.Errorf("store: batch %d: %w", ord, err)
		}
		left++
		switch {
		case !before.Valid:
			free = append(free, b)
		case blocker == 0 || before.Int64 < blocker:
			blocker = before.Int64
		}
	}
	return free, blocker, left, rows.Err()
}

// Unstage forgets what batch ord has left to fuse: for a batch that will
// never run again (failed for good, or cancelled), so that the batches
// after it do not wait for it.
func (s *Store) Unstage(ctx context.Context, ord int64) error {
	for _, q := range []string{qUnstageBlocks, qUnstageDocs} {
		if _, err := s.db.ExecContext(ctx, s.q(q), ord); err != nil {
			return fmt.Errorf("store: batch %d: %w", ord, err)
		}
	}
	return nil
}
