package main

import (
	"errors"
	"slices"
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

// rss returns one run with the given peak RSS, in MB.
func rss(mb ...int64) []run {
	runs := make([]run, len(mb))
	for i, m := range mb {
		runs[i] = run{wall: time.Second, rssKiB: m * 1024}
	}
	return runs
}

// TestRSSRow checks which run the "peak RSS of extract" row judges: the
// -rss-n run when it had 100k articles, else the main extract runs as before.
func TestRSSRow(t *testing.T) {
	base := []result{
		{name: "extract, 1 core", copies: 1, runs: rss(120, 110)},
		{name: "extract, all cores (2)", copies: 1, runs: rss(128)},
		{name: ceilingName, copies: 2, runs: rss(500)}, // not an extract row
		{name: "ingest SQLite", copies: 1, runs: rss(400)},
	}
	with := func(s result) []result { return append(slices.Clone(base), s) }
	for _, c := range []struct {
		desc            string
		results         []result
		n               int
		setting, rss, m string
	}{
		{"no -rss-n run", base, 10000, "largest of all the extract runs, 10000 articles", "128 MB", "n/a below 100k"},
		{"no -rss-n run, 100k corpus", base, 100000, "largest of all the extract runs, 100000 articles", "128 MB", "yes"},
		{"small -rss-n run", with(result{name: rssName, copies: 1, n: 2000, runs: rss(900)}), 300,
			"largest of all the extract runs, 300 articles", "128 MB", "n/a below 100k"},
		{"100k -rss-n run within the target", with(result{name: rssName, copies: 1, n: 100000, runs: rss(250)}), 10000,
			"the extract for peak RSS above, 100000 articles", "250 MB", "yes"},
		{"100k -rss-n run above the target", with(result{name: rssName, copies: 1, n: 120000, runs: rss(301)}), 10000,
			"the extract for peak RSS above, 120000 articles", "301 MB", "**no**"},
		{"100k -rss-n run failed", with(result{name: rssName, copies: 1, n: 100000, runs: []run{{err: errors.New("boom")}}}), 10000,
			"the extract for peak RSS above, 100000 articles; failed (see stderr)", "—", ""},
	} {
		w, ok := rssRow(c.results, c.n)
		if !ok || w.name != "peak RSS of extract" || w.setting != c.setting || w.rss != c.rss || w.met != c.m {
			t.Errorf("%s: got %v, setting %q, RSS %q, met %q; want %q, %q, %q", c.desc, ok, w.setting, w.rss, w.met, c.setting, c.rss, c.m)
		}
	}
	if _, ok := rssRow([]result{{name: "ingest SQLite", runs: rss(400)}}, 1000); ok {
		t.Error("rssRow without extract runs reported a row")
	}
}

// TestRSSRunRates checks that the -rss-n run's articles/s and MB/s are of its
// own corpus.
func TestRSSRunRates(t *testing.T) {
	r := report{n: 1000, bytes: 3e6, procs: 2, repeat: 1, results: []result{
		{name: rssName, copies: 1, n: 4000, bytes: 12e6, runs: []run{{wall: 2 * time.Second, cpu: 4 * time.Second, rssKiB: 200 * 1024}}},
	}}
	for _, w := range r.rows() {
		if w.name == rssName {
			if w.rate != "2000" || w.mbs != "6.00" || w.cpuRate != "1000" || w.rss != "200 MB" || w.met != "" {
				t.Errorf("%s row = %+v", rssName, w)
			}
			return
		}
	}
	t.Errorf("no %s row", rssName)
}
