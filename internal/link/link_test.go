package link_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/link"
	"entente/internal/model"
	"entente/internal/text"
)

var (
	once   sync.Once
	linker *link.Linker
	an     *text.Analyzer
	err    error
)

func setup(t testing.TB) (*link.Linker, *text.Analyzer) {
	t.Helper()
	once.Do(func() {
		var k *kb.KB
		var lx *lexicon.Lexicon
		if an, err = text.New(); err != nil {
			return
		}
		if k, err = kb.Load(); err != nil {
			return
		}
		if lx, err = lexicon.Load(an); err != nil {
			return
		}
		linker = link.New(k, lx, an)
	})
	if err != nil {
		t.Fatal(err)
	}
	return linker, an
}

func mentions(t testing.TB, lang, date, s string) []model.Mention {
	l, an := setup(t)
	var on model.Point
	if date != "" { // no date: as for documents that carry none
		var err error
		if on, err = model.ParsePoint(date); err != nil {
			t.Fatal(err)
		}
	}
	doc := &model.Document{ID: "t", Text: s, Body: []model.Span{{Start: 0, End: len(s)}}, Lang: lang}
	ctx := link.NewContext(on)
	var out []model.Mention
	sents := an.Sentences(doc)
	for i := range sents {
		out = append(out, l.Sentence(&sents[i], ctx)...)
	}
	return out
}

func TestLink(t *testing.T) {
	tests := []struct {
		name, lang, date, text string
		wantName, wantCode     string
	}{
		// Titles resolve to the holder on the date.
		{"de adjective title", "de", "2023-01-10", "Russlands Verteidigungsminister", "Sergei Shoigu", "RUS"},
		{"de title before office change", "de", "2023-01-10", "der russische Verteidigungsminister", "Sergei Shoigu", "RUS"},
		{"ru title after office change", "ru", "2024-10-01", "министра обороны России", "Andrei Belousov", "RUS"},
		{"ru genitive state", "ru", "2024-01-15", "глава МИД КНР", "Wang Yi", "CHN"},
		{"uk title with state", "uk", "2023-06-01", "президент Франції", "Emmanuel Macron", "FRA"},
		{"en possessive", "en", "2022-05-01", "Germany's chancellor", "Olaf Scholz", "DEU"},
		{"de compound state prefix", "de", "2021-06-01", "US-Präsident", "Joe Biden", "USA"},
		// Names in every script.
		{"de spelling", "de", "2024-06-01", "Sergej Lawrow", "Sergei Lavrov", "RUS"},
		{"ru inflected", "ru", "2024-06-01", "с Сергеем Лавровым", "Sergei Lavrov", "RUS"},
		{"uk inflected", "uk", "2024-06-01", "з Володимиром Зеленським", "Volodymyr Zelensky", "UKR"},
		{"ru Chinese name", "ru", "2024-06-01", "Си Цзиньпин", "Xi Jinping", "CHN"},
		{"family name before the preposition von", "de", "2024-06-01", "Zuvor wurde Lawrow von Staatschef Xi empfangen.", "Sergei Lavrov", "RUS"},
		{"unique family name", "de", "2024-06-01", "Lukaschenko", "Alexander Lukashenko", "BLR"},
		// Garbled name next to a title with one holder.
		{"garbled name rescued by title", "de", "2024-04-26", "der Verteidigungsminister von China Dong Chun", "Dong Jun", "CHN"},
		// States and organisations.
		{"de genitive state", "de", "2024-06-01", "Nordkoreas", "North Korea", "PRK"},
		{"uk instrumental state", "uk", "2024-06-01", "з Північною Кореєю", "North Korea", "PRK"},
		{"ru abbreviation", "ru", "2024-06-01", "ОДКБ", "Collective Security Treaty Organization", "CSTO"},
		{"two-letter acronym sharing a key", "de", "2024-06-01", "Die EU hat beschlossen.", "European Union", "EU"},
		{"acronym written as a word", "de", "2024-06-01", "Die Nato hat beschlossen.", "NATO", "NATO"},
		// Spellings with the same key but other lengths (the German
		// "Aserbaidschan" was indexed, and "Azerbaijan" too short for it).
		{"en spelling sharing a key with a longer one", "en", "2024-06-01", "Armenia accused Azerbaijan of violating a ceasefire.", "Azerbaijan", "AZE"},
		{"de spelling", "de", "2024-06-01", "Armenien beschuldigte Aserbaidschan.", "Azerbaijan", "AZE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := mentions(t, tt.lang, tt.date, tt.text)
			var got []string
			for _, m := range ms {
				if strings.EqualFold(m.Name, tt.wantName) && m.Code == tt.wantCode {
					return
				}
				got = append(got, m.Name+"/"+m.Code)
			}
			t.Errorf("%q on %s: got %v, want %s/%s", tt.text, tt.date, got, tt.wantName, tt.wantCode)
		})
	}
}

