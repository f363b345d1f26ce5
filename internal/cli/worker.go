package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/queue"
	"entente/internal/store"
)

func (e *env) workerCmd() *cobra.Command {
	var db, metricsAddr, logFormat, logLevel string
	var cfg queue.WorkerConfig
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Ingest the articles of the PostgreSQL job queue (see enqueue)",
		Long: `worker runs the ingest jobs that ` + "`entente enqueue`" + ` wrote into a PostgreSQL
database: it reads each batch of articles and stores and fuses its events as
` + "`entente ingest`" + ` does. Any number of workers, on any machines, share the
database and nothing else. Extraction and storing the texts run on all of
them at once; a batch's reports are fused block by block (event type and
actors), each block in the order the batches were enqueued, so the events,
ids included, are those of one sequential ingest.

It runs until stopped: SIGINT or SIGTERM lets the jobs it runs finish (a
second signal cancels them; they run again later). --exit-when-idle returns
once no job is left. A failing job is retried with backoff (1 s, 2 s, 4 s, …)
and after its last attempt kept as failed with its error (` + "`entente queue stats`" + `).
A worker killed outright leaves its job to be run again after --rescue-after,
which finishes what it left (each transaction is whole). One log line per job goes to standard error;
--metrics-addr serves Prometheus metrics at /metrics.`,
		Example: `  entente worker --db postgres://entente@localhost/entente --concurrency 2
  entente worker --db postgres://entente@localhost/entente --exit-when-idle --metrics-addr :9464`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := queueDB(db); err != nil {
				return err
			}
			var level slog.Level
			if err := level.UnmarshalText([]byte(logLevel)); err != nil {
				return usage(fmt.Errorf("worker: --log-level %q: want debug, info, warn or error", logLevel))
			}
			var handler slog.Handler
			switch opts := (&slog.HandlerOptions{Level: level}); logFormat {
			case "text":
				handler = slog.NewTextHandler(e.stderr, opts)
			case "json":
				handler = slog.NewJSONHandler(e.stderr, opts)
			default:
				return usage(fmt.Errorf("worker: --log-format %q: want text or json", logFormat))
			}
			base := cmd.Context()
			if base == nil {
				base = context.Background()
			}
			// The first signal stops fetching jobs; the second cancels
			// those running.
			ctx, stopFetching := signal.NotifyContext(base, os.Interrupt, syscall.SIGTERM)
			defer stopFetching()
			stop, cancelJobs := context.WithCancel(context.WithoutCancel(base))
			defer cancelJobs()
			go func() {
				<-ctx.Done()
				sig := make(chan os.Signal, 1)
				signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
				defer signal.Stop(sig)
				select {
				case <-sig:
					cancelJobs()
				case <-stop.Done():
				}
			}()
			st, err := store.Open(base, db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := e.pipeline(false, false, 1, "")
			if err != nil {
				return err
			}
			q, err := queue.Open(base, db, queue.Options{})
			if err != nil {
				return err
			}
			defer q.Close()
			cfg.Store, cfg.Pipeline = st, p
			cfg.Logger = slog.New(handler)
			cfg.Metrics = &queue.Metrics{}
			if metricsAddr != "" {
				l, err := net.Listen("tcp", metricsAddr)
				if err != nil {
					return fmt.Errorf("worker: --metrics-addr: %w", err)
				}
				mux := http.NewServeMux()
				mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
					w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
					cfg.Metrics.WritePrometheus(w)
				})
				srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
				go srv.Serve(l)
				defer srv.Close()
				cfg.Logger.Info("metrics", "addr", "http://"+l.Addr().String()+"/metrics")
			}
			w, err := queue.NewWorker(q, cfg)
			if err != nil {
				return err
			}
			start := time.Now()
			cfg.Logger.Info("worker started", "concurrency", cfg.Concurrency, "exit_when_idle", cfg.ExitWhenIdle)
			err = w.Run(ctx, stop)
			s := cfg.Metrics.Snapshot()
			fmt.Fprintf(e.stderr, "jobs: %d done, %d failed, %d retried, %d snoozed; documents: %d new, %d unchanged, %d updated, %d failed; events: %d new, %d merged; job time: extract %.2f s, wait %.2f s, store %.2f s (%s)\n",
				s.JobsDone, s.JobsFailed, s.JobsRetried, s.Snoozed, s.DocsNew, s.DocsUnchanged, s.DocsUpdated, s.DocsFailed, s.EventsNew, s.EventsMerged,
				s.Extract.Seconds(), s.Wait.Seconds(), s.Store.Seconds(), time.Since(start).Round(time.Millisecond))
			if err != nil && !errors.Is(err, context.Canceled) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", os.Getenv("ENTENTE_DB"), "the queue's database: a postgres:// `URL` (default $ENTENTE_DB)")
	cmd.Flags().IntVar(&cfg.Concurrency, "concurrency", 0, "jobs run at once (default: number of CPUs)")
	cmd.Flags().BoolVar(&cfg.ExitWhenIdle, "exit-when-idle", false, "exit once no job is left to run")
	cmd.Flags().StringVar(&metricsAddr, "metrics-addr", "", "serve Prometheus metrics at http://`ADDR`/metrics (e.g. :9464)")
	cmd.Flags().DurationVar(&cfg.RescueAfter, "rescue-after", 5*time.Minute, "cancel a job that runs this long, and run a dead worker's job again after it")
	cmd.Flags().DurationVar(&cfg.RetryBase, "retry-base", time.Second, "delay before a failed job's first retry (doubles each time)")
	cmd.Flags().StringVar(&logFormat, "log-format", "text", "log lines as text or json")
	cmd.Flags().StringVar(&logLevel, "log-level", "info", "least level logged: debug, info (a line per job), warn or error")
	e.confidenceFlag(cmd.Flags(), "store")
	return cmd
}
