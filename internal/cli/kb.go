package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"entente/internal/kb"
	"entente/internal/model"
)

// lookupLine is one line of `entente kb lookup --format jsonl`.
type lookupLine struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Score      float64 `json:"score"`
	Match      string  `json:"match"`
	Alias      string  `json:"alias"`
	Scheme     string  `json:"scheme,omitempty"`
	Similarity float64 `json:"similarity"`
	Role       string  `json:"role,omitempty"`
	RoleState  string  `json:"role_state,omitempty"`
	Prominent  bool    `json:"prominent,omitempty"`
	Why        string  `json:"why"`
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func (e *env) kbCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Inspect the knowledge base",
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the knowledge base's entries",
		Long: `stats counts the states, places, organisations, bodies, roles and persons of
the knowledge base, with the --kb overlays.`,
		Example: `  entente kb stats
  entente kb stats --kb my-ministers.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := kb.Load(e.kbFiles...)
			if err != nil {
				return err
			}
			s := k.Stats()
			fmt.Fprintf(e.stdout, "states   %d\nplaces   %d\norgs     %d\nbodies   %d\nroles    %d\npersons  %d\noffices  %d\nnames    %d\n",
				s.States, s.Places, s.Orgs, s.Bodies, s.Roles, s.Persons, s.Offices, s.Names)
			return nil
		},
	}
	var lang, date, format string
	lookup := &cobra.Command{
		Use:   "lookup NAME",
		Short: "List the entities a name may refer to, best first, with scores and why",
		Long: `lookup lists the entities a name may refer to, best first: exact alias or key
matches, then a family name alone, then names covering part of it; within
each by similarity, then the office held on --date, then prominence. When
no indexed name matches, persons whose names are spelled alike (similarity
0.85 or more) are listed. Each line
gives id, kind, code, name, score and why (the alias or key that matched, its
similarity, the office held).`,
		Example: `  entente kb lookup --lang ru "Ван И"
  entente kb lookup --lang de --date 2024-06-01 --format jsonl Schoigu`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var on model.Point
			if date != "" {
				var err error
				if on, err = model.ParsePoint(date); err != nil {
					return usage(fmt.Errorf("--date: %w", err))
				}
			}
			if format != "" && format != "tsv" && format != "jsonl" {
				return usage(fmt.Errorf("kb lookup: unknown format %q (want tsv or jsonl)", format))
			}
			p, err := e.pipeline(false, false, 1, lang)
			if err != nil {
				return err
			}
			if lang == "" {
				lang = "en"
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			for _, c := range p.Link.Lookup(strings.Join(args, " "), lang, on) {
				ent := c.Entity
				if format == "jsonl" {
					l := lookupLine{ID: ent.ID, Kind: string(ent.Kind), Code: ent.Code, Name: ent.Name,
						Score: round3(c.Score), Match: c.Match, Alias: c.Alias, Scheme: c.Scheme,
						Similarity: round3(c.Sim), Prominent: c.Prominent, Why: c.Why()}
					if c.Office != nil {
						l.Role, l.RoleState = c.Office.Role, c.Office.State
					}
					if err := enc.Encode(l); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%.3f\t%s\n", ent.ID, ent.Kind, ent.Code, ent.Name, c.Score, c.Why())
			}
			return nil
		},
	}
	lookup.Flags().StringVar(&lang, "lang", "", "language of the name (de, en, ru, uk)")
	lookup.Flags().StringVar(&date, "date", "", "`DATE` (YYYY-MM-DD) on which offices count")
	lookup.Flags().StringVarP(&format, "format", "f", "tsv", "output format: tsv (id, kind, code, name, score, why) or jsonl")
	validate := &cobra.Command{
		Use:   "validate",
		Short: "Check the knowledge base (and --kb overlays) for inconsistencies",
		Long: `validate reports, with file:line, unknown state codes and office roles,
offices without a start date or ending before they start, two people holding
a single-holder office at once, and one name given to two people. It exits 1
when it finds a problem.`,
		Example: `  entente kb validate
  entente kb validate --kb my-ministers.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := kb.Load(e.kbFiles...)
			if err != nil {
				return err
			}
			probs := k.Validate()
			for _, p := range probs {
				fmt.Fprintln(e.stdout, p)
			}
			if len(probs) > 0 {
				fmt.Fprintf(e.stderr, "entente: %d problems\n", len(probs))
				return exitError{1}
			}
			fmt.Fprintln(e.stdout, "ok")
			return nil
		},
	}
	cmd.AddCommand(stats, lookup, validate)
	return cmd
}
