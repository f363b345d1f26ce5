package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Anchoring: an event noun reports an event only where the text anchors it
// in time, place or participants of its own, or stages it with a verb:
// "Saturday's talks in Vientiane", "talks with the Chinese minister",
// "held talks", "состоялась встреча". A bare nominal mention — "Russia's
// invasion of Ukraine", "China's threats toward Taiwan", "serious
// negotiations", "the war" — is background: what the text talks about, not
// what it reports. Verbs in an asserted clause anchor themselves.

// anchor returns what anchors a noun trigger's event: its own date or
// place in the clause, a with- or between-phrase naming its participants,
// a verb that stages it, or the lead paragraph, which states the news
// itself; "" when nothing does.
func (x *Extractor) anchor(c *clause, left, right []model.Mention, loc *model.Location) string {
	in, toks, lang, at, clo, chi := c.in, c.toks, c.lang, c.tr.start, c.clo, c.chi
	for _, d := range in.Dates {
		if d.Value.IsZero() {
			continue
		}
		if p := tokenAt(toks, d.Start); p >= clo && p < chi && x.ownSpan(c, p) {
			return "its date " + d.Text
		}
	}
	for j := at - 1; j >= clo && j >= at-3; j-- {
		if x.lex.HasKind(lang, toks[j], lexicon.Recent) {
			return "its time " + toks[j].Text
		}
	}
	if m := x.ownPlace(c); m != nil {
		return "its place " + m.Text
	}
	if pair := pairAfter(c, right); pair != nil {
		return "its parties " + pair[0].Text + "-" + pair[1].Text
	}
	for _, ms := range [][]model.Mention{left, right} {
		for _, m := range ms {
			if x.phraseOf(lang, toks, m.TokStart, clo, lexicon.Between) || x.phraseOf(lang, toks, m.TokStart, clo, lexicon.With) && x.comitative(lang, toks, m) {
				return "its participant " + m.Text
			}
			// "drills by the United States": its by-phrase.
			if m.TokStart >= c.tr.end && m.TokStart <= c.tr.end+3 && x.phraseOf(lang, toks, m.TokStart, c.tr.end, lexicon.Agent) {
				return "its agent " + m.Text
			}
		}
	}
	if v := x.staged(c); v != "" {
		return "the verb " + v
	}
	// "Russland und China wollen ihre Zusammenarbeit ausbauen": a
	// possessive before the noun (an adjective may stand between) refers
	// to the clause's subject, whose own act the clause states.
	if len(left) > 0 {
		for j := at - 1; j >= clo && j >= at-2; j-- {
			if x.lex.HasKind(lang, toks[j], lexicon.Poss) {
				return "its subject " + left[0].Text
			}
		}
	}
	// The lead states the news, but a noun of an ongoing process ("Western
	// military aid to Ukraine", "cooperation") names no event by being
	// there (types.tsv process).
	if in.Sent.Para == 0 && !x.lex.Process(c.tr.t.Type) {
		return "the lead paragraph"
	}
	return ""
}

// comitative reports whether the name m after a with-preposition is in the
// case of company: "с" with the genitive (syntax kind genend) is "from"
// ("с китайской стороны выражена поддержка"), with the instrumental
// "with" ("с китайской стороной").
func (x *Extractor) comitative(lang string, toks []model.Token, m model.Mention) bool {
	return !x.lex.Ending(lang, lexicon.GenEnd, toks[m.TokEnd-1])
}

// staged returns the verb of the clause that reports the noun trigger as
// taking place ("состоялась встреча", "held talks"), or "".
func (x *Extractor) staged(c *clause) string {
	lang, toks := c.lang, c.toks
	for j := c.clo; j < c.chi; j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && (has(kinds, lexicon.Stage) || x.stagesBefore(toks, kinds, end, c.tr.start)) {
			return joinText(toks[j:end])
		}
	}
	return ""
}

