package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Conditional threats. "If Ukraine violates the truce, Russia will
// respond", "Russland werde mit Sanktionen reagieren, falls …", "если
// украинская сторона нарушит перемирие, российские вооруженные силы дадут
// ответ": a party that makes a hostile act of its own conditional on
// another party's act threatens that party (PLOVER THREATEN), and the
// threat is made now, whatever the mood of the act it threatens. The act
// itself stays hypothetical (the condition governs it).
//
// What counts: the condition opens with a marker of kind cond and runs to
// the next comma; its party is the first name in it that no preposition
// governs and no oblique case marks. The main clause is the rest of the
// sentence on the side of the condition that holds a hostile act: a
// trigger whose type has a conditional type (types.tsv conditional: an
// attack, sanctions, a refusal) or a word of response (markers kind
// retort, standing for THREATEN). Its party is the name nearest before
// that act, else the sentence's speaker.

// threats returns the conditional threats of a sentence.
func (x *Extractor) threats(doc *model.Document, in *Input, st *docState, trigs []trigger, speaker *model.Mention) []model.Event {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	var out []model.Event
	for j := 0; j < len(toks); j++ {
		if !x.lex.MayStart(lang, toks[j], lexicon.Cond) {
			continue
		}
		condEnd, kinds := x.lex.MarkersAt(lang, toks, j)
		if condEnd == j || !has(kinds, lexicon.Cond) {
			continue
		}
		ifEnd := clauseEnd(toks, condEnd)
		mainLo := ifEnd + 1
		oblique := false
		if ifEnd == len(toks) && j == clauseStart(toks, j) {
			// "В случае нарушений перемирия украинской стороной Вооружённые
			// Силы РФ дадут ответ": a condition named by a noun runs, without
			// a comma, to the subject of the act it conditions; its party
			// may be the agent of the noun, in an oblique case.
			for from := condEnd; from < len(toks); {
				at, _, tr := x.hostileAct(lang, toks, trigs, from, len(toks))
				if tr == nil {
					break
				}
				if subj := x.actorBefore(in, condEnd, at); subj != nil {
					ifEnd, mainLo, oblique = subj.TokStart, subj.TokStart, true
					break
				}
				from = at + 1 // the condition's own noun ("нападения")
			}
		}
		party := x.conditionParty(in, condEnd, ifEnd, oblique)
		if party == nil {
			continue
		}
		// The main clause: before the condition when a hostile act stands
		// there ("Russia will strike if …"), else after it ("If …, Russia
		// will strike", "warned that if …, it would retaliate").
		lo, hi := clauseStart(toks, j), j
		at, end, tr := x.hostileAct(lang, toks, trigs, lo, hi)
		if tr == nil {
			lo, hi = mainLo, len(toks)
			if lo >= hi {
				continue
			}
			at, end, tr = x.hostileAct(lang, toks, trigs, lo, hi)
		}
		if tr == nil || x.kindAfter(lang, toks, min(lo, j), max(hi, ifEnd), lexicon.Irrealis) >= 0 {
			continue // "would have attacked if Russia had not …": contrary to fact
		}
		src := x.actorBefore(in, lo, at)
		if src == nil && lo > 0 {
			src = x.actorBefore(in, 0, j) // "Russia warned that if NATO …, it would retaliate"
		}
		if src == nil {
			src = speaker
		}
		if src == nil || src.Code == "" || src.Code == party.Code {
			continue
		}
		c := &clause{doc: doc, in: in, lang: lang, toks: toks, lo: lo, hi: hi, clo: lo, chi: hi,
			tr: trigger{start: at, end: end, t: tr, text: joinText(toks[at:end])}}
		if x.negated(c) {
			continue // "will not retaliate if …" reassures
		}
		rule := "conditional threat: " + joinText(toks[j:condEnd]) + " " + party.Text + " …, " + src.Text + " … " + c.tr.text
		ev, ok := x.event(c, st, []model.Mention{*src}, []model.Mention{*party}, nil, []string{rule})
		if !ok {
			continue
		}
		if ev.Status == model.StatusPlanned || ev.Status == model.StatusHypothetical {
			ev.Status = model.StatusReported // the threat is made now
		}
		out = append(out, ev)
		j = ifEnd
	}
	return out
}

