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
	runs            []run
	allocs, bytesOp float64
	allocErr        error
	startup         time.Duration
	startErr        error
}

func (r *report) mb() float64 { return float64(r.bytes) / 1e6 }

func (r *report) rate(x run) float64 { return float64(r.n) / x.wall.Seconds() }

// row is one line of the results table.
type row struct {
	name, setting, wall, rate, mbs, cpu, cpuRate, load, rss, target, met string
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func (r *report) rows() []row {
	var rows []row
	var one *run
	var maxRSS int64
	for i := range r.runs {
		x := r.runs[i]
		w := row{name: x.name, setting: x.note, target: "—", met: ""}
		switch {
		case x.skipped != "":
			w.setting = x.skipped
			w.wall, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss = "—", "—", "—", "—", "—", "—", "—"
		case x.err != nil:
			w.setting += "; failed (see stderr)"
			w.wall, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss = "—", "—", "—", "—", "—", "—", "—"
		default:
			w.wall = fmt.Sprintf("%.2f s", x.wall.Seconds())
			w.rate = fmt.Sprintf("%.0f", r.rate(x))
			w.mbs = fmt.Sprintf("%.2f", r.mb()/x.wall.Seconds())
			w.cpu = fmt.Sprintf("%.2f s", x.cpu.Seconds())
			w.cpuRate = fmt.Sprintf("%.0f", float64(r.n)/x.cpu.Seconds())
			w.load = x.load
			w.rss = fmt.Sprintf("%.0f MB", float64(x.rssKiB)/1024)
			if strings.HasPrefix(x.name, "extract") && x.rssKiB > maxRSS {
				maxRSS = x.rssKiB
			}
		}
		ok := x.skipped == "" && x.err == nil
		switch {
		case strings.HasPrefix(x.name, "extract, 1 core"):
			w.target = fmt.Sprintf("≥ %.0f articles/s", targetOneCore)
			if ok {
				w.met = yes(r.rate(x) >= targetOneCore)
				one = &r.runs[i]
			}
		case strings.HasPrefix(x.name, "extract, all cores"):
			w.target = fmt.Sprintf("≥ %.1f× one core", targetSpeedup)
			if ok && one != nil {
				s := r.rate(x) / r.rate(*one)
				w.rate += fmt.Sprintf(" (%.2f×)", s)
				if r.procs >= 2 {
					w.met = yes(s >= targetSpeedup)
				} else {
					w.met = "n/a (1 core)"
				}
			}
		case x.name == "ingest SQLite":
			w.target = fmt.Sprintf("≥ %.0f articles/s", targetSQLite)
			if ok {
				w.met = yes(r.rate(x) >= targetSQLite)
			}
		}
		rows = append(rows, w)
	}
	if maxRSS > 0 {
		mb := float64(maxRSS) / 1024
		rss := row{name: "peak RSS of extract", setting: fmt.Sprintf("largest of the extract runs, %d articles", r.n),
			rss: fmt.Sprintf("%.0f MB", mb), target: fmt.Sprintf("≤ %.0f MB (100k articles)", targetRSSMB), met: yes(mb <= targetRSSMB)}
		if r.n < 100000 {
			rss.met = "n/a below 100k" // memory grows with the fusion index
		}
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

var header = row{"Run", "Setting", "Wall", "Articles/s", "MB/s", "CPU", "Articles/CPU-s", "Load", "Peak RSS", "Target", "Met"}

// table is the results as plain text for the terminal.
func (r *report) table() string {
	rows := append([]row{header}, r.rows()...)
	cells := func(w row) []string {
		return []string{w.name, w.setting, w.wall, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss, w.target, w.met}
	}
	width := make([]int, 11)
	for _, w := range rows {
		for i, c := range cells(w) {
			if l := len([]rune(c)); l > width[i] {
				width[i] = l
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %.1f MB, seed %d\n", r.n, r.mb(), r.seed)
	for _, w := range rows {
		for i, c := range cells(w) {
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

Written by ` + "`go run ./cmd/entente-bench`" + ` (` + "`make bench`" + `: 10,000 articles;
` + "`make bench-quick`" + `: 1,000 articles, no PostgreSQL). The corpus is
` + "`internal/corpus.Generate(n, seed)`" + ` written as files; each run is the
` + "`entente`" + ` binary as a subprocess, standard output to /dev/null. Articles/s
and MB/s are corpus articles and bytes over wall time (start-up included);
CPU is user + system time, and articles/CPU-s the articles over it (the
measure to trust when the machine is shared: load is the 1-minute load
average when the run started); peak RSS is the process's maximum resident
set. The targets are issue 5's.

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
	fmt.Fprintf(&b, "- Corpus: %d articles (seed %d), %.1f MB, %.0f bytes per article on average, four languages\n\n",
		r.n, r.seed, r.mb(), float64(r.bytes)/float64(r.n))
	b.WriteString("| Run | Setting | Wall | Articles/s | MB/s | CPU | Articles/CPU-s | Load | Peak RSS | Target | Met |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|\n")
	for _, w := range r.rows() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w.name, w.setting, w.wall, w.rate, w.mbs, w.cpu, w.cpuRate, w.load, w.rss, w.target, w.met)
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
