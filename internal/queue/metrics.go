package queue

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// Metrics counts a worker's jobs, documents, events and times, and writes
// them in Prometheus's text exposition format. Safe for concurrent use.
type Metrics struct {
	jobsDone, jobsFailed, jobsRetried, snoozed      atomic.Int64
	docsNew, docsUnchanged, docsUpdated, docsFailed atomic.Int64
	eventsNew, eventsMerged                         atomic.Int64
	extractNanos, waitNanos, storeNanos, jobNanos   atomic.Int64
	buckets                                         [len(latencyBuckets)]atomic.Int64
	count                                           atomic.Int64
}

// latencyBuckets are the upper bounds (seconds) of the job latency histogram.
var latencyBuckets = [...]float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

func (m *Metrics) add(c *atomic.Int64, n int64) { c.Add(n) }

// observe records one job's latency.
func (m *Metrics) observe(d time.Duration) {
	s := d.Seconds()
	for i, le := range latencyBuckets {
		if s <= le {
			m.buckets[i].Add(1)
		}
	}
	m.count.Add(1)
}

// Snapshot is a copy of the counters.
type Snapshot struct {
	JobsDone, JobsFailed, JobsRetried, Snoozed      int64
	DocsNew, DocsUnchanged, DocsUpdated, DocsFailed int64
	EventsNew, EventsMerged                         int64
	Extract, Wait, Store, Jobs                      time.Duration // summed over jobs
}

// Snapshot returns the counters.
func (m *Metrics) Snapshot() Snapshot {
	return Snapshot{
		JobsDone: m.jobsDone.Load(), JobsFailed: m.jobsFailed.Load(), JobsRetried: m.jobsRetried.Load(), Snoozed: m.snoozed.Load(),
		DocsNew: m.docsNew.Load(), DocsUnchanged: m.docsUnchanged.Load(), DocsUpdated: m.docsUpdated.Load(), DocsFailed: m.docsFailed.Load(),
		EventsNew: m.eventsNew.Load(), EventsMerged: m.eventsMerged.Load(),
		Extract: time.Duration(m.extractNanos.Load()), Wait: time.Duration(m.waitNanos.Load()),
		Store: time.Duration(m.storeNanos.Load()), Jobs: time.Duration(m.jobNanos.Load()),
	}
}

// WritePrometheus writes the metrics in the text exposition format.
func (m *Metrics) WritePrometheus(w io.Writer) error {
	s := m.Snapshot()
	var err error
	p := func(format string, a ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, a...)
		}
	}
	p("# HELP entente_jobs_total Ingest jobs finished by this worker, by outcome.\n# TYPE entente_jobs_total counter\n")
	p("entente_jobs_total{outcome=\"done\"} %d\nentente_jobs_total{outcome=\"failed\"} %d\nentente_jobs_total{outcome=\"retried\"} %d\nentente_jobs_total{outcome=\"snoozed\"} %d\n",
		s.JobsDone, s.JobsFailed, s.JobsRetried, s.Snoozed)
	p("# HELP entente_documents_total Documents handled, by what storing did.\n# TYPE entente_documents_total counter\n")
	p("entente_documents_total{state=\"new\"} %d\nentente_documents_total{state=\"unchanged\"} %d\nentente_documents_total{state=\"updated\"} %d\nentente_documents_total{state=\"failed\"} %d\n",
		s.DocsNew, s.DocsUnchanged, s.DocsUpdated, s.DocsFailed)
	p("# HELP entente_events_total Reports stored: events founded and reports merged into stored events.\n# TYPE entente_events_total counter\n")
	p("entente_events_total{kind=\"new\"} %d\nentente_events_total{kind=\"merged\"} %d\n", s.EventsNew, s.EventsMerged)
	p("# HELP entente_phase_seconds_total Time spent by jobs in each phase (wait: for the batches before them to be stored).\n# TYPE entente_phase_seconds_total counter\n")
	p("entente_phase_seconds_total{phase=\"extract\"} %g\nentente_phase_seconds_total{phase=\"wait\"} %g\nentente_phase_seconds_total{phase=\"store\"} %g\n",
		s.Extract.Seconds(), s.Wait.Seconds(), s.Store.Seconds())
	p("# HELP entente_job_seconds Latency of finished jobs.\n# TYPE entente_job_seconds histogram\n")
	for i, le := range latencyBuckets {
		p("entente_job_seconds_bucket{le=\"%g\"} %d\n", le, m.buckets[i].Load())
	}
	p("entente_job_seconds_bucket{le=\"+Inf\"} %d\nentente_job_seconds_sum %g\nentente_job_seconds_count %d\n", m.count.Load(), s.Jobs.Seconds(), m.count.Load())
	return err
}
