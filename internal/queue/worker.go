package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"entente/internal/model"
	"entente/internal/pipeline"
	"entente/internal/store"
)

// WorkerConfig configures a worker.
type WorkerConfig struct {
	// Store is where documents are stored (the queue's database).
	Store *store.Store
	// Pipeline reads the documents.
	Pipeline *pipeline.Pipeline
	// Concurrency is the number of jobs run at once (default GOMAXPROCS).
	Concurrency int
	// RescueAfter is how long a job may run before it is cancelled, or,
	// when its worker died, River takes it for abandoned and runs it again
	// (default 5 minutes).
	RescueAfter time.Duration
	// RetryBase is the delay before a failed job's first retry; it doubles
	// with each attempt, up to 10 minutes (default 1 s).
	RetryBase time.Duration
	// TurnWait is how long a batch waits for the batch before it, while
	// that one is being worked, before it gives up its slot (default
	// RescueAfter: the one before is then rescued, or done).
	TurnWait time.Duration
	// ExitWhenIdle makes Run return once no job is left to run.
	ExitWhenIdle bool
	// Logger gets one line per job (default: discarded).
	Logger *slog.Logger
	// Metrics, when set, counts jobs, documents, events and times.
	Metrics *Metrics
	// Process reads one document (default: the pipeline's Process);
	// tests use it to poison a document.
	Process func(doc *model.Document) (*pipeline.Result, error)
}

// Worker runs ingest jobs.
type Worker struct {
	q      *Queue
	cfg    WorkerConfig
	client *river.Client[pgx.Tx]
	bell   *bell
}

// NewWorker makes a worker on the queue q.
func NewWorker(q *Queue, cfg WorkerConfig) (*Worker, error) {
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = runtime.GOMAXPROCS(0)
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = 5 * time.Minute
	}
	if cfg.RetryBase <= 0 {
		cfg.RetryBase = time.Second
	}
	if cfg.TurnWait <= 0 {
		cfg.TurnWait = cfg.RescueAfter
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = &Metrics{}
	}
	if cfg.Process == nil {
		p := cfg.Pipeline
		cfg.Process = func(d *model.Document) (*pipeline.Result, error) { return p.Process(d), nil }
	}
	w := &Worker{q: q, cfg: cfg, bell: newBell()}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(w.work))
	client, err := river.NewClient(riverpgxv5.New(q.pool), &river.Config{
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Concurrency}},
		Workers: workers,
		// River rescues a job only once it has run longer than its
		// timeout: the two go together.
		JobTimeout:           cfg.RescueAfter,
		RescueStuckJobsAfter: cfg.RescueAfter + time.Second,
		RetryPolicy:          retryPolicy{cfg.RetryBase},
		MaxAttempts:          q.maxAttempts,
		FetchCooldown:        20 * time.Millisecond,
		FetchPollInterval:    250 * time.Millisecond,
		Logger:               quietLogger(),
	})
	if err != nil {
		return nil, fmt.Errorf("queue: worker: %w", err)
	}
	w.client = client
	return w, nil
}

// retryPolicy retries after base, 2·base, 4·base, … up to 10 minutes.
type retryPolicy struct{ base time.Duration }

func (p retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	d := time.Duration(float64(p.base) * math.Pow(2, float64(max(job.Attempt-1, 0))))
	return time.Now().Add(min(d, 10*time.Minute))
}

