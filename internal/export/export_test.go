package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/seedstest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seeds returns the seed database's events and an export context.
func seeds(t *testing.T) ([]model.Event, *Context) {
	t.Helper()
	evs, docs := seedstest.Events(t)
	return evs, &Context{Table: plover.MustLoad(), Docs: DocsFrom(docs), Coded: "2026-01-01", Version: "entente"}
}

// render writes every part of every format, named seeds.FORMAT.PART.EXT.
func render(t *testing.T, evs []model.Event, c *Context) map[string][]byte {
	return renderAs(t, "seeds", evs, c)
}

func renderAs(t *testing.T, prefix string, evs []model.Event, c *Context) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range Names() {
		f, _ := Lookup(name)
		for _, p := range f.Parts {
			var buf bytes.Buffer
			if err := p.Write(&buf, evs, c); err != nil {
				t.Fatalf("%s/%s: %v", name, p.Name, err)
			}
			out[prefix+"."+name+"."+p.Name+"."+p.Ext] = buf.Bytes()
		}
	}
	return out
}

// golden diffs rendered parts against their golden files in testdata/
// (go test -update rewrites them).
func golden(t *testing.T, outs map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(outs)) {
		got := outs[name]
		path := filepath.Join("testdata", name)
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its golden file (go test -update rewrites it):\n%s", name, firstDiff(got, want))
		}
	}
}

// redact replaces the article text that events carry (source sentences,
// actors' words) by a digest, so that golden files hold no text of the
// seed articles (they stay in ../shared): names, codes, offsets, dates and
// every column remain.
func redact(evs []model.Event) []model.Event {
	digest := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return fmt.Sprintf("[%x, %d bytes]", h[:4], len(s))
	}
	out := make([]model.Event, len(evs))
	for i, e := range evs {
		e.Actors = slices.Clone(e.Actors)
		for j := range e.Actors {
			if e.Actors[j].Text != "" {
				e.Actors[j].Text = digest(e.Actors[j].Text)
			}
		}
		e.Sources = slices.Clone(e.Sources)
		for j := range e.Sources {
			e.Sources[j].Sentence = digest(e.Sources[j].Sentence)
		}
		out[i] = e
	}
	return out
}

// TestGoldenSeeds renders every export of the seeds database, parses each
// back, and diffs their redacted rendering against golden files. The golden
// files test the writers, not the extractor: when the seeds' events change
// (testdata/seeds.input.sha256 no longer matches), the diff is skipped with
// a note to run go test -update, and the parse-back checks still run.
func TestGoldenSeeds(t *testing.T) {
	evs, c := seeds(t)
	if len(evs) < 20 {
		t.Fatalf("only %d events in the seeds database", len(evs))
	}
	outs := render(t, evs, c)
	if len(outs) != 8 {
		t.Errorf("%d parts, want 8", len(outs))
	}
	red := redact(evs)
	b, _ := json.Marshal(struct {
		E []model.Event
		D map[string]Doc
	}{red, c.Docs})
	sum := fmt.Sprintf("%x\n", sha256.Sum256(b))
	sumPath := filepath.Join("testdata", "seeds.input.sha256")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(sumPath, []byte(sum), 0o644)
	}
	if want, _ := os.ReadFile(sumPath); *update || string(want) == sum {
		golden(t, render(t, red, c))
	} else {
		t.Logf("the seeds' events changed since the golden files were written (extractor changes): golden diff skipped; run go test -update ./internal/export/ and review the diff")
	}
	t.Run("plover", func(t *testing.T) { checkPLOVER(t, outs["seeds.plover.events.jsonl"], evs) })
	t.Run("polecat", func(t *testing.T) {
		rows := tsvRows(t, outs["seeds.polecat.events.tsv"], len(POLECATColumns))
		if !slices.Equal(rows[0], POLECATColumns) || len(rows) != len(evs)+1 {
			t.Errorf("header %v, %d rows for %d events", rows[0], len(rows), len(evs))
		}
		checkShoiguXi(t, rows[1:], 0, 7, 15)
	})
	t.Run("gdelt", func(t *testing.T) {
		events := tsvRows(t, outs["seeds.gdelt.events.tsv"], len(GDELTEventColumns))
		mentions := tsvRows(t, outs["seeds.gdelt.mentions.tsv"], len(GDELTMentionColumns))
		if len(events) != len(evs) {
			t.Errorf("%d event rows for %d events", len(events), len(evs))
		}
		ids := map[string]bool{}
		for _, r := range events {
			ids[r[0]] = true
			if r[26] == "" || r[26][:2] != r[28] || r[29] == "" {
				t.Errorf("event %s: EventCode %q, root %q, QuadClass %q", r[0], r[26], r[28], r[29])
			}
		}
		nsrc := 0
		for _, e := range evs {
			nsrc += len(e.Sources)
		}
		if len(mentions) != nsrc {
			t.Errorf("%d mention rows for %d sources", len(mentions), nsrc)
		}
		for _, m := range mentions {
			if !ids[m[0]] {
				t.Errorf("mention of unknown event %s", m[0])
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(outs["seeds.csv.events.csv"])).ReadAll()
		if err != nil || len(rows) != len(evs)+1 || !slices.Equal(rows[0], CSVEventColumns) {
			t.Fatalf("events.csv: %v, %d rows", err, len(rows))
		}
		src, err := csv.NewReader(bytes.NewReader(outs["seeds.csv.sources.csv"])).ReadAll()
		if err != nil || !slices.Equal(src[0], CSVSourceColumns) {
			t.Fatalf("sources.csv: %v", err)
		}
		for _, r := range src[1:] {
			if !strings.Contains(r[6], " ") || r[1] == "" {
				t.Errorf("source row without a sentence or document: %v", r)
			}
		}
	})
	t.Run("graphml", func(t *testing.T) {
		checkGraph(t, outs["seeds.graphml.graph.graphml"], "graphml")
	})
	t.Run("gexf", func(t *testing.T) {
		checkGraph(t, outs["seeds.gexf.graph.gexf"], "gexf")
	})
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// tsvRows splits TSV text and checks every row's column count.
func tsvRows(t *testing.T, b []byte, cols int) [][]string {
	t.Helper()
	var rows [][]string
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != cols {
			t.Fatalf("row %d: %d columns, want %d", i+1, len(f), cols)
		}
		rows = append(rows, f)
	}
	return rows
}

