package cli

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestProgressRateCountsFromStart: a first batch of documents reads at the
// rate since the bar started, with the total and the time left, never at
// millions a second.
func TestProgressRateCountsFromStart(t *testing.T) {
	var out strings.Builder
	bar := newBar(&out, "ingesting", 1000)
	time.Sleep(50 * time.Millisecond)
	bar.Add(128)
	m := regexp.MustCompile(`\((\d+)/(\d+), (\d+) docs/s\) \[[^\]]+\]`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no count, total, rate and time in %q", out.String())
	}
	rate, _ := strconv.Atoi(m[3])
	if m[1] != "128" || m[2] != "1000" || rate > 128*20 {
		t.Errorf("bar %q: want 128/1000 at most %d docs/s (128 in 50 ms or more)", m[0], 128*20)
	}
}
