package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"entente/internal/model"
)

// awkward returns n events whose text needs escaping in every format:
// commas, quotes, newlines, tabs, HTML characters and non-Latin scripts.
func awkward(n int) []model.Event {
	evs := make([]model.Event, n)
	for i := range evs {
		evs[i] = model.Event{
			ID: fmt.Sprintf("ev_%d", i), Type: "ACCUSE", Status: model.StatusReported, Confidence: 0.5 + float64(i)/100,
			Actors: []model.Actor{
				{Code: "RUS", Name: `Sergei "the, diplomat" Lavrov`, Kind: "person", Role: "source", Text: "Лавров"},
				{Code: "UKR", Name: "Ukraine", Kind: "state", Role: "target"},
			},
			Location: &model.Location{Name: "Kyiv, <Ukraine>", Code: "UKR"},
			Sources: []model.Source{{Doc: fmt.Sprintf("dir/a %d.txt", i), Lang: "ru", Start: 10 * i, End: 10*i + 7,
				Sentence: "Лавров обвинил Украину,\n\t\"в провокации\" & <b>."}},
		}
		if i%2 == 0 {
			evs[i].Date = model.DateRange{From: model.Point{Year: 2024, Month: 4}, To: model.Point{Year: 2024, Month: 5}}
		}
	}
	return evs
}

func encode(t *testing.T, format string, evs []model.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, evs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func wantContract(evs []model.Event) []Event {
	out := make([]Event, len(evs))
	for i := range evs {
		out[i] = FromModel(&evs[i])
	}
	return out
}

// TestJSONParsesBack reads the json array back and gets every event as the
// contract states it.
func TestJSONParsesBack(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			evs := awkward(n)
			raw := encode(t, "json", evs)
			var got []Event
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("json output does not parse: %v\n%s", err, raw)
			}
			if got == nil {
				t.Fatalf("json output is %q, want an array", raw)
			}
			if want := wantContract(evs); !reflect.DeepEqual(got, want) {
				t.Errorf("json round trip:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestJSONLParsesBack reads each line back as one event.
func TestJSONLParsesBack(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			evs := awkward(n)
			raw := encode(t, "jsonl", evs)
			var got []Event
			sc := bufio.NewScanner(bytes.NewReader(raw))
			for sc.Scan() {
				var e Event
				if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
					t.Fatalf("line %d does not parse: %v\n%s", len(got)+1, err, sc.Text())
				}
				got = append(got, e)
			}
			if want := wantContract(evs); len(got) != len(want) || (n > 0 && !reflect.DeepEqual(got, want)) {
				t.Errorf("jsonl round trip:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestCSVParsesBack reads the rows back: the header, then one row an event
// whose cells hold its fields.
func TestCSVParsesBack(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			evs := awkward(n)
			rows, err := csv.NewReader(bytes.NewReader(encode(t, "csv", evs))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != n+1 || !reflect.DeepEqual(rows[0], CSVHeader) {
				t.Fatalf("%d rows, header %q; want %d, %q", len(rows), rows[0], n+1, CSVHeader)
			}
			col := map[string]int{}
			for i, h := range CSVHeader {
				col[h] = i
			}
			for i, e := range evs {
				row := rows[i+1]
				var start, end string
				if !e.Date.IsZero() {
					start, end = e.Date.From.String(), e.Date.To.String()
				}
				want := map[string]string{
					"id": e.ID, "type": e.Type, "status": e.Status, "date_start": start, "date_end": end,
					"actors": `Sergei "the, diplomat" Lavrov (RUS), UKR`, "codes": "RUS;UKR",
					"location": e.Location.Name, "docs": e.Sources[0].Doc, "confidence": fmt.Sprintf("%.2f", e.Confidence),
				}
				for k, v := range want {
					if got := row[col[k]]; got != v {
						t.Errorf("row %d %s = %q, want %q", i+1, k, got, v)
					}
				}
			}
		})
	}
}

// TestRegistry: every registered format writes, the help lists them all,
// and an unknown name names them.
func TestRegistry(t *testing.T) {
	names := Names()
	if len(names) < 4 || strings.Join(names, ", ") != Help() {
		t.Fatalf("names %q, help %q", names, Help())
	}
	for _, f := range Formats() {
		if f.Help == "" || f.New == nil {
			t.Errorf("format %q lacks help or constructor", f.Name)
		}
		if out := encode(t, f.Name, awkward(2)); !strings.Contains(string(out), "ACCUSE") {
			t.Errorf("format %q wrote no event:\n%s", f.Name, out)
		}
	}
	_, err := NewWriter(&bytes.Buffer{}, "xml")
	var ue *UnknownFormatError
	if err == nil || !strings.Contains(err.Error(), Help()) || !errors.As(err, &ue) {
		t.Errorf("unknown format: err %v, want an UnknownFormatError listing %s", err, Help())
	}
}

// TestJSONLStreamsManySources: an event of many sources (one long document)
// is written in pieces, byte for byte the line json.Encoder writes, and it
// parses back.
func TestJSONLStreamsManySources(t *testing.T) {
	for _, n := range []int{streamFrom - 1, streamFrom, 3 * streamFrom} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			evs := awkward(3)
			e := &evs[1]
			for i := 1; len(e.Sources) < n; i++ {
				s := e.Sources[0]
				s.Start, s.End = s.Start+100*i, s.End+100*i
				s.Attribution = strings.Repeat(`"<&>`, i%3)
				e.Sources = append(e.Sources, s)
			}
			e.Explain = []model.Explanation{{Trigger: "обвинил", Entry: `"sources":[]`}}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			for i := range evs {
				if err := enc.Encode(FromModel(&evs[i])); err != nil {
					t.Fatal(err)
				}
			}
			if got := encode(t, "jsonl", evs); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("jsonl of %d sources differs from json.Encoder's at byte %d", n, firstDiff(got, want.Bytes()))
			}
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
