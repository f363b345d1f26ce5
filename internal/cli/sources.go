package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/ingest"
	"entente/internal/ingest/fetch"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// sourceFlags are the flags of commands that read articles: how files and
// standard input are read, and how URLs are fetched.
type sourceFlags struct {
	format    string
	feed      bool
	userAgent string
	delay     time.Duration
	timeout   time.Duration
}

func (s *sourceFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.format, "input-format", ingest.FormatAuto, "how files and - are read: auto (by extension; web pages sniffed), text, html, jsonl")
	s.addFetch(cmd)
	cmd.Flags().BoolVar(&s.feed, "feed", false, "URL arguments are feeds (RSS, Atom, JSON Feed): read each item's page")
}

// addFetch adds the flags of the HTTP fetcher.
func (s *sourceFlags) addFetch(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.userAgent, "user-agent", fetch.Defaults.UserAgent, "User-Agent of web requests (its first word is the name robots.txt rules are matched with)")
	cmd.Flags().DurationVar(&s.delay, "delay", fetch.Defaults.Delay, "least time between two requests to one site (a longer robots.txt Crawl-delay wins)")
	cmd.Flags().DurationVar(&s.timeout, "timeout", fetch.Defaults.Timeout, "time limit of one web request")
}

// check refuses unknown flag values (exit status 2).
func (s *sourceFlags) check() error {
	if err := ingest.CheckFormat(s.format); err != nil {
		return usage(fmt.Errorf("--input-format: %w", err))
	}
	if s.delay < 0 || s.timeout <= 0 {
		return usage(fmt.Errorf("--delay and --timeout: want positive durations"))
	}
	return nil
}

// fetcher makes the HTTP fetcher of the flags.
func (s *sourceFlags) fetcher() *fetch.Fetcher {
	return fetch.New(fetch.Config{UserAgent: s.userAgent, Delay: s.delay, Timeout: s.timeout})
}

// walk returns the documents of args for pipeline.StreamFrom: files,
// folders, standard input, and URLs of pages or feeds.
func (e *env) walk(ctx context.Context, p *pipeline.Pipeline, s *sourceFlags, args []string) func(func(*model.Document, error) error) error {
	web := &ingest.Web{Parser: p.Parser, Fetcher: s.fetcher(), Feeds: s.feed, Published: p.Published()}
	o := ingest.Options{Published: p.Published(), Stdin: e.stdin, Format: s.format, Context: ctx, Fetch: web.Fetch}
	return func(fn func(*model.Document, error) error) error {
		return p.Parser.WalkWith(args, o, func(doc *model.Document, err error) error {
			if doc != nil && doc.Meta["encoding"] != "" {
				fmt.Fprintf(e.stderr, "entente: %s: decoded from %s\n", doc.Path, doc.Meta["encoding"])
			}
			return fn(doc, err)
		})
	}
}
