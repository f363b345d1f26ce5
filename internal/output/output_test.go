package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

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
		{"table", "Sergei Lavrov (RUS), CHN"},
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