// Run works jobs until ctx is done, then lets the jobs it runs finish
// (stop is the context of that wait: when it is done, they are cancelled
// and retried later). With ExitWhenIdle it returns once no job is left.
func (w *Worker) Run(ctx, stop context.Context) error {
	listenCtx, stopListening := context.WithCancel(context.WithoutCancel(ctx))
	var listening sync.WaitGroup
	listening.Add(1)
	go func() {
		defer listening.Done()
		w.listen(listenCtx)
	}()
	defer listening.Wait()
	defer stopListening()
	if err := w.client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	idle := make(chan struct{})
	if w.cfg.ExitWhenIdle {
		go func() {
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
				}
				n, err := w.q.unfinished(ctx)
				if err == nil && n == 0 {
					close(idle)
					return
				}
			}
		}()
	}
	select {
	case <-ctx.Done():
	case <-idle:
	}
	if err := w.client.Stop(stop); err != nil {
		w.client.StopAndCancel(context.Background())
		return fmt.Errorf("queue: worker: stopped before its jobs finished: %w", err)
	}
	ps := w.q.pool.Stat()
	w.cfg.Logger.Debug("connections", "max", ps.MaxConns(), "acquires", ps.AcquireCount(), "waited", ps.EmptyAcquireCount(), "wait_ms", ps.EmptyAcquireWaitTime().Milliseconds())
	return nil
}

