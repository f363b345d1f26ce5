// Command entente-bench measures entente end to end on generated articles
// and writes the results, with the machine's description and the targets of
// issue 5, to BENCHMARKS.md.
//
// It writes internal/corpus.Generate(n, seed) as files into a temporary
// folder and runs an entente binary on it as a subprocess: extract on one
// core (GOMAXPROCS=1) and on all cores, ingest into SQLite and into a
// throwaway PostgreSQL server (internal/pgtest). For each run it records the
// wall time, articles/s, MB/s, CPU time and peak RSS of the process.
//
// Wall times on a shared VM vary by a third between identical runs, so each
// setting but PostgreSQL runs -repeat times (default 3): extract on one core
// and on all cores interleaved, then SQLite ingest, each run into a fresh
// database. A setting's row is its median run by wall time (of an even
// number, the faster middle one), with the fastest and slowest walls beside
// it; the all-cores speed-up is the ratio of the medians. Interleaved with
// them, a reference row measures the machine's own parallel ceiling: two
// GOMAXPROCS=1 extracts started at once, against the one-core row's median
// (scaling = 2 × single wall / wall of the pair). What two independent
// processes gain is the most the speed-up of one process can be expected to
// reach on this machine.
//
// Long documents (issue 12; -long, on by default; -only-long runs just
// them): a child process writes one 50 MB document of generated articles,
// one 50 MB document of a paragraph repeated, and a 5 MB token between two
// sentences; each is extracted once on one core without a size limit, and
// its wall and CPU time and peak RSS are judged against the targets (50 MB
// in under 30 s of CPU and 500 MB; the token in under 2 s).
//
// Worker scaling (issue 17; -queue, on by default with PostgreSQL;
// -only-queue runs just it, `make bench-queue`): the first -queue-n
// articles are enqueued into a fresh database of the same throwaway server
// for each run, then k `entente worker --exit-when-idle --concurrency 1`
// processes run at once, each k -queue-repeat times interleaved (scaling.go
// says what is recorded beside the wall: CPU per article of the workers and
// PostgreSQL, the lock-wait share, pg_stat_statements).
//
// Allocations per article come from BenchmarkProcess (go test, so run it
// from the module); start-up time is the median of five `entente kb stats`.
//
// The peak-RSS target is for 100,000 articles, ten times the default corpus.
// So after all the other runs, unless -rss-n is 0, a second corpus of -rss-n
// articles (default 100,000; seed + 1) is written into the temporary folder,
// extracted once on all cores (row "extract for peak RSS": wall, CPU, peak
// RSS) and deleted. When it had at least 100,000 articles, the "peak RSS of
// extract" row is that run's peak RSS against the target; otherwise the row
// is the largest peak RSS of the extract runs on the main corpus, judged only
// if that corpus has 100,000 articles.
//
//	go run ./cmd/entente-bench                 # 10,000 articles, 3 repeats; then 100,000 for peak RSS
//	go run ./cmd/entente-bench -n 1000 -skip-pg -rss-n 0
//	go run ./cmd/entente-bench -n 300 -repeat 2 -skip-pg -rss-n 2000 -out /tmp/b.md
//	go run ./cmd/entente-bench -n 2000 -write-corpus /tmp/c   # only the corpus, to profile
//	go run ./cmd/entente-bench -only-long                     # only the long documents
//	go run ./cmd/entente-bench -only-queue                    # only the worker scaling
//
// A previous BENCHMARKS.md's results stay in it as "Previous run", so
// before and after are both visible.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"entente/internal/corpus"
	"entente/internal/pgtest"
)

// Targets of issue 5.
const (
	targetOneCore      = 1000.0 // extract articles/s on one core
	targetSpeedup      = 1.8    // two cores against one
	targetQueueSpeedup = 1.6    // two queue workers against one (issue 17)
	targetSQLite       = 500.0  // ingest articles/s
	targetRSSMB        = 300.0  // peak RSS, for 100k articles
	targetStartupMS    = 200.0  // kb stats, median
)

