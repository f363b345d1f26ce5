// Command entente-bench measures entente end to end on generated articles
// and writes the results, with the machine's description and the targets of
// issue 5, to BENCHMARKS.md.
//
// It writes internal/corpus.Generate(n, seed) as files into a temporary
// folder and runs an entente binary on it as a subprocess: extract on one
// core (GOMAXPROCS=1) and on all cores, ingest into SQLite and into a
// throwaway PostgreSQL server (internal/pgtest). For each run it records the
// wall time, articles/s, MB/s and peak RSS of the process. Allocations per
// article come from BenchmarkProcess (go test, so run it from the module),
// start-up time is the median of five `entente kb stats`.
//
//	go run ./cmd/entente-bench                 # 10,000 articles
//	go run ./cmd/entente-bench -n 1000 -skip-pg
//	go run ./cmd/entente-bench -n 2000 -write-corpus /tmp/c   # only the corpus, to profile
//
// A previous BENCHMARKS.md's results stay in it as "Previous run", so
// before and after are both visible.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"entente/internal/corpus"
	"entente/internal/pgtest"
)

// Targets of issue 5.
const (
	targetOneCore   = 1000.0 // extract articles/s on one core
	targetSpeedup   = 1.8    // two cores against one
	targetSQLite    = 500.0  // ingest articles/s
	targetRSSMB     = 300.0  // peak RSS, for 100k articles
	targetStartupMS = 200.0  // kb stats, median
)

// run is one measured subprocess.
type run struct {
	name    string
	note    string
	wall    time.Duration
	cpu     time.Duration // user + system
	rssKiB  int64
	load    string // 1-minute load average when the run started
	skipped string // why it did not run
	err     error
}

type bench struct {
	bin      string
	dir      string // the corpus
	tmp      string
	n        int
	bytes    int64
	stderr   io.Writer
	procsAll int
}

func main() {
	n := flag.Int("n", 10000, "number of generated `articles`")
	seed := flag.Int64("seed", 1, "corpus seed")
	out := flag.String("out", "BENCHMARKS.md", "Markdown `file` to write")
	bin := flag.String("entente", "", "entente `binary` to measure (default: go build ./cmd/entente)")
	skipPG := flag.Bool("skip-pg", false, "skip the PostgreSQL ingest")
	only := flag.String("write-corpus", "", "only write the corpus into `DIR` (to profile entente on it) and exit")
	flag.Parse()
	if *only != "" {
		if _, err := writeCorpus(*only, *n, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := mainErr(*n, *seed, *out, *bin, *skipPG); err != nil {
		fmt.Fprintln(os.Stderr, "entente-bench:", err)
		os.Exit(1)
	}
}

func mainErr(n int, seed int64, outPath, bin string, skipPG bool) error {
	if n <= 0 {
		return fmt.Errorf("-n must be positive")
	}
	tmp, err := os.MkdirTemp("", "entente-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	if bin == "" {
		bin = filepath.Join(tmp, "entente")
		fmt.Fprintln(os.Stderr, "building ./cmd/entente")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/entente")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/entente: %w", err)
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return err
	}

	b := &bench{bin: bin, tmp: tmp, n: n, dir: filepath.Join(tmp, "corpus"), stderr: os.Stderr, procsAll: runtime.NumCPU()}
	fmt.Fprintf(os.Stderr, "writing %d articles (seed %d)\n", n, seed)
	if b.bytes, err = writeCorpus(b.dir, n, seed); err != nil {
		return err
	}

	var runs []run
	runs = append(runs, b.measure("extract, 1 core", "GOMAXPROCS=1", true, nil, "extract", "--format", "jsonl", b.dir))
	runs = append(runs, b.measure(fmt.Sprintf("extract, all cores (%d)", b.procsAll), "GOMAXPROCS unset", false, nil, "extract", "--format", "jsonl", b.dir))
	runs = append(runs, b.measure("ingest SQLite", "all cores", false, nil, "ingest", "--db", filepath.Join(tmp, "bench.db"), b.dir))
	runs = append(runs, b.ingestPG(skipPG))

	allocs, bytesOp, allocErr := processAllocs()
	if allocErr != nil {
		fmt.Fprintln(os.Stderr, "allocations:", allocErr)
	}
	startup, startErr := b.startup(5)
	if startErr != nil {
		fmt.Fprintln(os.Stderr, "start-up:", startErr)
	}

	r := report{
		when: time.Now(), n: n, seed: seed, bytes: b.bytes, runs: runs, procs: b.procsAll,
		allocs: allocs, bytesOp: bytesOp, allocErr: allocErr, startup: startup, startErr: startErr,
	}
	table := r.table()
	fmt.Println(table)
	prev := ""
	if old, err := os.ReadFile(outPath); err == nil {
		prev = previousRun(string(old))
	}
	md := r.markdown(prev)
	if err := os.WriteFile(outPath, []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "wrote", outPath)
	for _, x := range runs {
		if x.err != nil {
			return fmt.Errorf("%s: %w", x.name, x.err)
		}
	}
	return nil
}

// writeCorpus writes the generated articles into dir, in sub-folders of
// 1,000 as a news archive might be, and returns their total size.
func writeCorpus(dir string, n int, seed int64) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var total int64
	for i, text := range corpus.Generate(n, seed) {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, err
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			return 0, err
		}
		total += int64(len(text))
	}
	return total, nil
}

