package link

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Match kinds of a Candidate, best first.
const (
	MatchAlias   = "alias"   // an indexed name, written the same way
	MatchKey     = "key"     // an indexed name's keys (spelling, script or case differ)
	MatchShort   = "short"   // the family name alone
	MatchPartial = "partial" // an indexed name covers part of the written name
	MatchSimilar = "similar" // no indexed name matches; a person's name is spelled alike
)

var matchRank = map[string]int{MatchAlias: 0, MatchKey: 0, MatchShort: 1, MatchPartial: 2, MatchSimilar: 3}

// similarMin is the least similarity of a MatchSimilar candidate, and
// similarMax how many of them are listed.
const (
	similarMin = 0.85
	similarMax = 10
)

// LinkThreshold is the least Score of a candidate that names its entity
// without further evidence: exact alias and key matches and family names
// reach it; names spelled alike and partial matches do not, and link only
// where a role phrase or the document confirms them.
const LinkThreshold = 0.5

// Candidate is an entity a looked-up name may refer to, with the evidence.
type Candidate struct {
	Entity *Entity
	// Score orders candidates: exact alias or key matches (0.9 and more),
	// then family names alone, then partial matches; within each, by
	// similarity, office on the date and prominence.
	Score float64
	Match string // MatchAlias, MatchKey, MatchShort or MatchPartial
	// Alias is the indexed name that matched; Scheme says where a generated
	// variant came from ("" for a name typed in the knowledge base).
	Alias, Scheme string
	// Covered is the share of the written name's words the alias covers.
	Covered float64
	// Sim is the Jaro-Winkler similarity of the written name's keys with
	// the entity's closest name.
	Sim float64
	// Office is the office held on the date (or the current one without a
	// date); nil when none.
	Office *kb.Office
	// Prominent is set for holders of a leader's office (roles.yaml leader).
	Prominent bool
}

// Why describes the evidence in words.
func (c Candidate) Why() string {
	var b strings.Builder
	switch c.Match {
	case MatchAlias:
		fmt.Fprintf(&b, "alias %q", c.Alias)
	case MatchKey:
		fmt.Fprintf(&b, "key of %q", c.Alias)
	case MatchShort:
		fmt.Fprintf(&b, "family name of %q", c.Alias)
	case MatchSimilar:
		fmt.Fprintf(&b, "spelled like %q", c.Alias)
	default:
		fmt.Fprintf(&b, "%q covers %.0f%% of the name", c.Alias, 100*c.Covered)
	}
	if c.Scheme != "" {
		fmt.Fprintf(&b, " (generated: %s)", c.Scheme)
	}
	fmt.Fprintf(&b, "; similarity %.2f", c.Sim)
	if c.Office != nil {
		fmt.Fprintf(&b, "; %s %s", c.Office.Role, c.Office.State)
		if c.Office.RawF != "" {
			fmt.Fprintf(&b, " from %s", c.Office.RawF)
		}
		if c.Office.RawT != "" {
			fmt.Fprintf(&b, " to %s", c.Office.RawT)
		}
	}
	if c.Prominent {
		b.WriteString("; leader")
	}
	return b.String()
}

