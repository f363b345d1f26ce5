// Package cli implements entente's command line: one file per subcommand.
// Run is the whole program; cmd/entente only calls it.
package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"entente/internal/langs"
	"entente/internal/model"
	"entente/internal/output"
	"entente/internal/pipeline"
)

// env is what every subcommand writes to and reads from.
type env struct {
	// background keeps unanchored nominal events (extract --background).
	background bool
	// minConf is the confidence below which no event is reported or
	// stored (--min-confidence of the commands that extract).
	minConf        float64
	stdin          io.Reader
	stdout, stderr io.Writer
	// Data flags (dataFlags) of the commands that load data, and input
	// flags (inputFlags) of those that read documents.
	kbFiles     []string
	lexiconDirs []string
	published   string
	maxSize     string
}

// dataFlags gives a command that loads the knowledge base or the language
// data the flags that extend them.
func (e *env) dataFlags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&e.kbFiles, "kb", nil, "extra knowledge-base YAML `FILE` (repeatable)")
	fs.StringArrayVar(&e.lexiconDirs, "lexicon", nil, "extra data `DIR` laid out like data/ (lexicon/, text/, dates/, clean/; repeatable)")
}

// inputFlags gives a command that reads documents the flags that say how.
func (e *env) inputFlags(fs *pflag.FlagSet) {
	fs.StringVar(&e.published, "published", "", "publication `DATE` (YYYY-MM-DD) of documents that carry none")
	fs.StringVar(&e.maxSize, "max-size", "10MB", "skip (and report) documents larger than `SIZE` (e.g. 10MB, 500KB; 0: no limit)")
}

// confidenceFlag gives a command that extracts events --min-confidence;
// verb says what it does with an event ("report", "store").
func (e *env) confidenceFlag(fs *pflag.FlagSet, verb string) {
	fs.Float64Var(&e.minConf, "min-confidence", pipeline.DefaultMinConfidence, "do not "+verb+" events of confidence below `C` (0 to 1; 0 keeps all; make quality prints what a value means)")
}

// defaultMemoryLimit is the soft memory limit of the runtime (GOMEMLIMIT).
const defaultMemoryLimit = 256 << 20

// defaultGCPercent is the runtime's GOGC.
const defaultGCPercent = 200

