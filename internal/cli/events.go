package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"entente/internal/model"
	"entente/internal/output"
	"entente/internal/query"
	"entente/internal/store"
)

// openStore opens the database of a query command; it must exist already
// (a query never creates one).
func openStore(cmd *cobra.Command, db string) (*store.Store, context.Context, error) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	st, err := store.OpenExisting(ctx, db)
	return st, ctx, err
}

// filterFlags are the flags of `entente events` that make its filter, by
// the query parameter each stands for.
var filterFlags = map[string]string{"actor": "actor", "actor-id": "actor_id", "dyad": "dyad", "type": "type",
	"status": "status", "from": "from", "to": "to", "lang": "lang", "text": "text",
	"min-confidence": "min_confidence", "limit": "limit", "sort": "sort"}

// flagFilter parses the filter flags that were set with the same parser as
// the API's query string.
func flagFilter(cmd *cobra.Command) (store.Filter, error) {
	v := url.Values{}
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if p, ok := filterFlags[fl.Name]; ok {
			v.Set(p, fl.Value.String())
		}
	})
	f, err := query.Events(v, query.Options{})
	if qe := (*query.Error)(nil); errors.As(err, &qe) {
		// Say it in the flags' terms.
		for fl, p := range filterFlags {
			if p == qe.Param {
				qe.Param = "--" + fl
			}
		}
		return f, usageError{err}
	}
	return f, err
}

func (e *env) eventsCmd() *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List stored events, filtered",
		Long: `events lists the events stored by ingest, newest first, filtered by actor,
dyad, type, status, date range, language and the words of their sentences.
Every filter is checked before the query: a bad one exits 2 and says what is
accepted. It never creates a database.`,
		Example: `  entente events --dyad RUS-CHN --from 2024-04 --to 2024-06
  entente events --actor Lavrov --type CONSULT --format jsonl
  entente events --text "ballistic missiles" --lang en`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := flagFilter(cmd)
			if err != nil {
				return err
			}
			ew, err := e.writer(format)
			if err != nil {
				return err
			}
			st, ctx, err := openStore(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			// Rows go out as they are read, a page at a time.
			if err := st.EachEvent(ctx, f, ew.Write); err != nil {
				return err
			}
			return ew.Close()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	fl.StringVarP(&format, "format", "f", "", formatHelp)
	addFilterFlags(fl)
	return cmd
}

// addFilterFlags adds the filter flags (filterFlags) to a command. They are
// strings: query.Events parses them all.
func addFilterFlags(fl *pflag.FlagSet) {
	fl.String("actor", "", "actor `CODE` or part of a name")
	fl.String("actor-id", "", "actor's knowledge-base `ID` (sergei-shoigu, state:RUS)")
	fl.String("dyad", "", "two actor codes, e.g. RUS-CHN")
	fl.String("type", "", "PLOVER `TYPES`, comma-separated (CONSULT, AID, ...)")
	fl.String("status", "", "event status: "+query.StatusHelp)
	fl.String("from", "", "events ending on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.String("to", "", "events starting on or before `DATE`")
	fl.String("lang", "", "events with a source in `LANG` (de, en, ru, uk)")
	fl.String("text", "", "words that the source sentences contain")
	fl.String("min-confidence", "", "events of at least this confidence (0 to 1)")
	fl.String("sort", "", "date (oldest first, default) or -date (newest first)")
	fl.String("limit", "", "at most `N` events, each with at most N sources (sources_more counts the rest)")
}

func (e *env) showCmd() *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "show EVENT_ID",
		Short: "Show one stored event with every source sentence",
		Long: `show prints one stored event: its type, status, date and place, its actors
with their roles, and every sentence of every document that reports it, with
byte offsets. --format writes it in one of the output formats instead.`,
		Example: `  entente show ev_3f2a0c9d1e2b4a5f
  entente show --format json ev_3f2a0c9d1e2b4a5f`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var ew output.Writer
			if format != "" {
				var err error
				if ew, err = e.writer(format); err != nil {
					return err
				}
			}
			st, ctx, err := openStore(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			ev, err := st.Event(ctx, args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("show: no event %s (entente events lists them)", args[0])
			}
			if err != nil {
				return err
			}
			if ew != nil {
				if err := ew.Write(ev); err != nil {
					return err
				}
				return ew.Close()
			}
			writeEvent(e, ev)
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	cmd.Flags().StringVarP(&format, "format", "f", "", "output `FORMAT`: "+output.Help()+" (default: a readable page)")
	return cmd
}

// writeEvent prints an event as a readable page: its fields, its actors and
// every sentence that reports it.
func writeEvent(e *env, ev *model.Event) {
	w := e.stdout
	fmt.Fprintf(w, "%s  %s", ev.ID, ev.Type)
	if ev.Mode != "" {
		fmt.Fprintf(w, " (%s)", ev.Mode)
	}
	fmt.Fprintf(w, "  %s\n", ev.Status)
	if !ev.Date.IsZero() {
		if ev.Date.Single() {
			fmt.Fprintf(w, "date      %s\n", ev.Date.From)
		} else {
			fmt.Fprintf(w, "date      %s to %s\n", ev.Date.From, ev.Date.To)
		}
	}
	if ev.Location != nil {
		fmt.Fprintf(w, "place     %s (%s)\n", ev.Location.Name, ev.Location.Code)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "actors")
	for _, a := range ev.Actors {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%q\n", a.Code, a.Name, a.Kind, a.Role, a.Text)
	}
	tw.Flush()
	fmt.Fprintf(w, "sources (%d)\n", len(ev.Sources))
	for _, s := range ev.Sources {
		attr := ""
		if s.Attribution != "" {
			attr = ", according to " + s.Attribution
		}
		fmt.Fprintf(w, "  %s [%s] %d-%d%s\n    %s\n", s.Doc, s.Lang, s.Start, s.End, attr, strings.Join(strings.Fields(s.Sentence), " "))
	}
}

func (e *env) docsCmd() *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List stored documents and their event counts",
		Long: `docs lists the documents in the database with their language, publication
date, title and how many events and mentions each holds.`,
		Example: `  entente docs
  entente docs --db postgres://entente@localhost/entente`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, ctx, err := openStore(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			docs, err := st.Docs(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tLANG\tPUBLISHED\tEVENTS\tMENTIONS\tTITLE")
			for _, d := range docs {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%s\n", d.ID, d.Name, d.Lang, d.Published, d.Events, d.Mentions, d.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	return cmd
}