// Lookup returns the entities a name may refer to, best first, for
// `entente kb lookup`: exact alias or key matches, then the family name
// alone, then names covering part of it; within each by similarity, then
// office held on the date (any current office when on is zero), then
// prominence. It does not use document context.
func (l *Linker) Lookup(name, lang string, on model.Point) []Candidate {
	wtoks := l.an.Tokenize(name, 0, lang)
	for k := 0; k < len(wtoks); k++ {
		if t := wtoks[k]; t.Kind == model.Punct && (t.Text == "." || t.Text == "(" || t.Text == ")" || t.Text == ",") {
			wtoks = append(wtoks[:k], wtoks[k+1:]...) // "S. Jaishankar": Tokenize returns a fresh slice
			k--
		}
	}
	n := len(wtoks)
	if n == 0 {
		return nil
	}
	norm := ""
	out := make([]Candidate, 0, 8)
	var pkeys []string // person keys of the written name, for similarity
	keys := make([]string, 2*n)
	for rounds, tr := range []*lexicon.Trie[alias]{1: &l.names, 2: &l.people} {
		if tr == nil {
			continue
		}
		keys := keys[(rounds-1)*n : rounds*n]
		for i, t := range wtoks {
			keys[i] = l.tokenKey(t, rounds)
		}
		pkeys = keys
		for i := range keys {
			tr.Each(i, n, func(j int) string { return keys[j] }, func(end int, as []alias) {
				if end-i < n && letters(wtoks[i:end]) < 3 {
					return // "И" of "Ван И" is not "III" of "Charles III"
				}
				for _, a := range as {
					if !a.fits(wtoks[i:end]) {
						continue
					}
					c := Candidate{Entity: a.e, Alias: a.text, Scheme: a.gen, Covered: float64(end-i) / float64(n)}
					switch {
					case end-i < n:
						c.Match = MatchPartial
					case a.short:
						c.Match = MatchShort
					case sameWords(a.text, name, &norm):
						c.Match = MatchAlias
					default:
						c.Match = MatchKey
					}
					k := 0
					for k < len(out) && out[k].Entity != a.e {
						k++
					}
					switch {
					case k == len(out):
						out = append(out, c)
					case better(c, out[k]):
						out[k] = c
					}
				}
			})
		}
	}
	if len(out) == 0 && letters(wtoks) >= 3 && len(strings.Join(pkeys, "")) >= 3 {
		// Nothing indexed matches ("Donh Zhun"): persons whose names are
		// spelled alike, for the reader to judge. Slow, and only then.
		w := strings.Join(pkeys, " ")
		for _, e := range l.persons {
			if sim := l.simKeys(w, e); sim >= similarMin {
				out = append(out, Candidate{Entity: e, Match: MatchSimilar, Alias: e.Name, Sim: sim})
			}
		}
		sort.Slice(out, func(a, b int) bool {
			if out[a].Sim != out[b].Sim {
				return out[a].Sim > out[b].Sim
			}
			return out[a].Entity.ID < out[b].Entity.ID
		})
		if len(out) > similarMax {
			out = out[:similarMax]
		}
	}
	pkey := ""
	for k := range out {
		c := &out[k]
		switch c.Match {
		case MatchSimilar: // Sim is set
		case MatchPartial:
			if pkey == "" {
				pkey = strings.Join(pkeys, " ")
			}
			c.Sim = l.simKeys(pkey, c.Entity)
		default:
			c.Sim = 1 // the written name's keys are the alias's keys
		}
		if p := c.Entity.Person; p != nil {
			if on.Year != 0 {
				c.Office = p.OfficeOn("", on)
			} else if o := p.OfficeOn("", on); o != nil && o.To.IsZero() {
				c.Office = o
			}
			c.Prominent = l.prominent(c.Entity, on)
		}
		c.Score = score(*c)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	return out
}

// better reports whether a match of an entity is better evidence than another.
func better(a, b Candidate) bool {
	if ra, rb := matchRank[a.Match], matchRank[b.Match]; ra != rb {
		return ra < rb
	}
	if a.Covered != b.Covered {
		return a.Covered > b.Covered
	}
	return a.Match == MatchAlias && b.Match != MatchAlias
}

// score folds a candidate's evidence into one number whose order is the
// order of the evidence: match kind, then similarity, office, prominence.
func score(c Candidate) float64 {
	var s float64
	switch c.Match {
	case MatchAlias, MatchKey:
		s = 0.6
	case MatchShort:
		s = 0.45
	case MatchPartial:
		s = 0.3 * c.Covered
	}
	s += 0.3 * c.Sim
	if c.Office != nil {
		s += 0.06
	}
	if c.Prominent {
		s += 0.04
	}
	return s
}

// letters counts the letters of tokens.
func letters(toks []model.Token) int {
	n := 0
	for _, t := range toks {
		n += utf8.RuneCountInString(t.Text)
	}
	return n
}

// sameWords reports whether two names are written alike up to case and
// spacing; *norm caches the folded form of written.
func sameWords(name, written string, norm *string) bool {
	if name == written {
		return true
	}
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	if *norm == "" {
		*norm = fold(written)
	}
	return fold(name) == *norm
}
