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
//
// Blame works alike: what a speaker says of another party's doings is
// unacceptable (markers kind blame: "unacceptable", "inakzeptabel",
// "недопустимы", "неприйнятні") is his accusation of that party, an ACCUSE
// from the speaker to the names of the clause before the word ("Zakharova
// said the ambassador's letters to German firms were unacceptable"); what
// he says of its words is untrue (kind untrue: "не соответствует
// действительности") is his rejection of them, a REJECT.

// obligations returns the demands that words of obligation in the sentence
// make.
func (x *Extractor) obligations(doc *model.Document, in *Input, st *docState, cs, ce []int, quoted []bool, speaker *model.Mention, saidAt int) []model.Event {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	var out []model.Event
	for j := 1; j < len(toks); j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j {
			continue
		}
		var subj []model.Mention
		var src *model.Mention
		var tr *lexicon.Trigger
		rule := ""
		switch {
		case has(kinds, lexicon.Oblige):
			subj, tr = x.obligedSubject(in, j, cs[j]), x.lex.StandsFor(lexicon.Oblige)
			if len(subj) == 0 {
				continue
			}
			if at, sp := x.sayFrame(lang, in, subj[0].TokStart, cs[j]); sp != nil {
				src, rule = sp, "obligation: "+sp.Text+" "+toks[at].Text+" "+subj[0].Text+" "+toks[j].Text
			}
		case has(kinds, lexicon.Blame), has(kinds, lexicon.Untrue):
			kind := lexicon.Blame
			if !has(kinds, lexicon.Blame) {
				kind = lexicon.Untrue // "… заявили, что информация Нафтогаза не соответствует действительности"
			}
			// "Zakharova said that the letters of … were unacceptable": the
			// speaker before the verb of saying, the blamed after it.
			from := cs[j]
			if k, kend := x.callBefore(lang, toks, cs[j], j); k >= 0 {
				// "МИД РФ счел неприемлемыми действия посла США", "Russia
				// called the ambassador's letters unacceptable": who calls
				// blames; what is called so is the object, between the
				// verb and the word or after it.
				sp := x.actorBefore(in, cs[j], k)
				blamed := x.blamed(in, j, kend)
				if len(blamed) == 0 {
					blamed = x.blamedAfter(in, end, ce[j])
				}
				if sp != nil && len(blamed) > 0 {
					src, subj, tr = sp, blamed, x.lex.StandsFor(kind)
					rule = kind + ": " + sp.Text + " " + joinText(toks[k:kend]) + " … " + toks[j].Text
					break
				}
			}
			if at, end := x.sayBefore(lang, toks, j); at >= 0 {
				from = end
				if sp := x.nameBefore(in, at); sp != nil {
					src, rule = sp, kind+": "+sp.Text+" "+toks[at].Text+" … "+toks[j].Text
				}
			}
			subj, tr = x.blamed(in, j, from), x.lex.StandsFor(kind)
		default:
			continue
		}
		if tr == nil || len(subj) == 0 {
			continue
		}
		if src == nil && speaker != nil && j < saidAt {
			src, rule = speaker, tr.Phrase+": "+speaker.Text+" says "+subj[0].Text+" "+toks[j].Text
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
			tr:     trigger{start: j, end: end, t: tr, text: joinText(toks[j:end])}}
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
		if !x.lex.MayStart(lang, toks[j], lexicon.Oblige) && !x.lex.MayStart(lang, toks[j], lexicon.Blame) && !x.lex.MayStart(lang, toks[j], lexicon.Untrue) {
			continue
		}
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && (has(kinds, lexicon.Oblige) || has(kinds, lexicon.Blame) || has(kinds, lexicon.Untrue)) {
			return true
		}
	}
	return false
}

// sayBefore returns the nearest verb of saying before j in the sentence
// and its end, or -1.
func (x *Extractor) sayBefore(lang string, toks []model.Token, j int) (int, int) {
	for k := j - 1; k >= 0; k-- {
		if end, kinds := x.lex.MarkersAt(lang, toks, k); end > k && end <= j && (has(kinds, lexicon.Say) || has(kinds, lexicon.Claim)) {
			return k, end
		}
	}
	return -1, -1
}

// nameBefore returns the name nearest before the token at i with no comma
// between, the speaker of a verb of saying there, or nil.
func (x *Extractor) nameBefore(in *Input, i int) *model.Mention {
	var sp *model.Mention
	for k := range in.Mentions {
		m := &in.Mentions[k]
		if m.TokEnd > i || m.Code == "" || m.Locative || m.Media || m.Nested || hasComma(in.Sent.Tokens, m.TokEnd, i) {
			continue
		}
		sp = m
	}
	if sp == nil && x.lex.PluralVerb(in.Sent.Lang, in.Sent.Tokens[i]) {
		// "В МИД России заявили, что …", "у Газпромі заявили": a plural
		// verb of saying with no subject speaks for the place or body
		// named before it.
		lang, toks := in.Sent.Lang, in.Sent.Tokens
		for k := range in.Mentions {
			m := &in.Mentions[k]
			if m.TokEnd <= i && m.Code != "" && !m.Nested && !m.Adj && !hasComma(toks, m.TokEnd, i) && x.prepIs(lang, toks, m.TokStart, lexicon.Loc) {
				p := x.asParty(*m)
				sp = &p
			}
		}
	}
	return sp
}

// blamed returns the parties a word of blame at j blames: the first name
// of its clause before it and the names coordinated with it, none in a
// locative phrase ("the letters of the US ambassador to German firms are
// unacceptable": the ambassador).
func (x *Extractor) blamed(in *Input, j, clo int) []model.Mention {
	var out []model.Mention
	for _, m := range in.Mentions {
		if m.TokStart < clo || m.TokEnd > j || m.Code == "" || m.Locative || m.Media || m.Nested {
			continue
		}
		if len(out) > 0 && !x.coordinated(in.Sent.Lang, in.Sent.Tokens, out[len(out)-1].TokEnd, m.TokStart) {
			break
		}
		out = append(out, m)
	}
	return out
}

// callBefore returns the verb of calling or considering between from and
// j ("called", "счел", "bezeichnete") and its end, or -1.
func (x *Extractor) callBefore(lang string, toks []model.Token, from, j int) (int, int) {
	for k := j - 1; k >= from; k-- {
		if end, kinds := x.lex.MarkersAt(lang, toks, k); end > k && end <= j && has(kinds, lexicon.CallAs) {
			return k, end
		}
	}
	return -1, -1
}

// blamedAfter returns the first name after a word of blame, from `from`
// up to hi, and the names coordinated with it ("неприемлемыми действия
// посла США").
func (x *Extractor) blamedAfter(in *Input, from, hi int) []model.Mention {
	var out []model.Mention
	for _, m := range in.Mentions {
		if m.TokStart < from || m.TokStart >= hi || m.Code == "" || m.Locative || m.Media || m.Nested {
			continue
		}
		if len(out) > 0 && !x.coordinated(in.Sent.Lang, in.Sent.Tokens, out[len(out)-1].TokEnd, m.TokStart) {
			break
		}
		out = append(out, m)
	}
	return out
}

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
