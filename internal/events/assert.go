package events

import (
	"strings"

	"entente/internal/lexicon"
	"entente/internal/model"
)

// Assertion: whether the clause states that the trigger's act happened (or
// will happen), or only names it as an aim, an ability, a charge or a
// topic. A verb in an infinitive or a gerund governed by a preposition is
// not a finite verb of its clause: "in an effort to force Kyiv to
// negotiate", "able to attack", "accused … of aiding", "prevented from
// attacking" report no negotiation, attack or aid. Only aspect verbs
// ("continued to shell", "продолжают наносить удары") assert the act they
// govern; future and intention markers ("plans to send") make it planned in
// the status pass before this one.

// unasserted returns the status the trigger's verb form allows and why:
// hypothetical for an infinitive under any governor but an aspect verb or a
// future or intention marker, and for a gerund after a preposition; planned
// for an infinitive under a future or intention marker ("plans to send",
// "решил поставить"). It returns "" when the clause's own status stands
// (nouns are judged elsewhere).
func (x *Extractor) unasserted(c *clause) (string, string) {
	lang, toks, tr, clo := c.lang, c.toks, c.tr, c.clo
	at := tr.start // where the governor search starts
	w := toks[tr.start]
	switch {
	case tr.start > clo && x.lex.HasKind(lang, toks[tr.start-1], lexicon.Inf) && (!tr.t.Noun || verbLike(w)):
		// A noun entry matched by its stem is a verb after "to" ("to
		// negotiate"), unless it is plural ("invited to talks").
		at = tr.start - 1
	case (!tr.t.Noun || verbLike(w)) && x.coordInf(lang, toks, tr.start, clo) >= 0:
		// "to bypass Ukraine and negotiate directly with Russia": a verb
		// after "and" that shares an earlier "to" is an infinitive too.
		at = x.coordInf(lang, toks, tr.start, clo)
	case !tr.t.Noun && x.lex.Infinitive(lang, w):
	case tr.start > clo && strings.HasSuffix(w.Norm, "ing") && x.lex.HasKind(lang, toks[tr.start-1], lexicon.GerPrep):
		return model.StatusHypothetical, "gerund after " + toks[tr.start-1].Text + ": named, not asserted"
	default:
		return "", ""
	}
	// The governor of the infinitive: the nearest verb before it, at most
	// four words back, not across punctuation ("continue to shell",
	// "plans to send", "продолжают активно наносить").
	for j := at - 1; j >= clo && j >= at-4; j-- {
		if toks[j].Kind == model.Punct {
			break
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Aspect) {
			return "", ""
		}
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && end <= tr.start && has(kinds, lexicon.Future) {
			return model.StatusPlanned, "infinitive " + tr.text + " after " + toks[j].Text + ": planned"
		}
	}
	if x.lex.VerbSecond(lang) && at > 0 {
		// "Großbritannien kündigte an, der Ukraine Raketen zu liefern":
		// the governor of an infinitive clause is the verb of the clause
		// before its comma.
		p := at - 1
		for p > 0 && toks[p].Kind != model.Punct {
			p--
		}
		if toks[p].Text == "," {
			for j := p - 1; j >= 0 && toks[j].Kind != model.Punct; j-- {
				if x.lex.HasKind(lang, toks[j], lexicon.Aspect) {
					return "", ""
				}
				if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Future) {
					return model.StatusPlanned, "infinitive " + tr.text + " after " + toks[j].Text + ": planned"
				}
			}
		}
	}
	return model.StatusHypothetical, "infinitive " + tr.text + ": an aim, ability or effort, not asserted"
}

// verbLike reports whether a word after an infinitive marker reads as a
// verb: not capitalised, not a plural or gerund in -s or -ing.
func verbLike(t model.Token) bool {
	return !t.Cap && !strings.HasSuffix(t.Norm, "s") && !strings.HasSuffix(t.Norm, "ing")
}

// coordInf returns where the infinitive marker stands that a verb at i
// shares across "and" ("to bypass Ukraine and negotiate"): "and" right
// before the verb and "to" at most six words before that, with no
// punctuation between; -1 otherwise.
func (x *Extractor) coordInf(lang string, toks []model.Token, i, clo int) int {
	if i-1 <= clo || !x.lex.HasKind(lang, toks[i-1], lexicon.And) {
		return -1
	}
	for j := i - 2; j >= clo && j >= i-8; j-- {
		if toks[j].Kind == model.Punct {
			return -1
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Inf) {
			return j + 1
		}
	}
	return -1
}
