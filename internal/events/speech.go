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