// run is one measurement: one subprocess, or several started at once.
type run struct {
	wall   time.Duration // until the last process ended
	cpu    time.Duration // user + system, summed over the processes
	rssKiB int64         // the largest peak RSS among the processes
	load   string        // 1-minute load average when the run started
	err    error
}

// result is one setting, measured one or more times.
type result struct {
	name, note string
	copies     int   // processes started at once in each run
	runs       []run // in the order they ran
	skipped    string
	n          int   // articles of its own corpus; 0: the main corpus
	bytes      int64 // and their size
}

// err returns the first failed run's error.
func (s *result) err() error {
	for _, x := range s.runs {
		if x.err != nil {
			return x.err
		}
	}
	return nil
}

// median returns the median of runs by wall time; of an even number, the
// faster of the two middle ones. runs must not be empty.
func median(runs []run) run {
	sorted := slices.Clone(runs)
	slices.SortStableFunc(sorted, func(a, b run) int { return cmp.Compare(a.wall, b.wall) })
	return sorted[(len(sorted)-1)/2]
}

type bench struct {
	bin      string
	dir      string // the corpus
	tmp      string
	n        int
	bytes    int64
	repeat   int
	stderr   io.Writer
	procsAll int
	keep     string // the growth benchmark's corpus and database stay here ("": in tmp, removed)
}

