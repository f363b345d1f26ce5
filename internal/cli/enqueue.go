package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/model"
	"entente/internal/queue"
)

func (e *env) enqueueCmd() *cobra.Command {
	var o enqueueOptions
	cmd := &cobra.Command{
		Use:   "enqueue PATH...",
		Short: "Put articles into the PostgreSQL job queue for `entente worker` to ingest",
		Long: `enqueue reads articles like ingest does (files, folders, standard input,
web pages and feeds) and writes them into the job queue
of a PostgreSQL database (River), in small batches, one job each; any number
of ` + "`entente worker`" + ` processes, on any machines, then ingest them. A text that
was enqueued before is left out. Workers store the batches in the order they
were enqueued, so the events (ids included) are those one ` + "`entente ingest`" + ` of
the same inputs gives. The queue needs PostgreSQL.`,
		Example: `  entente enqueue --db postgres://entente@localhost/entente news/
  entente enqueue --db postgres://entente@localhost/entente --feed https://example.org/rss.xml
  entente worker --db postgres://entente@localhost/entente --exit-when-idle`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			return e.enqueue(ctx, args, o)
		},
	}
	cmd.Flags().StringVar(&o.db, "db", os.Getenv("ENTENTE_DB"), "the queue's database: a postgres:// `URL` (default $ENTENTE_DB)")
	o.flags(cmd)
	o.src = &sourceFlags{}
	o.src.add(cmd)
	return cmd
}

// enqueueOptions are the flags of enqueue and ingest --queue.
type enqueueOptions struct {
	db          string
	batch       int
	maxAttempts int
	src         *sourceFlags // how files, standard input and URLs are read
}

func (o *enqueueOptions) flags(cmd *cobra.Command) {
	cmd.Flags().IntVar(&o.batch, "batch", 16, "documents per job")
	cmd.Flags().IntVar(&o.maxAttempts, "max-attempts", 5, "runs of a failing job before it is kept as failed")
}

// enqueue writes the documents of paths into the queue.
func (e *env) enqueue(ctx context.Context, paths []string, o enqueueOptions) error {
	if len(paths) == 0 {
		return usage(fmt.Errorf("enqueue: no input: give files, folders, or - for standard input"))
	}
	if err := queueDB(o.db); err != nil {
		return err
	}
	if o.batch < 1 {
		return usage(fmt.Errorf("enqueue: --batch must be at least 1"))
	}
	if err := o.src.check(); err != nil {
		return err
	}
	p, err := e.pipeline(false, false, 1, "")
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, o.db, queue.Options{MaxAttempts: o.maxAttempts})
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	var sum queue.Enqueued
	failed := 0
	var batch []*model.Document
	flush := func() error {
		n, err := q.Enqueue(ctx, batch)
		batch = batch[:0]
		sum.Jobs += n.Jobs
		sum.Docs += n.Docs
		sum.Skipped += n.Skipped
		return err
	}
	err = e.walk(ctx, p, o.src, paths)(func(doc *model.Document, err error) error {
		if err != nil {
			failed++
			fmt.Fprintln(e.stderr, "entente:", err)
			return nil
		}
		if batch = append(batch, doc); len(batch) == o.batch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	fmt.Fprintf(e.stderr, "enqueued: %d documents in %d jobs, %d enqueued before, %d failed to read (%s)\n",
		sum.Docs, sum.Jobs, sum.Skipped, failed, time.Since(start).Round(time.Millisecond))
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// queueDB checks the database of a queue command: the queue needs
// PostgreSQL (a usage error otherwise).
func queueDB(db string) error {
	if db == "" {
		return usage(fmt.Errorf("%w: give --db or set $ENTENTE_DB", queue.ErrNotPostgres))
	}
	if !queue.IsPostgres(db) {
		return usage(fmt.Errorf("%w; %q is a SQLite file", queue.ErrNotPostgres, db))
	}
	return nil
}
