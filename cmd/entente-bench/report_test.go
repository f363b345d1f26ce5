package main

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// walls returns runs with the given wall times, in seconds.
func walls(secs ...float64) []run {
	runs := make([]run, len(secs))
	for i, s := range secs {
		runs[i] = run{wall: time.Duration(s * float64(time.Second))}
	}
	return runs
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		walls []float64
		want  float64
	}{
		{[]float64{7}, 7},
		{[]float64{9, 7}, 7}, // even: the faster middle one
		{[]float64{9, 6, 7}, 7},
		{[]float64{10, 6, 8, 7}, 7},
		{[]float64{5, 5, 9}, 5},
	} {
		runs := walls(c.walls...)
		if got := median(runs).wall.Seconds(); got != c.want {
			t.Errorf("median(%v) = %v s, want %v s", c.walls, got, c.want)
		}
		if got := walls(c.walls...); runs[0] != got[0] {
			t.Errorf("median(%v) reordered its argument", c.walls)
		}
	}
}

func TestSpread(t *testing.T) {
	for _, c := range []struct {
		walls []float64
		want  string
	}{
		{nil, ""},
		{[]float64{7}, "1 run"},
		{[]float64{8, 6}, "6.00–8.00 s (33%)"}, // median of two: the faster, 6 s
		{[]float64{7.5, 6.9, 8.4}, "6.90–8.40 s (20%)"},
		{[]float64{2, 2, 2}, "2.00–2.00 s (0%)"},
	} {
		if got := spread(walls(c.walls...)); got != c.want {
			t.Errorf("spread(%v) = %q, want %q", c.walls, got, c.want)
		}
	}
}

// TestRows checks the derived figures: the speed-up is the ratio of the
// median walls, the ceiling 2 × single median wall / pair median wall.
func TestRows(t *testing.T) {
	r := report{n: 1000, bytes: 3e6, procs: 2, repeat: 3, startup: 150 * time.Millisecond, results: []result{
		{name: "extract, 1 core", copies: 1, runs: walls(1.2, 0.8, 1.0)},
		{name: "extract, all cores (2)", copies: 1, runs: walls(0.5, 0.9, 0.6)},
		{name: ceilingName, copies: 2, runs: walls(1.1, 1.25, 1.3)},
		{name: "ingest SQLite", copies: 1, runs: []run{{wall: time.Second}, {err: errors.New("boom")}}},
		{name: "ingest PostgreSQL", skipped: "skipped (-skip-pg)"},
	}}
	rows := r.rows()
	byName := map[string]row{}
	for _, w := range rows {
		byName[w.name] = w
	}
	for name, want := range map[string]row{
		"extract, 1 core":        {wall: "1.00 s", spread: "0.80–1.20 s (40%)", rate: "1000", met: "yes"},
		"extract, all cores (2)": {wall: "0.60 s", spread: "0.50–0.90 s (67%)", rate: "1667 (1.67×)", met: "**no**"},
		ceilingName:              {wall: "1.25 s", spread: "1.10–1.30 s (16%)", rate: "1600 (1.60×)", mbs: "4.80"},
	} {
		got := byName[name]
		if got.wall != want.wall || got.spread != want.spread || got.rate != want.rate || (want.met != "" && got.met != want.met) || (want.mbs != "" && got.mbs != want.mbs) {
			t.Errorf("%s: got wall %q, spread %q, rate %q, MB/s %q, met %q; want %q, %q, %q, %q, %q",
				name, got.wall, got.spread, got.rate, got.mbs, got.met, want.wall, want.spread, want.rate, want.mbs, want.met)
		}
	}
	if w := byName["ingest SQLite"]; !strings.Contains(w.setting, "failed") || w.wall != "—" {
		t.Errorf("failed SQLite row = %+v", w)
	}
	if w := byName["ingest PostgreSQL"]; w.setting != "skipped (-skip-pg)" {
		t.Errorf("skipped PostgreSQL row = %+v", w)
	}
}
