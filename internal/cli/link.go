package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"entente/internal/link"
	"entente/internal/model"
)

// linkedMention is one line of `entente link --format jsonl`.
type linkedMention struct {
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Name     string   `json:"name"`
	Code     string   `json:"code"`
	Kind     string   `json:"kind"`
	ID       string   `json:"id"`
	Role     string   `json:"role,omitempty"`
	Locative bool     `json:"locative,omitempty"`
	Oblique  bool     `json:"oblique,omitempty"`
	Why      []string `json:"why,omitempty"`
}

func (e *env) linkCmd() *cobra.Command {
	var lang, date, format string
	cmd := &cobra.Command{
		Use:   "link TEXT...",
		Short: "Link the names and titles in a text to the knowledge base",
		Long: `link finds the states, organisations, places, bodies and persons a text names,
and prints each mention with the entity it refers to. Titles resolve to the
person holding the office on --date ("der russische Verteidigungsminister" on
2024-04-26 is Sergei Shoigu).`,
		Example: `  entente link --lang de --date 2024-04-26 "der russische Verteidigungsminister"
  entente link --lang ru --format jsonl "министр иностранных дел Ван И"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			txt := strings.Join(args, " ")
			var on model.Point
			if date != "" {
				var err error
				if on, err = model.ParsePoint(date); err != nil {
					return usage(fmt.Errorf("--date: %w", err))
				}
			}
			p, err := e.pipeline(false, false, 1, lang)
			if err != nil {
				return err
			}
			if lang == "" {
				lang, _ = p.Lang.Detect(txt)
			}
			doc := &model.Document{ID: "text", Text: txt, Body: []model.Span{{Start: 0, End: len(txt)}}, Lang: lang, Published: on}
			sents := p.Text.Sentences(doc)
			ctx := link.NewContext(on)
			var out []linkedMention
			for i := range sents {
				for _, m := range p.Link.Sentence(&sents[i], ctx) {
					out = append(out, linkedMention{Text: m.Text, Start: m.Start, End: m.End, Name: m.Name, Code: m.Code,
						Kind: string(m.Kind), ID: m.ID, Role: m.Role, Locative: m.Locative, Oblique: m.Oblique, Why: m.Why})
				}
			}
			if format == "" {
				format = "jsonl"
				if isTerminal(e.stdout) {
					format = "table"
				}
			}
			switch format {
			case "jsonl":
				enc := json.NewEncoder(e.stdout)
				enc.SetEscapeHTML(false)
				for _, m := range out {
					if err := enc.Encode(m); err != nil {
						return err
					}
				}
			case "table":
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "TEXT\tNAME\tCODE\tKIND\tWHY")
				for _, m := range out {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Text, m.Name, m.Code, m.Kind, strings.Join(m.Why, "; "))
				}
				return tw.Flush()
			default:
				return usage(fmt.Errorf("link: unknown format %q (want jsonl or table)", format))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "`LANG` of the text, e.g. de (default: identified)")
	cmd.Flags().StringVar(&date, "date", "", "`DATE` on which titles are resolved (YYYY-MM-DD)")
	cmd.Flags().StringVarP(&format, "format", "f", "", "output format: jsonl or table (default: table on a terminal)")
	return cmd
}
