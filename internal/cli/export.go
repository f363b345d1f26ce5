package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"entente/internal/export"
	"entente/internal/kb"
	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/store"
)

// stored is what the analysis commands read from the database: the
// filtered events, every document, and the PLOVER tables.
type stored struct {
	evs   []model.Event
	docs  []store.Doc
	table *plover.Table
}

// names returns a function naming actor codes from the knowledge base
// (with --kb overlays); nil when it cannot be read.
func (e *env) names() func(string) string {
	k, err := kb.Load(e.kbFiles...)
	if err != nil {
		fmt.Fprintln(e.stderr, "entente: names from the knowledge base:", err)
		return nil
	}
	return k.CodeName
}

// loadStored reads the events the filter flags select and the documents.
func (e *env) loadStored(cmd *cobra.Command, db string, drop ...string) (*stored, context.Context, error) {
	f, err := flagFilter(cmd)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range drop {
		switch d {
		case "from":
			f.From = ""
		case "to":
			f.To = ""
		}
	}
	table, err := plover.Load(e.lexiconDirs...)
	if err != nil {
		return nil, nil, err
	}
	st, ctx, err := openStore(cmd, db)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	evs, err := st.Events(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	docs, err := st.Docs(ctx)
	if err != nil {
		return nil, nil, err
	}
	return &stored{evs: evs, docs: docs, table: table}, ctx, nil
}

func (e *env) exportCmd() *cobra.Command {
	var db, format, out, part, coded string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write stored events for other tools: plover, polecat, gdelt, csv, graphml, gexf",
		Long: `export writes the events the filter selects in a format the field reads:

  plover   PLOVER JSON lines (the PLOVER manual's field names)
  polecat  POLECAT's 40-column TSV
  gdelt    GDELT 2.0-style events (61 columns) and mentions (16 columns), no header
  csv      one row per event (events), one per source sentence (sources)
  graphml  the actor network with weights, alignment and blocs (networkx, yEd)
  gexf     the same for Gephi

Without --out the main part goes to standard output (--part picks another);
with --out DIR every part is written to DIR/PART.EXT. docs/formats.md lists
every column and the fields entente cannot fill.`,
		Example: `  entente export --format plover > events.jsonl
  entente export --format gdelt --out gdelt/ --from 2024-04
  entente export --format gexf --dyad RUS-CHN > rus-chn.gexf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.Lookup(format)
			if err != nil {
				return usage(err)
			}
			var parts []export.Part
			if out == "" {
				p, err := f.Part(part)
				if err != nil {
					return usage(err)
				}
				parts = []export.Part{p}
			} else {
				if part != "" {
					return usage(fmt.Errorf("export: --part and --out: --out writes every part"))
				}
				parts = f.Parts
			}
			if coded == "" {
				coded = time.Now().UTC().Format("2006-01-02")
			} else if _, err := time.Parse("2006-01-02", coded); err != nil {
				return usage(fmt.Errorf("export: --coded %q: want YYYY-MM-DD", coded))
			}
			s, _, err := e.loadStored(cmd, db)
			if err != nil {
				return err
			}
			c := &export.Context{Table: s.table, Docs: export.DocsFrom(s.docs), Coded: coded, Version: "entente"}
			if out == "" {
				return parts[0].Write(e.stdout, s.evs, c)
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			for _, p := range parts {
				path := filepath.Join(out, p.Name+"."+p.Ext)
				file, err := os.Create(path)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if err := p.Write(file, s.evs, c); err != nil {
					file.Close()
					return fmt.Errorf("export: %s: %w", path, err)
				}
				if err := file.Close(); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(e.stderr, "wrote %s\n", path)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&db, "db", dbDefault(), "database: a SQLite `PATH` or a postgres:// URL")
	fl.StringVarP(&format, "format", "f", "plover", "`FORMAT`: "+strings.Join(export.Names(), ", "))
	fl.StringVarP(&out, "out", "o", "", "write every part of the format into `DIR`")
	fl.StringVar(&part, "part", "", "the `PART` to write to standard output (gdelt: events, mentions; csv: events, sources)")
	fl.StringVar(&coded, "coded", "", "coding `DATE` written as PLOVER coded_date and GDELT DATEADDED (default: today)")
	addFilterFlags(fl)
	return cmd
}
