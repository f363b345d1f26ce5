package web

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"entente/internal/api"
	"entente/internal/plover"
	"entente/internal/servetest"
	"entente/internal/store"
)

var update = flag.Bool("update", false, "rewrite the screenshots in testdata/screenshots")

// chromium finds Debian's chromium, or returns "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium for the test, with what its pages
// reported: console errors, uncaught exceptions, log errors and dialogs.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

func newBrowser(t testing.TB) *browser {
	path := chromium()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium: .ci/run installs it")
		}
		t.Skip("browser tests skipped: no chromium on PATH (apt-get install chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.problems = append(b.problems, "console.error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			b.problems = append(b.problems, fmt.Sprintf("exception: %s (%s:%d)", msg, d.URL, d.LineNumber))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				b.problems = append(b.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *cdppage.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, ev.Message)
			go chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// visit loads a page, waits for sel, checks that nothing went wrong and
// keeps a screenshot under name when -update is given.
func (b *browser) visit(t *testing.T, url, sel, name string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url), chromedp.WaitReady(sel)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	b.check(t, url)
	b.screenshot(t, name)
}

func (b *browser) check(t *testing.T, url string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("%s: %s", url, p)
	}
	for _, d := range b.dialogs {
		t.Errorf("%s: a dialog opened: %q", url, d)
	}
	b.problems, b.dialogs = nil, nil
}

