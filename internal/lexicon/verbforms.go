package lexicon

import (
	"strings"

	"entente/internal/model"
)

// English verb entries match by inflection, not by stem: Snowball folds
// "critical" into "criticized", "station" into "stationed" and "protest"
// into "protested", so an entry without the noun flag matches only the
// regular forms of its first word's verb (base, -s, -ed, -ing). Irregular
// forms are entries of their own ("struck", "met", "sought").

// Form kinds of a verb entry's word.
const (
	baseForm = 1 // base or -s form: may as well be a noun ("protests", "trains")
	verbForm = 2 // -ed or -ing form, or the form written in the entry
)

// verbForms returns the inflected forms of the verb whose form w (normalised,
// lower case) an entry gives, each with its kind. stem is the language's
// stemmer: of the lemmas that could have produced w ("approved": approve or
// approv), those with w's stem are kept, which drops "fir" for "fired"; when
// none is kept, w matches only itself.
func verbForms(w string, stem func(string) string) map[string]int {
	forms := map[string]int{}
	var lemmas []string
	for _, l := range lemmaCandidates(w) {
		if stem(l) == stem(w) {
			lemmas = append(lemmas, l)
		}
	}
	// None: the stemmer sets the form apart ("freed", not "free"), and so
	// does the entry.
	for _, l := range lemmas {
		for f, k := range inflect(l) {
			if forms[f] < k {
				forms[f] = k
			}
		}
	}
	forms[w] = verbForm
	return forms
}

// lemmaCandidates returns the base forms that could have the form w.
func lemmaCandidates(w string) []string {
	undo := func(x string) []string {
		// x is w without -ed/-ing: "approv" (approve), "sign", "slamm" (slam).
		out := []string{x, x + "e"}
		if n := len(x); n > 2 && x[n-1] == x[n-2] && consonant(x[n-1]) {
			out = append(out, x[:n-1])
		}
		return out
	}
	switch n := len(w); {
	case n > 4 && strings.HasSuffix(w, "ied"):
		return []string{w[:n-3] + "y"}
	case n > 4 && strings.HasSuffix(w, "ying"):
		return []string{w[:n-4] + "ie", w[:n-3]}
	case n > 3 && strings.HasSuffix(w, "ed"):
		return undo(w[:n-2])
	case n > 4 && strings.HasSuffix(w, "ing"):
		return undo(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ies"):
		return []string{w[:n-3] + "y"}
	case n > 3 && strings.HasSuffix(w, "es") && sibilant(w[:n-2]):
		return []string{w[:n-2], w[:n-1]}
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return []string{w[:n-1]}
	}
	return []string{w}
}

// inflect returns the regular forms of the lemma l with their kinds; both
// spellings where consonant doubling depends on stress ("targeted",
// "committed") or on the variety ("cancelled", "canceled").
func inflect(l string) map[string]int {
	f := map[string]int{l: baseForm}
	n := len(l)
	if n < 2 {
		return f
	}
	last := l[n-1]
	switch {
	case last == 'y' && consonant(l[n-2]):
		f[l[:n-1]+"ies"] = baseForm
		f[l[:n-1]+"ied"] = verbForm
		f[l+"ing"] = verbForm
		return f
	case sibilant(l) || last == 'o':
		f[l+"es"] = baseForm
	default:
		f[l+"s"] = baseForm
	}
	switch {
	case strings.HasSuffix(l, "ie"):
		f[l+"d"] = verbForm
		f[l[:n-2]+"ying"] = verbForm
	case strings.HasSuffix(l, "ee") || strings.HasSuffix(l, "ye") || strings.HasSuffix(l, "oe"):
		f[l+"d"] = verbForm
		f[l+"ing"] = verbForm
	case last == 'e':
		f[l+"d"] = verbForm
		f[l[:n-1]+"ing"] = verbForm
	default:
		f[l+"ed"] = verbForm
		f[l+"ing"] = verbForm
		// Consonant–vowel–consonant: "slam" → "slammed", "ban" → "banned".
		if n >= 3 && consonant(last) && !strings.ContainsRune("wxy", rune(last)) &&
			!consonant(l[n-2]) && consonant(l[n-3]) {
			f[l+string(last)+"ed"] = verbForm
			f[l+string(last)+"ing"] = verbForm
		}
	}
	return f
}

func consonant(c byte) bool {
	return 'a' <= c && c <= 'z' && !strings.ContainsRune("aeiou", rune(c))
}

func sibilant(x string) bool {
	for _, s := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(x, s) {
			return true
		}
	}
	return false
}

// formMatch returns the kind of the token's form for the trigger: for an
// entry matched by stem (nouns, other languages) verbForm when the stems
// agree, for an English verb entry the kind of its first word's form, 0 when
// the token is no form of the entry's verb.
func (t *Trigger) formMatch(tok model.Token) int {
	if t.forms == nil {
		return verbForm
	}
	return t.forms[tok.Norm]
}

// properName reports whether the word at j is capitalised inside an English
// sentence, as part of a name ("Kirovskaya Railway Station", "Operation
// Z"), and not at its start, after an opening quote, colon or dash, nor in a
// headline in title case.
func properName(toks []model.Token, j int) bool {
	t := toks[j]
	if !t.Cap || t.Upper || j == 0 {
		return false
	}
	if prev := toks[j-1]; prev.Kind == model.Punct && prev.Text != "," {
		return false
	}
	// A headline in title case: all its words of four letters or more
	// capitalised.
	for _, p := range toks {
		if p.Kind == model.Word && len(p.Text) > 3 && !p.Cap {
			return true
		}
	}
	return false
}

// plural reports whether w is the noun n or its plural.
func plural(n, w string) bool {
	if w == n {
		return true
	}
	for f, k := range inflect(n) {
		if k == baseForm && f == w {
			return true
		}
	}
	return false
}
