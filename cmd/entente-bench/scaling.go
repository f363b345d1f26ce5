package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"entente/internal/pgtest"
)

// Worker scaling (issue 17): the corpus is enqueued into a fresh database
// (not timed), then k `entente worker --exit-when-idle --concurrency 1`
// processes run at once until the queue is empty (one job at a time each:
// k workers are k store streams). Every configuration runs -repeat times,
// interleaved (1, 2, 2, 1, 1, 2, …), so that a slow spell of the shared
// machine falls on both; a configuration's row is its median run by wall.
//
// Wall articles/s depend on what else the machine runs, so each run also
// records what does not: the CPU time of the workers and of PostgreSQL
// (the server's processes, reaped and live, before and after the run), per
// article; the share of the jobs' time spent waiting on locks (the
// workers' summaries: waiting for earlier batches to stage, for their
// blocks, and for advisory locks); and, when the server has
// pg_stat_statements, the statements' calls and execution time, River's
// apart.

// qrun is one run of k workers.
type qrun struct {
	run
	k                    int
	bin                  int           // index into scaling.bins
	pgCPU                time.Duration // PostgreSQL's CPU during the run; -1: unknown
	extract, wait, store float64       // the workers' job time, seconds
	snoozed              int
	stmts, river         stmtStat // pg_stat_statements (zero: unknown)
}

// stmtStat sums statements of pg_stat_statements.
type stmtStat struct {
	calls  int64
	execMS float64
}

// waitShare is the share of the jobs' time spent waiting on locks (-1:
// the workers gave no times).
func (q qrun) waitShare() float64 {
	total := q.extract + q.wait + q.store
	if total == 0 {
		return -1
	}
	return q.wait / total
}

// cpuPerArticle is the CPU time of the workers and of PostgreSQL per
// article, in milliseconds (-1: PostgreSQL's is unknown).
func (q qrun) cpuPerArticle(n int) float64 {
	if q.pgCPU < 0 {
		return -1
	}
	return float64((q.cpu + q.pgCPU).Microseconds()) / 1000 / float64(n)
}

// scaling is the worker-scaling benchmark's outcome.
type scaling struct {
	n      int
	seed   int64
	ks     []int
	bins   []string // the entente binaries compared (one: no comparison)
	repeat int
	runs   []qrun // in the order they ran
	took   time.Duration
	stmts  bool // the server had pg_stat_statements
	warmed bool // a warm-up run came first
	err    error
}

// byK returns the runs of k workers with binary bin, in the order they
// ran.
func (s *scaling) byK(k, bin int) []qrun {
	var out []qrun
	for _, q := range s.runs {
		if q.k == k && q.bin == bin {
			out = append(out, q)
		}
	}
	return out
}

// medianQ returns the median of runs by wall (of an even number, the
// faster middle one).
func medianQ(runs []qrun) qrun {
	sorted := slices.Clone(runs)
	slices.SortStableFunc(sorted, func(a, b qrun) int { return int(a.wall - b.wall) })
	return sorted[(len(sorted)-1)/2]
}

// queueOpts are the worker-scaling flags.
type queueOpts struct {
	ks        []int // numbers of workers
	n, repeat int
	against   string // a second entente binary, run interleaved with the first
}

// queueOnly runs only the worker scaling, on its own corpus of qo.n
// articles, and prints its section.
func queueOnly(qo queueOpts, seed int64, bin string) error {
	if len(qo.ks) == 0 || qo.n <= 0 {
		return fmt.Errorf("-only-queue needs -queue and -queue-n")
	}
	tmp, bin, err := workdir(bin)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{bin: bin, tmp: tmp, repeat: 1, stderr: os.Stderr, procsAll: runtime.NumCPU()}
	dir := filepath.Join(tmp, "corpus")
	fmt.Fprintf(os.Stderr, "writing %d articles (seed %d)\n", qo.n, seed)
	if _, err := writeCorpusApart(dir, qo.n, seed); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "starting PostgreSQL")
	base, stop, stmts, err := startPG()
	if err != nil {
		return err
	}
	defer stop()
	bins := []string{b.bin}
	if qo.against != "" {
		against, err := filepath.Abs(qo.against)
		if err != nil {
			return err
		}
		bins = append(bins, against)
	}
	s := b.scale(base, stmts, dir, qo.n, seed, qo.ks, bins, qo.repeat)
	fmt.Printf("Commit %s; %s.\n\n", commit(), time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Print(s.markdown())
	return s.err
}

