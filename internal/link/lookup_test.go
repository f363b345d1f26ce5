package link_test

import (
	"testing"

	"entente/internal/link"
	"entente/internal/model"
)

func TestLookupRanking(t *testing.T) {
	tests := []struct {
		name, lang, date, text string
		wantFirst, wantMatch   string
		wantRole               string // office held on the date by the first candidate
	}{
		{"Chinese name in Cyrillic, exact alias first", "ru", "", "Ван И", "wang-yi", link.MatchAlias, ""},
		{"Ukrainian spelling", "uk", "2024-03-20", "Ван І", "wang-yi", link.MatchKey, "foreign-minister"},
		{"German spelling of a Russian name", "de", "2024-06-01", "Sergej Lawrow", "sergei-lavrov", link.MatchAlias, "foreign-minister"},
		{"inflected Russian name", "ru", "2024-06-01", "Сергеем Лавровым", "sergei-lavrov", link.MatchKey, "foreign-minister"},
		{"family name: office on the date decides the order", "ru", "2016-01-01", "Ван", "wang-yi", link.MatchShort, "foreign-minister"},
		{"family name after an office change", "de", "2024-06-01", "Schoigu", "sergei-shoigu", link.MatchShort, "security-council-secretary"},
		{"state", "de", "", "Russland", "state:RUS", link.MatchAlias, ""},
		{"genitive state", "de", "", "Nordkoreas", "state:PRK", link.MatchKey, ""},
		{"garbled name: one word matches", "de", "2024-04-26", "Donh Zhun", "dong-jun", link.MatchPartial, "defence-minister"},
		{"misspelled name: similar spellings", "en", "2024-06-01", "Lavrof", "sergei-lavrov", link.MatchSimilar, "foreign-minister"},
		{"generated French spelling", "en", "2024-06-01", "Sergueï Choïgou", "sergei-shoigu", link.MatchAlias, "security-council-secretary"},
		{"generated Palladius, Ukrainian", "uk", "", "Ван Веньбінь", "wang-wenbin", link.MatchKey, ""},
	}
	l, _ := setup(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var on model.Point
			if tt.date != "" {
				var err error
				if on, err = model.ParsePoint(tt.date); err != nil {
					t.Fatal(err)
				}
			}
			cs := l.Lookup(tt.text, tt.lang, on)
			if len(cs) == 0 {
				t.Fatalf("%q: no candidates", tt.text)
			}
			c := cs[0]
			if c.Entity.ID != tt.wantFirst || c.Match != tt.wantMatch {
				var got []string
				for _, c := range cs {
					got = append(got, c.Entity.ID+" "+c.Why())
				}
				t.Fatalf("%q: first %s (%s), want %s (%s); all: %q", tt.text, c.Entity.ID, c.Match, tt.wantFirst, tt.wantMatch, got)
			}
			if tt.wantRole != "" && (c.Office == nil || c.Office.Role != tt.wantRole) {
				t.Errorf("%q: office %+v, want %s", tt.text, c.Office, tt.wantRole)
			}
			for k := 1; k < len(cs); k++ {
				if cs[k].Score > cs[k-1].Score {
					t.Errorf("%q: candidates not ordered by score: %v before %v", tt.text, cs[k-1].Score, cs[k].Score)
				}
			}
			if c.Why() == "" {
				t.Errorf("%q: no why", tt.text)
			}
		})
	}
}

// TestLookupNoNoise checks that single letters match nothing by themselves.
func TestLookupNoNoise(t *testing.T) {
	l, _ := setup(t)
	for _, c := range l.Lookup("Ван И", "ru", model.Point{}) {
		if c.Entity.ID == "charles-iii" || c.Entity.ID == "elizabeth-ii" {
			t.Errorf("%s matched through a single letter: %s", c.Entity.ID, c.Why())
		}
	}
}

// TestLookupNonsense: a random string, or a short unknown name, must not
// match a long alias by its first letters or by folded keys alone.
func TestLookupNonsense(t *testing.T) {
	tests := []struct{ name, lang, text string }{
		{"repeated letter folds to one key", "en", "Zzzzzzzz"},
		{"folds to the key of a genitive variant", "en", "Xyz"},
		{"keyboard row", "en", "Qwerty"},
		{"alphabet", "de", "Abcdef"},
		{"unknown minister", "en", "Foreign Minister Xyz"},
		{"Cyrillic nonsense", "ru", "Жжжжжж"},
		{"near miss of a short name", "en", "Xiq"},
		{"two letters", "en", "Qx"},
	}
	l, _ := setup(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range l.Lookup(tt.text, tt.lang, model.Point{}) {
				if c.Score >= link.LinkThreshold {
					t.Errorf("%q → %s (%s, score %.2f ≥ %.2f)", tt.text, c.Entity.ID, c.Why(), c.Score, link.LinkThreshold)
				}
			}
		})
	}
}

// TestLinkUnknownMinister: an unknown name after a title links to nobody,
// not to the leader whose short name it resembles.
func TestLinkUnknownMinister(t *testing.T) {
	for _, s := range []string{"Foreign Minister Xyz met Sergei Lavrov.", "Zzzzzzzz met Sergei Lavrov."} {
		for _, m := range mentions(t, "en", "2024-05-01", s) {
			if m.ID == "xi-jinping" || m.ID == "maha-vajiralongkorn" {
				t.Errorf("%q: %q linked to %s", s, m.Text, m.ID)
			}
		}
	}
}