// checkShoiguXi finds the Shoigu–Xi meeting in POLECAT rows: an event
// whose actors name both, dated 2025-02-28, cited by a German and a Russian
// document.
func checkShoiguXi(t *testing.T, rows [][]string, id, names, langCol int) {
	t.Helper()
	for _, r := range rows {
		if strings.Contains(r[names], "Sergei Shoigu") && strings.Contains(r[names], "Xi Jinping") && r[2] == "CONSULT" {
			if r[1] != "2025-02-28" || r[38] != "de; ru" {
				t.Errorf("Shoigu–Xi row: date %q, languages %q", r[1], r[38])
			}
			return
		}
	}
	t.Error("no Shoigu–Xi CONSULT row")
}

func checkPLOVER(t *testing.T, b []byte, evs []model.Event) {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d lines for %d events", len(lines), len(evs))
	}
	found := false
	for i, line := range lines {
		var rec struct {
			ID        string           `json:"id"`
			Date      string           `json:"date"`
			Event     []string         `json:"event"`
			Mode      []string         `json:"mode"`
			Actor     []map[string]any `json:"actor"`
			Recipient []map[string]any `json:"recipient"`
			QuadCode  int              `json:"quad_code"`
			EventText []string         `json:"event_text"`
			CiteInfo  []map[string]any `json:"cite_info"`
			Coder     string           `json:"coder"`
			CodedDate string           `json:"coded_date"`
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		e := evs[i]
		if rec.ID != e.ID || len(rec.Event) != 1 || rec.Event[0] != e.Type || rec.QuadCode < 1 || rec.QuadCode > 4 {
			t.Errorf("line %d: %+v does not match %s %s", i+1, rec, e.ID, e.Type)
		}
		if len(rec.Actor)+len(rec.Recipient) != len(e.Actors) || len(rec.EventText) != len(e.Sources) {
			t.Errorf("line %d: %d+%d entities, %d texts for %d actors, %d sources", i+1, len(rec.Actor), len(rec.Recipient),
				len(rec.EventText), len(e.Actors), len(e.Sources))
		}
		if rec.Coder != "entente" || rec.CodedDate != "2026-01-01" {
			t.Errorf("line %d: coder %q, coded %q", i+1, rec.Coder, rec.CodedDate)
		}
		for _, r := range rec.Recipient {
			if r["code"] == "" {
				t.Errorf("line %d: recipient without a code", i+1)
			}
		}
		if e.Type == "CONSULT" && len(rec.CiteInfo) == 2 && rec.Date == "2025-02-28" {
			found = true
		}
	}
	if !found {
		t.Error("no CONSULT of 2025-02-28 citing two documents (Shoigu–Xi)")
	}
}

// graphDoc reads GraphML or GEXF nodes and edges back.
type graphDoc struct {
	Nodes []struct {
		ID string `xml:"id,attr"`
	} `xml:"graph>node"`
	Edges []struct {
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
	} `xml:"graph>edge"`
	GNodes []struct {
		ID string `xml:"id,attr"`
	} `xml:"graph>nodes>node"`
	GEdges []struct {
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
	} `xml:"graph>edges>edge"`
}

func checkGraph(t *testing.T, b []byte, kind string) {
	var g graphDoc
	if err := xml.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	nodes, edges := g.Nodes, g.Edges
	if kind == "gexf" {
		nodes, edges = g.GNodes, g.GEdges
	}
	ids := map[string]bool{}
	for _, n := range nodes {
		ids[n.ID] = true
	}
	if !ids["RUS"] || !ids["CHN"] || len(edges) < 5 {
		t.Errorf("%s: %d nodes, %d edges", kind, len(nodes), len(edges))
	}
	for _, e := range edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("%s: edge %s-%s to an unknown node", kind, e.Source, e.Target)
		}
	}
	networkx(t, b, kind, len(nodes), len(edges))
}

// networkx reads the graph with Python's networkx when it is installed
// (Debian's python3-networkx; CI installs it) and checks its size.
func networkx(t *testing.T, b []byte, kind string, nodes, edges int) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3: networkx check skipped")
	}
	if exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 has no networkx (apt-get install python3-networkx): networkx check skipped")
	}
	path := filepath.Join(t.TempDir(), "g."+kind)
	os.WriteFile(path, b, 0o644)
	read := map[string]string{"graphml": "read_graphml", "gexf": "read_gexf"}[kind]
	out, err := exec.Command(py, "-c", `import sys, networkx
g = networkx.`+read+`(sys.argv[1])
assert all("bloc" in d for _, d in g.nodes(data=True)), "node without bloc"
assert all("alignment" in d and "weight" in d for _, _, d in g.edges(data=True)), "edge without weight"
print(g.number_of_nodes(), g.number_of_edges())`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx.%s: %v\n%s", read, err, out)
	}
	if got, want := strings.TrimSpace(string(out)), itoa(nodes)+" "+itoa(edges); got != want {
		t.Errorf("networkx read %s nodes/edges, want %s", got, want)
	}
}