// parseWorkers reads -queue ("1,2").
func parseWorkers(list string) ([]int, error) {
	var ks []int
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' }) {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 {
			return nil, fmt.Errorf("-queue %q: want numbers of workers, e.g. 1,2", list)
		}
		ks = append(ks, k)
	}
	return ks, nil
}

// startPG starts a throwaway server with pg_stat_statements when it can,
// else without; stmts says which.
func startPG() (base string, stop func(), stmts bool, err error) {
	if base, stop, err = pgtest.Start("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=top"); err == nil {
		db, err := sql.Open("pgx", base+"postgres?sslmode=disable")
		if err == nil {
			_, err = db.Exec(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`)
			db.Close()
		}
		return base, stop, err == nil, nil
	}
	base, stop, err = pgtest.Start()
	return base, stop, false, err
}

// scale runs the worker-scaling benchmark on the corpus in dir (n
// articles) against the server at base, with each of the binaries bins
// (interleaved: in each round, every number of workers with every binary).
func (b *bench) scale(base string, stmts bool, dir string, n int, seed int64, ks []int, bins []string, repeat int) *scaling {
	s := &scaling{n: n, seed: seed, ks: ks, bins: bins, repeat: repeat, stmts: stmts}
	start := time.Now()
	defer func() { s.took = time.Since(start) }()
	admin, err := sql.Open("pgx", base+"postgres?sslmode=disable")
	if err != nil {
		s.err = err
		return s
	}
	defer admin.Close()
	pm := postmaster(admin)
	// A warm-up, not recorded: one worker over the first folder (1,000
	// articles). The first runs on a new server were the slowest.
	if warm := filepath.Join(dir, "000"); n > 1000 {
		if _, err := os.Stat(warm); err == nil {
			fmt.Fprintln(b.stderr, "worker scaling: warming up (one worker, 1,000 articles, not recorded)")
			if q := b.queueOnce(admin, base, pm, stmts, warm, 1000, 1, -1); q.err != nil {
				s.err = fmt.Errorf("warm-up: %w", q.err)
				return s
			}
			s.warmed = true
		}
	}
	for i := range repeat {
		order := slices.Clone(ks)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, k := range order {
			for j, bin := range bins {
				if i%2 == 1 {
					j = len(bins) - 1 - j
					bin = bins[j]
				}
				bb := *b
				bb.bin = bin
				q := bb.queueOnce(admin, base, pm, stmts, dir, n, k, i)
				q.bin = j
				s.runs = append(s.runs, q)
				if q.err != nil {
					s.err = fmt.Errorf("%d workers (%s): %w", k, bin, q.err)
					return s
				}
			}
		}
	}
	return s
}

// queueOnce enqueues the corpus into a fresh database and runs k workers
// on it (run i of the repeats).
func (b *bench) queueOnce(admin *sql.DB, base string, pm int, stmts bool, dir string, n, k, i int) qrun {
	q := qrun{k: k, pgCPU: -1}
	name := fmt.Sprintf("bench_queue_%d_%d_%d", k, i+1, time.Now().UnixNano())
	url, err := pgtest.CreateDB(base, name)
	if err != nil {
		q.err = err
		return q
	}
	defer admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	fmt.Fprintf(b.stderr, "worker scaling, round %d: enqueueing %d articles, then %d× %s worker --exit-when-idle --concurrency 1\n", i+1, n, k, b.bin)
	if r := b.measure(1, false, "enqueue", "--db", url, dir); r.err != nil {
		q.err = r.err
		return q
	}
	ctx := context.Background()
	// Let the enqueue's backend go, so that its CPU is not the run's.
	settle(ctx, admin, name)
	if stmts {
		admin.ExecContext(ctx, `SELECT pg_stat_statements_reset()`)
	}
	before := treeCPU(pm)
	r, stderr := b.measureErr(k, false, "worker", "--db", url, "--exit-when-idle", "--concurrency", "1", "--log-level", "warn")
	q.run = r
	if r.err != nil {
		return q
	}
	// The workers' backends end after them; their CPU counts once they
	// are reaped.
	settle(ctx, admin, name)
	if after := treeCPU(pm); before >= 0 && after >= 0 {
		q.pgCPU = after - before
	}
	for _, e := range stderr {
		if m := workerTimes.FindStringSubmatch(e); m != nil {
			x, _ := strconv.ParseFloat(m[1], 64)
			w, _ := strconv.ParseFloat(m[2], 64)
			st, _ := strconv.ParseFloat(m[3], 64)
			q.extract, q.wait, q.store = q.extract+x, q.wait+w, q.store+st
		}
		if m := workerSnoozed.FindStringSubmatch(e); m != nil {
			z, _ := strconv.Atoi(m[1])
			q.snoozed += z
		}
	}
	if stmts {
		q.stmts, q.river = statements(ctx, admin, name)
		topStatements(ctx, b.stderr, admin, name, 8)
	}
	fmt.Fprintf(b.stderr, "  %d worker(s): %.2f s wall, %.0f articles/s, CPU %.1f ms/article, lock wait %.1f%%, load %s\n",
		k, q.wall.Seconds(), float64(n)/q.wall.Seconds(), q.cpuPerArticle(n), 100*q.waitShare(), q.load)
	return q
}

// workerTimes reads the job times of a worker's summary line, and
// workerSnoozed its snoozes.
var (
	workerTimes   = regexp.MustCompile(`job time: extract ([\d.]+) s, wait ([\d.]+) s, store ([\d.]+) s`)
	workerSnoozed = regexp.MustCompile(`(\d+) snoozed`)
)

// settle waits (up to 10 s) until no backend is connected to database
// name, then a little longer, so that the server has reaped them.
func settle(ctx context.Context, admin *sql.DB, name string) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var n int
		if err := admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = $1`, name).Scan(&n); err != nil || n == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
}

// statements sums pg_stat_statements over database name: all of its
// statements, and River's (those on river_ tables, but for the queue's
// own look-ups, which join entente_queue_batches).
func statements(ctx context.Context, admin *sql.DB, name string) (all, river stmtStat) {
	rows, err := admin.QueryContext(ctx, `SELECT query, calls, total_exec_time FROM pg_stat_statements
		WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`, name)
	if err != nil {
		return all, river
	}
	defer rows.Close()
	for rows.Next() {
		var query string
		var calls int64
		var ms float64
		if rows.Scan(&query, &calls, &ms) != nil {
			return all, river
		}
		all.calls += calls
		all.execMS += ms
		if strings.Contains(query, "river_") && !strings.Contains(query, "entente_queue") {
			river.calls += calls
			river.execMS += ms
		}
	}
	return all, river
}

// topStatements writes the k statements of database name that took the
// most execution time to w (stderr: where a run's time went).
func topStatements(ctx context.Context, w io.Writer, admin *sql.DB, name string, k int) {
	rows, err := admin.QueryContext(ctx, `SELECT calls, total_exec_time, total_plan_time, shared_blks_hit + shared_blks_read, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
		FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1) ORDER BY total_exec_time DESC LIMIT $2`, name, k)
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var calls, blks int64
		var exec, plan float64
		var query string
		if rows.Scan(&calls, &exec, &plan, &blks, &query) == nil {
			fmt.Fprintf(w, "    %7d calls %8.0f ms exec %6.0f ms plan %9d buffers  %s\n", calls, exec, plan, blks, query)
		}
	}
}

// postmaster returns the process id of the server's postmaster (the
// parent of a backend), or 0 when it is not a process of this machine
// that we can read (ENTENTE_TEST_PG names a remote server).
func postmaster(admin *sql.DB) int {
	var backend int
	if err := admin.QueryRow(`SELECT pg_backend_pid()`).Scan(&backend); err != nil {
		return 0
	}
	st, ok := procStat(backend)
	if !ok || st.comm != "postgres" {
		return 0
	}
	if pm, ok := procStat(st.ppid); ok && pm.comm == "postgres" {
		return st.ppid
	}
	return 0
}

// stat is what treeCPU needs of /proc/PID/stat.
type stat struct {
	comm  string
	ppid  int
	ticks int64 // utime + stime + cutime + cstime
}

// procStat reads /proc/pid/stat.
func procStat(pid int) (stat, bool) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return stat{}, false
	}
	s := string(data)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return stat{}, false
	}
	f := strings.Fields(s[end+1:]) // f[0] is field 3 (state)
	if len(f) < 15 {
		return stat{}, false
	}
	st := stat{comm: s[open+1 : end]}
	st.ppid, _ = strconv.Atoi(f[1])
	for _, i := range []int{11, 12, 13, 14} { // fields 14–17
		t, _ := strconv.ParseInt(f[i], 10, 64)
		st.ticks += t
	}
	return st, true
}