// exitError carries an exit status other than 1.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in the command line (a flag, a format name, a
// language): its message is printed and the exit status is 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usage marks err as a usage error (nil stays nil).
func usage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// Run runs entente with the arguments (without the program name) and
// returns the exit status: 0 success, 1 failure, 2 bad usage.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, minConf: pipeline.DefaultMinConfidence}
	// A soft memory limit: past it the garbage collector works harder
	// rather than letting the heap double (extract over 100,000 articles
	// peaks at ~215 MB instead of ~340 MB for 5% more CPU). GOMEMLIMIT
	// overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	// Most of the live heap is the knowledge base's index, which every
	// collection marks again though it never changes: collecting at three
	// times the live heap rather than twice halves that work (extract on
	// one core: ~11% less CPU, ~150 MB instead of ~105 MB on 10,000
	// articles); the limit above still bounds the heap. GOGC overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	root := &cobra.Command{
		Use:   "entente",
		Short: "Extract political events between states from news in de, en, ru, uk",
		Long: `entente reads news articles (German, Russian, Ukrainian, English) and produces a
deduplicated, source-cited list of PLOVER events between states: who meets,
supports, arms, sanctions or accuses whom, when and where, with the sentences
that report it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage(err) })
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile to `FILE` (go tool pprof reads it)")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if cpuProfile == "" {
			return nil
		}
		f, err := os.Create(cpuProfile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		return pprof.StartCPUProfile(f)
	}
	defer pprof.StopCPUProfile()
	var memProfile string
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write a heap profile to `FILE` at the end")
	defer func() {
		if memProfile == "" {
			return
		}
		if f, err := os.Create(memProfile); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}()
	root.AddCommand(e.extractCmd(), e.ingestCmd(), e.eventsCmd(), e.showCmd(), e.docsCmd(), e.linkCmd(), e.kbCmd(), e.serveCmd(),
		e.analyzeCmd(), e.exportCmd(), e.briefCmd(),
		e.enqueueCmd(), e.workerCmd(), e.queueCmd(), e.watchCmd())
	// Flags only where they act: the data flags on the commands that load
	// data (kb's reach its subcommands), the input flags on those that read
	// documents. A new command that reads e.kbFiles, e.lexiconDirs,
	// e.published or e.maxSize is listed here.
	for _, c := range root.Commands() {
		switch c.Name() {
		case "extract", "ingest", "enqueue", "watch":
			e.dataFlags(c.Flags())
			e.inputFlags(c.Flags())
		case "link", "serve", "export", "worker":
			e.dataFlags(c.Flags())
		case "kb":
			e.dataFlags(c.PersistentFlags())
		}
	}
	// Argument errors (a missing or extra argument, an unknown command) are
	// usage errors: exit status 2.
	usageArgs(root)
	if err := root.Execute(); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		fmt.Fprintln(stderr, "entente:", err)
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// pipeline builds the pipeline from the shared flags; lang, when set, is
// the language of every document (an unsupported one is a usage error that
// lists the supported languages).
func (e *env) pipeline(explain, hypothetical bool, workers int, lang string) (*pipeline.Pipeline, error) {
	return e.pipelineWith(pipeline.Config{Explain: explain, Hypothetical: hypothetical, Workers: workers, Lang: lang})
}

// pipelineWith loads the pipeline of cfg with the data, date, background
// and size flags of the command line.
func (e *env) pipelineWith(cfg pipeline.Config) (*pipeline.Pipeline, error) {
	var pub model.Point
	if e.published != "" {
		var err error
		if pub, err = model.ParsePoint(e.published); err != nil {
			return nil, usage(fmt.Errorf("--published: %w", err))
		}
	}
	if e.minConf < 0 || e.minConf > 1 {
		return nil, usage(fmt.Errorf("--min-confidence %g: want a number from 0 to 1", e.minConf))
	}
	var maxBytes int64
	if e.maxSize != "" {
		n, err := humanize.ParseBytes(e.maxSize)
		if err != nil || n > math.MaxInt64 {
			return nil, usage(fmt.Errorf("--max-size %q: want a size such as 10MB or 500KB", e.maxSize))
		}
		maxBytes = int64(n)
		if n == 0 {
			maxBytes = -1 // no limit
		}
	}
	cfg.KBFiles, cfg.LexiconDirs, cfg.Published = e.kbFiles, e.lexiconDirs, pub
	cfg.Background, cfg.MaxDocBytes, cfg.MinConfidence = e.background, maxBytes, e.minConf
	p, err := pipeline.New(cfg)
	var ue *langs.UnsupportedError
	if errors.As(err, &ue) {
		return nil, usage(fmt.Errorf("--lang: %w", err))
	}
	return p, err
}

// usageArgs makes the argument errors of c and its subcommands usage
// errors; a command that only groups others (entente, kb) shows its help
// when called alone and refuses an unknown subcommand.
func usageArgs(c *cobra.Command) {
	switch {
	case c.HasSubCommands() && c.Run == nil && c.RunE == nil:
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usage(fmt.Errorf("unknown command %q for %q (see %s --help)", args[0], cmd.CommandPath(), cmd.CommandPath()))
			}
			return cmd.Help()
		}
	case c.Args != nil:
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error { return usage(check(cmd, args)) }
	}
	if c.HasSubCommands() && c.Example == "" {
		// A command that only groups others shows their first examples.
		var ex []string
		for _, sub := range c.Commands() {
			if first, _, _ := strings.Cut(sub.Example, "\n"); first != "" {
				ex = append(ex, first)
			}
		}
		c.Example = strings.Join(ex, "\n")
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// formatHelp is the help of a --format flag, from output's registry.
var formatHelp = "output `FORMAT`: " + output.Help() + " (default: table on a terminal, else jsonl)"

// writer returns the event writer of a --format value: the empty name is a
// table on a terminal and jsonl elsewhere; an unknown name is a usage error
// that lists the registered formats.
func (e *env) writer(format string) (output.Writer, error) {
	if format == "" {
		format = "jsonl"
		if isTerminal(e.stdout) {
			format = "table"
		}
	}
	w, err := output.NewWriter(e.stdout, format)
	return w, usage(err)
}

// isTerminal reports whether w is a terminal (a table then reads best).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
