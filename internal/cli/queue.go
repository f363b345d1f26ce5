package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"entente/internal/queue"
)

func (e *env) queueCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "queue",
		Short: "Inspect the PostgreSQL job queue",
	}
	var db, format string
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the ingest jobs: pending, running, done, failed, and the rate",
		Long: `stats counts the queue's ingest jobs by state — pending (waiting to run or to
be retried), running, done (River keeps finished jobs 24 hours) and failed
(kept after their last attempt) — with the documents they hold, and the rate
of documents stored per second over the last minute. --format json writes
one object with the keys pending, running, done, failed, rate and documents.`,
		Example: `  entente queue stats --db postgres://entente@localhost/entente
  entente queue stats --db postgres://entente@localhost/entente --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := queueDB(db); err != nil {
				return err
			}
			if format != "text" && format != "json" {
				return usage(fmt.Errorf("queue stats: --format %q: want text or json", format))
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			q, err := queue.Open(ctx, db, queue.Options{})
			if err != nil {
				return err
			}
			defer q.Close()
			s, err := q.Stats(ctx)
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(e.stdout)
				return enc.Encode(s)
			}
			fmt.Fprintf(e.stdout, "%-8s %6s %9s\n", "jobs", "count", "documents")
			for _, r := range []struct {
				name       string
				jobs, docs int
			}{{"pending", s.Pending, s.Documents.Pending}, {"running", s.Running, s.Documents.Running}, {"done", s.Done, s.Documents.Done}, {"failed", s.Failed, s.Documents.Failed}} {
				fmt.Fprintf(e.stdout, "%-8s %6d %9d\n", r.name, r.jobs, r.docs)
			}
			fmt.Fprintf(e.stdout, "rate: %.1f documents/s over the last minute\n", s.Rate)
			return nil
		},
	}
	stats.Flags().StringVar(&db, "db", os.Getenv("ENTENTE_DB"), "the queue's database: a postgres:// `URL` (default $ENTENTE_DB)")
	stats.Flags().StringVar(&format, "format", "text", "text or json")
	cmd.AddCommand(stats)
	return cmd
}
