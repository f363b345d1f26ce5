package main

import (
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // database/sql driver "sqlite", to describe the grown store
)

// The growth benchmark (-grow): ingest cost as the store grows, on the
// realistic corpus (corpus.Realistic: heavy-tailed dyads, eight years of
// dates, one article in ten undated). One SQLite database is filled with
// the corpus's articles in order up to each stored size; at each size the
// next -grow-batch articles are ingested and timed (articles/s), and the
// dyad query `events --dyad RUS-UKR --limit 50` is timed (median of three
// processes, start-up included). At the end the corpus's event distribution
// is read from the database, and the whole corpus is extracted once for
// its peak RSS.

// growPoint is one stored size.
type growPoint struct {
	stored int
	fill   run // ingesting the articles up to stored
	batch  run // ingesting the next batch, timed
	query  run // the dyad query, median of three
}

// growth is the whole growth benchmark.
type growth struct {
	n, batch int
	bytes    int64
	points   []growPoint
	extract  run // extract of the whole corpus, for peak RSS
	dist     string
	err      error
}

// parseGrow reads "10000,100000" into ascending multiples of 1,000.
func parseGrow(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || v <= 0 || v%1000 != 0 {
			return nil, fmt.Errorf("-grow %q: want stored sizes, multiples of 1000, such as 10000,100000", s)
		}
		out = append(out, v)
	}
	sort.Ints(out)
	return out, nil
}

// folders returns the corpus folders of articles [from, to) (1,000 each).
func folders(dir string, from, to int) []string {
	var out []string
	for i := from / 1000; i < to/1000; i++ {
		out = append(out, filepath.Join(dir, fmt.Sprintf("%03d", i)))
	}
	return out
}

// grow runs the growth benchmark for the stored sizes points.
func (b *bench) grow(points []int, batch int, seed int64, extract bool) growth {
	g := growth{batch: batch}
	g.n = points[len(points)-1] + batch
	dir, db := filepath.Join(b.tmp, "corpus-real"), filepath.Join(b.tmp, "grow.db")
	if b.keep != "" {
		dir, db = filepath.Join(b.keep, "corpus-real"), filepath.Join(b.keep, "grow.db")
		removeDB(db)
	} else {
		defer os.RemoveAll(dir)
		defer removeDB(db)
	}
	var err error
	if g.bytes, err = corpusSize(dir, g.n); err != nil || g.bytes == 0 {
		fmt.Fprintf(b.stderr, "writing %d realistic articles (seed %d)\n", g.n, seed)
		if g.bytes, err = writeCorpusApart(dir, g.n, seed, "-realistic"); err != nil {
			g.err = err
			return g
		}
	}
	stored := 0
	for _, p := range points {
		pt := growPoint{stored: p}
		if p > stored {
			fmt.Fprintf(b.stderr, "filling the store: articles %d to %d\n", stored, p)
			pt.fill = b.measure(1, false, append([]string{"ingest", "--db", db}, folders(dir, stored, p)...)...)
			if g.err = pt.fill.err; g.err != nil {
				return g
			}
		}
		fmt.Fprintf(b.stderr, "ingesting %d articles into a store of %d\n", batch, p)
		pt.batch = b.measure(1, false, append([]string{"ingest", "--db", db}, folders(dir, p, p+batch)...)...)
		if g.err = pt.batch.err; g.err != nil {
			return g
		}
		stored = p + batch
		var qs []run
		for range 3 {
			qs = append(qs, b.measure(1, false, "events", "--db", db, "--dyad", "RUS-UKR", "--limit", "50", "--format", "jsonl"))
		}
		pt.query = median(qs)
		g.points = append(g.points, pt)
	}
	g.dist, g.err = distribution(db)
	if extract && g.err == nil {
		fmt.Fprintf(b.stderr, "extracting the %d realistic articles for peak RSS\n", g.n)
		g.extract = b.measure(1, false, "extract", "--format", "jsonl", dir)
		g.err = g.extract.err
	}
	return g
}

