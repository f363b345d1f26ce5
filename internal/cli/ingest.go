package cli

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/pipeline"
	"entente/internal/store"
)

func (e *env) ingestCmd() *cobra.Command {
	var db string
	var explain bool
	var workers int
	var toQueue bool
	var qo enqueueOptions
	var src sourceFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract events from articles and store them, fused with the events already stored",
		Long: `ingest reads articles like extract does, stores each document with its
sentences, mentions and events, and fuses its events into those already in the
database: a new report of a known event joins it.

A document whose text is stored already is skipped; a new text under a known
URL (or path) replaces the old version. Each document is one transaction, so
an interrupted ingest leaves whole documents only: run the same command again
to finish it. The database is a SQLite file (default ./entente.db) or a
PostgreSQL URL (postgres://user@host/db).`,
		Example: `  entente ingest news/
  entente ingest --feed https://example.org/rss.xml
  entente ingest --db postgres://entente@localhost/entente news/*.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := src.check(); err != nil {
				return err
			}
			if len(args) == 0 {
				return usage(fmt.Errorf("ingest: no input: give files, folders, or - for standard input"))
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			if toQueue { // entente enqueue
				if explain || cmd.Flags().Changed("min-confidence") {
					return usage(fmt.Errorf("ingest: --explain and --min-confidence act when storing, not with --queue"))
				}
				qo.db, qo.src = db, &src
				return e.enqueue(ctx, args, qo)
			}
			st, err := store.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := e.pipeline(explain, false, workers, "")
			if err != nil {
				return err
			}
			bar := e.newProgress("ingesting", args, src.format)
			var sum tally // the writer's
			var failed atomic.Int64
			var errMu sync.Mutex // the writer and the reader both report failures
			report := func(err error) {
				failed.Add(1)
				errMu.Lock()
				fmt.Fprintln(e.stderr, "entente:", err)
				errMu.Unlock()
			}
			start := time.Now()
			// Documents are committed in batches: each whole, all in order.
			// A writer goroutine stores one batch while the pipeline reads
			// the next, so analysis and storage overlap.
			batches := make(chan []*pipeline.Result, 1)
			written := make(chan struct{})
			go func() {
				defer close(written)
				for batch := range batches {
					outs, errs := st.IngestBatch(ctx, batch)
					for i, out := range outs {
						if errs[i] != nil {
							report(errs[i])
							continue
						}
						sum.add(out)
					}
					bar.Add(len(batch))
				}
			}()
			var batch []*pipeline.Result
			p.StreamFrom(e.walk(cmd.Context(), p, &src, args), func(r *pipeline.Result) {
				if batch = append(batch, r); len(batch) == batchSize {
					batches <- batch
					batch = nil
				}
			}, report)
			if len(batch) > 0 {
				batches <- batch
			}
			close(batches)
			<-written
			bar.Finish()
			fmt.Fprintf(e.stderr, "documents: %d new, %d unchanged, %d updated, %d failed; events: %d new, %d merged (%s, %s)\n",
				sum.docNew, sum.docSame, sum.docUpd, failed.Load(), sum.evNew, sum.evMerged, st.Backend(), time.Since(start).Round(time.Millisecond))
			if failed.Load() > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL (default $ENTENTE_DB or ./entente.db)")
	cmd.Flags().BoolVar(&explain, "explain", false, "store with each event the trigger, entries and rules that produced it (serve highlights the trigger)")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents analysed at once (default: number of CPUs)")
	cmd.Flags().BoolVar(&toQueue, "queue", false, "put the documents into the PostgreSQL job queue for `entente worker` instead (as `entente enqueue`)")
	qo.flags(cmd)
	e.confidenceFlag(cmd.Flags(), "store")
	src.add(cmd)
	return cmd
}

// tally counts what storing documents did.
type tally struct{ docNew, docSame, docUpd, evNew, evMerged int }

func (t *tally) add(out store.Outcome) {
	switch out.Doc {
	case store.DocNew:
		t.docNew++
	case store.DocUnchanged:
		t.docSame++
	case store.DocUpdated:
		t.docUpd++
	}
	t.evNew += out.EventsNew
	t.evMerged += out.EventsMerged
}

// batchSize is the number of documents ingest commits at once.
const batchSize = 128

// dbDefault is the database of commands that take --db: $ENTENTE_DB, else
// ./entente.db.
func dbDefault() string {
	if v := os.Getenv("ENTENTE_DB"); v != "" {
		return v
	}
	return store.DefaultPath
}
