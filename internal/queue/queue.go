// Package queue scales ingest out over many processes: a job queue in
// PostgreSQL (River) and stateless workers that share only the database.
//
// In: documents (read and parsed, model.Document) handed to Enqueue, in the
// order a sequential `entente ingest` would read them; they are cut into
// small batches, one River job each, numbered in that order (seq), and a
// text already enqueued (by its content hash) is left out. Out: workers
// (Worker) that extract and store the batches, and queue statistics
// (Stats).
//
// Fusion depends on the order in which a block's reports arrive (a new
// report joins the first compatible stored event of its block, and an
// event's id derives from its block and founding report), but blocks are
// independent. So a worker extracts its batch, stores its texts at once
// with the other workers (store.StageBatch, which claims the batch's
// blocks), and once every batch before it has done so, fuses its reports
// block by block, each block after the batches before it
// (store.FuseStaged, under the blocks' advisory locks). N workers thus end
// in exactly the events, ids included, of one sequential ingest of the
// same inputs. A batch waits while the batch it waits for is being worked;
// when that one is not (it waits for a slot or a retry), the waiting batch
// gives up its slot (snoozes, longer the further behind it is). A batch
// with a document that replaces a stored one (its URL or path enqueued or
// stored before, with another text) is stored whole in turn, after every
// batch before it, and so is a batch before the first dated document
// (fusion's watermark, the latest publication day fused so far, is
// global: enqueue records each batch's watermark before it, and every
// document is fused under the one of a sequential ingest). A dead
// worker's job is rescued by River after RescueAfter; every transaction is
// whole and records what it did, so the rerun finishes exactly what was
// left.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"entente/internal/fuse"
	"entente/internal/model"
	"entente/internal/store"
)

// Kind is the River job kind of an ingest batch.
const Kind = "entente_ingest"

// ErrNotPostgres is returned for a database that is not PostgreSQL.
var ErrNotPostgres = errors.New("queue: the job queue needs PostgreSQL (--db postgres://…)")

// IngestArgs are the arguments of an ingest job: a batch of documents, as
// read (and parsed) by the enqueuer, and its place in the order of storing.
type IngestArgs struct {
	Seq  int64             `json:"seq"`
	N    int               `json:"n"` // documents in the batch
	Docs []*model.Document `json:"docs"`
}

// Kind implements river.JobArgs.
func (IngestArgs) Kind() string { return Kind }

// IsPostgres tells whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Queue is an open job queue.
type Queue struct {
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx] // insert-only
	// MaxAttempts is how often a job runs before it is kept as failed.
	maxAttempts int
}

// Options configure Open.
type Options struct {
	// MaxAttempts is how often an enqueued job runs before it is kept as
	// failed (default 5).
	MaxAttempts int
}

// Open connects to the PostgreSQL database dsn and applies River's
// migrations and the queue's own tables, under an advisory lock so that
// processes starting at once do not apply them twice.
func Open(ctx context.Context, dsn string, opts Options) (*Queue, error) {
	if !IsPostgres(dsn) {
		return nil, fmt.Errorf("%w; %q is a SQLite file", ErrNotPostgres, dsn)
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 5
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{MaxAttempts: opts.MaxAttempts, Logger: quietLogger()})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	return &Queue{pool: pool, client: client, maxAttempts: opts.MaxAttempts}, nil
}

// Close closes the connections.
func (q *Queue) Close() { q.pool.Close() }

// migrationLock is the advisory-lock key of the queue's migrations.
const migrationLock = 0x656e74656e7465 // "entente"

// schema is the queue's own tables: each batch's progress (staged: its
// texts are stored and its blocks claimed; done: stored; in_turn: it is
// stored whole after every batch before it) and its fusion watermark
// before and after it (mark_before, mark_after: fuse package doc), the content hashes enqueued
// (a document is enqueued once), and the identities (URL or path) of the
// documents enqueued: a batch with an identity enqueued before replaces a
// document, and is stored in turn.
const schema = `
CREATE TABLE IF NOT EXISTS entente_queue_batches (
	seq  BIGSERIAL PRIMARY KEY,
	docs INT NOT NULL,
	done BOOLEAN NOT NULL DEFAULT false
);
ALTER TABLE entente_queue_batches ADD COLUMN IF NOT EXISTS job_id BIGINT;
CREATE INDEX IF NOT EXISTS entente_queue_batches_todo ON entente_queue_batches(seq) WHERE NOT done;
CREATE TABLE IF NOT EXISTS entente_queue_docs (
	hash TEXT PRIMARY KEY,
	seq  BIGINT NOT NULL
);
ALTER TABLE entente_queue_batches ADD COLUMN IF NOT EXISTS staged BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE entente_queue_batches ADD COLUMN IF NOT EXISTS in_turn BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS entente_queue_batches_unstaged ON entente_queue_batches(seq) WHERE NOT staged;
ALTER TABLE entente_queue_batches ADD COLUMN IF NOT EXISTS mark_before INT NOT NULL DEFAULT 0;
ALTER TABLE entente_queue_batches ADD COLUMN IF NOT EXISTS mark_after INT NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS entente_queue_idents (
	ident TEXT PRIMARY KEY,
	seq   BIGINT NOT NULL
);`

