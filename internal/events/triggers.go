package events

import (
	"slices"
	"strings"

	"entente/internal/lexicon"
	"entente/internal/model"
)

// Triggers: the words and phrases of the lexicon that report an event,
// found per sentence, and the words that govern them.

// compoundTail returns the noun trigger a compound word ends in: after a
// hyphen ("SCO-Gipfel", "NATO-Gipfeltreffen") or, where compounds are
// written closed, as its head ("Krisentreffen"); nil for none. Only a noun:
// "Russian-occupied territory", "US-backed forces" describe a thing, they
// report no act.
func (x *Extractor) compoundTail(lang string, tok model.Token) *lexicon.Trigger {
	if h := strings.LastIndexByte(tok.Text, '-'); h > 0 && h < len(tok.Text)-1 {
		tail := tok
		an := x.lex.Analyzer()
		tail = tail.WithNorm(an.Normalize(tail.Text[h+1:]))
		tail.Stem = an.Stem(lang, tail.Norm)
		if _, ts, ok := x.lex.TriggerAt(lang, []model.Token{tail}, 0); ok && ts[0].Noun {
			return ts[0]
		}
		tok = tail
	}
	if t, ok := x.lex.CompoundHead(lang, tok); ok {
		return t
	}
	return nil
}

func (x *Extractor) findTriggers(lang string, toks []model.Token, inMention []bool) (kept, yielded []trigger) {
	var out []trigger
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != model.Word {
			continue
		}
		if inMention[i] {
			// "EU-Gipfel", "UN-Konferenz": a name at the head of a compound
			// leaves its tail an event noun; the name is its participant.
			if strings.IndexByte(toks[i].Text, '-') > 0 {
				if t := x.compoundTail(lang, toks[i]); t != nil && t.Noun && !x.anaphoric(lang, toks, i) {
					out = append(out, trigger{i, i + 1, t, toks[i].Text})
				}
			}
			continue
		}
		end, ts, ok := x.lex.TriggerAt(lang, toks, i)
		if e, ct, cok := x.coordinatedModifier(lang, toks, i, inMention); cok && (!ok || end <= i+1) {
			end, ts, ok = e, ct, true
		}
		if !ok {
			t := x.compoundTail(lang, toks[i])
			if t == nil {
				continue
			}
			end, ts = i+1, []*lexicon.Trigger{t}
		}
		stop := false
		for j := i; j < end; j++ {
			if inMention[j] {
				stop = true
			}
		}
		if ts[0].Type == lexicon.Stop {
			i = end - 1
			continue
		}
		if stop || ts[0].Noun && (x.anaphoric(lang, toks, i) || x.governor(lang, toks, i, 0, lexicon.Cause, 5) >= 0) {
			continue
		}
		if ts[0].Noun && x.topicOf(lang, toks, i, out) {
			i = end - 1
			continue // "talks on questions of cooperation": the talks' topic, no event of its own
		}
		if ts[0].Noun && x.asideBefore(lang, toks, i) {
			i = end - 1
			continue // "with the support of Belarus, Russia attacked": a circumstance of the attack
		}
		t := ts[0]
		if as := x.lex.MessageAs(t.Type); as != "" && !t.Noun && x.sendsMessage(lang, toks, i, end) {
			// "направил поздравительную телеграмму": a message sent is a
			// communication, not aid.
			m := *t
			m.Type, m.Mode = as, ""
			t = &m
		}
		out = append(out, trigger{i, end, t, joinText(toks[i:end])})
		i = end - 1
	}
	// "supplying artillery shells to Russia": where word order marks the
	// subject, a verb's bare or -s form within two words after another
	// verb, with no name, punctuation or infinitive marker between, is that
	// verb's object, a noun.
	if x.lex.FixedSubject(lang) {
		kept := out[:0]
		for k, t := range out {
			if k > 0 && x.objectNoun(lang, toks, out[k-1], t) {
				continue
			}
			kept = append(kept, t)
		}
		out = kept
	}
	// A parenthesis is an aside: "(the failed accords that the Kremlin
	// coerced Ukraine into accepting in 2014-2015)" reports background.
	if depth := parenDepth(toks); depth != nil {
		kept := out[:0]
		for _, t := range out {
			if depth[t.start] == 0 {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	// "von dem von Russland besetzten ukrainischen Atomkraftwerk": a
	// participle between an article and its noun modifies the noun; it
	// reports no act.
	out = slices.DeleteFunc(out, func(t trigger) bool { return !t.t.Noun && x.attributive(lang, toks, t.start, inMention) })
	out = x.callsAs(lang, toks, out)
	x.declared(lang, toks, out)
	out = x.signedDocs(toks, out)
	// "forderten die Stärkung der Kooperation", "rejected talks", "обговорили
	// військову допомогу": event nouns after a verb that takes an event as its
	// content (or discusses it) are that content,
	// up to a comma or a place or time ("signed an agreement at the G7
	// summit").
	kept = out[:0]
	govEnd := -1
	for _, t := range out {
		if govEnd >= 0 && t.t.Noun && (!hasComma(toks, govEnd, t.start) || x.infAfterComma(lang, toks, govEnd, t.start)) && !x.anyKind(lang, toks, govEnd, t.start, lexicon.Loc) {
			continue
		}
		if !t.t.Noun && (x.lex.Content(t.t.Type) || t.t.Topic) {
			govEnd = t.end
		}
		kept = append(kept, t)
	}
	out = kept
	if x.lex.VerbSecond(lang) {
		out = x.contentBefore(lang, toks, out)
	}
	// A weak trigger yields to a stronger one in the same sentence, unless
	// a dash or semicolon parts them ("… will send tanks – Russia
	// threatened …"). The yielded ones of a strong one's type are kept
	// aside: where the strong one makes no event, the weak one may
	// ("Trump and Zelensky spoke on Friday in what Trump called a phone
	// call").
	kept = out[:0]
	for k, t := range out {
		if !t.t.Weak || !x.strongBeside(toks, out, k) {
			kept = append(kept, t)
		} else if x.strongOfType(out, k) {
			yielded = append(yielded, t)
		}
	}
	return kept, yielded
}

// strongOfType reports whether a strong trigger of the weak trigger k's
// type stands in ts.
func (x *Extractor) strongOfType(ts []trigger, k int) bool {
	for i, t := range ts {
		if i != k && !t.t.Weak && t.t.Type == ts[k].t.Type {
			return true
		}
	}
	return false
}

// signReach is how many words may stand between a verb of signing and the
// document it signs.
const signReach = 8

// signedDocs turns a verb of signing whose object is a document of a type it
// signs (types.tsv signs) into that document's act, and drops the
// document's noun: "signed an appeal to the Russian government",
// "unterzeichneten einen Aufruf an …", "Призыв к российскому правительству
// … подписали Австралия, Канада" are REQUESTs of the signers. The noun
// stands within signReach words of the verb, before or after it, with no
// comma and no other verb between.
func (x *Extractor) signedDocs(toks []model.Token, out []trigger) []trigger {
	for k := range out {
		v := out[k]
		if v.t.Noun {
			continue
		}
		best := -1
		for i, n := range out {
			if !n.t.Noun || !x.lex.Signs(v.t.Type, n.t.Type) {
				continue
			}
			lo, hi := n.end, v.start
			if n.start > v.start {
				lo, hi = v.end, n.start
			}
			if hi-lo > signReach || hi < lo || hasComma(toks, lo, hi) || verbBetween(out, lo, hi) {
				continue
			}
			if best < 0 || abs(n.start-v.start) < abs(out[best].start-v.start) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		t := *out[best].t
		t.Noun, t.Weak, t.Phrase, t.Pos = false, false, v.t.Phrase+" "+out[best].t.Phrase, v.t.Pos
		out[k].t = &t
		out[k].text = v.text + " … " + out[best].text
		out = append(out[:best], out[best+1:]...)
		return x.signedDocs(toks, out) // one document at a time; indexes moved
	}
	return out
}

// verbBetween reports whether a verb trigger stands between lo and hi.
func verbBetween(ts []trigger, lo, hi int) bool {
	for _, t := range ts {
		if !t.t.Noun && t.start >= lo && t.start < hi {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// coordinatedModifier matches a two-word noun entry whose modifier is
// coordinated with another one before its noun ("military and technical
// support", "militärische und wirtschaftliche Hilfe", "військову та
// економічну допомогу"): the first modifier with the noun is the entry
// ("military support": AID), and the trigger spans the whole phrase.
func (x *Extractor) coordinatedModifier(lang string, toks []model.Token, i int, inMention []bool) (int, []*lexicon.Trigger, bool) {
	if i+3 >= len(toks) || toks[i+2].Kind != model.Word || toks[i+3].Kind != model.Word || inMention[i+2] || inMention[i+3] || !x.lex.HasKind(lang, toks[i+1], lexicon.And) {
		return 0, nil, false
	}
	pair := [2]model.Token{toks[i], toks[i+3]}
	end, ts, ok := x.lex.TriggerAt(lang, pair[:], 0)
	if !ok || end != 2 || !ts[0].Noun {
		return 0, nil, false
	}
	return i + 4, ts, true
}

// contentBefore drops, in a language whose objects precede a verb that
// closes the clause, the event nouns before such a verb that takes an
// event as its content: they are what it asks, refuses or condemns ("hat
// die Angriffe Israels auf Gaza verurteilt", "hat Russland den Einsatz
// chemischer Waffen vorgeworfen", "hat die Angriffe verurteilt und …"),
// back to punctuation or another verb, but
// not a noun in a phrase of place or time ("hat beim Gipfel Sanktionen
// gefordert").
func (x *Extractor) contentBefore(lang string, toks []model.Token, out []trigger) []trigger {
	drop := make([]bool, len(out))
	any := false
	for k, t := range out {
		if t.t.Noun || !(x.lex.Content(t.t.Type) || t.t.Topic) || !closesClause(toks, t.end) && !(t.end < len(toks) && x.lex.HasKind(lang, toks[t.end], lexicon.And)) {
			continue
		}
		for p := k - 1; p >= 0; p-- {
			n := out[p]
			if !n.t.Noun || hasComma(toks, n.end, t.start) || slices.ContainsFunc(toks[n.end:t.start], func(tk model.Token) bool { return tk.Kind == model.Punct && tk.Text != "-" }) {
				break
			}
			if x.governor(lang, toks, n.start, 0, lexicon.Loc, 3) >= 0 || x.governor(lang, toks, n.start, 0, lexicon.Time, 3) >= 0 {
				continue
			}
			drop[p], any = true, true
		}
	}
	if !any {
		return out
	}
	kept := out[:0]
	for k, t := range out {
		if !drop[k] {
			kept = append(kept, t)
		}
	}
	return kept
}

// closesClause reports whether the word before token i ends its clause:
// punctuation or the sentence's end follows, or at most two lower-case
// words (auxiliaries: "verurteilt hat", "abgelehnt werden soll") and then
// punctuation.
func closesClause(toks []model.Token, i int) bool {
	for j := i; j < len(toks) && j <= i+2; j++ {
		if toks[j].Kind == model.Punct {
			return true
		}
		if toks[j].Cap || toks[j].Kind != model.Word {
			return false
		}
	}
	return i >= len(toks) || i+2 >= len(toks)
}

// topicOf reports whether the event noun at i is the topic of the trigger
// before it: a topic preposition stands at most two words before it (an
// adjective may stand between), and that trigger ends at most three words
// before the preposition ("переговорами з питань взаємодії", "talks on
// questions of cooperation", "Gespräche über die Zusammenarbeit").
func (x *Extractor) topicOf(lang string, toks []model.Token, i int, before []trigger) bool {
	if len(before) == 0 {
		return false
	}
	prev := before[len(before)-1]
	for j := i - 1; j >= prev.end && j >= i-4; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end > j && end <= i && end >= i-2 && has(kinds, lexicon.About) {
			return j-prev.end <= 3
		}
	}
	return false
}

// objectNoun reports whether the verb trigger t reads as the object noun
// of the verb trigger prev before it (see findTriggers).
func (x *Extractor) objectNoun(lang string, toks []model.Token, prev, t trigger) bool {
	if t.t.Noun || prev.t.Noun || t.start-prev.end > 2 || t.start == prev.end {
		return false
	}
	w := toks[t.start].Norm
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	for j := prev.end; j < t.start; j++ {
		if toks[j].Kind != model.Word || toks[j].Cap || x.lex.HasKind(lang, toks[j], lexicon.Inf) || x.lex.HasKind(lang, toks[j], lexicon.And) || x.lex.HasKind(lang, toks[j], lexicon.Conj) {
			return false
		}
	}
	return true
}

// strongBeside reports whether a trigger that is not weak stands in the
// same part of the sentence as trigger k, parts being divided by dashes
// and semicolons.
func (x *Extractor) strongBeside(toks []model.Token, ts []trigger, k int) bool {
	for i, t := range ts {
		if i == k || t.t.Weak {
			continue
		}
		lo, hi := min(t.start, ts[k].start), max(t.start, ts[k].start)
		parted := false
		for j := lo; j < hi; j++ {
			if toks[j].Text == ";" || isDash(toks[j].Text) {
				parted = true
				break
			}
		}
		if !parted {
			return true
		}
	}
	return false
}

// anaphoric reports whether the event noun at i follows a demonstrative
// ("dieses Treffen", "this meeting", "эта встреча", optionally with one
// adjective between): it refers back to an event already reported.
func (x *Extractor) anaphoric(lang string, toks []model.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].Kind != model.Word {
			return false
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Dem) {
			return true
		}
	}
	return false
}

// governor returns the index of a word of the marker kind that starts
// within n words before the trigger at, in its clause and not across
// punctuation other than commas ("die Notwendigkeit, die Koordination ...
// fortzusetzen"), or -1.
func (x *Extractor) governor(lang string, toks []model.Token, at, clo int, kind string, n int) int {
	for j := at - 1; j >= clo && j >= at-n; j-- {
		if toks[j].Kind == model.Punct && toks[j].Text != "-" && toks[j].Text != "," {
			return -1
		}
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && end <= at && has(kinds, kind) {
			return j
		}
	}
	return -1
}

// asideBefore reports whether an aside phrase ends right before token i,
// or before its article ("with the support of", "при поддержке").
func (x *Extractor) asideBefore(lang string, toks []model.Token, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Aside) && (end == i || end == i-1 && x.lex.HasKind(lang, toks[end], lexicon.Det)) {
			return true
		}
	}
	return false
}

// asideMentions returns, for each mention, whether it is the object of an
// aside ("with the support of Belarus and Kazakhstan", "при поддержке
// Белоруссии"): the first name after the aside phrase and the names joined
// to it.
func (x *Extractor) asideMentions(lang string, toks []model.Token, ms []model.Mention) []bool {
	var out []bool
	for j := 0; j < len(toks); j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || !has(kinds, lexicon.Aside) {
			continue
		}
		last := -1 // the end of the aside's object so far
		for k := range ms {
			m := ms[k]
			if m.TokStart < end || m.Nested {
				continue
			}
			if last < 0 && m.TokStart > end+3 || last >= 0 && (!x.joined(lang, toks, last, m.TokStart) || !x.anyKind(lang, toks, last, m.TokStart, lexicon.And)) {
				break // only "and" joins another name to the aside
			}
			if out == nil {
				out = make([]bool, len(ms))
			}
			out[k], last = true, m.TokEnd
		}
	}
	return out
}

