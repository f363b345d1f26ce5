package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"entente/internal/analysis"
)

func (e *env) analyzeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Trends, surges and blocs of the stored events",
		Long: `analyze answers an analyst's first questions about the stored events, each
number with the ids of the events behind it (entente show ID cites them):

  series  events per dyad or actor per day, week or month, by type or quad
  surges  this period against its baseline: rising dyads, new dyads and actors
  blocs   communities of the actor network, alignment per pair, and changes

The filter flags of entente events select the events first.`,
	}
	cmd.AddCommand(e.seriesCmd(), e.surgesCmd(), e.blocsCmd())
	return cmd
}

// analysisFlags are the flags every analyze command shares.
type analysisFlags struct {
	db, format, focus string
}

func (a *analysisFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&a.db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	fl.StringVarP(&a.format, "format", "f", "text", "`FORMAT`: text or json")
	fl.StringVar(&a.focus, "focus", "", "keep dyads and actors that involve these `CODES` (RUS,CHN)")
	addFilterFlags(fl)
}

func (a *analysisFlags) check() error {
	if a.format != "text" && a.format != "json" {
		return usage(fmt.Errorf("analyze: --format %q: want text or json", a.format))
	}
	return nil
}

func (a *analysisFlags) focusCodes() []string { return splitCodes(a.focus) }

