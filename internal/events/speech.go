package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Reported speech: the speaker named after a quote and the reporting frame
// ("according to ISW") a sentence is attributed to.

// speaker finds the speaker named after a quote: a comma or dash, a verb of
// saying, and a person or official ("…, sagte Außenminister Dacic"). It
// returns the speaker's mention and the index of the verb, or nil.
func (x *Extractor) speaker(lang string, toks []model.Token, ms []model.Mention) (*model.Mention, int) {
	for i := 1; i < len(toks); i++ {
		p := toks[i-1].Text
		if p != "," && p != "-" && p != "–" && p != "—" {
			continue
		}
		end, kinds := x.lex.MarkersAt(lang, toks, i)
		if end == i || !has(kinds, lexicon.Say) {
			continue
		}
		for k := range ms {
			m := &ms[k]
			if m.TokStart >= end && m.TokStart <= end+3 && m.Code != "" && (m.Kind == model.KindPerson || m.Kind == model.KindBody) {
				return m, i
			}
		}
	}
	return nil, -1
}

// attribution finds a reporting frame ("according to ISW", "laut ISW",
// "со ссылкой на ISW") and returns the name it credits and the token span
// it covers.
func (x *Extractor) attribution(lang string, toks []model.Token, ms []model.Mention) (string, [2]int) {
	for i := range toks {
		end, kinds := x.lex.MarkersAt(lang, toks, i)
		if end == i || !has(kinds, lexicon.Attrib) {
			continue
		}
		stop := end
		for stop < len(toks) && toks[stop].Text != "," && toks[stop].Text != "." && toks[stop].Text != ":" {
			stop++
		}
		for _, m := range ms {
			if m.TokStart >= end && m.TokStart < stop && (m.Media || m.Kind == model.KindBody || m.Kind == model.KindOrg || m.Kind == model.KindPerson) {
				// The frame and its source are no actors; what follows is.
				return m.Name, [2]int{i, m.TokEnd}
			}
		}
	}
	for _, m := range ms {
		if m.Media {
			return m.Name, [2]int{m.TokStart, m.TokEnd}
		}
	}
	return "", [2]int{-1, -1}
}

// antecedent returns whom a pronoun in the trigger's clause stands for: in
// a clause reported by a verb of saying, the speaker who is its subject
// ("Lukashenko stated that he and Putin agreed"); in a clause that opens
// the sentence before a verb of saying, the speaker named after it; else
// the last person named before the sentence.
func (x *Extractor) antecedent(c *clause, st *docState) (*model.Mention, string) {
	if c.clo > 0 {
		for k := range c.in.Mentions {
			m := &c.in.Mentions[k]
			if m.TokEnd > c.clo || m.Kind != model.KindPerson || m.Code == "" || m.Adj {
				continue
			}
			for j := m.TokEnd; j < c.clo && j <= m.TokEnd+2; j++ {
				if end, kinds := x.lex.MarkersAt(c.lang, c.toks, j); end > j && has(kinds, lexicon.Say) {
					return m, "the speaker"
				}
			}
		}
	}
	if st.speaker != nil && c.tr.start < c.chi && c.clo == 0 {
		// "Er habe mit Erdogan gesprochen, teilte Selenskyj mit", "He had
		// spoken to Erdogan, Zelensky said": the pronoun opening reported
		// speech is the speaker named after it.
		return st.speaker, "the speaker after the clause"
	}
	if st.lastActor != nil {
		return st.lastActor, "the last person named"
	}
	return nil, ""
}

// turnLabel finds the label of a transcript turn in the sentence: a
// person's name, its initials aside, opening the sentence or following
// its end mark, right before a colon ("В.Путин: Добрый день", "…?
// А.Лукашенко: Да"). It returns the person, without the sentence's token
// positions, and the token after the colon; nil when there is none.
func turnLabel(toks []model.Token, ms []model.Mention) (*model.Mention, int) {
	for _, m := range ms {
		if isLabel(toks, m) {
			p := m
			p.TokStart, p.TokEnd = 0, 0
			return &p, m.TokEnd + 1
		}
	}
	return nil, -1
}

// isLabel reports whether the mention is a transcript turn's label: a
// person's name, initials aside, opening the sentence or following its end
// mark, right before a colon. It is no party of the sentence's events.
func isLabel(toks []model.Token, m model.Mention) bool {
	if m.Kind != model.KindPerson || m.Code == "" || m.TokEnd >= len(toks) || toks[m.TokEnd].Text != ":" {
		return false
	}
	j := m.TokStart
	for j > 0 && initialTok(toks[j-1]) {
		j--
	}
	return j == 0 || toks[j-1].Text == "?" || toks[j-1].Text == "!" || toks[j-1].Text == "."
}

// selfSubject reports whether the trigger's subject is the first person
// singular: a word of syntax kind self before it in its clause ("я
// встретился", "у меня состоялся разговор"), or, for a verb, no name and no
// pronoun before it, at most a few uncapitalised words, and a past
// singular form (syntax kind sgpast: "Сегодня разговаривал с …", the
// pronoun dropped).
func (x *Extractor) selfSubject(c *clause) bool {
	lang, toks := c.lang, c.toks
	lo := c.clo // the clause, after a turn's label in it
	for _, m := range c.in.Mentions {
		if m.TokStart >= lo && m.TokEnd < c.tr.start && isLabel(toks, m) {
			lo = m.TokEnd + 1
		}
	}
	if x.anyKind(lang, toks, lo, c.tr.start, lexicon.Self) {
		return true
	}
	if c.tr.t.Noun || !x.lex.Ending(lang, lexicon.SgPast, toks[c.tr.start]) || x.anyKind(lang, toks, lo, c.tr.start, lexicon.Pron) {
		return false
	}
	for _, m := range c.in.Mentions {
		if m.TokStart >= lo && m.TokStart < c.tr.start {
			return false
		}
	}
	// Only adverbs may stand before a verb whose pronoun is dropped: a
	// capitalised word there, but the sentence's first, is a subject of
	// its own ("Сейчас Господь призвал его"), and so may be any longer
	// phrase.
	if c.tr.start-lo > selfReach {
		return false
	}
	first := lo // a sentence's or a turn's first word is capitalised anyway
	if lo == 0 || toks[lo-1].Text == ":" {
		first = lo + 1
	}
	for j := first; j < c.tr.start; j++ {
		if toks[j].Cap || toks[j].Upper {
			return false
		}
	}
	return true
}

// selfReach is how many words may stand before a verb whose subject
// pronoun is dropped ("Сегодня только разговаривал").
const selfReach = 3