func main() {
	n := flag.Int("n", 10000, "number of generated `articles`")
	seed := flag.Int64("seed", 1, "corpus seed")
	out := flag.String("out", "BENCHMARKS.md", "Markdown `file` to write")
	bin := flag.String("entente", "", "entente `binary` to measure (default: go build ./cmd/entente)")
	skipPG := flag.Bool("skip-pg", false, "skip the PostgreSQL ingest (and the queue)")
	queueRuns := flag.String("queue", "1,2", "with PostgreSQL: also measure worker scaling: enqueue the corpus and ingest it with each of these `numbers` of `entente worker` processes (\"\": none)")
	queueN := flag.Int("queue-n", 4000, "worker scaling on the first `N` articles of the corpus")
	queueRepeat := flag.Int("queue-repeat", 3, "run each number of workers `K` times, interleaved, and report the median")
	queueAgainst := flag.String("queue-against", "", "with -only-queue: a second entente `binary` (e.g. main's), run interleaved with the first, both in the table")
	onlyQueue := flag.Bool("only-queue", false, "run only the worker scaling (-queue, -queue-n, -queue-repeat) and print its table (writes no file)")
	repeat := flag.Int("repeat", 3, "measure extract and SQLite ingest `K` times each and report the median")
	only := flag.String("write-corpus", "", "only write the corpus into `DIR` (to profile entente on it) and exit")
	rssN := flag.Int("rss-n", rssTargetN, "after the other runs, extract once a second corpus of `N` articles for peak RSS (0: skip)")
	realistic := flag.Bool("realistic", false, "with -write-corpus: write corpus.Realistic articles")
	skip := flag.Int("skip", 0, "with -write-corpus: write only the articles from number `K` on (the first K are those of the same seed's smaller corpus)")
	byDate := flag.Bool("by-date", false, "with -write-corpus -realistic: lay the articles out in folders by publication day (YYYY-MM/DD), so that a folder is read in publication order")
	grow := flag.String("grow", "10000,100000", "measure ingest into a store of these `SIZES` of realistic articles (\"\": skip)")
	growBatch := flag.Int("grow-batch", 5000, "articles ingested and timed at each -grow size")
	onlyGrow := flag.Bool("only-grow", false, "run only the -grow benchmark (with an extract of its corpus for peak RSS)")
	long := flag.Bool("long", true, "extract a 50 MB document and a 5 MB token on one core (issue 12's targets)")
	onlyLong := flag.Bool("only-long", false, "run only the long documents and print their table (writes no file)")
	writeLongDir := flag.String("write-long", "", "only write the long documents into `DIR` and exit")
	growDir := flag.String("grow-dir", "", "with -only-grow: keep the realistic corpus and the grown database in `DIR` (a corpus already there is reused), to query or extract them again later")
	growExtract := flag.Bool("grow-extract", true, "with -only-grow: extract the whole realistic corpus once for peak RSS")
	flag.Parse()
	if *writeLongDir != "" {
		if err := writeLong(*writeLongDir, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		return
	}
	if *onlyLong {
		tmp, exe, err := workdir(*bin)
		if err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		b := &bench{bin: exe, tmp: tmp, repeat: 1, stderr: os.Stderr, procsAll: runtime.NumCPU()}
		runs := b.long(*seed)
		os.RemoveAll(tmp)
		fmt.Print(longMarkdown(runs))
		for _, x := range runs {
			if x.r.err != nil {
				os.Exit(1)
			}
		}
		return
	}
	if *only != "" {
		if _, err := writeCorpusFrom(*only, *n, *seed, *realistic, *skip, *byDate); err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		return
	}
	var points []int
	if *grow != "" {
		var err error
		if points, err = parseGrow(*grow); err != nil || *growBatch <= 0 || *growBatch%1000 != 0 {
			fmt.Fprintln(os.Stderr, "entente-bench: -grow and -grow-batch: sizes in multiples of 1000")
			os.Exit(2)
		}
	}
	if *onlyGrow {
		if err := growOnly(points, *growBatch, *seed, *out, *bin, *growDir, *growExtract); err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		return
	}
	ks, err := parseWorkers(*queueRuns)
	if err != nil || *queueN < 0 || *queueRepeat < 1 {
		fmt.Fprintln(os.Stderr, "entente-bench: -queue takes numbers of workers (1,2), -queue-n a size, -queue-repeat a positive count")
		os.Exit(2)
	}
	qo := queueOpts{ks: ks, n: *queueN, repeat: *queueRepeat, against: *queueAgainst}
	if *onlyQueue {
		if err := queueOnly(qo, *seed, *bin); err != nil {
			fmt.Fprintln(os.Stderr, "entente-bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := mainErr(*n, *repeat, *rssN, *seed, *out, *bin, *skipPG, qo, points, *growBatch, *long); err != nil {
		fmt.Fprintln(os.Stderr, "entente-bench:", err)
		os.Exit(1)
	}
}

// growOnly runs only the growth benchmark and writes its section to outPath.
func growOnly(points []int, batch int, seed int64, outPath, bin, keep string, extract bool) error {
	if len(points) == 0 {
		return fmt.Errorf("-only-grow needs -grow sizes")
	}
	tmp, bin, err := workdir(bin)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{bin: bin, tmp: tmp, keep: keep, repeat: 1, stderr: os.Stderr, procsAll: runtime.NumCPU()}
	g := b.grow(points, batch, seed+2, extract)
	md := "# Benchmarks: ingest as the store grows\n\nWritten by `go run ./cmd/entente-bench -only-grow`; commit " + commit() + ".\n\n" + g.markdown()
	fmt.Println(md)
	if err := os.WriteFile(outPath, []byte(md), 0o644); err != nil {
		return err
	}
	return g.err
}

// workdir makes the benchmark's temporary folder (the caller removes it)
// and returns it with the binary to measure (entente).
func workdir(bin string) (tmp, exe string, err error) {
	if tmp, err = os.MkdirTemp("", "entente-bench-"); err != nil {
		return "", "", err
	}
	if exe, err = entente(tmp, bin); err != nil {
		os.RemoveAll(tmp)
	}
	return tmp, exe, err
}

// entente returns the binary to measure: bin, or ./cmd/entente built into tmp.
func entente(tmp, bin string) (string, error) {
	if bin != "" {
		return filepath.Abs(bin)
	}
	bin = filepath.Join(tmp, "entente")
	fmt.Fprintln(os.Stderr, "building ./cmd/entente")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/entente")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/entente: %w", err)
	}
	return bin, nil
}

func mainErr(n, repeat, rssN int, seed int64, outPath, bin string, skipPG bool, qo queueOpts, points []int, growBatch int, long bool) error {
	if n <= 0 {
		return fmt.Errorf("-n must be positive")
	}
	if repeat <= 0 {
		return fmt.Errorf("-repeat must be positive")
	}
	if rssN < 0 {
		return fmt.Errorf("-rss-n must not be negative")
	}
	tmp, bin, err := workdir(bin)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	b := &bench{bin: bin, tmp: tmp, n: n, repeat: repeat, dir: filepath.Join(tmp, "corpus"), stderr: os.Stderr, procsAll: runtime.NumCPU()}
	fmt.Fprintf(os.Stderr, "writing %d articles (seed %d)\n", n, seed)
	if b.bytes, err = writeCorpusApart(b.dir, n, seed); err != nil {
		return err
	}

	// Interleaved, so that a slow spell of the machine falls on every
	// setting rather than on one.
	extract := []string{"extract", "--format", "jsonl", b.dir}
	one := &result{name: "extract, 1 core", note: "GOMAXPROCS=1", copies: 1}
	all := &result{name: fmt.Sprintf("extract, all cores (%d)", b.procsAll), note: "GOMAXPROCS unset", copies: 1}
	pair := &result{name: ceilingName, note: "two independent GOMAXPROCS=1 extracts at once; × vs extract, 1 core", copies: 2}
	for i := range repeat {
		b.add(one, i, true, extract...)
		b.add(all, i, false, extract...)
		b.add(pair, i, true, extract...)
	}
	sqlite := &result{name: "ingest SQLite", note: "all cores, a fresh database each run", copies: 1}
	for i := range repeat {
		db := filepath.Join(tmp, fmt.Sprintf("bench-%d.db", i))
		b.add(sqlite, i, false, "ingest", "--db", db, b.dir)
		removeDB(db)
	}
	pg, sc := b.ingestPG(skipPG, qo.ks, qo.n, qo.repeat, seed)
	results := []result{*one, *all, *pair, *sqlite, pg}

	allocs, bytesOp, allocErr := processAllocs()
	if allocErr != nil {
		fmt.Fprintln(os.Stderr, "allocations:", allocErr)
	}
	startup, startErr := b.startup(5)
	if startErr != nil {
		fmt.Fprintln(os.Stderr, "start-up:", startErr)
	}
	if rssN > 0 {
		results = append(results, b.rssRun(rssN, seed+1))
	}
	var g growth
	if len(points) > 0 {
		g = b.grow(points, growBatch, seed+2, false)
	}
	var longs []longRun
	if long {
		longs = b.long(seed)
	}

	r := report{
		when: time.Now(), n: n, seed: seed, bytes: b.bytes, repeat: repeat, results: results, procs: b.procsAll,
		allocs: allocs, bytesOp: bytesOp, allocErr: allocErr, startup: startup, startErr: startErr,
	}
	table := r.table()
	fmt.Println(table)
	prev := ""
	if old, err := os.ReadFile(outPath); err == nil {
		prev = previousRun(string(old))
	}
	md := r.markdown(prev)
	if sc != nil {
		fmt.Println()
		fmt.Print(sc.markdown())
		md += "\n" + sc.markdown()
	}
	if len(points) > 0 {
		md += "\n" + g.markdown()
	}
	if long {
		fmt.Println()
		fmt.Print(longMarkdown(longs))
		md += "\n" + longMarkdown(longs)
	}
	if err := os.WriteFile(outPath, []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "wrote", outPath)
	for _, s := range results {
		if err := s.err(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	for _, x := range longs {
		if x.r.err != nil {
			return fmt.Errorf("%s: %w", x.doc.name, x.r.err)
		}
	}
	if sc != nil && sc.err != nil {
		return fmt.Errorf("worker scaling: %w", sc.err)
	}
	return g.err
}

// add measures s once more (repeat i), unless an earlier run of it failed.
func (b *bench) add(s *result, i int, one bool, args ...string) {
	if s.err() != nil {
		return
	}
	fmt.Fprintf(b.stderr, "running %s (%d/%d): %d× entente %s\n", s.name, i+1, b.repeat, s.copies, strings.Join(args, " "))
	s.runs = append(s.runs, b.measure(s.copies, one, args...))
}

// removeDB removes an SQLite database with its journal files, so that the
// repeats do not fill the disk.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// writeCorpusFrom writes the generated articles (corpus.Generate, or
// corpus.Realistic) from number skip on into dir, in sub-folders of 1,000
// as a news archive might be, and returns their total size; by date,
// realistic articles go into folders by publication day instead
// (YYYY-MM/DD/NNNNNNN.txt), which a walk reads in publication order.
func writeCorpusFrom(dir string, n int, seed int64, realistic bool, skip int, byDate bool) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	each := func(fn func(int, time.Time, string)) {
		for i, text := range corpus.Generate(n, seed) {
			fn(i, time.Time{}, text)
		}
	}
	if realistic {
		each = func(fn func(int, time.Time, string)) { corpus.EachRealisticDated(n, seed, corpus.DefaultShape, fn) }
	}
	var total int64
	var err error
	made := map[string]bool{}
	each(func(i int, pub time.Time, text string) {
		if err != nil || i < skip {
			return
		}
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if byDate && !pub.IsZero() {
			sub = filepath.Join(dir, pub.Format("2006-01"), pub.Format("02"))
		}
		if !made[sub] {
			if err = os.MkdirAll(sub, 0o755); err != nil {
				return
			}
			made[sub] = true
		}
		err = os.WriteFile(filepath.Join(sub, fmt.Sprintf("%07d.txt", i)), []byte(text), 0o644)
		total += int64(len(text))
	})
	return total, err
}

// writeCorpusApart writes the corpus from a child process (this program
// with -write-corpus) and returns its size. The generated texts must never
// be in this process: Linux starts a child in its parent's memory and keeps
// the parent's resident set as the child's peak when that is larger (the
// high-water mark survives exec), so a benchmark holding 100,000 articles
// measured ~750 MB for an extract that peaks at ~270 MB.
func writeCorpusApart(dir string, n int, seed int64, flags ...string) (int64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(self, append([]string{"-write-corpus", dir, "-n", strconv.Itoa(n), "-seed", strconv.FormatInt(seed, 10)}, flags...)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("writing the corpus: %w", err)
	}
	var total int64
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	return total, err
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

// measure starts copies processes of the binary with args at once, standard
// output to /dev/null, and records the wall time until the last one ended,
// their CPU time and the largest peak RSS.
func (b *bench) measure(copies int, one bool, args ...string) run {
	r, _ := b.measureErr(copies, one, args...)
	return r
}

// measureErr is measure that also returns each process's standard error
// (its first 4 KiB).
func (b *bench) measureErr(copies int, one bool, args ...string) (r run, stderr []string) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		r.err = err
		return r, nil
	}
	defer null.Close()
	cmds := make([]*exec.Cmd, copies)
	stderrs := make([]strings.Builder, copies)
	for i := range cmds {
		cmds[i] = exec.Command(b.bin, args...)
		cmds[i].Env = env(one)
		cmds[i].Stdout = null
		cmds[i].Stderr = &limitWriter{w: &stderrs[i], n: 4096}
	}
	r.load = loadAvg()
	start := time.Now()
	errs := make([]error, copies)
	for i, cmd := range cmds {
		errs[i] = cmd.Start()
	}
	for i, cmd := range cmds {
		if errs[i] == nil {
			errs[i] = cmd.Wait()
		}
	}
	r.wall = time.Since(start)
	for i, cmd := range cmds {
		if ps := cmd.ProcessState; ps != nil {
			r.cpu += ps.UserTime() + ps.SystemTime()
			if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
				r.rssKiB = max(r.rssKiB, int64(ru.Maxrss)) // KiB on Linux
			}
		}
		if errs[i] != nil {
			r.err = errors.Join(r.err, fmt.Errorf("%v: %s", errs[i], strings.TrimSpace(stderrs[i].String())))
		}
		stderr = append(stderr, stderrs[i].String())
	}
	return r, stderr
}