// sendsMessage reports whether a message noun (markers kind message)
// stands within the three words after the verb at [start, end), or, in a
// verb-second language whose objects precede a final verb, the three
// before it ("hat einen Brief geschickt"), with no punctuation between.
func (x *Extractor) sendsMessage(lang string, toks []model.Token, start, end int) bool {
	for j := end; j < len(toks) && j < end+3; j++ {
		if toks[j].Kind == model.Punct {
			break
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Message) {
			return true
		}
	}
	if !x.lex.VerbSecond(lang) {
		return false
	}
	for j := start - 1; j >= 0 && j >= start-3; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Message) {
			return true
		}
	}
	return false
}

// callsAs turns a noun of blame (a weak ACCUSE noun: "provocation",
// "Provokation", "провокация") that a verb of calling governs in its
// clause ("called the Turkish strikes a provocation", "betrachte die
// türkischen Attacken als Provokation", "назвал удары провокацией") into
// an accusation at the verb: its subject accuses, and whom it names or
// whose act it names is accused, as after "condemned". The noun alone is
// weak: it yields to any stronger trigger beside it.
func (x *Extractor) callsAs(lang string, toks []model.Token, out []trigger) []trigger {
	changed := false
	call := x.lex.StandsFor(lexicon.CallAs)
	for k, t := range out {
		// A noun of blame, or a weak noun of a hostile act whose charge
		// is the accusation ("als ernsthafte Bedrohung bezeichnet", "called
		// it a threat").
		if !t.t.Weak || !t.t.Noun || call == nil || t.t.Type != call.Type && x.lex.Charge(t.t.Type) != call.Type {
			continue
		}
		found := false
		for j := t.start - 1; j >= 0 && j >= t.start-callReach; j-- {
			// Commas, hyphens and the quotes of a name ("назвав «Північний
			// потік-2» помилкою") stand inside the object.
			if toks[j].Kind == model.Punct && toks[j].Text != "," && toks[j].Text != "-" && !quoteMark(toks[j].Text) {
				break
			}
			if !x.lex.MayStart(lang, toks[j], lexicon.CallAs) {
				continue
			}
			if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && end <= t.start && has(kinds, lexicon.CallAs) {
				out[k] = trigger{start: j, end: end, t: call, text: joinText(toks[j:end])}
				changed, found = true, true
				break
			}
		}
		if found || !x.lex.VerbSecond(lang) {
			continue
		}
		// "hatte Russland als ernsthafte Bedrohung bezeichnet": a verb of
		// calling that closes the clause after the noun.
		for j := t.end; j < len(toks) && j <= t.end+callAfter; j++ {
			if toks[j].Kind == model.Punct {
				break
			}
			if !x.lex.MayStart(lang, toks[j], lexicon.CallAs) {
				continue
			}
			if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.CallAs) && (end == len(toks) || toks[end].Kind == model.Punct) {
				out[k] = trigger{start: j, end: end, t: call, text: joinText(toks[j:end])}
				changed = true
				break
			}
		}
	}
	if changed {
		slices.SortStableFunc(out, func(a, b trigger) int { return a.start - b.start })
		// "als Provokation und Bedrohung": one verb of calling, one accusation.
		out = slices.CompactFunc(out, func(a, b trigger) bool { return a.start == b.start && a.t == call && b.t == call })
	}
	return out
}

