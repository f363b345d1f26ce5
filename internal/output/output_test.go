package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"entente/internal/model"
)

func sample() []model.Event {
	return []model.Event{{
		ID: "ev_1", Type: "CONSULT", Mode: "visit", Status: model.StatusReported,
		Actors:  []model.Actor{{Code: "RUS", Name: "Sergei Lavrov", Kind: "person", Role: "source"}, {Code: "CHN", Name: "China", Kind: "state", Role: "target"}},
		Date:    model.PointRange(model.Point{Year: 2024, Month: 4, Day: 9}),
		Sources: []model.Source{{Doc: "a.txt", Lang: "de", Start: 3, End: 9, Sentence: "Lawrow"}},
	}, {
		ID: "ev_2", Type: "ACCUSE", Status: model.StatusReported,
		Actors: []model.Actor{{Code: "UKR", Name: "Ukraine", Kind: "state"}},
		Date:   model.PointRange(model.Point{Month: 3, Day: 19}),
	}}
}

func TestJSONLContract(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "jsonl", sample()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var e map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "type", "mode", "status", "actors", "date", "sources", "confidence"} {
		if _, ok := e[k]; !ok {
			t.Errorf("field %q missing in %s", k, lines[0])
		}
	}
	if d := e["date"].(map[string]any); d["start"] != "2024-04-09" || d["end"] != "2024-04-09" {
		t.Errorf("date = %v", d)
	}
	if !strings.Contains(lines[1], `"start":"--03-19"`) {
		t.Errorf("year-less date not written as --MM-DD: %s", lines[1])
	}
}

func TestFormats(t *testing.T) {
	tests := []struct{ format, want string }{
		{"json", `"type": "CONSULT"`},
		{"csv", "ev_1,CONSULT,visit,reported,2024-04-09"},
		{"table", "RUS → CHN"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.format, sample()); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("%s output lacks %q:\n%s", tt.format, tt.want, b.String())
			}
		})
	}
	if err := Write(&bytes.Buffer{}, "xml", nil); err == nil {
		t.Error("unknown format: want an error")
	}
}

// TestTableFitsAndDirects: the table says who acted on whom and fits the
// width it is given, cutting the names and sources first.
func TestTableFitsAndDirects(t *testing.T) {
	evs := sample()
	evs[0].Actors[1].Role = "target"
	evs[0].Sources = append(evs[0].Sources, model.Source{Doc: "b-with-a-very-long-name-from-a-deep-folder/2024/05/article.txt"})
	evs[0].Actors = append(evs[0].Actors, model.Actor{Code: "CHN", Name: "Wang Yi, Member of the Political Bureau of the CPC Central Committee", Kind: "person", Role: "target"})
	sym := evs[0]
	sym.Type, sym.Mode, sym.Actors = "CONSULT", "", []model.Actor{{Code: "RUS", Role: "participant"}, {Code: "CHN", Role: "participant"}}
	evs = append(evs, sym)
	for _, width := range []int{0, 100, 80} {
		var b bytes.Buffer
		tw := newTableWidth(&b, width)
		for i := range evs {
			if err := tw.Write(&evs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{"WHO", "RUS → CHN", "CHN = RUS"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: no %q in\n%s", width, want, out)
			}
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if n := utf8.RuneCountInString(line); width > 0 && n > width {
				t.Errorf("width %d: line of %d characters: %s", width, n, line)
			}
		}
		if width == 0 && !strings.Contains(out, "Central Committee") {
			t.Errorf("no width: names cut:\n%s", out)
		}
	}
}
