package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// report is one benchmark run, ready to print.
type report struct {
	when            time.Time
	n               int
	seed            int64
	bytes           int64
	procs           int
	repeat          int
	results         []result
	allocs, bytesOp float64
	allocErr        error
	startup         time.Duration
	startErr        error
}

// ceilingName names the reference row: two one-core extracts at once.
const ceilingName = "machine ceiling"

// rssName names the one extract of a second, larger corpus (-rss-n) for the
// peak-RSS target, which is for rssTargetN articles.
const (
	rssName    = "extract for peak RSS"
	rssTargetN = 100000
)

func (r *report) mb() float64 { return float64(r.bytes) / 1e6 }

// articles is the number of articles that each run of s processed.
func (r *report) articles(s result) float64 {
	if s.n > 0 {
		return float64(s.n * s.copies)
	}
	return float64(r.n * s.copies)
}

// mbOf is the size in MB of the corpus that each run of s processed.
func (r *report) mbOf(s result) float64 {
	if s.n > 0 {
		return float64(s.bytes) / 1e6 * float64(s.copies)
	}
	return r.mb() * float64(s.copies)
}

// rssResult returns the -rss-n run among results, if there is one.
func rssResult(results []result) (result, bool) {
	for _, s := range results {
		if s.name == rssName {
			return s, true
		}
	}
	return result{}, false
}

// rssRow is the "peak RSS of extract" row, for a main corpus of n articles;
// false if there is nothing to report. With a run of at least rssTargetN
// articles (rssName) among results, it is that run's peak RSS against the
// target. Otherwise it is the largest peak RSS of the extract runs on the
// main corpus, judged only if that corpus has rssTargetN articles.
func rssRow(results []result, n int) (row, bool) {
	target := fmt.Sprintf("≤ %.0f MB (100k articles)", targetRSSMB)
	if s, ok := rssResult(results); ok && s.n >= rssTargetN {
		w := row{name: "peak RSS of extract", setting: fmt.Sprintf("the extract for peak RSS above, %d articles", s.n), target: target}
		if s.err() != nil || len(s.runs) == 0 {
			w.setting += "; failed (see stderr)"
			w.rss = "—"
			return w, true
		}
		mb := float64(s.runs[0].rssKiB) / 1024
		w.rss = fmt.Sprintf("%.0f MB", mb)
		w.met = yes(mb <= targetRSSMB)
		return w, true
	}
	var maxRSS int64
	for _, s := range results {
		if strings.HasPrefix(s.name, "extract") && s.name != rssName && s.skipped == "" && s.err() == nil {
			for _, x := range s.runs {
				maxRSS = max(maxRSS, x.rssKiB)
			}
		}
	}
	if maxRSS == 0 {
		return row{}, false
	}
	mb := float64(maxRSS) / 1024
	w := row{name: "peak RSS of extract", setting: fmt.Sprintf("largest of all the extract runs, %d articles", n),
		rss: fmt.Sprintf("%.0f MB", mb), target: target, met: yes(mb <= targetRSSMB)}
	if n < rssTargetN {
		w.met = "n/a below 100k" // memory grows with the fusion index
	}
	return w, true
}