// rssRun writes a second corpus of n articles, extracts it once on all
// cores for its peak RSS, and deletes it.
func (b *bench) rssRun(n int, seed int64) result {
	s := result{name: rssName, copies: 1, n: n}
	dir := filepath.Join(b.tmp, "corpus-rss")
	defer os.RemoveAll(dir)
	fmt.Fprintf(b.stderr, "writing %d articles (seed %d) for the peak-RSS run; this takes a while\n", n, seed)
	start := time.Now()
	var err error
	s.bytes, err = writeCorpusApart(dir, n, seed)
	s.note = fmt.Sprintf("all cores, a second corpus: %d articles (seed %d), %.1f MB; one run", n, seed, float64(s.bytes)/1e6)
	if err != nil {
		fmt.Fprintln(b.stderr, "peak-RSS corpus:", err)
		s.runs = append(s.runs, run{err: fmt.Errorf("writing the corpus: %w", err)})
		return s
	}
	fmt.Fprintf(b.stderr, "wrote %.1f MB in %.1f s\n", float64(s.bytes)/1e6, time.Since(start).Seconds())
	args := []string{"extract", "--format", "jsonl", dir}
	fmt.Fprintf(b.stderr, "running %s (1/1): 1× entente %s\n", s.name, strings.Join(args, " "))
	s.runs = append(s.runs, b.measure(1, false, args...))
	return s
}

