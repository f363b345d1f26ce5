package queue

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"entente/internal/corpus"
	"entente/internal/model"
	"entente/internal/pgtest"
	"entente/internal/pipeline"
	"entente/internal/store"
)

// The PostgreSQL server of the tests, started once, and the entente
// binary, built once.
var (
	pg struct {
		once sync.Once
		base string
		stop func()
		err  error
	}
	dbSeq   int
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if pg.stop != nil {
		pg.stop()
	}
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// newPG creates a fresh database on the test server and returns its URL.
// Without a server the test is skipped, except in CI, where it fails.
func newPG(t *testing.T) string {
	t.Helper()
	pg.once.Do(func() { pg.base, pg.stop, pg.err = pgtest.Start() })
	if pg.err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL: %v", pg.err)
		}
		t.Skipf("PostgreSQL tests skipped: %v", pg.err)
	}
	dbSeq++
	url, err := pgtest.CreateDB(pg.base, fmt.Sprintf("entente_queue_%d_%d", os.Getpid(), dbSeq))
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// entente builds the command once.
func entente(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "entente-queue-test-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "entente")
		out, err := exec.Command("go", "build", "-o", binPath, "entente/cmd/entente").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// run runs entente and fails the test when it fails.
func run(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(entente(t), args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("entente %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// writeCorpus writes n generated articles into a folder.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i, text := range corpus.Generate(n, 11) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gen_%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// dump opens a database and writes its state (store.Dump).
func dump(t *testing.T, dsn string) string {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got  %.300s\n want %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// stats runs `entente queue stats --format json` and parses it.
func stats(t *testing.T, dsn string) Stats {
	t.Helper()
	var s Stats
	out := run(t, "queue", "stats", "--db", dsn, "--format", "json")
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("queue stats: %v\n%s", err, out)
	}
	return s
}

// TestWorkersMatchIngest enqueues generated articles and runs three worker
// processes at once; the database ends exactly as after one `entente
// ingest` of the same folder: the same documents and events, ids included.
func TestWorkersMatchIngest(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	dir := writeCorpus(t, n)
	ref, db := newPG(t), newPG(t)
	run(t, "ingest", "--db", ref, dir)
	out := run(t, "enqueue", "--db", db, dir)
	if !strings.Contains(out, fmt.Sprintf("enqueued: %d documents in %d jobs", n, (n+15)/16)) {
		t.Errorf("enqueue says %q", out)
	}
	// Enqueued again: nothing new.
	if out := run(t, "ingest", "--queue", "--db", db, dir); !strings.Contains(out, fmt.Sprintf("enqueued: 0 documents in 0 jobs, %d enqueued before", n)) {
		t.Errorf("second enqueue says %q", out)
	}
	if s := stats(t, db); s.Pending != (n+15)/16 || s.Documents.Pending != n || s.Done != 0 {
		t.Errorf("stats before the workers: %+v", s)
	}
	var wg sync.WaitGroup
	logs := make([]bytes.Buffer, 3)
	errs := make([]error, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(entente(t), "worker", "--db", db, "--concurrency", "2", "--exit-when-idle")
			cmd.Stdout, cmd.Stderr = &logs[i], &logs[i]
			errs[i] = cmd.Run()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("worker %d: %v\n%s", i, err, logs[i].String())
		}
	}
	worked, staged := 0, 0
	for i := range logs {
		worked += strings.Count(logs[i].String(), "job done")
		staged += strings.Count(logs[i].String(), "stored=staged")
	}
	// The first batch comes before any publication date (the fusion
	// watermark): it is stored in turn, the others staged.
	if worked != (n+15)/16 || staged != worked-1 {
		t.Errorf("%d jobs done by the workers, %d of them staged; want %d, all but the first staged", worked, staged, (n+15)/16)
	}
	if left := stagedLeft(t, db); left != 0 {
		t.Errorf("%d staged rows left after the workers", left)
	}
	if s := stats(t, db); s.Done != (n+15)/16 || s.Documents.Done != n || s.Pending+s.Running+s.Failed != 0 || s.Rate <= 0 {
		t.Errorf("stats after the workers: %+v", s)
	}
	if got, want := dump(t, db), dump(t, ref); got != want {
		t.Errorf("three workers differ from one ingest:\n%s", firstDiff(got, want))
	}
}

// stagedLeft counts the rows left in the store's staging tables.
func stagedLeft(t *testing.T, dsn string) int {
	t.Helper()
	q, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var n int
	if err := q.pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM staged_blocks) + (SELECT count(*) FROM staged_docs)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEditedDocumentsInTurn enqueues a folder, then new texts under three
// of its paths (three batches, as enqueue reads the folder in batches):
// these replace stored documents, so they are stored in turn, and two workers end as two `entente ingest` runs of the
// folder before and after the edit.
func TestEditedDocumentsInTurn(t *testing.T) {
	dir := writeCorpus(t, 48)
	ref, db := newPG(t), newPG(t)
	run(t, "ingest", "--db", ref, dir)
	run(t, "enqueue", "--db", db, "--batch", "4", dir)
	texts := corpus.Generate(3, 99)
	for i, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gen_%05d.txt", 5+10*i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, "ingest", "--db", ref, dir)
	if out := run(t, "enqueue", "--db", db, "--batch", "4", dir); !strings.Contains(out, "enqueued: 3 documents in 3 jobs") {
		t.Errorf("enqueue of the edits says %q", out)
	}
	var logs [2]bytes.Buffer
	var wg sync.WaitGroup
	for i := range logs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(entente(t), "worker", "--db", db, "--concurrency", "1", "--exit-when-idle")
			cmd.Stdout, cmd.Stderr = &logs[i], &logs[i]
			if err := cmd.Run(); err != nil {
				t.Errorf("worker %d: %v\n%s", i, err, logs[i].String())
			}
		}()
	}
	wg.Wait()
	all := logs[0].String() + logs[1].String()
	if n, m := strings.Count(all, `stored="in turn"`), strings.Count(all, "updated=1"); n != 4 || m != 3 {
		t.Errorf("%d batches stored in turn, %d updated a document; want 4 (the first, before any date, and the edits) and 3:\n%s", n, m, all)
	}
	if got, want := dump(t, db), dump(t, ref); got != want {
		t.Errorf("workers differ from two ingests:\n%s", firstDiff(got, want))
	}
}

// TestWorkerStoppedAndKilled stops a worker with SIGTERM while it runs a
// job (it finishes its jobs and exits 0), then kills the next one with
// SIGKILL while it runs a job, restarts it, and checks that the database
// ends as after one ingest.
func TestWorkerStoppedAndKilled(t *testing.T) {
	n := 100 // 25 jobs of 4: some done before each signal, some after
	if testing.Short() {
		n = 60
	}
	dir := writeCorpus(t, n)
	ref, db := newPG(t), newPG(t)
	run(t, "ingest", "--db", ref, dir)
	run(t, "enqueue", "--db", db, "--batch", "4", dir)
	q, err := Open(context.Background(), db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// once waits until at least done batches are stored and a job runs.
	once := func(done int) bool {
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			var d, running int
			q.pool.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE done) FROM entente_queue_batches`).Scan(&d)
			q.pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job WHERE state = 'running'`).Scan(&running)
			if d >= done && running > 0 {
				return true
			}
			time.Sleep(5 * time.Millisecond)
		}
		return false
	}
	worker := func(out *bytes.Buffer) *exec.Cmd {
		cmd := exec.Command(entente(t), "worker", "--db", db, "--concurrency", "2", "--rescue-after", "10s")
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}

	var log1 bytes.Buffer
	cmd := worker(&log1)
	if !once(0) {
		cmd.Process.Kill()
		t.Fatalf("no job ran within a minute:\n%s", log1.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("worker after SIGTERM: %v\n%s", err, log1.String())
	}
	s := stats(t, db)
	if s.Running != 0 || s.Done == 0 || s.Done+s.Pending != (n+3)/4 {
		t.Fatalf("stats after SIGTERM: %+v, want no job running, some done, the rest pending\n%s", s, log1.String())
	}

	var log2 bytes.Buffer
	cmd = worker(&log2)
	if !once(s.Done + 3) {
		cmd.Process.Kill()
		t.Fatalf("no job ran within a minute:\n%s", log2.String())
	}
	cmd.Process.Kill()
	cmd.Wait()
	s = stats(t, db)
	if s.Running == 0 {
		t.Fatalf("the killed worker left no running job: %+v", s)
	}
	t.Logf("killed with %d jobs done and %d running", s.Done, s.Running)
	start := time.Now()
	out := run(t, "worker", "--db", db, "--concurrency", "2", "--rescue-after", "10s", "--exit-when-idle")
	t.Logf("restarted worker: %s\n%s", time.Since(start), out)
	if s := stats(t, db); s.Pending+s.Running+s.Failed != 0 {
		t.Errorf("stats after the restart: %+v\n%s", s, out)
	}
	if got, want := dump(t, db), dump(t, ref); got != want {
		t.Errorf("kill and restart differ from one ingest:\n%s", firstDiff(got, want))
	}
}

