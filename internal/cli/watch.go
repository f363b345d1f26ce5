package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/ingest"
	"entente/internal/ingest/feed"
	"entente/internal/ingest/fetch"
	"entente/internal/model"
	"entente/internal/pipeline"
	"entente/internal/store"
)

func (e *env) watchCmd() *cobra.Command {
	var db, feedsFile string
	var every time.Duration
	var once bool
	var workers int
	var src sourceFlags
	cmd := &cobra.Command{
		Use:   "watch --feeds FILE",
		Short: "Poll news feeds and ingest their new items, remembering them across restarts",
		Long: `watch reads a list of feed URLs (RSS, Atom, JSON Feed; one a line, # starts
a comment), and every --every fetches each feed (conditionally: ETag and
Last-Modified), fetches the pages of the items it has not ingested yet, and
ingests them like "entente ingest" does. It logs one line per poll.

The database remembers which items were ingested and each feed's
validators, so a restarted watch goes on where it stopped. An item is
marked only after its document is committed: a watch killed mid-poll reads
the unmarked items again, and a document stored already adds nothing. A
failed page is reported and tried again at the next poll. SIGINT or
SIGTERM stops watch after the documents under way are stored; --once polls
once and exits (for cron).`,
		Example: `  entente watch --feeds feeds.txt --every 15m
  entente watch --feeds feeds.txt --once --db postgres://entente@localhost/entente`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := src.check(); err != nil {
				return err
			}
			if feedsFile == "" || len(args) > 0 {
				return usage(errors.New("watch: give the feed list with --feeds FILE (no other arguments)"))
			}
			if every <= 0 {
				return usage(fmt.Errorf("watch: --every %s: want a positive duration", every))
			}
			feeds, err := readFeedList(feedsFile)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := store.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := e.pipeline(false, false, workers, "")
			if err != nil {
				return err
			}
			w := &watcher{st: st, p: p, fetcher: src.fetcher(), feeds: feeds, log: e.stderr}
			for {
				sum := w.poll(ctx)
				if once || ctx.Err() != nil {
					if sum.failed > 0 && once {
						return exitError{1}
					}
					return nil
				}
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(every):
				}
			}
		},
	}
	cmd.Flags().StringVar(&feedsFile, "feeds", "", "`FILE` listing feed URLs, one a line")
	cmd.Flags().DurationVar(&every, "every", 15*time.Minute, "time between polls")
	e.confidenceFlag(cmd.Flags(), "store")
	cmd.Flags().BoolVar(&once, "once", false, "poll once and exit (exit status 1 if anything failed)")
	cmd.Flags().StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL (default $ENTENTE_DB or ./entente.db)")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents analysed at once (default: number of CPUs)")
	src.addFetch(cmd)
	return cmd
}

// readFeedList reads a feed list: one URL a line, # comments, blank lines.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usage(fmt.Errorf("watch: %w", err))
	}
	defer f.Close()
	var feeds []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !ingest.IsURL(line) {
			return nil, usage(fmt.Errorf("watch: %s:%d: %q is not an http(s) URL", path, n, line))
		}
		feeds = append(feeds, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("watch: %s: %w", path, err)
	}
	if len(feeds) == 0 {
		return nil, usage(fmt.Errorf("watch: %s: no feed URLs", path))
	}
	return feeds, nil
}

// watcher polls feeds into a store.
type watcher struct {
	st      *store.Store
	p       *pipeline.Pipeline
	fetcher *fetch.Fetcher
	feeds   []string
	log     io.Writer
}

// pollSum is what one poll did.
type pollSum struct {
	feeds, unchanged, items, failed int
	tally
}

// pending is a new item on its way: its feed and key, marked once its
// document is stored.
type pending struct{ feed, key string }