// quoteMark reports whether a punctuation token is a quotation mark.
func quoteMark(s string) bool {
	switch s {
	case "«", "»", "„", "“", "”", "\"", "‹", "›":
		return true
	}
	return false
}

// callReach is the most words between a verb of calling and the noun of
// blame it governs.
const callReach = 14

// callAfter is the most words between a noun of blame and a verb of
// calling that closes the clause after it (verb-final German).
const callAfter = 3

// declared makes an event noun that a verb of declaring governs ("declared
// a ceasefire", "объявляет пасхальное перемирие", "erklärte den Krieg") a
// verb of its type: the declarer is its subject and may carry it alone
// (types.tsv solo), as with any verb.
func (x *Extractor) declared(lang string, toks []model.Token, out []trigger) {
	for k, t := range out {
		if !t.t.Noun {
			continue
		}
		for j := t.start - 1; j >= 0 && j >= t.start-declareReach; j-- {
			if toks[j].Kind == model.Punct {
				break
			}
			if !x.lex.MayStart(lang, toks[j], lexicon.Declare) {
				continue
			}
			if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && end <= t.start && has(kinds, lexicon.Declare) {
				verb := *t.t
				verb.Noun, verb.Declared = false, true
				out[k].t = &verb
				break
			}
		}
		if out[k].t.Declared || !x.lex.VerbSecond(lang) {
			continue
		}
		// "hat auch Waffenlieferungen an die Ukraine abgesegnet", "hat
		// neue Sanktionen beschlossen": a verb of declaring that closes the
		// clause after the noun, no other event word between.
		for j := t.end; j < len(toks) && j <= t.end+declareAfter; j++ {
			// Another event word between ends the search; a weak verb
			// that declares is itself the verb ("Sanktionen verhängt").
			if toks[j].Kind == model.Punct || k+1 < len(out) && out[k+1].start <= j && !(out[k+1].start == j && out[k+1].t.Weak) {
				break
			}
			if !x.lex.MayStart(lang, toks[j], lexicon.Declare) {
				continue
			}
			if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Declare) && (end == len(toks) || toks[end].Kind == model.Punct) {
				verb := *t.t
				verb.Noun, verb.Declared = false, true
				out[k].t = &verb
				break
			}
		}
	}
}