func splitCodes(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// dayFlag reads a date flag as a day number (NoDay when empty).
func dayFlag(name, s string, last bool) (int32, error) {
	if s == "" {
		return analysis.NoDay, nil
	}
	d, err := analysis.ParseDay(s, last)
	if err != nil {
		return analysis.NoDay, usage(fmt.Errorf("--%s: %w", name, err))
	}
	return d, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (e *env) seriesCmd() *cobra.Command {
	var a analysisFlags
	var by, period, split string
	var normalize bool
	cmd := &cobra.Command{
		Use:   "series",
		Short: "Events per dyad or actor per period",
		Example: `  entente analyze series --focus RUS --period month --split quad
  entente analyze series --by actor --period week --normalize --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.check(); err != nil {
				return err
			}
			unit, err := analysis.ParseUnit(period)
			if err != nil {
				return usage(err)
			}
			o := analysis.SeriesOptions{Unit: unit, By: by, Split: split, Focus: a.focusCodes()}
			if o.From, err = dayFlag("from", cmd.Flag("from").Value.String(), false); err != nil {
				return err
			}
			if o.To, err = dayFlag("to", cmd.Flag("to").Value.String(), true); err != nil {
				return err
			}
			if err := o.Check(); err != nil {
				return usage(err)
			}
			s, _, err := e.loadStored(cmd, a.db)
			if err != nil {
				return err
			}
			if normalize {
				var pub []string
				for _, d := range s.docs {
					pub = append(pub, d.Published)
				}
				o.Docs = analysis.DocsPerPeriod(unit, pub)
			}
			res, err := analysis.NewIndex(s.table, s.evs).Series(o)
			if err != nil {
				return err
			}
			if a.format == "json" {
				return writeJSON(e.stdout, res)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tGROUP\tPERIOD\tCOUNT\tPER DOC\tINTENSITY\tEVENTS")
			for _, sr := range res.Series {
				for _, b := range sr.Buckets {
					per := ""
					if b.Docs > 0 {
						per = fmt.Sprintf("%.3f", b.PerDoc)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%.2f\t%s\n", sr.Key, sr.Group, b.Period, b.Count, per, b.Intensity, cite(b.Events, 3))
				}
			}
			return tw.Flush()
		},
	}
	a.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&by, "by", "dyad", "count per dyad or actor")
	fl.StringVar(&period, "period", "week", "`UNIT`: day, week or month")
	fl.StringVar(&split, "split", "", "one series per type or quad (quad category)")
	fl.BoolVar(&normalize, "normalize", false, "also give counts per document read in each period")
	return cmd
}

// cite lists up to n event ids and how many more there are.
func cite(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, " ")
	}
	return fmt.Sprintf("%s … (+%d)", strings.Join(ids[:n], " "), len(ids)-n)
}

func (e *env) surgesCmd() *cobra.Command {
	var a analysisFlags
	var period, at string
	var baseline, minCount int
	var alpha float64
	cmd := &cobra.Command{
		Use:   "surges",
		Short: "What rose this period against its baseline; new dyads and actors",
		Long: `surges compares each dyad's events in a period (by type, and all types
together) with the mean of the N periods before it: a week against 4 weeks,
a month against 12 months by default. A surge is "large" at +100 % or more
(or from nothing), "moderate" at +25 %; it needs at least --min-count events
and 2 more than the baseline mean (no surge from 0→1 or 1→2), and a rise
that noise would explain with a chance of at most --alpha for the whole
report. New dyads and actors are those no earlier event names.`,
		Example: `  entente analyze surges --period week
  entente analyze surges --period month --at 2024-04 --focus RUS,CHN`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.check(); err != nil {
				return err
			}
			unit, err := analysis.ParseUnit(period)
			if err != nil {
				return usage(err)
			}
			if alpha < 0 || alpha >= 1 {
				return usage(fmt.Errorf("analyze: --alpha %v: want a number between 0 and 1", alpha))
			}
			o := analysis.SurgeOptions{Unit: unit, Baseline: baseline, MinCount: minCount, Alpha: alpha, Focus: a.focusCodes()}
			if o.At, err = dayFlag("at", at, false); err != nil {
				return err
			}
			s, _, err := e.loadStored(cmd, a.db)
			if err != nil {
				return err
			}
			rep, err := analysis.NewIndex(s.table, s.evs).Surges(o)
			if err != nil {
				return usage(err)
			}
			if a.format == "json" {
				return writeJSON(e.stdout, rep)
			}
			w := e.stdout
			fmt.Fprintf(w, "%s %s (%s to %s): %d events; baseline %s to %s: %.2f events per %s\n",
				rep.Unit, rep.Period, rep.From, rep.To, rep.Events, rep.BaselineFrom, rep.BaselineTo, rep.BaselineMean, rep.Unit)
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "\nSURGE\tDYAD\tTYPE\tCOUNT\tBASELINE\tCHANGE\tP\tEVENTS")
			for _, sg := range rep.Surges {
				typ := sg.Type
				if typ == "" {
					typ = "all"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.2f\t%+.2f\t%.3g\t%s\n", sg.Class, sg.Dyad, typ, sg.Count, sg.Baseline, sg.Change, sg.P, cite(sg.Events, 3))
			}
			tw.Flush()
			for _, x := range []struct {
				title string
				ps    []analysis.NewPair
			}{{"new dyads", rep.NewDyads}, {"new actors", rep.NewActors}} {
				fmt.Fprintf(w, "\n%s: %d\n", x.title, len(x.ps))
				for _, p := range x.ps {
					fmt.Fprintf(w, "  %s\t%d\t%s\n", p.Key, p.Count, cite(p.Events, 3))
				}
			}
			return nil
		},
	}
	a.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&period, "period", "week", "`UNIT`: day, week or month")
	fl.StringVar(&at, "at", "", "a `DATE` in the period to examine (default: the latest period with events)")
	fl.IntVar(&baseline, "baseline", 0, "baseline `N` periods (default 4 weeks, 12 months, 28 days)")
	fl.IntVar(&minCount, "min-count", 3, "fewest events in the period for a surge")
	fl.Float64Var(&alpha, "alpha", 0.01, "chance of any false surge in the report")
	return cmd
}

func (e *env) blocsCmd() *cobra.Command {
	var a analysisFlags
	var vsFrom, vsTo string
	var resolution float64
	var seed uint64
	cmd := &cobra.Command{
		Use:   "blocs",
		Short: "Blocs of the actor network, alignment per pair, changes between periods",
		Long: `blocs finds communities in the actor network of the period --from/--to:
Louvain community detection (gonum) on two layers, cooperation (verbal and
material) and conflict with the opposite sign, with a fixed seed. Each pair
gets an alignment, (cooperation − conflict)/(cooperation + conflict). With
--vs-from/--vs-to it also finds the blocs of that earlier period and says,
for each bloc now, which earlier bloc it continues, who joined and who left.`,
		Example: `  entente analyze blocs --from 2024-04 --to 2024-06
  entente analyze blocs --from 2024-07 --to 2024-12 --vs-from 2024-01 --vs-to 2024-06`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.check(); err != nil {
				return err
			}
			o := analysis.BlocOptions{Resolution: resolution, Seed: seed, Focus: a.focusCodes()}
			var err error
			if o.From, err = dayFlag("from", cmd.Flag("from").Value.String(), false); err != nil {
				return err
			}
			if o.To, err = dayFlag("to", cmd.Flag("to").Value.String(), true); err != nil {
				return err
			}
			vs := o
			if vs.From, err = dayFlag("vs-from", vsFrom, false); err != nil {
				return err
			}
			if vs.To, err = dayFlag("vs-to", vsTo, true); err != nil {
				return err
			}
			compare := vsFrom != "" || vsTo != ""
			s, _, err := e.loadStored(cmd, a.db, "from", "to")
			if err != nil {
				return err
			}
			ix := analysis.NewIndex(s.table, s.evs)
			rep, err := ix.Blocs(o)
			if err != nil {
				return usage(err)
			}
			out := struct {
				Blocs   analysis.BlocReport   `json:"blocs"`
				Before  *analysis.BlocReport  `json:"before,omitempty"`
				Changes []analysis.BlocChange `json:"changes,omitempty"`
			}{Blocs: rep}
			if compare {
				before, err := ix.Blocs(vs)
				if err != nil {
					return usage(err)
				}
				out.Before = &before
				out.Changes = analysis.CompareBlocs(before, rep)
			}
			if a.format == "json" {
				return writeJSON(e.stdout, out)
			}
			w := e.stdout
			fmt.Fprintf(w, "%d events; %d blocs (modularity %v)\n", rep.Events, len(rep.Blocs), rep.Modularity)
			for _, b := range rep.Blocs {
				fmt.Fprintf(w, "  bloc %d: %s\n", b.ID, strings.Join(b.Members, " "))
			}
			for _, c := range out.Changes {
				fmt.Fprintf(w, "  bloc %d continues earlier bloc %d; joined: %s; left: %s\n", c.Bloc, c.Was,
					orNone(c.Joined), orNone(c.Left))
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "\nPAIR\tCOOPERATION\tCONFLICT\tALIGNMENT\tEVENTS")
			for _, p := range rep.Pairs {
				fmt.Fprintf(tw, "%s-%s\t%d\t%d\t%+.2f\t%s\n", p.A, p.B, p.Coop, p.Conflict, p.Alignment, cite(p.Events, 3))
			}
			return tw.Flush()
		},
	}
	a.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&vsFrom, "vs-from", "", "start `DATE` of an earlier period to compare with")
	fl.StringVar(&vsTo, "vs-to", "", "end `DATE` of the earlier period")
	fl.Float64Var(&resolution, "resolution", 1, "Louvain resolution: higher gives smaller blocs")
	fl.Uint64Var(&seed, "seed", 1, "random seed of the Louvain order")
	return cmd
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, " ")
}
