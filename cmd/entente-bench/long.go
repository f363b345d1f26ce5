package main

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"entente/internal/corpus"
)

// Targets of issue 12 for one long document, extracted on one core.
const (
	longBytes       = 50_000_000
	tokenBytes      = 5_000_000
	targetLongCPU   = 30 * time.Second
	targetTokenCPU  = 2 * time.Second
	targetLongRSSMB = 500.0
)

// longDoc is one long document that the benchmark writes and extracts.
type longDoc struct {
	name, file, note string
	cpu              time.Duration // the target: at most this CPU time
}

// longDocs are the documents of the long-document runs: what a dump, a log
// or a book gives entente (no article is this long).
var longDocs = []longDoc{
	{"50 MB of articles", "articles.txt", "corpus.Generate's articles as the paragraphs of one document", targetLongCPU},
	{"50 MB of one paragraph", "repeated.txt", "one paragraph of two reports, repeated: a million sources of two events", targetLongCPU},
	{"5 MB token", "token.txt", "a line of 5 MB letters without a space, between two sentences", targetTokenCPU},
}

// repeatedParagraph is the paragraph of repeated.txt (written for the
// benchmark).
const repeatedParagraph = "Lavrov met Wang Yi in Beijing on Monday. Russia accused the United States of provoking the conflict.\n\n"

// writeLong writes longDocs into dir. Run it in a child process
// (writeCorpusApart's reason): the texts must not be in the measuring one.
func writeLong(dir string, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.Grow(longBytes + 4096)
	b.WriteString("date 2024-03-25\n\n")
	for seq := seed; b.Len() < longBytes; seq++ {
		for _, a := range corpus.Generate(1000, seq) {
			if b.Len() >= longBytes {
				break
			}
			// Each article's own date line would be a paragraph of its own.
			_, body, _ := strings.Cut(a, "\n")
			b.WriteString(body)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "articles.txt"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	b.Reset()
	b.WriteString("date 2024-05-10\n\n")
	for b.Len() < longBytes {
		b.WriteString(repeatedParagraph)
	}
	if err := os.WriteFile(filepath.Join(dir, "repeated.txt"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(seed))
	token := make([]byte, tokenBytes)
	for i := range token {
		token[i] = 'a' + byte(r.Intn(26))
	}
	text := "Lavrov met Wang Yi in Beijing on Monday. " + string(token) + " Russia accused the United States.\n"
	return os.WriteFile(filepath.Join(dir, "token.txt"), []byte(text), 0o644)
}

// longRun is one long document's extract.
type longRun struct {
	doc   longDoc
	bytes int64
	r     run
}

// long writes the long documents (from a child process) and extracts each
// once on one core, without a size limit.
func (b *bench) long(seed int64) []longRun {
	dir := filepath.Join(b.tmp, "long")
	defer os.RemoveAll(dir)
	fmt.Fprintln(b.stderr, "writing the long documents")
	var out []longRun
	self, err := os.Executable()
	if err == nil {
		err = runQuiet(self, "-write-long", dir, "-seed", strconv.FormatInt(seed, 10))
	}
	for _, d := range longDocs {
		x := longRun{doc: d}
		path := filepath.Join(dir, d.file)
		if err != nil {
			x.r.err = fmt.Errorf("writing the long documents: %w", err)
			out = append(out, x)
			continue
		}
		if st, err := os.Stat(path); err == nil {
			x.bytes = st.Size()
		}
		args := []string{"extract", "--max-size", "0", "--format", "jsonl", path}
		fmt.Fprintf(b.stderr, "running %s: GOMAXPROCS=1 entente %s\n", d.name, strings.Join(args, " "))
		x.r = b.measure(1, true, args...)
		out = append(out, x)
	}
	return out
}

// runQuiet runs a command with its output on standard error.
func runQuiet(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// longMarkdown is the section of the long-document runs.
func longMarkdown(runs []longRun) string {
	var b strings.Builder
	b.WriteString("## Long documents (issue 12)\n\n")
	b.WriteString("One document each, `GOMAXPROCS=1 entente extract --max-size 0 --format jsonl`, once. " +
		"Targets: a 50 MB document in under 30 s with a peak RSS under 500 MB on one core, a 5 MB token in under 2 s. " +
		"Judged by CPU time (user + system), which a shared machine inflates less than the wall time.\n\n")
	b.WriteString("| Document | Setting | Size | Wall | CPU | Peak RSS | Load | Target | Met |\n|---|---|--:|--:|--:|--:|--:|---|---|\n")
	for _, x := range runs {
		target := fmt.Sprintf("CPU < %.0f s, RSS < %.0f MB", x.doc.cpu.Seconds(), targetLongRSSMB)
		if x.r.err != nil {
			fmt.Fprintf(&b, "| %s | %s | %.1f MB | — | — | — | — | %s | failed: %s |\n", x.doc.name, x.doc.note, float64(x.bytes)/1e6, target,
				strings.ReplaceAll(x.r.err.Error(), "\n", " "))
			continue
		}
		rss := float64(x.r.rssKiB) / 1024
		fmt.Fprintf(&b, "| %s | %s | %.1f MB | %.2f s | %.2f s | %.0f MB | %s | %s | %s |\n", x.doc.name, x.doc.note, float64(x.bytes)/1e6,
			x.r.wall.Seconds(), x.r.cpu.Seconds(), rss, x.r.load, target, yes(x.r.cpu < x.doc.cpu && rss < targetLongRSSMB))
	}
	return b.String()
}
