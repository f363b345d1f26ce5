package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"entente/internal/brief"
)

func (e *env) briefCmd() *cobra.Command {
	var db, format, focus string
	var top int
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "An analyst's note on a period, every sentence cited",
		Long: `brief writes a note on the events of --from to --to: headline counts, the
busiest days, the top events by sources and confidence, the most active
dyads, the surges against the baseline, new dyads and actors, and the blocs
and how they changed since the period before. Each sentence is followed by
its citations: the document, its date, its language and the exact source
sentence. The same database gives the same brief.`,
		Example: `  entente brief --from 2024-04 --to 2024-06 --focus RUS,CHN
  entente brief --from 2025-02-01 --to 2025-02-28 --format html > brief.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "html" && format != "json" {
				return usage(fmt.Errorf("brief: --format %q: want md, html or json", format))
			}
			from, to := cmd.Flag("from").Value.String(), cmd.Flag("to").Value.String()
			if from == "" || to == "" {
				return usage(fmt.Errorf("brief: --from and --to are required"))
			}
			if _, err := dayFlag("from", from, false); err != nil {
				return err
			}
			if _, err := dayFlag("to", to, true); err != nil {
				return err
			}
			s, _, err := e.loadStored(cmd, db, "from", "to")
			if err != nil {
				return err
			}
			docs := map[string]brief.Doc{}
			for _, d := range s.docs {
				docs[d.Name] = brief.Doc{Name: d.Name, Published: d.Published, URL: d.URL, Title: d.Title}
			}
			br, err := brief.Build(s.table, s.evs, docs, brief.Options{From: from, To: to, Focus: splitCodes(focus), Top: top, Names: e.names()})
			if err != nil {
				return usage(err)
			}
			switch format {
			case "html":
				return br.HTML(e.stdout)
			case "json":
				return writeJSON(e.stdout, br)
			}
			return br.Markdown(e.stdout)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	fl.StringVarP(&format, "format", "f", "md", "`FORMAT`: md, html or json")
	// The filter flags select the events; --from and --to are the period
	// (events before it still form the baseline of surges and blocs).
	addFilterFlags(fl)
	fl.Lookup("from").Usage = "first `DATE` of the period (YYYY, YYYY-MM or YYYY-MM-DD)"
	fl.Lookup("to").Usage = "last `DATE` of the period"
	fl.StringVar(&focus, "focus", "", "keep events that involve these `CODES` (RUS,CHN)")
	fl.IntVar(&top, "top", 8, "number of top events")
	return cmd
}