// row is one line of the results table.
type row struct {
	name, setting, wall, spread, rate, mbs, cpu, cpuRate, load, rss, target, met string
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// spread formats the fastest and slowest wall times of runs and their
// difference as a share of the median, e.g. "6.91–8.40 s (21%)".
func spread(runs []run) string {
	switch len(runs) {
	case 0:
		return ""
	case 1:
		return "1 run"
	}
	lo, hi := runs[0].wall, runs[0].wall
	for _, x := range runs[1:] {
		lo, hi = min(lo, x.wall), max(hi, x.wall)
	}
	return fmt.Sprintf("%.2f–%.2f s (%.0f%%)", lo.Seconds(), hi.Seconds(), 100*(hi-lo).Seconds()/median(runs).wall.Seconds())
}

func (r *report) rows() []row {
	var rows []row
	var oneRate float64 // articles/s of the median one-core extract; 0 if none
	for _, s := range r.results {
		w := row{name: s.name, setting: s.note, target: "—"}
		var rate float64
		ok := false
		switch {
		case s.skipped != "":
			w.setting = s.skipped
			w.wall, w.spread, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss = "—", "—", "—", "—", "—", "—", "—", "—"
		case s.err() != nil || len(s.runs) == 0:
			w.setting += "; failed (see stderr)"
			w.wall, w.spread, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss = "—", "—", "—", "—", "—", "—", "—", "—"
		default:
			ok = true
			x := median(s.runs)
			rate = r.articles(s) / x.wall.Seconds()
			w.wall = fmt.Sprintf("%.2f s", x.wall.Seconds())
			w.spread = spread(s.runs)
			w.rate = fmt.Sprintf("%.0f", rate)
			w.mbs = fmt.Sprintf("%.2f", r.mbOf(s)/x.wall.Seconds())
			w.cpu = fmt.Sprintf("%.2f s", x.cpu.Seconds())
			w.cpuRate = fmt.Sprintf("%.0f", r.articles(s)/x.cpu.Seconds())
			w.load = x.load
			w.rss = fmt.Sprintf("%.0f MB", float64(x.rssKiB)/1024)
		}
		switch {
		case s.name == rssName:
			// Judged in the "peak RSS of extract" row.
		case strings.HasPrefix(s.name, "extract, 1 core"):
			w.target = fmt.Sprintf("≥ %.0f articles/s", targetOneCore)
			if ok {
				w.met = yes(rate >= targetOneCore)
				oneRate = rate
			}
		case strings.HasPrefix(s.name, "extract, all cores"):
			w.target = fmt.Sprintf("≥ %.1f× one core", targetSpeedup)
			if ok && oneRate > 0 {
				x := rate / oneRate // the ratio of the median walls
				w.rate += fmt.Sprintf(" (%.2f×)", x)
				if r.procs >= 2 {
					w.met = yes(x >= targetSpeedup)
				} else {
					w.met = "n/a (1 core)"
				}
			}
		case s.name == ceilingName:
			if ok && oneRate > 0 {
				w.rate += fmt.Sprintf(" (%.2f×)", rate/oneRate) // 2 × single wall / pair wall
			}
		case s.name == "ingest SQLite":
			w.target = fmt.Sprintf("≥ %.0f articles/s", targetSQLite)
			if ok {
				w.met = yes(rate >= targetSQLite)
			}
		}
		rows = append(rows, w)
	}
	if rss, ok := rssRow(r.results, r.n); ok {
		rows = append(rows, rss)
	}
	st := row{name: "start-up", setting: "`entente kb stats`, median of 5", target: fmt.Sprintf("≤ %.0f ms", targetStartupMS)}
	if r.startErr != nil {
		st.wall = "failed"
	} else {
		ms := float64(r.startup.Microseconds()) / 1000
		st.wall = fmt.Sprintf("%.0f ms", ms)
		st.met = yes(ms <= targetStartupMS)
	}
	rows = append(rows, st)
	al := row{name: "allocations per article", setting: "BenchmarkProcess (go test -benchmem), no fusion", target: "—"}
	if r.allocErr != nil {
		al.rate = "failed"
	} else {
		al.rate = fmt.Sprintf("%.0f allocs, %.0f KB", r.allocs, r.bytesOp/1e3)
	}
	rows = append(rows, al)
	return rows
}

var header = row{"Run", "Setting", "Wall (median)", "Wall min–max", "Articles/s", "MB/s", "CPU", "Articles/CPU-s", "Load", "Peak RSS", "Target", "Met"}

// cells returns w's cells in the order of the columns.
func (w row) cells() []string {
	return []string{w.name, w.setting, w.wall, w.spread, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss, w.target, w.met}
}

// table is the results as plain text for the terminal.
func (r *report) table() string {
	rows := append([]row{header}, r.rows()...)
	width := make([]int, len(header.cells()))
	for _, w := range rows {
		for i, c := range w.cells() {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %.1f MB, seed %d; extract and SQLite ingest: median of %d\n", r.n, r.mb(), r.seed, r.repeat)
	for _, w := range rows {
		for i, c := range w.cells() {
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", width[i]-len([]rune(c))+2))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// markdown is the whole BENCHMARKS.md; prev is the previous run's results
// section, kept below.
func (r *report) markdown(prev string) string {
	var b strings.Builder
	b.WriteString(`# Benchmarks

Written by ` + "`go run ./cmd/entente-bench`" + ` (` + "`make bench`" + `: 10,000 articles,
then 100,000 for peak RSS; ` + "`make bench-quick`" + `: 1,000 articles, no PostgreSQL,
no peak-RSS run). The corpus is ` + "`internal/corpus.Generate(n, seed)`" + ` written
as files; each run is the ` + "`entente`" + ` binary as a subprocess, standard output
to /dev/null.

Identical runs on a shared VM differ by a third, so extract (one core, all
cores and the machine ceiling, interleaved) and SQLite ingest (a fresh
database each time) run ` + "`-repeat`" + ` times, 3 by default; PostgreSQL ingest
runs once. Each row is its setting's median run by wall time (of an even
number of runs, the faster middle one): all its columns come from that run.
Wall min–max is the fastest and slowest of the runs, and in brackets their
difference as a share of the median: the noise to allow for when comparing
two benchmarks. The all-cores speed-up is the ratio of the median walls.

The machine ceiling row is a reference, not entente's: two independent
` + "`GOMAXPROCS=1 entente extract`" + ` processes started at once on the corpus,
its wall until both ended, against the median one-core run (2 × single wall
/ wall of the pair). It is what the machine gives to two processes that
share nothing, so it bounds what the all-cores speed-up can reach here.

Articles/s and MB/s are corpus articles and bytes over wall time (start-up
included; both processes' for the ceiling); CPU is user + system time, and
articles/CPU-s the articles over it (the measure to trust when the machine
is shared: load is the 1-minute load average when the run started); peak
RSS is the process's maximum resident set. The targets are issue 5's.

The peak-RSS target is for 100,000 articles. So after all the other runs a
second corpus of ` + "`-rss-n`" + ` articles (100,000 by default, seed + 1; 0 skips
it) is written, extracted once on all cores and deleted: the row "extract
for peak RSS", whose articles/s and MB/s are of that corpus. When it had at
least 100,000 articles, "peak RSS of extract" is that run's peak RSS against
the target; otherwise it is the largest peak RSS of the extract runs on the
main corpus, judged only if that corpus has 100,000 articles.

Worker scaling (issue 17; its own section below the results, ` + "`make bench-queue`" + `
runs it alone): the first 4,000 articles (` + "`-queue-n`" + `) enqueued into a fresh
PostgreSQL database for each run, then 1 and 2 ` + "`entente worker`" + ` processes,
each number 3 times (` + "`-queue-repeat`" + `) interleaved, the median by wall; beside
articles/s, CPU per article of the workers and PostgreSQL, and the share of
the jobs' time spent waiting on locks, which do not depend on the machine's
other load.

`)
	b.WriteString(r.section())
	if prev != "" {
		b.WriteString("\n## Previous run\n\n")
		b.WriteString(strings.TrimSpace(prev))
		b.WriteString("\n")
	}
	return b.String()
}

func (r *report) section() string {
	var b strings.Builder
	b.WriteString("## Results\n\n")
	fmt.Fprintf(&b, "- Date: %s\n", r.when.Format("2006-01-02 15:04 MST"))
	if c := commit(); c != "" {
		fmt.Fprintf(&b, "- Commit: %s\n", c)
	}
	fmt.Fprintf(&b, "- Machine: %s; %s cores; %s memory\n", cpuModel(), nproc(), memTotal())
	fmt.Fprintf(&b, "- Software: %s; %s\n", goVersion(), osName())
	fmt.Fprintf(&b, "- Corpus: %d articles (seed %d), %.1f MB, %.0f bytes per article on average, four languages\n",
		r.n, r.seed, r.mb(), float64(r.bytes)/float64(r.n))
	times := fmt.Sprintf("%d times each, medians shown", r.repeat)
	if r.repeat == 1 {
		times = "once each"
	}
	if s, ok := rssResult(r.results); ok {
		fmt.Fprintf(&b, "- Peak-RSS corpus: %d articles, %.1f MB, extracted once\n", s.n, float64(s.bytes)/1e6)
	}
	fmt.Fprintf(&b, "- Repeats: extract, machine ceiling and SQLite ingest %s; PostgreSQL once\n\n", times)
	b.WriteString("| " + strings.Join(header.cells(), " | ") + " |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n")
	for _, w := range r.rows() {
		b.WriteString("| " + strings.Join(w.cells(), " | ") + " |\n")
	}
	return b.String()
}

// previousRun returns the "## Results" section of an earlier BENCHMARKS.md.
func previousRun(md string) string {
	i := strings.Index(md, "## Results\n")
	if i < 0 {
		return ""
	}
	s := md[i+len("## Results\n"):]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	return s
}

func firstLine(out []byte, err error) string {
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

func commit() string {
	c := firstLine(exec.Command("git", "rev-parse", "--short", "HEAD").Output())
	if c == "" {
		return ""
	}
	if out, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(out))) > 0 {
		c += " (with uncommitted changes)"
	}
	return c
}

// field returns the value of the first "key: value" line of a /proc file.
func field(path, key string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func cpuModel() string {
	if m := field("/proc/cpuinfo", "model name"); m != "" {
		return m
	}
	return runtime.GOARCH + " (CPU model unknown)"
}

func nproc() string {
	if s := firstLine(exec.Command("nproc").Output()); s != "" {
		return s
	}
	return fmt.Sprint(runtime.NumCPU())
}

func memTotal() string {
	v := field("/proc/meminfo", "MemTotal")
	var kb int64
	if _, err := fmt.Sscanf(v, "%d kB", &kb); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
}

func goVersion() string {
	if s := firstLine(exec.Command("go", "version").Output()); s != "" {
		return s
	}
	return runtime.Version()
}

func osName() string {
	name := runtime.GOOS + "/" + runtime.GOARCH
	if data, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
				name = strings.Trim(v, `"`) + ", " + name
			}
		}
	}
	if k, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		name += ", Linux " + strings.TrimSpace(string(k))
	}
	return name
}