// mayThreaten reports whether the sentence has a word that may open a
// condition and names a party: a cheap test before threats.
func (x *Extractor) mayThreaten(in *Input) bool {
	if len(in.Mentions) < 2 {
		return false
	}
	lang := in.Sent.Lang
	for _, t := range in.Sent.Tokens {
		if x.lex.MayStart(lang, t, lexicon.Cond) {
			return true
		}
	}
	return false
}

// conditionParty returns the party of a condition between from and to:
// its first name that is a party, unless a preposition governs it or (in a
// clause, not a noun's condition) an oblique case marks it as an object.
func (x *Extractor) conditionParty(in *Input, from, to int, oblique bool) *model.Mention {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	for k := range in.Mentions {
		m := &in.Mentions[k]
		if m.TokStart < from || m.TokStart >= to {
			continue
		}
		if m.Code == "" || m.Locative || m.Media || m.Nested {
			continue
		}
		if oblique {
			// "нападения на базу со стороны Ирана": the noun's agent, not
			// its place or goal.
			if x.governedBy(lang, toks, m.TokStart, from, placePreps) {
				continue
			}
			return m
		}
		if m.Oblique || x.governedBy(lang, toks, m.TokStart, from, prepNotOf) {
			return nil // the condition's subject comes first
		}
		return m
	}
	return nil
}

// placePreps are the preposition kinds of a place or goal.
var placePreps = []string{lexicon.Loc, lexicon.To}

// hostileAct returns the first hostile act between lo and hi, its end and
// the trigger of the threat it makes: a trigger whose type has a
// conditional type, or a word of response.
func (x *Extractor) hostileAct(lang string, toks []model.Token, trigs []trigger, lo, hi int) (int, int, *lexicon.Trigger) {
	first, firstEnd := hi, hi
	var found *lexicon.Trigger
	for _, t := range trigs {
		if t.start >= lo && t.start < first {
			if tr := x.lex.Conditional(t.t.Type); tr != nil {
				first, firstEnd, found = t.start, t.end, tr
			}
		}
	}
	if retort := x.lex.StandsFor(lexicon.Retort); retort != nil {
		for j := lo; j < first; j++ {
			if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Retort) {
				return j, end, retort
			}
		}
	}
	if found == nil {
		return -1, -1, nil
	}
	return first, firstEnd, found
}

// actorBefore returns the party named nearest before at, from lo on: a
// name that no preposition governs and no oblique case marks (the subject
// of the clause's act, where nameBefore takes any name).
func (x *Extractor) actorBefore(in *Input, lo, at int) *model.Mention {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	var best *model.Mention
	for k := range in.Mentions {
		m := &in.Mentions[k]
		if m.TokStart < lo || m.TokEnd > at || m.Code == "" || m.Locative || m.Media || m.Nested || m.Oblique {
			continue
		}
		if x.governedBy(lang, toks, m.TokStart, lo, prepNotOf) {
			continue
		}
		best = m
	}
	return best
}

// clauseEnd returns the index of the comma, semicolon, colon or dash that
// ends the clause starting at from, or the sentence's length.
func clauseEnd(toks []model.Token, from int) int {
	for j := from; j < len(toks); j++ {
		switch toks[j].Text {
		case ",", ";", ":", "–", "—":
			return j
		}
	}
	return len(toks)
}

// clauseStart returns where the clause ending before at begins: after the
// last semicolon, colon or dash before it, or 0.
func clauseStart(toks []model.Token, at int) int {
	for j := at - 1; j >= 0; j-- {
		switch toks[j].Text {
		case ";", ":", "–", "—":
			return j + 1
		}
	}
	return 0
}
