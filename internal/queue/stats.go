package queue

import (
	"context"
	"fmt"
)

// Stats is the state of the queue's ingest jobs.
type Stats struct {
	Pending int `json:"pending"` // waiting to run (available, scheduled, retryable)
	Running int `json:"running"`
	Done    int `json:"done"`   // completed (River keeps them 24 hours)
	Failed  int `json:"failed"` // kept as failed after their last attempt, or cancelled
	// Documents counts the documents of the jobs in each state.
	Documents struct {
		Pending int `json:"pending"`
		Running int `json:"running"`
		Done    int `json:"done"`
		Failed  int `json:"failed"`
	} `json:"documents"`
	// Rate is the documents stored per second over the last minute.
	Rate float64 `json:"rate"`
}

// Stats counts the ingest jobs by state.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	rows, err := q.pool.Query(ctx, `SELECT state::text, count(*), coalesce(sum((args->>'n')::int), 0) FROM river_job WHERE kind = $1 GROUP BY state`, Kind)
	if err != nil {
		return s, fmt.Errorf("queue: stats: %w", err)
	}
	for rows.Next() {
		var state string
		var jobs, docs int
		if err := rows.Scan(&state, &jobs, &docs); err != nil {
			rows.Close()
			return s, fmt.Errorf("queue: stats: %w", err)
		}
		switch state {
		case "running":
			s.Running += jobs
			s.Documents.Running += docs
		case "completed":
			s.Done += jobs
			s.Documents.Done += docs
		case "discarded", "cancelled":
			s.Failed += jobs
			s.Documents.Failed += docs
		default: // available, pending, scheduled, retryable
			s.Pending += jobs
			s.Documents.Pending += docs
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("queue: stats: %w", err)
	}
	var last int
	err = q.pool.QueryRow(ctx, `SELECT coalesce(sum((args->>'n')::int), 0) FROM river_job
		WHERE kind = $1 AND state = 'completed' AND finalized_at > now() - interval '1 minute'`, Kind).Scan(&last)
	if err != nil {
		return s, fmt.Errorf("queue: stats: %w", err)
	}
	s.Rate = float64(last) / 60
	return s, nil
}
