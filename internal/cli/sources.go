package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"entente/internal/ingest"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// sourceFlags are the flags of commands that read articles: how files and
// standard input are read.
type sourceFlags struct {
	format string
}

func (s *sourceFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.format, "input-format", ingest.FormatAuto, "how files and - are read: auto (by extension; web pages sniffed), text, html, jsonl")
}

// check refuses unknown flag values (exit status 2).
func (s *sourceFlags) check() error {
	if err := ingest.CheckFormat(s.format); err != nil {
		return usage(fmt.Errorf("--input-format: %w", err))
	}
	return nil
}

// walk returns the documents of args for pipeline.StreamFrom.
func (e *env) walk(ctx context.Context, p *pipeline.Pipeline, s *sourceFlags, args []string) func(func(*model.Document, error) error) error {
	o := ingest.Options{Published: p.Published(), Stdin: e.stdin, Format: s.format, Context: ctx}
	return func(fn func(*model.Document, error) error) error {
		return p.Parser.WalkWith(args, o, func(doc *model.Document, err error) error {
			if doc != nil && doc.Meta["encoding"] != "" {
				fmt.Fprintf(e.stderr, "entente: %s: decoded from %s\n", doc.Path, doc.Meta["encoding"])
			}
			return fn(doc, err)
		})
	}
}