// TestNoWrongLink checks mentions that must stay unlinked: a wrong link is
// worse than none.
func TestNoWrongLink(t *testing.T) {
	tests := []struct{ name, lang, date, text string }{
		{"shared family name without context", "ru", "2024-06-01", "Ким заявил журналистам"},
		{"title without a state", "de", "2024-06-01", "Der Präsident sprach lange."},
		{"lower-case word that spells a state in another script", "uk", "2024-06-01", "вони мали рацію"},
		{"given name before a particle and a family name", "en", "2020-06-01", "Francis de Sales wrote letters."},
		{"the same in Cyrillic", "ru", "2020-06-01", "Франциск де Саль писал письма."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range mentions(t, tt.lang, tt.date, tt.text) {
				if m.Kind == model.KindPerson && m.ID != "" || m.Kind == model.KindState {
					t.Errorf("%q: linked %q to %s (%s)", tt.text, m.Text, m.Name, strings.Join(m.Why, "; "))
				}
			}
		})
	}
}

func TestLocative(t *testing.T) {
	ms := mentions(t, "ru", "2024-06-01", "Встреча прошла в Москве, а Пхеньян поддержал решение.")
	var loc, actor bool
	for _, m := range ms {
		if m.Name == "Moscow" {
			loc = m.Locative
		}
		if m.Code == "PRK" && !m.Locative {
			actor = true
		}
	}
	if !loc || !actor {
		t.Errorf("Moscow locative %v (want true), Pyongyang acting for PRK %v (want true): %+v", loc, actor, ms)
	}
}

func TestDatelineIsNotAPlaceOfTheEvent(t *testing.T) {
	for _, m := range mentions(t, "de", "2016-02-16", "Paris – Bei Angriffen auf Kliniken in Aleppo wurden Zivilisten getötet.") {
		if m.Name == "Paris" {
			t.Errorf("dateline Paris reported as a mention: %+v", m)
		}
	}
}

// TestCyrillicCompoundName checks that a hyphenated Cyrillic name is not
// read as the state at its head ("Гвинеи-Бисау" is not Guinea), while two
// states joined by a hyphen are a pair of both ("Україна-ЄС").
func TestCyrillicCompoundName(t *testing.T) {
	for _, m := range mentions(t, "ru", "2025-02-26", "в качестве Президента Гвинеи-Бисау") {
		if m.Code == "GIN" {
			t.Errorf("linked %q to %s (%s)", m.Text, m.Name, strings.Join(m.Why, "; "))
		}
	}
	for _, c := range []struct{ lang, text, first, second string }{
		{"uk", "саміт Україна-ЄС", "Україна", "ЄС"},
		{"ru", "переговоры Россия-США", "Россия", "США"},
		{"en", "the US-China talks", "US", "China"},
	} {
		var got []string
		for _, m := range mentions(t, c.lang, "2018-05-18", c.text) {
			got = append(got, m.Text)
		}
		if len(got) != 2 || got[0] != c.first || got[1] != c.second {
			t.Errorf("%q: mentions %q, want the pair %q, %q", c.text, got, c.first, c.second)
		}
	}
	// Only a tail that names a party in full makes a pair: "US-Präsident"
	// stays one state's compound.
	for _, m := range mentions(t, "de", "2018-05-18", "der US-Präsident") {
		if slices.Contains(m.Why, "the second of a hyphenated pair") {
			t.Errorf(`"der US-Präsident": %q read as the second of a pair`, m.Text)
		}
	}
}

// TestTitleGivesItsState checks that a holder found through an office title
// acts for the office's state, not for the person's own.
func TestTitleGivesItsState(t *testing.T) {
	for _, m := range mentions(t, "de", "2024-06-01", "der australische Staatschef") {
		if m.ID == "charles-iii" && m.Code != "AUS" {
			t.Errorf("%q: code %s, want AUS", m.Text, m.Code)
		}
	}
}

// TestCommaIsNoCoordination: a comma joins states before a title only in a
// list that "and" closes.
func TestCommaIsNoCoordination(t *testing.T) {
	for _, m := range mentions(t, "en", "2024-07-05", "North Korea has sent troops to Russia, South Korea's intelligence service said.") {
		if m.Role != "" && m.Code == "RUS" {
			t.Errorf("title given to Russia across a clause comma: %+v", m)
		}
	}
	codes := map[string]bool{}
	for _, m := range mentions(t, "en", "2024-07-05", "Russia, China and Iran's intelligence services met.") {
		if m.Role != "" {
			codes[m.Code] = true
		}
	}
	if len(codes) != 3 {
		t.Errorf("a list closed by and: titles for %v, want RUS, CHN and IRN", codes)
	}
}
