package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"entente/internal/kb"
)

func (e *env) kbCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Inspect the knowledge base",
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the knowledge base's entries",
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
	var lang string
	lookup := &cobra.Command{
		Use:   "lookup NAME",
		Short: "List the entities a name may refer to",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := e.pipeline(false, false, 1)
			if err != nil {
				return err
			}
			if lang == "" {
				lang = "en"
			}
			for _, ent := range p.Link.Lookup(strings.Join(args, " "), lang) {
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", ent.ID, ent.Kind, ent.Code, ent.Name)
			}
			return nil
		},
	}
	lookup.Flags().StringVar(&lang, "lang", "", "language of the name (de, en, ru, uk)")
	validate := &cobra.Command{
		Use:   "validate",
		Short: "Check the knowledge base (and --kb overlays) for inconsistencies",
		Long: `validate reports, with file:line, unknown state codes and office roles,
offices without a start date or ending before they start, two people holding
a single-holder office at once, and one name given to two people. It exits 1
when it finds a problem.`,
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
