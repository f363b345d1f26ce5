package lexicon

import (
	"testing"

	"entente/internal/model"
)

// TestMarkTokens: marking a sentence's tokens changes no answer of
// MarkersAt, HasKind or MayStart — for the marked language, for another
// language asked of the same tokens, and for a token made from a marked one
// with another word (its Mark reset or not).
func TestMarkTokens(t *testing.T) {
	an, lx := testLexicon(t)
	texts := map[string]string{
		"en": "Russia said it would retaliate if NATO deployed troops, and called the strikes unacceptable.",
		"de": "Russland hat die Ukraine nicht angegriffen, sagte der Sprecher, falls Kiew verhandelt.",
		"ru": "Если украинская сторона нарушит перемирие, российские силы дадут ответ, заявил он.",
		"uk": "Якщо Білорусь відкриє кордон, Польща запровадить санкції, сказав міністр.",
	}
	kinds := []string{Say, Cond, Retort, Blame, Neg, Future, Hypo, And, CallAs, About}
	type answer struct {
		end   int
		kinds int
		has   []bool
		may   []bool
	}
	ask := func(lang string, toks []model.Token) []answer {
		var out []answer
		for i := range toks {
			end, ks := lx.MarkersAt(lang, toks, i)
			a := answer{end: end, kinds: len(ks)}
			for _, k := range kinds {
				a.has = append(a.has, lx.HasKind(lang, toks[i], k))
				a.may = append(a.may, lx.MayStart(lang, toks[i], k))
			}
			out = append(out, a)
		}
		return out
	}
	for lang, text := range texts {
		toks := an.Tokenize(text, 0, lang)
		for _, asked := range []string{"en", "de", "ru", "uk"} {
			plain := ask(asked, toks)
			marked := append([]model.Token(nil), toks...)
			lx.MarkTokens(lang, marked)
			got := ask(asked, marked)
			for i := range plain {
				p, g := plain[i], got[i]
				if p.end != g.end || p.kinds != g.kinds || !equalBools(p.has, g.has) || !equalBools(p.may, g.may) {
					t.Errorf("%s text asked as %s, token %q: unmarked %+v, marked %+v", lang, asked, toks[i].Text, p, g)
				}
			}
		}
		// A token made from a marked one with another word (WithNorm)
		// answers for its own word.
		marked := append([]model.Token(nil), toks...)
		lx.MarkTokens(lang, marked)
		for i := range marked {
			if !lx.HasKind("en", marked[i].WithNorm("if"), Cond) {
				t.Errorf("%s token %q made into \"if\": HasKind(en, cond) = false", lang, toks[i].Text)
			}
		}
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