// stageReach is how many words may stand between a verb that stages only
// before its noun and the noun: "provided an unprecedented level of military
// and technical support", not "had prepared the campaign before … the
// summit", where "had" is an auxiliary.
const stageReach = 8

// stagesBefore reports whether a verb of the kinds, ending at end, stages
// the noun at at from before it: stagepre, close enough, no comma between.
func (x *Extractor) stagesBefore(toks []model.Token, kinds []string, end, at int) bool {
	return end <= at && at-end <= stageReach && has(kinds, lexicon.StagePre) && !hasComma(toks, end, at)
}

// ownPlace returns the place of the noun's own phrase: a locative or
// destination right after it, with only words of that phrase between
// ("talks in Vientiane", "seinem Besuch in Prag", "визит в Москву"). A
// place elsewhere in the clause is where the clause's own verb happens
// ("the ministry in Moscow said the Turkish attacks …"), not the noun's.
func (x *Extractor) ownPlace(c *clause) *model.Mention {
	toks, lang := c.toks, c.lang
	for k := range c.in.Mentions {
		m := &c.in.Mentions[k]
		if m.Nested || m.TokStart < c.tr.end || m.TokStart >= c.chi {
			continue
		}
		if !(m.Locative || m.Kind == model.KindPlace && x.prepIs(lang, toks, m.TokStart, lexicon.To)) {
			continue
		}
		if !x.ownSpan(c, m.TokStart) {
			return nil
		}
		return m
	}
	return nil
}

// phraseOf reports whether a preposition of one of the kinds governs the
// phrase of the name at i: it stands at most four words before it, with
// only articles and titles between ("with Turkish President Recep Tayyip
// Erdogan", "с президенткой Майей Санду"), no punctuation and no other
// preposition; in German no other word than articles and adjectives.
func (x *Extractor) phraseOf(lang string, toks []model.Token, i, clo int, kinds ...string) bool {
	for j := i - 1; j >= clo && j >= i-4; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		for _, k := range kinds {
			if x.lex.HasKind(lang, toks[j], k) {
				return true
			}
		}
		for _, k := range prepKinds {
			if x.lex.HasKind(lang, toks[j], k) {
				return false
			}
		}
		if x.lex.VerbSecond(lang) && !toks[j].Cap && toks[j].Kind == model.Word && !x.lex.HasKind(lang, toks[j], lexicon.Det) && !x.adjective(lang, toks[j]) {
			return false // "Nach dem Eklat hat Trump …": a verb ends the phrase
		}
	}
	return false
}

// ownSpan reports whether the word at p belongs to the noun's own
// phrase: at most ownPlaceReach words after it or three before it, with
// no punctuation between ("Thursday's talks", "talks on Monday").
func (x *Extractor) ownSpan(c *clause, p int) bool {
	from, to := p, c.tr.start
	if p >= c.tr.end {
		from, to = c.tr.end, p
		if p > c.tr.end+ownPlaceReach {
			return false
		}
	} else if p < c.tr.start-3 {
		return false
	}
	for j := from; j < to; j++ {
		if c.toks[j].Kind == model.Punct && c.toks[j].Text != "’" && c.toks[j].Text != "'" {
			return false
		}
	}
	return true
}

// ownPlaceReach is how many words after an event noun its own place may
// stand: its article, a by- or of-phrase of a few words.
const ownPlaceReach = 6

// prepKinds are the marker kinds of prepositions.
var prepKinds = []string{lexicon.Loc, lexicon.With, lexicon.From, lexicon.To, lexicon.About, lexicon.Cause, lexicon.Between, lexicon.Of, lexicon.GerPrep, lexicon.Time}

// inPhrase reports whether a preposition governs the word at i: it stands
// right before it, or before its articles.
func (x *Extractor) inPhrase(lang string, toks []model.Token, i, clo int) bool {
	j := i - 1
	for j >= clo && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j--
	}
	if j < clo {
		return false
	}
	for _, k := range prepKinds {
		if x.lex.HasKind(lang, toks[j], k) {
			return true
		}
	}
	return false
}