// unfinished counts the ingest jobs not yet done or failed for good.
func (q *Queue) unfinished(ctx context.Context) (int, error) {
	var n int
	err := q.pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = $1 AND state NOT IN ('completed', 'discarded', 'cancelled')`, Kind).Scan(&n)
	return n, err
}

// work runs one job: the batch's documents are read, their texts stored
// at once with the other batches' (store.StageBatch), and, once every
// batch before it is staged, its reports are fused block by block in the
// order of the batches (store.FuseStaged). A batch that replaces stored
// documents, or that runs again after it was done (its failed documents
// retried), is stored whole with store.IngestBatch: in turn, after every
// batch before it, or at once when it was done.
func (w *Worker) work(ctx context.Context, job *river.Job[IngestArgs]) error {
	start := time.Now()
	m := w.cfg.Metrics
	a := job.Args
	var errs []error
	var failed []*model.Document
	rs := make([]*pipeline.Result, 0, len(a.Docs))
	for _, d := range a.Docs {
		r, err := w.process(d)
		if err != nil {
			errs = append(errs, err)
			failed = append(failed, d)
			continue
		}
		rs = append(rs, r)
	}
	extracted := time.Now()
	m.add(&m.extractNanos, int64(extracted.Sub(start)))
	var wait time.Duration
	outs, serrs, how, err := w.store(ctx, a.Seq, rs, &wait)
	m.add(&m.waitNanos, int64(wait))
	if err != nil {
		var ny notYet
		if errors.As(err, &ny) {
			m.add(&m.snoozed, 1)
			w.cfg.Logger.Info("job snoozed", "job", job.ID, "seq", a.Seq, "for", ny.snooze, "why", "the batches before it are not stored yet")
			return river.JobSnooze(ny.snooze)
		}
		return err
	}
	var sum struct{ docNew, docSame, docUpd, evNew, evMerged int }
	for i, out := range outs {
		if serrs[i] != nil {
			errs = append(errs, serrs[i])
			failed = append(failed, rs[i].Doc)
			continue
		}
		switch out.Doc {
		case store.DocNew:
			sum.docNew++
		case store.DocUnchanged:
			sum.docSame++
		case store.DocUpdated:
			sum.docUpd++
		}
		sum.evNew += out.EventsNew
		sum.evMerged += out.EventsMerged
	}
	end := time.Now()
	m.add(&m.storeNanos, int64(end.Sub(extracted)-wait))
	m.add(&m.jobNanos, int64(end.Sub(start)))
	m.add(&m.docsNew, int64(sum.docNew))
	m.add(&m.docsUnchanged, int64(sum.docSame))
	m.add(&m.docsUpdated, int64(sum.docUpd))
	m.add(&m.docsFailed, int64(len(failed)))
	m.add(&m.eventsNew, int64(sum.evNew))
	m.add(&m.eventsMerged, int64(sum.evMerged))
	m.observe(end.Sub(start))
	log := w.cfg.Logger.With("job", job.ID, "seq", a.Seq, "attempt", job.Attempt, "docs", len(a.Docs), "stored", how,
		"new", sum.docNew, "unchanged", sum.docSame, "updated", sum.docUpd, "failed", len(failed),
		"events_new", sum.evNew, "events_merged", sum.evMerged,
		"extract_ms", extracted.Sub(start).Milliseconds(), "wait_ms", wait.Milliseconds(), "store_ms", (end.Sub(extracted) - wait).Milliseconds())
	if len(errs) == 0 {
		m.add(&m.jobsDone, 1)
		log.Info("job done")
		return nil
	}
	err = errors.Join(errs...)
	if job.Attempt >= job.MaxAttempts {
		// Kept as failed: its documents may be enqueued again.
		m.add(&m.jobsFailed, 1)
		w.q.forget(context.WithoutCancel(ctx), failed)
		log.Error("job failed", "err", err)
	} else {
		m.add(&m.jobsRetried, 1)
		log.Warn("job will be retried", "err", err)
	}
	return err
}

// store stores batch seq's results and marks the batch done; how says how
// ("staged", "in turn" or "late"), wait adds the time spent waiting for
// the batches before it (their staging, their blocks, advisory locks).
// errs[i] is the error of rs[i] alone (IngestBatch's); err fails the job.
func (w *Worker) store(ctx context.Context, seq int64, rs []*pipeline.Result, wait *time.Duration) (outs []store.Outcome, errs []error, how string, err error) {
	var done, inTurn bool
	var markBefore int
	if err := w.q.pool.QueryRow(ctx, `SELECT done, in_turn, mark_before FROM entente_queue_batches WHERE seq = $1`, seq).Scan(&done, &inTurn, &markBefore); err != nil {
		return nil, nil, "", fmt.Errorf("queue: batch %d: %w", seq, err)
	}
	if done {
		// A retry of documents that failed: stored now, after batches
		// enqueued later (their events may take other ids).
		outs, errs = w.cfg.Store.IngestBatch(ctx, rs)
		return outs, errs, "late", nil
	}
	st := w.cfg.Store
	if !inTurn {
		t0 := time.Now()
		docs, err := st.StageBatch(ctx, seq, rs)
		switch {
		case errors.Is(err, store.ErrInTurn):
			if _, err := w.q.pool.Exec(ctx, `UPDATE entente_queue_batches SET in_turn = true WHERE seq = $1`, seq); err != nil {
				return nil, nil, "", fmt.Errorf("queue: batch %d: %w", seq, err)
			}
		case err != nil:
			return nil, nil, "", err
		default:
			if _, err := w.q.pool.Exec(ctx, `UPDATE entente_queue_batches SET staged = true WHERE seq = $1 AND pg_notify('`+store.FusedChannel+`', '') IS NOT NULL`, seq); err != nil {
				return nil, nil, "", fmt.Errorf("queue: batch %d: %w", seq, err)
			}
			staged := time.Now()
			err := w.awaitTurn(ctx, seq, "staged")
			*wait += time.Since(staged)
			if err != nil {
				return nil, nil, "", err
			}
			l := w.newLook() // armed before FuseStaged's first look
			grace, deadline := time.Now().Add(slotGrace), time.Now().Add(w.cfg.TurnWait)
			outs, fs, err := st.FuseStaged(ctx, seq, markBefore, rs, docs, func(ctx context.Context, blocker int64) error {
				return w.awaitBlocker(ctx, blocker, l, grace, deadline)
			})
			*wait += fs.Wait
			if err != nil {
				return nil, nil, "", err
			}
			if err := w.q.done(ctx, seq); err != nil {
				return nil, nil, "", err
			}
			w.cfg.Logger.Debug("batch fused", "seq", seq, "rounds", fs.Rounds, "stage_ms", staged.Sub(t0).Milliseconds(), "wait_ms", fs.Wait.Milliseconds())
			return outs, make([]error, len(rs)), "staged", nil
		}
	}
	t0 := time.Now()
	err = w.awaitTurn(ctx, seq, "done")
	*wait += time.Since(t0)
	if err != nil {
		return nil, nil, "", err
	}
	outs, errs = st.IngestBatch(ctx, rs)
	if err := w.q.done(ctx, seq); err != nil {
		return nil, nil, "", err
	}
	return outs, errs, "in turn", nil
}

// process reads one document; a panic is the document's error.
func (w *Worker) process(d *model.Document) (r *pipeline.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("queue: %s: panic: %v", d.Path, p)
		}
	}()
	r, err = w.cfg.Process(d)
	if err != nil {
		err = fmt.Errorf("queue: %s: %w", d.Path, err)
	}
	return r, err
}

// notYet says that a batch's turn has not come and that it should give
// up its slot for a while (snooze): the batch stored next is not being
// worked (it waits to be fetched or retried), or has been worked for longer
// than the wait allowed.
type notYet struct{ snooze time.Duration }

func (notYet) Error() string { return "queue: the batches before it are not stored yet" }

// awaitTurn waits until every batch enqueued before seq is staged (col
// "staged": its texts stored and its blocks claimed, or done) or done (col
// "done": stored whole). While the first of them is being worked (its job
// is running) it waits, up to TurnWait; when it is not (it is waiting for
// a slot, or for its retry), it returns notYet at once, so that a slot is
// free for it: batches further behind snooze longer, and the next one in
// turn is fetched first. A batch whose job is gone or finished without
// storing it (cancelled by hand, failed for good) no longer holds the
// others up.
func (w *Worker) awaitTurn(ctx context.Context, seq int64, col string) error {
	deadline := time.Now().Add(w.cfg.TurnWait)
	grace := time.Now().Add(slotGrace)
	l := w.newLook()
	for {
		var first int64
		var state string
		err := w.q.pool.QueryRow(ctx, `SELECT b.seq, coalesce(j.state::text, 'gone') FROM entente_queue_batches b
			LEFT JOIN river_job j ON j.id = b.job_id
			WHERE NOT b.`+col+` AND b.seq < $1 ORDER BY b.seq LIMIT 1`, seq).Scan(&first, &state)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return nil
		case err != nil:
			return fmt.Errorf("queue: batch %d: %w", seq, err)
		}
		again, err := w.held(ctx, seq, first, state, l, grace, deadline)
		if err != nil || !again {
			return err
		}
	}
}

// awaitBlocker waits a little for batch blocker, which has yet to fuse a
// block that batch seq waits for (store.FuseStaged), or says to give up.
func (w *Worker) awaitBlocker(ctx context.Context, blocker int64, l *look, grace, deadline time.Time) error {
	var state string
	err := w.q.pool.QueryRow(ctx, `SELECT coalesce(j.state::text, 'gone') FROM entente_queue_batches b
		LEFT JOIN river_job j ON j.id = b.job_id WHERE b.seq = $1`, blocker).Scan(&state)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		state = "gone"
	case err != nil:
		return fmt.Errorf("queue: batch %d: %w", blocker, err)
	}
	_, err = w.held(ctx, 0, blocker, state, l, grace, deadline)
	return err
}

// slotGrace is how long a batch waits for a batch before it that is not
// running (it waits for a slot, or was snoozed) to be picked up, before it
// gives up its own slot. Giving it up at once would snooze batch after
// batch: a snoozed batch is fetched after those enqueued later, which then
// wait for it and snooze in turn, each run extracting again.
const slotGrace = time.Second

// held handles a batch, first, that holds batch seq up and whose job is
// in state: while it runs, wait (l.next) and say to look again, or notYet
// past the deadline; when it waits for a slot or its retry, the same until
// grace, then notYet; when its job is gone or finished, forget what it
// left (it will not store it) and look again at once.
func (w *Worker) held(ctx context.Context, seq, first int64, state string, l *look, grace, deadline time.Time) (again bool, err error) {
	switch state {
	case "running":
		if time.Now().After(deadline) {
			return false, notYet{time.Second}
		}
	case "gone", "completed", "cancelled", "discarded":
		if err := w.cfg.Store.Unstage(ctx, first); err != nil {
			return false, err
		}
		return true, w.q.done(ctx, first)
	default: // available, scheduled, retryable, pending: it needs a slot
		if time.Now().Before(grace) {
			break
		}
		behind := int64(1)
		if seq > first {
			behind = seq - first
		}
		return false, notYet{min(time.Duration(behind)*100*time.Millisecond, 10*time.Second)}
	}
	return true, l.next(ctx)
}

// done records that batch seq is stored: the batches after it may go.
func (q *Queue) done(ctx context.Context, seq int64) error {
	if _, err := q.pool.Exec(ctx, `UPDATE entente_queue_batches SET done = true, staged = true WHERE seq = $1 AND NOT done AND pg_notify('`+store.FusedChannel+`', '') IS NOT NULL`, seq); err != nil {
		return fmt.Errorf("queue: batch %d: %w", seq, err)
	}
	return nil
}

// forget removes failed documents' hashes, so that they can be enqueued
// again.
func (q *Queue) forget(ctx context.Context, docs []*model.Document) {
	hashes := make([]string, len(docs))
	for i, d := range docs {
		hashes[i] = store.Hash(d.Text)
	}
	q.pool.Exec(ctx, `DELETE FROM entente_queue_docs WHERE hash = ANY($1)`, hashes)
}

// Waking up. A batch that waits for another (its staging, its blocks, its
// being done) looks again when the other has moved: every fusion round,
// staging and batch done notifies store.FusedChannel at its commit, and
// each worker listens on one connection of its own and rings its bell.
// Between rings a waiting batch still looks again now and then, in case
// a notification was lost (the listening connection broke): without a
// listener it polls as before, every 1, 2, 4, … up to 20 ms. Polling alone
// woke a waiting batch up to 20 ms after the round it waited for ended
// (rounds take about 20 ms), and each look is two statements.

// bell is closed and replaced by a new one at each notification.
type bell struct {
	mu   sync.Mutex
	ch   chan struct{}
	live atomic.Bool // a listener is listening
}

func newBell() *bell { return &bell{ch: make(chan struct{})} }

// wait returns the channel the next ring closes.
func (b *bell) wait() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ch
}

// ring wakes everything waiting.
func (b *bell) ring() {
	b.mu.Lock()
	close(b.ch)
	b.ch = make(chan struct{})
	b.mu.Unlock()
}

// listen rings w's bell at each notification on store.FusedChannel until
// ctx is done, connecting again a second after a failure.
func (w *Worker) listen(ctx context.Context) {
	for {
		err := w.listenOnce(ctx)
		w.bell.live.Store(false)
		w.bell.ring() // waiting batches fall back to polling
		if ctx.Err() != nil {
			return
		}
		w.cfg.Logger.Warn("listening for fusion rounds failed; polling", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (w *Worker) listenOnce(ctx context.Context) error {
	c, err := w.q.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := c.Hijack() // its own connection, out of the pool
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+store.FusedChannel); err != nil {
		return err
	}
	w.bell.live.Store(true)
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		w.bell.ring()
	}
}

// look paces one batch's looks at what it waits for.
type look struct {
	w     *Worker
	ring  <-chan struct{} // armed before the look it follows
	pause time.Duration
}

// newLook arms a look: call it before the first look.
func (w *Worker) newLook() *look {
	return &look{w: w, ring: w.bell.wait(), pause: time.Millisecond}
}

// next waits for the bell, or for the pause (with a listener, at least
// 20 ms and up to 100 ms: only in case a notification was lost; without,
// 1 ms doubling up to 20 ms), and arms the bell for the next look.
func (l *look) next(ctx context.Context) error {
	pause, most := l.pause, 20*time.Millisecond
	if l.w.bell.live.Load() {
		pause, most = max(pause, 20*time.Millisecond), 100*time.Millisecond
	}
	t := time.NewTimer(pause)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-l.ring:
	case <-t.C:
	}
	l.ring = l.w.bell.wait()
	l.pause = min(pause*2, most)
	return nil
}