// TestPoisonedDocument runs a batch holding a document that fails every
// time: its job ends failed with the document's error after its attempts,
// every other job is done, and the other documents are stored.
func TestPoisonedDocument(t *testing.T) {
	db := newPG(t)
	ctx := context.Background()
	q, err := Open(ctx, db, Options{MaxAttempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	p, err := pipeline.New(pipeline.Config{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*model.Document
	for i, text := range corpus.Generate(12, 5) {
		if i == 5 {
			text = "POISON " + text
		}
		docs = append(docs, p.ParseText(fmt.Sprintf("gen_%d.txt", i), text))
	}
	for lo := 0; lo < len(docs); lo += 4 {
		if _, err := q.Enqueue(ctx, docs[lo:lo+4]); err != nil {
			t.Fatal(err)
		}
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := &Metrics{}
	w, err := NewWorker(q, WorkerConfig{
		Store: st, Pipeline: p, Concurrency: 2, RetryBase: 10 * time.Millisecond, ExitWhenIdle: true, Metrics: m,
		Process: func(d *model.Document) (*pipeline.Result, error) {
			if strings.HasPrefix(d.Text, "POISON") {
				return nil, fmt.Errorf("unreadable")
			}
			return p.Process(d), nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := w.Run(runCtx, ctx); err != nil {
		t.Fatal(err)
	}
	if runCtx.Err() != nil {
		t.Fatal("the worker did not become idle within a minute")
	}
	s, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Done != 2 || s.Failed != 1 || s.Pending+s.Running != 0 {
		t.Errorf("stats %+v, want 2 done and 1 failed", s)
	}
	var errText string
	var attempt int
	err = q.pool.QueryRow(ctx, `SELECT attempt, errors[array_length(errors, 1)]->>'error' FROM river_job WHERE state = 'discarded'`).Scan(&attempt, &errText)
	if err != nil {
		t.Fatal(err)
	}
	if attempt != 2 || !strings.Contains(errText, "gen_5.txt: unreadable") {
		t.Errorf("failed job: attempt %d, error %q; want attempt 2 naming gen_5.txt", attempt, errText)
	}
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 11 {
		t.Errorf("%d documents stored, want the 11 good ones", c.Documents)
	}
	if snap := m.Snapshot(); snap.JobsDone != 2 || snap.JobsFailed != 1 || snap.JobsRetried != 1 || snap.DocsNew != 11 {
		t.Errorf("metrics %+v", snap)
	}
	// The failed document may be enqueued again; the others may not.
	again, err := q.Enqueue(ctx, docs[4:8])
	if err != nil {
		t.Fatal(err)
	}
	if again.Docs != 1 || again.Skipped != 3 {
		t.Errorf("enqueued again: %+v, want the poisoned document only", again)
	}
	var b bytes.Buffer
	if err := m.WritePrometheus(&b); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`entente_jobs_total{outcome="failed"} 1`, `entente_documents_total{state="new"} 11`, `entente_job_seconds_count 4`} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("metrics lack %q:\n%s", line, b.String())
		}
	}
}

// TestSQLiteRefused: the queue needs PostgreSQL, and says so (exit 2).
func TestSQLiteRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, err := Open(context.Background(), db, Options{}); err == nil || !strings.Contains(err.Error(), "needs PostgreSQL") {
		t.Errorf("Open on a SQLite path: %v", err)
	}
	for _, args := range [][]string{{"worker", "--db", db}, {"enqueue", "--db", db, "."}, {"queue", "stats", "--db", db}, {"ingest", "--queue", "--db", db, "."}} {
		out, err := exec.Command(entente(t), args...).CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "needs PostgreSQL") {
			t.Errorf("entente %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("entente %s created %s", strings.Join(args, " "), db)
		}
	}
}