// ingestPG ingests, once, into a fresh database of a throwaway PostgreSQL
// server; then, unless ks is empty, it measures worker scaling on the
// same server (scaling.go) over the first queueN articles of the corpus
// (written apart when fewer than the main corpus).
func (b *bench) ingestPG(skip bool, ks []int, queueN, repeat int, seed int64) (result, *scaling) {
	s := result{name: "ingest PostgreSQL", note: "all cores, local server, fsync off; one run", copies: 1}
	if skip {
		s.skipped = "skipped (-skip-pg)"
		return s, nil
	}
	fmt.Fprintln(b.stderr, "starting PostgreSQL")
	base, stop, stmts, err := startPG()
	if err != nil {
		fmt.Fprintln(b.stderr, "PostgreSQL:", err)
		s.skipped = "skipped: PostgreSQL did not start"
		return s, nil
	}
	defer stop()
	url, err := pgtest.CreateDB(base, fmt.Sprintf("bench_%d", time.Now().UnixNano()))
	if err != nil {
		fmt.Fprintln(b.stderr, "PostgreSQL:", err)
		s.skipped = "skipped: could not create a database"
		return s, nil
	}
	fmt.Fprintf(b.stderr, "running %s: entente ingest --db %s %s\n", s.name, url, b.dir)
	s.runs = append(s.runs, b.measure(1, false, "ingest", "--db", url, b.dir))
	if len(ks) == 0 {
		return s, nil
	}
	dir, n := b.dir, b.n
	if queueN > 0 && queueN < b.n {
		dir, n = filepath.Join(b.tmp, "corpus-queue"), queueN
		if _, err := writeCorpusApart(dir, n, seed); err != nil {
			return s, &scaling{n: n, seed: seed, ks: ks, repeat: repeat, err: err}
		}
		defer os.RemoveAll(dir)
	}
	return s, b.scale(base, stmts, dir, n, seed, ks, []string{b.bin}, repeat)
}

// startup returns the median wall time of k runs of `entente kb stats`.
func (b *bench) startup(k int) (time.Duration, error) {
	fmt.Fprintf(b.stderr, "running entente kb stats %d times\n", k)
	var runs []run
	for range k {
		r := b.measure(1, false, "kb", "stats")
		if r.err != nil {
			return 0, r.err
		}
		runs = append(runs, r)
	}
	return median(runs).wall, nil
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