// poll reads every feed once and ingests the new items. When ctx ends it
// starts nothing new but stores what is analysed already.
func (w *watcher) poll(ctx context.Context) pollSum {
	start := time.Now()
	var sum pollSum
	var mu sync.Mutex // guards the queue and the failure count
	var queue []pending
	// Items not ingested in this poll keep their feed's validators from
	// being saved, so that the next poll reads the feed again.
	incomplete := map[string]bool{}
	validators := map[string]*fetch.Response{}
	report := func(feedURL string, err error) {
		mu.Lock()
		sum.failed++
		if feedURL != "" {
			incomplete[feedURL] = true
		}
		mu.Unlock()
		fmt.Fprintln(w.log, "entente: watch:", err)
	}
	web := &ingest.Web{Parser: w.p.Parser, Fetcher: w.fetcher, Feeds: true, Published: w.p.Published()}
	walk := func(fn func(*model.Document, error) error) error {
		for _, fu := range w.feeds {
			if ctx.Err() != nil {
				return nil
			}
			sum.feeds++
			etag, lm, err := w.st.FeedState(ctx, fu)
			if err != nil {
				report(fu, err)
				continue
			}
			resp, err := w.fetcher.Get(ctx, fu, etag, lm)
			if err != nil && ctx.Err() != nil {
				return nil
			}
			if err != nil {
				report(fu, err)
				continue
			}
			if resp.NotModified {
				sum.unchanged++
				continue
			}
			f, err := feed.Parse(resp.Body)
			if err != nil {
				report(fu, fmt.Errorf("%s: %w", fu, err))
				continue
			}
			validators[fu] = resp
			keys := make([]string, len(f.Items))
			for i, it := range f.Items {
				keys[i] = it.Key
			}
			seen, err := w.st.Seen(ctx, fu, keys)
			if err != nil {
				report(fu, err)
				continue
			}
			for i := range f.Items {
				it := &f.Items[i]
				if seen[it.Key] {
					continue
				}
				if ctx.Err() != nil {
					mu.Lock()
					incomplete[fu] = true
					mu.Unlock()
					return nil
				}
				sum.items++
				doc, err := web.Item(ctx, it)
				if err != nil && ctx.Err() != nil { // stopped: no failure, read again next time
					mu.Lock()
					incomplete[fu] = true
					mu.Unlock()
					return nil
				}
				if err != nil {
					report(fu, fmt.Errorf("%s: item %s: %w", fu, it.Key, err))
					continue
				}
				mu.Lock()
				queue = append(queue, pending{fu, it.Key})
				mu.Unlock()
				if err := fn(doc, nil); err != nil {
					return err
				}
			}
		}
		return nil
	}
	// Documents under way are stored even after a signal: each is one
	// transaction, whole or absent.
	storeCtx := context.WithoutCancel(ctx)
	w.p.StreamFrom(walk, func(r *pipeline.Result) {
		mu.Lock()
		item := queue[0]
		queue = queue[1:]
		mu.Unlock()
		out, err := w.st.Ingest(storeCtx, r)
		if err != nil {
			report(item.feed, err)
			return
		}
		sum.add(out)
		if err := w.st.MarkSeen(storeCtx, item.feed, item.key, r.Doc.Meta["url"]); err != nil {
			report(item.feed, err)
		}
	}, func(err error) { report("", err) })
	for fu, resp := range validators {
		if incomplete[fu] || ctx.Err() != nil {
			continue
		}
		if err := w.st.SaveFeedState(storeCtx, fu, resp.ETag, resp.LastModified); err != nil {
			report(fu, err)
		}
	}
	state := "done"
	if ctx.Err() != nil {
		state = "stopped"
	}
	fmt.Fprintf(w.log, "%s poll %s: %d feeds (%d not modified), %d new items: documents %d new, %d unchanged, %d updated, %d failed; events %d new, %d merged (%s)\n",
		time.Now().UTC().Format(time.RFC3339), state, sum.feeds, sum.unchanged, sum.items, sum.docNew, sum.docSame, sum.docUpd, sum.failed, sum.evNew, sum.evMerged,
		time.Since(start).Round(time.Millisecond))
	return sum
}