func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	if !*update || name == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression on the page.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// TestBrowser loads every page in one headless Chromium: no console error
// anywhere, filtering by dyad changes the table, highlights sit at their
// offsets, the timeline has a bar group per period, the network a node per
// code and an edge click lists the edge's events, and the hostile article
// opens no dialog.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	st := servetest.Open(t, "sqlite")
	servetest.Fill(t, st, articles(t)...)
	srv := newServer(t, st)
	a := api.New(api.Config{Store: st, KB: servetest.KB(t), Sign: api.Signs(plover.MustLoad())})
	ctx := context.Background()

	b.visit(t, srv.URL+"/", "table.events", "home")

	// Filtering the events table by dyad changes its rows.
	b.visit(t, srv.URL+"/events", "table.events", "")
	before := eval[[]string](t, b, `[...document.querySelectorAll("table.events tbody tr[data-id]")].map(r => r.dataset.id)`)
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(`input[name="dyad"]`, "RUS-CHN"),
		chromedp.SendKeys(`input[name="from"]`, "2025\r"),
		chromedp.WaitReady(`input[name="dyad"][value="RUS-CHN"]`),
	); err != nil {
		t.Fatal(err)
	}
	b.check(t, "/events filtered")
	after := eval[[]string](t, b, `[...document.querySelectorAll("table.events tbody tr[data-id]")].map(r => r.dataset.id)`)
	want, _, err := a.Events(ctx, map[string][]string{"dyad": {"RUS-CHN"}, "from": {"2025"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 1 || after[0] != want.Items[0].ID || len(before) <= len(after) {
		t.Errorf("rows before the filter %v, after %v; want fewer, just %s", before, after, want.Items[0].ID)
	}
	loc := eval[string](t, b, `location.search`)
	if !strings.Contains(loc, "dyad=RUS-CHN") {
		t.Errorf("the filtered table's address %q does not carry the filter", loc)
	}
	b.screenshot(t, "events")

	// The event page: actors and trigger highlighted at their offsets.
	meeting := want.Items[0].ID
	b.visit(t, srv.URL+"/events/"+meeting, "figure.source", "event")
	type hl struct {
		Class string `json:"class"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Doc   string `json:"doc"`
	}
	hls := eval[[]hl](t, b, `[...document.querySelectorAll("figure.source .actor, figure.source .trigger")].map(e => ({
		class: e.className, start: +e.dataset.start, end: +e.dataset.end, text: e.textContent,
		doc: e.closest("figure").querySelector("figcaption a").getAttribute("href")}))`)
	kinds := map[string]int{}
	for _, h := range hls {
		kinds[h.Class]++
		d, err := a.Document(ctx, strings.TrimPrefix(h.Doc, "/documents/"))
		if err != nil {
			t.Fatalf("%s: %v", h.Doc, err)
		}
		if h.End > len(d.Text) || d.Text[h.Start:h.End] != h.Text {
			t.Errorf("%s %q at %d-%d of %s: the document has %q there", h.Class, h.Text, h.Start, h.End, h.Doc, d.Text[h.Start:min(h.End, len(d.Text))])
		}
	}
	if kinds["actor"] < 4 || kinds["trigger"] < 2 {
		t.Errorf("highlights %v; want both actors and the trigger in each of the two sources", kinds)
	}
	columns := eval[[]string](t, b, `[...document.querySelectorAll("section.column")].map(s => s.lang)`)
	if !slices.Equal(columns, []string{"de", "ru"}) {
		t.Errorf("source columns %v; want de and ru side by side", columns)
	}

	// The document and actor pages.
	docHref := eval[string](t, b, `document.querySelector("figcaption a").getAttribute("href")`)
	b.visit(t, srv.URL+docHref, "article.text", "document")
	mentions := eval[int](t, b, `document.querySelectorAll("article.text a.mention").length`)
	if mentions < 3 {
		t.Errorf("the document page links %d mentions; want its names", mentions)
	}
	b.visit(t, srv.URL+"/actors/sergei-lavrov", "table.events", "actor")

	// The timeline draws one bar group per period.
	series, err := a.SeriesOf(ctx, map[string][]string{"interval": {"month"}})
	if err != nil {
		t.Fatal(err)
	}
	b.visit(t, srv.URL+"/timeline?interval=month", "#chart[data-drawn]", "timeline")
	drawn := eval[string](t, b, `document.getElementById("chart").dataset.drawn`)
	canvases := eval[int](t, b, `document.querySelectorAll("#chart canvas").length`)
	rows := eval[int](t, b, `document.querySelectorAll("table.periods tbody tr").length`)
	if drawn != strconv.Itoa(len(series.Periods)) || rows != len(series.Periods) || canvases == 0 || len(series.Periods) < 3 {
		t.Errorf("timeline: %s bar groups drawn, %d canvases, %d table rows; want %d periods", drawn, canvases, rows, len(series.Periods))
	}

	// The network draws one node per code and lists an edge's events.
	skel, err := st.Skeletons(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, e := range skel {
		if cs := e.Codes(); len(cs) > 1 {
			for _, c := range cs {
				if !slices.Contains(codes, c) {
					codes = append(codes, c)
				}
			}
		}
	}
	sort.Strings(codes)
	b.visit(t, srv.URL+"/network", "#graph[data-nodes]", "")
	nodes := eval[[]string](t, b, `entente.cy.nodes().map(n => n.id()).sort()`)
	if !slices.Equal(nodes, codes) {
		t.Errorf("network nodes %v; want one per code in the data %v", nodes, codes)
	}
	xy := eval[[]float64](t, b, `(() => { const p = entente.cy.getElementById("CHN|RUS").renderedMidpoint();
		const r = document.getElementById("graph").getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()`)
	if len(xy) != 2 {
		t.Fatalf("edge CHN|RUS: midpoint %v", xy)
	}
	if err := chromedp.Do(b.ctx, chromedp.MouseClickXY(xy[0], xy[1]), chromedp.WaitReady(`#edge-events li[data-id]`)); err != nil {
		t.Fatalf("clicking the CHN–RUS edge: %v", err)
	}
	listed := eval[[]string](t, b, `[...document.querySelectorAll("#edge-events li[data-id]")].map(li => li.dataset.id).sort()`)
	edgeEvents, _, err := a.Events(ctx, map[string][]string{"dyad": {"CHN-RUS"}})
	if err != nil {
		t.Fatal(err)
	}
	var wantIDs []string
	for _, e := range edgeEvents.Items {
		wantIDs = append(wantIDs, e.ID)
	}
	sort.Strings(wantIDs)
	if !slices.Equal(listed, wantIDs) {
		t.Errorf("the CHN–RUS edge lists %v; want %v", listed, wantIDs)
	}
	b.check(t, "/network edge click")
	b.screenshot(t, "network")

	// The hostile article: its pages open no dialog and hold no element
	// made from its text.
	docs, err := st.DocPage(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Name != "xss.txt" {
			continue
		}
		doc, err := a.Document(ctx, strconv.FormatInt(d.ID, 10))
		if err != nil {
			t.Fatal(err)
		}
		paths := []string{fmt.Sprintf("/documents/%d", d.ID), "/events?text=onerror"}
		for _, e := range doc.Events {
			paths = append(paths, "/events/"+e.ID)
		}
		for _, p := range paths {
			b.visit(t, srv.URL+p, "main", "")
			injected := eval[int](t, b, `document.querySelectorAll("img, b, main script, [onerror], [onmouseover], a[href^='javascript']").length`)
			if injected != 0 {
				t.Errorf("%s: %d elements made from the article's markup", p, injected)
			}
		}
		b.screenshot(t, "xss")
	}
	// Give a late dialog a moment to show.
	time.Sleep(200 * time.Millisecond)
	b.check(t, "the hostile article")
}

// BenchmarkNetworkPage draws the network page of 200 states and over 2,000
// edges in headless Chromium: from the page's request for the network to
// the first painted frame after the layout (network.js's data-ms), p50 and
// p95 over the runs.
func BenchmarkNetworkPage(b *testing.B) {
	path := chromium()
	if path == "" {
		b.Skip("no chromium on PATH")
	}
	var codes []string
	for _, p := range "ABCDEFGHIJKLMNOPQRST" {
		for d := 0; d < 10; d++ {
			codes = append(codes, fmt.Sprintf("%c%c%d", p, 'X', d))
		}
	}
	st := servetest.Open(b, "sqlite")
	if err := servetest.Generate(context.Background(), st, 5000, codes); err != nil {
		b.Fatal(err)
	}
	srv := newServer(b, st)
	br := newBrowser(b)
	var ms, fetchMs []int
	nodes, edges := 0, 0
	for b.Loop() {
		if err := chromedp.Do(br.ctx, chromedp.Navigate(srv.URL+"/network"), chromedp.WaitReady("#graph[data-ms]")); err != nil {
			b.Fatal(err)
		}
		v, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]int](`(() => { const g = document.getElementById("graph").dataset; return [+g.ms, +g.nodes, +g.edges, +g.fetchMs]; })()`))
		if err != nil {
			b.Fatal(err)
		}
		ms = append(ms, v[0])
		fetchMs = append(fetchMs, v[3])
		nodes, edges = v[1], v[2]
	}
	if nodes != 200 || edges < 2000 {
		b.Fatalf("drew %d nodes and %d edges; want 200 and at least 2,000", nodes, edges)
	}
	sort.Ints(ms)
	sort.Ints(fetchMs)
	b.ReportMetric(float64(fetchMs[len(fetchMs)/2]), "p50-fetch-ms")
	b.ReportMetric(float64(ms[len(ms)/2]), "p50-draw-ms")
	b.ReportMetric(float64(ms[min(len(ms)-1, len(ms)*95/100)]), "p95-draw-ms")
	b.ReportMetric(float64(edges), "edges")
}
