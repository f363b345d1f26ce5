package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Obligations: "Lavrov said Ukraine and the United States must recognise
// the new borders", "Россия считает, что украинская сторона должна
// последовать этому примеру". What a speaker says another party must do
// is his demand of it, a REQUEST from the speaker to that party, whatever
// the act demanded (and whether or not it is an event type). A word of
// obligation (markers kind oblige) right after the names of its subject
// makes one when a speaker frames the clause: a verb of saying (kind say
// or claim) with a name before it, or the speaker named after a quote.
// With no speaker ("Russia must withdraw", the journalist's own view) there
// is no demand.

// obligations returns the demands that words of obligation in the sentence
// make.
func (x *Extractor) obligations(doc *model.Document, in *Input, st *docState, cs, ce []int, quoted []bool, speaker *model.Mention, saidAt int) []model.Event {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	var out []model.Event
	for j := 1; j < len(toks); j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || !has(kinds, lexicon.Oblige) {
			continue
		}
		subj := x.obligedSubject(in, j, cs[j])
		if len(subj) == 0 {
			continue
		}
		var src *model.Mention
		rule := ""
		if at, sp := x.sayFrame(lang, in, subj[0].TokStart, cs[j]); sp != nil {
			src, rule = sp, "obligation: "+sp.Text+" "+joinText(toks[at:at+1])+" "+subj[0].Text+" "+toks[j].Text
		} else if speaker != nil && j < saidAt {
			src, rule = speaker, "obligation: "+speaker.Text+" says "+subj[0].Text+" "+toks[j].Text
		}
		if src == nil || src.Code == "" {
			continue
		}
		tgt := subj[:0:0]
		for _, m := range subj {
			if m.Code != src.Code {
				tgt = append(tgt, m)
			}
		}
		if len(tgt) == 0 {
			continue // "Russia believes it must …": an intention, not a demand
		}
		c := &clause{doc: doc, in: in, lang: lang, toks: toks, lo: cs[j], hi: ce[j], clo: cs[j], chi: ce[j],
			quoted: quoted != nil && quoted[j],
			tr:     trigger{start: j, end: end, t: obligeTrigger, text: joinText(toks[j:end])}}
		if ev, ok := x.event(c, st, []model.Mention{*src}, tgt, nil, []string{rule}); ok {
			out = append(out, ev)
		}
	}
	return out
}

// mayDemand reports whether the sentence names two parties, without which
// no demand of one by another is made, and a word of obligation.
func (x *Extractor) mayDemand(in *Input) bool {
	first, two := "", false
	for _, m := range in.Mentions {
		if m.Code != "" && !m.Locative {
			if first == "" {
				first = m.Code
			} else if m.Code != first {
				two = true
				break
			}
		}
	}
	if !two {
		return false
	}
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	for j := 1; j < len(toks); j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Oblige) {
			return true
		}
	}
	return false
}

// obligeTrigger is the trigger a word of obligation stands for.
var obligeTrigger = &lexicon.Trigger{Type: "REQUEST", Phrase: "oblige", Pos: "oblige"}

// obligedSubject returns the names that a word of obligation at j has for
// its subject: the coordinated names that end at most two words before it
// in its clause, with no punctuation between ("Ukraine and the US must",
// "all NATO nations must", "украинская сторона должна"); none that a
// preposition governs or that a Slavic oblique case marks as an object.
func (x *Extractor) obligedSubject(in *Input, j, clo int) []model.Mention {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	var subj []model.Mention
	next := j // where the next name to the left must end near
	for k := len(in.Mentions) - 1; k >= 0; k-- {
		m := in.Mentions[k]
		if m.TokEnd > next || m.TokStart < clo {
			continue
		}
		gap := toks[m.TokEnd:next]
		if len(subj) == 0 {
			if len(gap) > 2 || hasPunct(gap) {
				break
			}
		} else if !x.joined(lang, toks, m.TokEnd, next) {
			break
		}
		if m.Code == "" || m.Locative || m.Media || m.Nested || m.Oblique || x.governedBy(lang, toks, m.TokStart, clo, prepNotOf) {
			break
		}
		subj = append([]model.Mention{m}, subj...)
		next = m.TokStart
	}
	return subj
}

// sayFrame returns the verb of saying before the token at i in its
// clause's sentence (before i, after clo or the comma that ends the
// saying clause) and the name nearest before that verb, its speaker, or
// -1 and nil.
func (x *Extractor) sayFrame(lang string, in *Input, i, clo int) (int, *model.Mention) {
	toks := in.Sent.Tokens
	for j := i - 1; j >= 0; j-- {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || end > i || !has(kinds, lexicon.Say) && !has(kinds, lexicon.Claim) {
			continue
		}
		// Between the verb and the subject only a comma and a
		// complementiser ("said that", "считает, что"), or a short
		// adjunct before the complementiser ("said on Tuesday that").
		// The subject's article stands after the complementiser ("that
		// the Ukrainian side").
		for i > end && x.lex.HasKind(lang, toks[i-1], lexicon.Det) {
			i--
		}
		plain := true
		for k := end; k < i; k++ {
			if toks[k].Text != "," && !x.lex.HasKind(lang, toks[k], lexicon.Comp) {
				plain = false
			}
		}
		if !plain && (i-end > 6 || !x.lex.HasKind(lang, toks[i-1], lexicon.Comp) || hasPunct(toks[end:i-1]) && !(i-2 >= end && toks[i-2].Text == "," && !hasPunct(toks[end:i-2]))) {
			return -1, nil
		}
		var sp *model.Mention
		for k := range in.Mentions {
			m := &in.Mentions[k]
			if m.TokEnd > j || m.Code == "" || m.Locative || m.Media || m.Nested || hasComma(toks, m.TokEnd, j) {
				continue
			}
			sp = m
		}
		return j, sp
	}
	return -1, nil
}

func hasPunct(toks []model.Token) bool {
	for _, t := range toks {
		if t.Kind == model.Punct {
			return true
		}
	}
	return false
}
