package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"entente/internal/model"
)

const testStates = `
- code: RUS
  name: Russia
  names: {en: [Russia]}
- code: CHN
  name: China
  names: {en: [China]}
`

const testRoles = `
- id: defence-minister
  single: true
  names: {en: [defence minister]}
`

const testPersons = `
- id: li-shangfu
  name: Li Shangfu
  state: CHN
  offices:
    - {role: defence-minister, state: CHN, from: 2023-03-12, to: 2023-10-24}
- id: dong-jun
  name: Dong Jun
  state: CHN
  offices:
    - {role: defence-minister, state: CHN, from: 2023-12-29}
`

func testKB(t *testing.T, persons string) *KB {
	t.Helper()
	k, err := LoadFS(fstest.MapFS{
		"states.yaml":      {Data: []byte(testStates)},
		"roles.yaml":       {Data: []byte(testRoles)},
		"persons/chn.yaml": {Data: []byte(persons)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestHolders(t *testing.T) {
	k := testKB(t, testPersons)
	tests := []struct {
		name, date string
		want       string
	}{
		{"first term", "2023-06-01", "li-shangfu"},
		{"second term, open-ended", "2024-04-26", "dong-jun"},
		{"vacancy", "2023-11-15", ""},
		{"month overlapping a term", "2023-10", "li-shangfu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on, _ := model.ParsePoint(tt.date)
			var got []string
			for _, p := range k.Holders("defence-minister", "CHN", on) {
				got = append(got, p.ID)
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("Holders on %s = %v, want %q", tt.date, got, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name, persons, want string
	}{
		{"clean", testPersons, ""},
		{"overlapping single office", testPersons + `
- id: someone
  name: Some One
  state: CHN
  offices:
    - {role: defence-minister, state: CHN, from: 2024-01-01}
`, "persons/chn.yaml:13: dong-jun and someone both defence-minister of CHN"},
		{"unknown state", `
- id: x
  name: X Y
  state: XXX
`, `persons/chn.yaml:2: person x: unknown state "XXX"`},
		{"no start date", `
- id: x
  name: X Y
  state: CHN
  offices:
    - {role: defence-minister}
`, "persons/chn.yaml:2: person x: office defence-minister: no start date"},
		{"unknown role", `
- id: x
  name: X Y
  state: CHN
  offices:
    - {role: tsar, from: 2020-01-01}
`, `unknown office role "tsar"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range testKB(t, tt.persons).Validate() {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			if tt.want == "" && all != "" || !strings.Contains(all, tt.want) {
				t.Errorf("Validate:\n%s\nwant %q", all, tt.want)
			}
		})
	}
}

func TestOverlayErrorNamesFileAndLine(t *testing.T) {
	f := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(f, []byte("- id: x\n  name: X\n  offices:\n    - {role: president, from: 2024-13-01}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(f)
	if err == nil || !strings.Contains(err.Error(), "mine.yaml:1") {
		t.Errorf("Load(broken overlay) error = %v, want one naming mine.yaml:1", err)
	}
}

// TestBrokenOverlay checks that every kind of broken overlay is reported at
// its own file and line: load errors (syntax, types, dates) and problems
// Validate finds, in both overlay layouts (a list of persons, sections).
func TestBrokenOverlay(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"bad date", "- id: x\n  name: X\n  offices:\n    - {role: president, from: 2024-13-01}\n", "mine.yaml:1: x: office president"},
		{"syntax", "- id: x\n  name: X\n  names: {en: [X Y}\n", "mine.yaml:2: did not find"},
		{"wrong type", "- id: x\n  name: X\n  state: RUS\n  names: 5\n", "mine.yaml:4: cannot unmarshal"},
		{"not a list", "id: x\n", `mine.yaml:1: unknown section "id"`},
		{"section not a list", "persons:\n  id: x\n", "mine.yaml:2: want a list of entries"},
		{"unknown state in a section", "states:\n  - code: XKX\n    name: Kosovo\npersons:\n  - id: x\n    name: X Y\n    state: XXX\n", `mine.yaml:5: person x: unknown state "XXX"`},
		{"unknown role", "- id: x\n  name: X Y\n  state: RUS\n\n- id: y\n  name: Y Z\n  state: RUS\n  offices:\n    - {role: tsar, from: 2020-01-01}\n", `mine.yaml:5: person y: unknown office role "tsar"`},
		{"overlapping terms", "- id: x\n  name: X Y\n  state: RUS\n  offices:\n    - {role: foreign-minister, state: RUS, from: 2020-01-01}\n", "mine.yaml:1: sergei-lavrov and x both foreign-minister of RUS"},
		{"name of another person", "- id: x\n  name: Vladimir Putin\n  state: RUS\n", `mine.yaml:1: name "vladimir putin" is given to vladimir-putin and x`},
		{"missing start date", "- id: x\n  name: X Y\n  state: RUS\n  offices:\n    - {role: ambassador}\n", "mine.yaml:1: person x: office ambassador: no start date"},
		{"place standing for no organisation", "places:\n  - name: Geneva\n    state: CHE\n    stands_for: XYZ\n", `mine.yaml:2: place Geneva: stands_for "XYZ" is no organisation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "mine.yaml")
			if err := os.WriteFile(f, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			k, err := Load(f)
			var got []string
			if err != nil {
				got = append(got, err.Error())
			} else {
				for _, p := range k.Validate() {
					got = append(got, p.String())
				}
			}
			all := strings.Join(got, "\n")
			if !strings.Contains(all, tt.want) || !strings.Contains(all, f) {
				t.Errorf("got %q, want %q at the overlay's path", all, tt.want)
			}
		})
	}
}

// TestStandsFor: a place that stands for an organisation when it acts
// (Brussels: the EU) says so by its linker id; another capital does not.
func TestStandsFor(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if o := k.StandsFor("place:brussels"); o == nil || o.Code != "EU" {
		t.Errorf("StandsFor(place:brussels) = %v, want the EU", o)
	}
	if o := k.StandsFor("place:moscow"); o != nil {
		t.Errorf("StandsFor(place:moscow) = %v, want none", o.Code)
	}
}

func TestEmbeddedLoads(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if k.State("RUS") == nil || len(k.Persons) == 0 {
		t.Errorf("embedded KB: RUS %v, %d persons", k.State("RUS"), len(k.Persons))
	}
}

func TestOfficeOnPrefersOwnStateAndLatest(t *testing.T) {
	p := &Person{ID: "m", State: "GBR", Offices: []Office{
		{Role: "head-of-state", State: "GBR", From: model.Point{Year: 1952, Month: 2, Day: 6}, To: model.Point{Year: 2022, Month: 9, Day: 8}},
		{Role: "head-of-state", State: "CAN", From: model.Point{Year: 1952, Month: 2, Day: 6}, To: model.Point{Year: 2022, Month: 9, Day: 8}},
		{Role: "head-of-state", State: "AUS", From: model.Point{Year: 1952, Month: 2, Day: 6}, To: model.Point{Year: 2022, Month: 9, Day: 8}},
		{Role: "special-representative", State: "UN", From: model.Point{Year: 2000, Month: 1, Day: 1}, To: model.Point{Year: 2001, Month: 1, Day: 1}},
	}}
	tests := []struct {
		on   model.Point
		want string
	}{
		{model.Point{Year: 2018, Month: 7, Day: 10}, "GBR"},
		{model.Point{Year: 2000, Month: 6, Day: 1}, "UN"}, // begun last
		{model.Point{Year: 2023, Month: 1, Day: 1}, ""},
	}
	for _, tt := range tests {
		o := p.OfficeOn("", tt.on)
		got := ""
		if o != nil {
			got = o.State
		}
		if got != tt.want {
			t.Errorf("OfficeOn(%v) = %q, want %q", tt.on, got, tt.want)
		}
	}
}