func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("queue: migration lock: %w", err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: quietLogger()})
	if err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	if _, err := conn.Exec(ctx, schema); err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	return nil
}

// quietLogger is River's own logger: warnings and errors only.
func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// enqueueLock is the advisory-lock key that makes enqueues take turns.
const enqueueLock = 0x656e74656e7466

// markBefore returns the fusion watermark (fuse package doc) that a
// sequential ingest would have before batch seq: the latest publication
// day of the documents enqueued before it, or stored before the queue
// (the store's fuse_mark, when the store's tables exist).
func (q *Queue) markBefore(ctx context.Context, tx pgx.Tx, seq int64) (int, error) {
	var mark int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(mark_after), 0) FROM entente_queue_batches WHERE seq < $1`, seq).Scan(&mark); err != nil {
		return 0, fmt.Errorf("queue: enqueue: %w", err)
	}
	var stored bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('fuse_mark') IS NOT NULL`).Scan(&stored); err != nil {
		return 0, fmt.Errorf("queue: enqueue: %w", err)
	}
	if stored {
		var day int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(day), 0) FROM fuse_mark`).Scan(&day); err != nil {
			return 0, fmt.Errorf("queue: enqueue: %w", err)
		}
		mark = max(mark, day)
	}
	return mark, nil
}

// Enqueued counts what Enqueue did.
type Enqueued struct {
	Jobs, Docs, Skipped int // Skipped: texts enqueued before
}

// Enqueue writes one job for the documents not enqueued before (by content
// hash), in one transaction. Call it with small batches, in order.
func (q *Queue) Enqueue(ctx context.Context, docs []*model.Document) (Enqueued, error) {
	var out Enqueued
	if len(docs) == 0 {
		return out, nil
	}
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	defer tx.Rollback(ctx)
	// One enqueue at a time: each batch's watermark follows the batches
	// before it.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(enqueueLock)); err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	var seq int64
	if err := tx.QueryRow(ctx, `INSERT INTO entente_queue_batches (docs) VALUES (0) RETURNING seq`).Scan(&seq); err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	markBefore, err := q.markBefore(ctx, tx, seq)
	if err != nil {
		return out, err
	}
	markAfter := markBefore
	var keep []*model.Document
	inTurn := false
	for _, d := range docs {
		tag, err := tx.Exec(ctx, `INSERT INTO entente_queue_docs (hash, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING`, store.Hash(d.Text), seq)
		if err != nil {
			return out, fmt.Errorf("queue: enqueue %s: %w", d.Path, err)
		}
		if tag.RowsAffected() == 0 {
			out.Skipped++
			continue
		}
		var inserted bool
		err = tx.QueryRow(ctx, `INSERT INTO entente_queue_idents (ident, seq) VALUES ($1, $2)
			ON CONFLICT (ident) DO UPDATE SET seq = excluded.seq RETURNING xmax = 0`, store.Ident(d), seq).Scan(&inserted)
		if err != nil {
			return out, fmt.Errorf("queue: enqueue %s: %w", d.Path, err)
		}
		if !inserted { // an identity enqueued before: a new version
			inTurn = true
		}
		markAfter = max(markAfter, fuse.Day(d.Published))
		keep = append(keep, d)
	}
	if len(keep) == 0 {
		return out, nil // rolled back: no batch
	}
	args := IngestArgs{Seq: seq, N: len(keep), Docs: keep}
	res, err := q.client.InsertTx(ctx, tx, args, &river.InsertOpts{MaxAttempts: q.maxAttempts})
	if err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE entente_queue_batches SET docs = $1, job_id = $2, in_turn = $3, mark_before = $4, mark_after = $5 WHERE seq = $6`,
		len(keep), res.Job.ID, inTurn || markBefore == 0, markBefore, markAfter, seq); err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return out, fmt.Errorf("queue: enqueue: %w", err)
	}
	out.Jobs, out.Docs = 1, len(keep)
	return out, nil
}
