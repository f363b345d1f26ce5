package cli

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"entente/internal/ingest"
)

// progress shows documents done out of the total the inputs hold, with the
// rate and the time left, on a terminal; it shows nothing when stderr is
// no terminal. Its methods do nothing on a nil *progress.
type progress struct{ bar *progressbar.ProgressBar }

// newProgress counts the documents of args (ingest.Count; a count without a
// total when it cannot be known) and starts a bar described as verb.
func (e *env) newProgress(verb string, args []string, format string) *progress {
	if !isTerminal(e.stderr) {
		return nil
	}
	return newBar(e.stderr, verb, ingest.Count(args, format))
}

// newBar makes a bar of total documents (0: unknown) writing to w, its
// clock started now: the rate counts from the start, not from the first
// Add (a first batch of 128 documents would read as millions a second).
func newBar(w io.Writer, verb string, total int) *progress {
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(verb),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(total > 0),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	bar.StartWithoutRender()
	return &progress{bar: bar}
}

// Add counts n more documents done.
func (p *progress) Add(n int) {
	if p != nil {
		_ = p.bar.Add(n)
	}
}

// Finish clears the bar.
func (p *progress) Finish() {
	if p != nil {
		_ = p.bar.Finish()
	}
}
