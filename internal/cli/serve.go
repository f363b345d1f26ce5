package cli

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/api"
	"entente/internal/kb"
	"entente/internal/plover"
	"entente/internal/store"
	"entente/internal/web"
)

// Limits of the server: a slow client cannot hold a connection, and no
// request runs longer than requestTimeout.
const (
	requestTimeout = 20 * time.Second
	headerTimeout  = 5 * time.Second
)

func (e *env) serveCmd() *cobra.Command {
	var db, addr string
	var allowIngest bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the workbench (web pages) and the REST API over a database",
		Long: `serve opens a database made by ingest and serves, from one binary with
everything embedded, the web workbench (events, an event's sources side by
side, documents, actors, a timeline and the alignment network) and the REST
API under /api/v1 (its OpenAPI document at /api/v1/openapi.json). It only
reads: there is no write endpoint. It listens on localhost unless --addr says
otherwise. With --allow-ingest it also stores texts POSTed to
/api/v1/documents?name=NAME by requests that bear the token in
$ENTENTE_TOKEN (Authorization: Bearer TOKEN).`,
		Example: `  entente serve
  entente serve --db postgres://entente@localhost/entente --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			st, _, err := openStore(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			k, err := kb.Load(e.kbFiles...)
			if err != nil {
				return err
			}
			logger := log.New(e.stderr, "entente serve: ", log.LstdFlags)
			tab, err := plover.Load(e.lexiconDirs...)
			if err != nil {
				return err
			}
			cfg := api.Config{Store: st, KB: k, Plover: tab, Sign: api.Signs(tab)}
			maxBody := int64(1 << 20)
			if allowIngest {
				if cfg.Token = os.Getenv("ENTENTE_TOKEN"); len(cfg.Token) < 16 {
					return usage(fmt.Errorf("serve: --allow-ingest needs a bearer token of at least 16 characters in $ENTENTE_TOKEN"))
				}
				p, err := e.pipeline(true, false, 1, "")
				if err != nil {
					return err
				}
				var mu sync.Mutex // documents are ingested one at a time, in order
				cfg.Ingest = func(ctx context.Context, name, text string) (store.Outcome, error) {
					mu.Lock()
					defer mu.Unlock()
					return st.Ingest(ctx, p.Process(p.ParseText(name, text)))
				}
				maxBody = api.MaxDocument + 1
			}
			a := api.New(cfg)
			w, err := web.New(web.Config{API: a, Store: st, Log: logger})
			if err != nil {
				return err
			}
			mux := http.NewServeMux()
			a.Register(mux)
			w.Register(mux)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usage(fmt.Errorf("serve: --addr %s: %w", addr, err))
			}
			srv := &http.Server{
				Handler:           web.Secure(mux, requestTimeout, maxBody),
				ReadHeaderTimeout: headerTimeout,
				ReadTimeout:       10 * time.Second,
				WriteTimeout:      requestTimeout + 5*time.Second,
				IdleTimeout:       60 * time.Second,
				MaxHeaderBytes:    64 << 10,
				ErrorLog:          logger,
			}
			fmt.Fprintf(e.stderr, "entente serve: %s (%s) on http://%s/\n", db, st.Backend(), ln.Addr())
			go func() {
				<-ctx.Done()
				shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				srv.Shutdown(shut)
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("serve: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	cmd.Flags().BoolVar(&allowIngest, "allow-ingest", false, "accept POST /api/v1/documents from requests bearing the token in $ENTENTE_TOKEN")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on (localhost only by default)")
	return cmd
}
