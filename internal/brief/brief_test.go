package brief

import (
	"bytes"
	"strings"
	"testing"

	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/seedstest"
)

func seedBrief(t *testing.T, o Options) (*Brief, []model.Event) {
	t.Helper()
	evs, stored := seedstest.Events(t)
	docs := map[string]Doc{}
	for _, d := range stored {
		docs[d.Name] = Doc{Name: d.Name, Published: d.Published, URL: d.URL, Title: d.Title}
	}
	br, err := Build(plover.MustLoad(), evs, docs, o)
	if err != nil {
		t.Fatal(err)
	}
	return br, evs
}

// findStatement returns the first statement whose text has every word.
func findStatement(br *Brief, section string, words ...string) *Statement {
	for _, s := range br.Sections {
		if section != "" && s.Title != section {
			continue
		}
	next:
		for i, st := range s.Statements {
			for _, w := range words {
				if !strings.Contains(st.Text, w) {
					continue next
				}
			}
			return &s.Statements[i]
		}
	}
	return nil
}

// The seeds brief reports the Shoigu–Xi meeting citing both its German and
// its Russian sentence, and the SCO defence ministers' meetings of 26 April
// 2024, each citation the exact stored sentence. Top is set to every event
// of the seeds, so that what is checked is the citing, not where the
// confidence model ranks the SCO meeting among single-source events.
func TestSeedsBrief(t *testing.T) {
	br, evs := seedBrief(t, Options{From: "2024-04", To: "2025-03", Top: 50})
	var shoiguXi, sco *model.Event
	for i := range evs {
		e := &evs[i]
		names := ""
		for _, a := range e.Actors {
			names += a.Name + ";"
		}
		if e.Type == "CONSULT" && strings.Contains(names, "Sergei Shoigu") && strings.Contains(names, "Xi Jinping") {
			shoiguXi = e
		}
		if e.Type == "CONSULT" && strings.Contains(names, "Shanghai Cooperation Organisation") && e.Date.From.String() == "2024-04-26" {
			sco = e
		}
	}
	if shoiguXi == nil || sco == nil {
		t.Fatalf("seeds database lacks the Shoigu–Xi meeting (%v) or the SCO meeting (%v)", shoiguXi, sco)
	}
	st := findStatement(br, "Top events by sources and confidence", "2025-02-28", "Sergei Shoigu", "Xi Jinping", "met")
	if st == nil {
		t.Fatal("no top event statement for the Shoigu–Xi meeting")
	}
	langs := map[string]bool{}
	for _, c := range st.Cites {
		langs[c.Lang] = true
		if c.Event != shoiguXi.ID || !hasSentence(shoiguXi, c) {
			t.Errorf("citation %+v is not a source sentence of %s", c, shoiguXi.ID)
		}
	}
	if !langs["de"] || !langs["ru"] {
		t.Errorf("Shoigu–Xi cites languages %v, want de and ru", langs)
	}
	st = findStatement(br, "Top events by sources and confidence", "2024-04-26", "Shanghai Cooperation Organisation", "met")
	if st == nil || len(st.Cites) == 0 || st.Cites[0].Event != sco.ID || !strings.Contains(st.Cites[0].Sentence, "SCO") {
		t.Errorf("SCO meeting of 2024-04-26: %+v", st)
	}
	day := findStatement(br, "Busiest days", "2024-04-26", "Astana", "CONSULT")
	if day == nil || len(day.Cites) == 0 {
		t.Errorf("no busiest-day statement for the SCO meetings of 2024-04-26")
	}
	// Every statement is cited.
	for _, s := range br.Sections {
		for _, st := range s.Statements {
			if len(st.Cites) == 0 {
				t.Errorf("%s: %q has no citation", s.Title, st.Text)
			}
			for _, c := range st.Cites {
				if c.Doc == "" || c.Sentence == "" || c.Lang == "" {
					t.Errorf("%s: incomplete citation %+v", s.Title, c)
				}
			}
		}
	}
	// Both renderings carry the sentences and are deterministic.
	var md1, md2, h1, h2 bytes.Buffer
	br.Markdown(&md1)
	br.HTML(&h1)
	again, _ := seedBrief(t, Options{From: "2024-04", To: "2025-03", Top: 50})
	again.Markdown(&md2)
	again.HTML(&h2)
	if !bytes.Equal(md1.Bytes(), md2.Bytes()) || !bytes.Equal(h1.Bytes(), h2.Bytes()) {
		t.Error("the brief differs between two builds from the same database")
	}
	for _, s := range shoiguXi.Sources {
		sentence := strings.Join(strings.Fields(s.Sentence), " ")
		if !strings.Contains(md1.String(), "“"+sentence+"”") || !strings.Contains(h1.String(), sentence) {
			t.Errorf("the %s sentence of the Shoigu–Xi meeting is not quoted in Markdown and HTML", s.Lang)
		}
	}
	if !strings.Contains(h1.String(), "<svg") || !strings.Contains(h1.String(), "<title>2025-02 cooperation: 2</title>") {
		t.Errorf("HTML lacks its chart:\n%s", h1.String()[:min(2000, h1.Len())])
	}
}

func hasSentence(e *model.Event, c Citation) bool {
	for _, s := range e.Sources {
		if s.Doc == c.Doc && strings.Join(strings.Fields(s.Sentence), " ") == c.Sentence && s.Lang == c.Lang {
			return true
		}
	}
	return false
}

func TestBriefFocusAndErrors(t *testing.T) {
	br, _ := seedBrief(t, Options{From: "2024-04-26", To: "2024-04-26", Focus: []string{"irn"}})
	for _, s := range br.Sections {
		for _, st := range s.Statements {
			if s.Title == "Most active dyads" && !strings.Contains(st.Text, "Iran") {
				t.Errorf("focus IRN: dyad statement %q", st.Text)
			}
		}
	}
	if st := findStatement(br, "Headline", "involving IRN"); st == nil {
		t.Error("headline does not name the focus")
	}
	for _, o := range []Options{{From: "2024"}, {From: "2024-13", To: "2025"}, {From: "2025", To: "2024"}} {
		if _, err := Build(plover.MustLoad(), nil, nil, o); err == nil {
			t.Errorf("Build(%+v) accepted", o)
		}
	}
}
