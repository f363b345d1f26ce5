package cli

import (
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
	total := ingest.Count(args, format)
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(verb),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(total > 0),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
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