// declareAfter is the most words from an event noun to a verb of declaring
// that closes the clause after it ("Waffenlieferungen an die Ukraine
// abgesegnet").
const declareAfter = 4

// declareReach is the most words from a verb of declaring to the event
// noun it governs ("объявляет пасхальное перемирие").
const declareReach = 3

// attributive reports whether the verb form at i is a participle used as
// an adjective: it has an adjective ending after the participle (syntax
// kind attrend: "besetzten", "angegriffenen"), an article stands at most
// four words before it with nothing but names, prepositions and adjectives
// between, and a noun follows it, or an adjective and a noun ("dem von
// Russland besetzten ukrainischen Atomkraftwerk"). Only languages that
// capitalise nouns list attrend endings.
func (x *Extractor) attributive(lang string, toks []model.Token, i int, inMention []bool) bool {
	if !x.lex.AttrEnding(lang, toks[i]) || i+1 >= len(toks) {
		return false
	}
	next := i + 1
	if !toks[next].Cap && next+1 < len(toks) && toks[next].Kind == model.Word && x.lex.AttrEnding(lang, toks[next]) || x.adjective(lang, toks[next]) {
		next++ // "ukrainischen Atomkraftwerk"
	}
	if next >= len(toks) || !toks[next].Cap || toks[next].Kind != model.Word || inMention[next] && !x.adjective(lang, toks[next]) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		switch {
		case x.lex.HasKind(lang, toks[j], lexicon.Det):
			return true
		case inMention[j]:
			// a name only inside a prepositional phrase ("von Russland"),
			// not the head of the clause's subject ("die russischen
			// Truppen besetzten")
			k := j
			for k > 0 && inMention[k-1] {
				k--
			}
			if k == 0 || toks[k-1].Cap || x.lex.HasKind(lang, toks[k-1], lexicon.Det) || toks[k-1].Kind != model.Word {
				return false
			}
			j = k
		case !toks[j].Cap && toks[j].Kind == model.Word && !x.lex.HasKind(lang, toks[j], lexicon.Det):
			// a preposition or an adjective of the phrase
		default:
			return false
		}
	}
	return false
}

// adjective reports whether the word has an adjective ending of the
// language's participles (attrend), which adjectives share.
func (x *Extractor) adjective(lang string, t model.Token) bool {
	return !t.Cap && t.Kind == model.Word && x.lex.AttrEnding(lang, t)
}

// infAfterComma reports whether the one comma in [from, to) opens an
// infinitive clause, the content of the verb before it ("forderte die EU
// auf, neue Sanktionen zu verhängen"): German.
func (x *Extractor) infAfterComma(lang string, toks []model.Token, from, to int) bool {
	comma := -1
	for j := from; j < to; j++ {
		if toks[j].Kind == model.Punct {
			if toks[j].Text != "," || comma >= 0 {
				return false
			}
			comma = j
		}
	}
	return comma >= 0 && x.infClause(lang, toks, comma+1)
}