// distribution describes the events of a grown SQLite store: how many, how
// their reports spread over events and dyads, and how many are undated.
func distribution(path string) (string, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var b strings.Builder
	var events, reports, blocks, undated, maxRep int
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(CASE WHEN day_first = 0 THEN 1 ELSE 0 END), 0), count(DISTINCT block) FROM events`).Scan(&events, &undated, &blocks); err != nil {
		return "", err
	}
	if err := db.QueryRow(`SELECT count(*) FROM reports`).Scan(&reports); err != nil {
		return "", err
	}
	if err := db.QueryRow(`SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM reports GROUP BY event_id)`).Scan(&maxRep); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "%d events from %d reports in %d blocks (type and actors); %d undated (%.1f %%); the most reported event has %d reports.\n\n",
		events, reports, blocks, undated, 100*float64(undated)/float64(max(events, 1)), maxRep)
	if err := table(db, &b, "reports per event", `SELECT CASE WHEN n = 1 THEN '1' WHEN n < 10 THEN '2–9' WHEN n < 100 THEN '10–99' ELSE '100+' END AS k,
		count(*), sum(n) FROM (SELECT count(*) AS n FROM reports GROUP BY event_id) GROUP BY k ORDER BY min(n)`); err != nil {
		return "", err
	}
	b.WriteString("\n")
	if err := table(db, &b, "largest blocks", `SELECT e.block, count(DISTINCT e.id), count(*) FROM events e JOIN reports r ON r.event_id = e.id
		GROUP BY e.block ORDER BY count(*) DESC LIMIT 5`); err != nil {
		return "", err
	}
	return b.String(), nil
}

// table writes a Markdown table of a query's rows: a name, events, reports.
func table(db *sql.DB, b *strings.Builder, title, query string) error {
	rows, err := db.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	fmt.Fprintf(b, "| %s | events | reports |\n|---|---:|---:|\n", title)
	for rows.Next() {
		var k string
		var n, r int
		if err := rows.Scan(&k, &n, &r); err != nil {
			return err
		}
		fmt.Fprintf(b, "| %s | %d | %d |\n", k, n, r)
	}
	return rows.Err()
}

// markdown renders the growth benchmark.
func (g growth) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Ingest as the store grows (realistic corpus)\n\n")
	fmt.Fprintf(&b, "corpus.Realistic: %d articles, %.1f MB; dyads with a heavy tail, publication dates over eight years, one article in ten undated. "+
		"One SQLite database filled in order; at each stored size the next %d articles are ingested and timed, then `events --dyad RUS-UKR --limit 50` (median of 3 processes, start-up included).\n\n",
		g.n, float64(g.bytes)/1e6, g.batch)
	if g.err != nil {
		fmt.Fprintf(&b, "**failed:** %v\n\n", g.err)
	}
	b.WriteString("| stored articles | fill (wall) | next batch: wall | articles/s | CPU s | dyad query |\n|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range g.points {
		fill := "—"
		if p.fill.wall > 0 {
			fill = fmt.Sprintf("%.0f s (CPU %.0f s)", p.fill.wall.Seconds(), p.fill.cpu.Seconds())
		}
		fmt.Fprintf(&b, "| %d | %s | %.1f s | %.0f | %.1f | %d ms |\n", p.stored, fill, p.batch.wall.Seconds(),
			float64(g.batch)/p.batch.wall.Seconds(), p.batch.cpu.Seconds(), p.query.wall.Milliseconds())
	}
	if len(g.points) > 1 {
		first, last := g.points[0], g.points[len(g.points)-1]
		ratio := first.batch.wall.Seconds() / last.batch.wall.Seconds()
		cpu := first.batch.cpu.Seconds() / last.batch.cpu.Seconds()
		fmt.Fprintf(&b, "\nRate at %d stored / rate at %d stored: %.2f by wall time, %.2f by CPU time (target ≥ 0.80; on a shared machine trust the CPU).\n",
			last.stored, first.stored, ratio, cpu)
	}
	if g.extract.wall > 0 {
		fmt.Fprintf(&b, "\nextract of all %d articles: %.0f s, peak RSS %.0f MB.\n", g.n, g.extract.wall.Seconds(), float64(g.extract.rssKiB)/1024)
	}
	if g.dist != "" {
		b.WriteString("\nEvent distribution of the grown store:\n\n")
		b.WriteString(g.dist)
	}
	fmt.Fprintf(&b, "\n(%s)\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	return b.String()
}

// corpusSize returns the size of a corpus already written into dir when it
// has exactly n articles (a kept -grow-dir), and 0 otherwise.
func corpusSize(dir string, n int) (int64, error) {
	var total int64
	count := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
			count++
		}
		return err
	})
	if err != nil || count != n {
		return 0, err
	}
	return total, nil
}