// env returns the environment without GOMAXPROCS, plus GOMAXPROCS=1 when
// one is set.
func env(one bool) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOMAXPROCS=") {
			out = append(out, kv)
		}
	}
	if one {
		out = append(out, "GOMAXPROCS=1")
	}
	return out
}

// measure runs the binary with args, standard output to /dev/null, and
// records its wall time, CPU time and peak RSS.
func (b *bench) measure(name, note string, one bool, extraEnv []string, args ...string) run {
	r := run{name: name, note: note}
	fmt.Fprintf(b.stderr, "running %s: entente %s\n", name, strings.Join(args, " "))
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		r.err = err
		return r
	}
	defer null.Close()
	var errBuf strings.Builder
	cmd := exec.Command(b.bin, args...)
	cmd.Env = append(env(one), extraEnv...)
	cmd.Stdout = null
	cmd.Stderr = &limitWriter{w: &errBuf, n: 4096}
	r.load = loadAvg()
	start := time.Now()
	err = cmd.Run()
	r.wall = time.Since(start)
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.rssKiB = int64(ru.Maxrss) // KiB on Linux
		}
	}
	if err != nil {
		r.err = fmt.Errorf("%v: %s", err, strings.TrimSpace(errBuf.String()))
	}
	return r
}

// ingestPG ingests into a fresh database of a throwaway PostgreSQL server.
func (b *bench) ingestPG(skip bool) run {
	const name = "ingest PostgreSQL"
	if skip {
		return run{name: name, skipped: "skipped (-skip-pg)"}
	}
	fmt.Fprintln(b.stderr, "starting PostgreSQL")
	base, stop, err := pgtest.Start()
	if err != nil {
		fmt.Fprintln(b.stderr, "PostgreSQL:", err)
		return run{name: name, skipped: "skipped: PostgreSQL did not start"}
	}
	defer stop()
	url, err := pgtest.CreateDB(base, fmt.Sprintf("bench_%d", time.Now().UnixNano()))
	if err != nil {
		fmt.Fprintln(b.stderr, "PostgreSQL:", err)
		return run{name: name, skipped: "skipped: could not create a database"}
	}
	return b.measure(name, "all cores, local server, fsync off", false, nil, "ingest", "--db", url, b.dir)
}

// startup returns the median wall time of k runs of `entente kb stats`.
func (b *bench) startup(k int) (time.Duration, error) {
	var ds []time.Duration
	for i := 0; i < k; i++ {
		r := b.measure("kb stats", "", false, nil, "kb", "stats")
		if r.err != nil {
			return 0, r.err
		}
		ds = append(ds, r.wall)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], nil
}

var benchLine = regexp.MustCompile(`^BenchmarkProcess\S*\s+\d+\s+.*?([\d.]+) B/op\s+([\d.]+) allocs/op`)

// processAllocs runs BenchmarkProcess (one article per op) and returns its
// allocations and bytes per article.
func processAllocs() (allocs, bytes float64, err error) {
	fmt.Fprintln(os.Stderr, "running BenchmarkProcess for allocations")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkProcess$", "-benchmem", "./internal/pipeline")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("go test -bench BenchmarkProcess: %w", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if m := benchLine.FindStringSubmatch(sc.Text()); m != nil {
			bytes, _ = strconv.ParseFloat(m[1], 64)
			allocs, _ = strconv.ParseFloat(m[2], 64)
			return allocs, bytes, nil
		}
	}
	return 0, 0, fmt.Errorf("no BenchmarkProcess line with -benchmem in:\n%s", out)
}

// loadAvg returns the 1-minute load average ("" if unknown): on a shared
// machine, wall times mean little without it.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// limitWriter keeps the first n bytes written to it.
type limitWriter struct {
	w io.Writer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	k := len(p)
	if l.n > 0 {
		q := p
		if len(q) > l.n {
			q = q[:l.n]
		}
		l.w.Write(q)
		l.n -= len(q)
	}
	return k, nil
}