// treeCPU returns the CPU time of the postmaster pm and its children,
// live and reaped (-1 if unknown). Linux counts in ticks of 1/100 s.
func treeCPU(pm int) time.Duration {
	if pm == 0 {
		return -1
	}
	root, ok := procStat(pm)
	if !ok {
		return -1
	}
	ticks := root.ticks
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return -1
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, ok := procStat(pid); ok && st.ppid == pm {
			ticks += st.ticks
		}
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// markdown is the worker-scaling section of BENCHMARKS.md.
func (s *scaling) markdown() string {
	var b strings.Builder
	b.WriteString("## Worker scaling (PostgreSQL job queue, issue 17)\n\n")
	fmt.Fprintf(&b, "%d generated articles (seed %d) enqueued into a fresh database for each run, then k `entente worker --exit-when-idle --concurrency 1` processes at once%s; each configuration %d times, interleaved, in %s in all. A row is the configuration's median run by wall; × one is the ratio of the median walls, and beside it the ratios of the runs of each round (run next to each other). CPU is the workers' and PostgreSQL's (its processes, reaped and live) per article; lock wait is the share of the jobs' time spent waiting for earlier batches (their staging, their blocks) and for advisory locks; load is the 1-minute load average when the run started. CPU per article and lock wait do not depend on the machine's other load; wall articles/s do.\n\n",
		s.n, s.seed, warmUp(s.warmed), s.repeat, s.took.Round(time.Second))
	if len(s.bins) > 1 {
		b.WriteString("Builds compared, run one after the other in each round:")
		for j, bin := range s.bins {
			fmt.Fprintf(&b, " %c `%s`", 'A'+j, bin)
		}
		b.WriteString(".\n\n")
	}
	b.WriteString("| Workers | Wall (median) | Wall min–max | Articles/s | × one | × one, each round | CPU workers + PostgreSQL | CPU per article (min–max) | Lock wait (min–max) | Snoozes | Load | Target | Met |\n")
	b.WriteString("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n")
	for j := range s.bins {
		s.rows(&b, j)
	}
	if busy := s.maxLoad(); busy > 1.5 {
		fmt.Fprintf(&b, "\n**The machine was busy (1-minute load up to %.1f on %d cores):** k worker processes then get about k/(k+load) of the machine, so the walls and their ratio favour more workers and are not to be trusted; CPU per article and lock wait are.\n", busy, runtime.NumCPU())
	}
	if s.stmts {
		b.WriteString("\npg_stat_statements of the median runs (execution time, all statements and River's: fetching and completing jobs):\n\n")
		b.WriteString("| Workers | Statements | Time | per article | River: calls | River: time |\n|--:|--:|--:|--:|--:|--:|\n")
		for bin := range s.bins {
			for _, k := range s.ks {
				var ok []qrun
				for _, q := range s.byK(k, bin) {
					if q.err == nil {
						ok = append(ok, q)
					}
				}
				if len(ok) == 0 {
					continue
				}
				m := medianQ(ok)
				label := strconv.Itoa(k)
				if len(s.bins) > 1 {
					label = fmt.Sprintf("%c: %d", 'A'+bin, k)
				}
				fmt.Fprintf(&b, "| %s | %d | %.2f s | %.2f ms | %d | %.2f s |\n", label, m.stmts.calls, m.stmts.execMS/1000, m.stmts.execMS/float64(s.n), m.river.calls, m.river.execMS/1000)
			}
		}
	}
	if s.err != nil {
		fmt.Fprintf(&b, "\nFailed: %v\n", s.err)
	}
	return b.String()
}

// rows writes the table rows of binary bin, one per number of workers.
func (s *scaling) rows(b *strings.Builder, bin int) {
	var oneRate float64
	for _, k := range s.ks {
		label := strconv.Itoa(k)
		if len(s.bins) > 1 {
			label = fmt.Sprintf("%c: %d", 'A'+bin, k)
		}
		runs := s.byK(k, bin)
		if len(runs) == 0 || runs[0].err != nil {
			fmt.Fprintf(b, "| %s | failed |  |  |  |  |  |  |  |  |  |  |  |\n", label)
			continue
		}
		var ok []qrun
		for _, q := range runs {
			if q.err == nil {
				ok = append(ok, q)
			}
		}
		if len(ok) == 0 {
			fmt.Fprintf(b, "| %s | failed |  |  |  |  |  |  |  |  |  |  |  |\n", label)
			continue
		}
		m := medianQ(ok)
		rate := float64(s.n) / m.wall.Seconds()
		if k == 1 {
			oneRate = rate
		}
		var loads []string
		lo, hi := ok[0].wall, ok[0].wall
		cpuLo, cpuHi, wLo, wHi := 1e18, -1.0, 1e18, -1.0
		for _, q := range ok {
			lo, hi = min(lo, q.wall), max(hi, q.wall)
			if c := q.cpuPerArticle(s.n); c >= 0 {
				cpuLo, cpuHi = min(cpuLo, c), max(cpuHi, c)
			}
			if w := q.waitShare(); w >= 0 {
				wLo, wHi = min(wLo, w), max(wHi, w)
			}
			loads = append(loads, q.load)
		}
		x, each := "1.00", "—"
		target, met := "—", ""
		if k > 1 && oneRate > 0 {
			x = fmt.Sprintf("**%.2f×**", rate/oneRate)
			var rs []string
			for _, r := range s.roundRatios(k, bin) {
				rs = append(rs, fmt.Sprintf("%.2f", r))
			}
			each = strings.Join(rs, ", ")
			if k == 2 {
				target, met = fmt.Sprintf("≥ %.1f× one worker", targetQueueSpeedup), yes(rate/oneRate >= targetQueueSpeedup)
			}
		}
		cpu, perArt := "—", "—"
		if m.pgCPU >= 0 {
			cpu = fmt.Sprintf("%.1f + %.1f s", m.cpu.Seconds(), m.pgCPU.Seconds())
			perArt = fmt.Sprintf("%.2f ms (%.2f–%.2f)", m.cpuPerArticle(s.n), cpuLo, cpuHi)
		} else {
			cpu = fmt.Sprintf("%.1f s + ?", m.cpu.Seconds())
		}
		wait := "—"
		if m.waitShare() >= 0 {
			wait = fmt.Sprintf("%.1f %% (%.1f–%.1f)", 100*m.waitShare(), 100*wLo, 100*wHi)
		}
		fmt.Fprintf(b, "| %s | %.2f s | %.2f–%.2f s | %.0f | %s | %s | %s | %s | %s | %d | %s | %s | %s |\n",
			label, m.wall.Seconds(), lo.Seconds(), hi.Seconds(), rate, x, each, cpu, perArt, wait, m.snoozed, strings.Join(loads, ", "), target, met)
	}
}

// warmUp says whether a warm-up run came first.
func warmUp(warmed bool) string {
	if warmed {
		return ", after a warm-up (one worker over 1,000 articles, not recorded)"
	}
	return ""
}

// maxLoad returns the highest load average at the start of a run.
func (s *scaling) maxLoad() float64 {
	var most float64
	for _, q := range s.runs {
		if l, err := strconv.ParseFloat(q.load, 64); err == nil {
			most = max(most, l)
		}
	}
	return most
}

// roundRatios returns, for each round in which both ran, the articles/s
// of k workers against one worker's.
func (s *scaling) roundRatios(k, bin int) []float64 {
	ones, ks := s.byK(1, bin), s.byK(k, bin)
	var out []float64
	for i := range min(len(ones), len(ks)) {
		if ones[i].err == nil && ks[i].err == nil {
			out = append(out, ones[i].wall.Seconds()/ks[i].wall.Seconds())
		}
	}
	return out
}
