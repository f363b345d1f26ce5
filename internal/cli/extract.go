package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/fuse"
	"entente/internal/pipeline"
)

func (e *env) extractCmd() *cobra.Command {
	var format, lang string
	var explain, hypothetical bool
	var workers, hot int
	var src sourceFlags
	cmd := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "Extract events from articles (files, folders, - for stdin)",
		Long: `extract reads articles (UTF-8 text files, folders read recursively, or - for
standard input), finds the political events they report, merges the same event
across articles and languages, and prints them.

Leading lines such as "date 2024-07", "title ...", "url ..." are metadata.
Web pages (.html, .htm, or sniffed) are reduced to their article, with
title, date, language and canonical URL from their metadata; JSONL files
(.jsonl, .ndjson, or --input-format jsonl) hold one article a line ("text"
or "html", and "url", "title", "published", "lang", "source"). An http(s)
URL is fetched politely (robots.txt, --delay per site); with --feed, URLs
are RSS, Atom or JSON feeds whose items' pages are read.
A file that cannot be read is reported and the rest go on; the exit status is
then 1.`,
		Example: `  entente extract examples/
  entente extract --format jsonl news/*.txt > events.jsonl
  cat article.txt | entente extract --published 2024-04-27 -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := src.check(); err != nil {
				return err
			}
			if len(args) == 0 {
				return usage(fmt.Errorf("extract: no input: give files, folders, or - for standard input"))
			}
			ew, err := e.writer(format)
			if err != nil {
				return err
			}
			// Only the events are kept: a long document's sentences and
			// mentions would otherwise pile up until it is done.
			p, err := e.pipelineWith(pipeline.Config{Explain: explain, Hypothetical: hypothetical, Workers: workers, Lang: lang, EventsOnly: true})
			if err != nil {
				return err
			}
			start := time.Now()
			docs, failed := 0, 0
			// An event goes out once it is closed: when the newest
			// publication date read has moved fuse.Lookback days past its
			// last report (the fusion window, see internal/fuse); the rest
			// go out at the end. Until then the sentences wait in a
			// temporary file, and so do the events beyond the most recently
			// used hotEvents, so memory follows the index of the open events
			// (a few words each), not the corpus, even where nothing closes.
			f := fuse.New()
			f.Stream(ew.Write)
			if spill, err := os.CreateTemp("", "entente-sentences-*"); err == nil {
				defer os.Remove(spill.Name())
				defer spill.Close()
				f.SpillTo(spill)
			}
			if park, err := os.CreateTemp("", "entente-events-*"); err == nil {
				defer os.Remove(park.Name())
				defer park.Close()
				f.ParkEventsTo(park, hot)
			}
			once := pipeline.Once{}
			bar := e.newProgress("extracting", args, src.format)
			p.StreamFrom(e.walk(cmd.Context(), p, &src, args), func(r *pipeline.Result) {
				docs++
				bar.Add(1)
				if once.First(r.Doc.Text) { // the same text given twice
					f.Add(fuse.Hash(r.Doc.Text), r.Doc.Published, r.Events)
				}
			}, func(err error) {
				failed++
				bar.Add(1)
				fmt.Fprintln(e.stderr, "entente:", err)
			})
			bar.Finish()
			if err := f.Each(ew.Write); err != nil {
				return err
			}
			if err := ew.Close(); err != nil {
				return err
			}
			if isTerminal(e.stderr) {
				fmt.Fprintf(e.stderr, "%d documents, %d events in %s\n", docs, f.Len(), time.Since(start).Round(time.Millisecond))
			}
			if failed > 0 {
				fmt.Fprintf(e.stderr, "entente: %d of %d files could not be read\n", failed, docs+failed)
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "", formatHelp)
	cmd.Flags().BoolVar(&explain, "explain", false, "add to each event the trigger, entries and rules that produced it")
	cmd.Flags().BoolVar(&hypothetical, "hypothetical", false, "also report events the text only supposes (\"could attack\", \"readiness for talks\")")
	cmd.Flags().BoolVar(&e.background, "background", false, "also report events the text only names without a date, place or participant of their own (\"Russia's invasion of Ukraine\"), with status background")
	e.confidenceFlag(cmd.Flags(), "report")
	cmd.Flags().StringVar(&lang, "lang", "", "`LANG` of every document, e.g. de (default: identified per document and paragraph)")
	cmd.Flags().IntVar(&hot, "hot-events", hotEvents, "fused events kept in memory whole; the others wait in a temporary file")
	cmd.Flags().MarkHidden("hot-events")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents processed at once (default: number of CPUs)")
	src.add(cmd)
	return cmd
}

// hotEvents is the most fused events extract keeps in memory whole.
const hotEvents = 50000
