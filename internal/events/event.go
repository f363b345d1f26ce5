package events

import (
	"fmt"
	"strings"

	"entente/internal/dates"
	"entente/internal/lexicon"
	"entente/internal/model"
)

// The event of one trigger and its parties: status, date, place,
// confidence and explanation.

// event makes one event of a trigger and its source and target mentions.
func (x *Extractor) event(c *clause, st *docState, src, tgt []model.Mention, loc *model.Location, rules []string) (model.Event, bool) {
	doc, in, tr, toks, lang := c.doc, c.in, c.tr, c.toks, c.lang
	s := in.Sent
	lo, hi, clo, chi := c.lo, c.hi, c.clo, c.chi
	attrib := c.attrib
	actors, codes, strong := x.actors(src, tgt, tr.t)
	n := len(codes)
	for _, a := range actors {
		if a.Kind == string(model.KindOrg) && x.lex.Members(tr.t.Type) && !x.ngo(a.Code) {
			n++ // an organisation's members meet in it
			break
		}
	}
	if len(codes) == 0 || (tr.t.Pair && len(codes) < 2) {
		return model.Event{}, false
	}
	if n < x.lex.MinActors(tr.t.Type) && !(x.lex.Solo(tr.t.Type) && !tr.t.Noun && (namedSubject(src) || (tr.t.Declared || !tr.t.Weak) && (declarer(src) || x.soloState(c, src)))) {
		return model.Event{}, false
	}
	if domestic(actors) {
		// "Jeffries warf Trump vor, …": one state's people acting on
		// each other is domestic politics, no event between states.
		return model.Event{}, false
	}
	if !strong && len(codes) < 2 {
		return model.Event{}, false
	}
	if tr.t.Given && tr.t.Mode == "" && len(x.lex.ObjectModes(tr.t.Type)) > 0 {
		if mode, _ := x.objectMode(c); mode == "" {
			return model.Event{}, false // "sent balloons south": nothing given that aid is made of
		}
	}
	if x.lex.Upkeep(tr.t.Type) && x.kindAfter(lang, toks, tr.end, min(c.hi, tr.end+3), lexicon.Relation) >= 0 {
		return model.Event{}, false // "підтримує відносини з Іраном": keeps ties, supports no one
	}
	if tr.t.Armed && x.kindAfter(lang, toks, tr.end, c.hi, lexicon.Military) < 0 && !x.armedBefore(c) {
		return model.Event{}, false // "launched a satellite": no arms, no attack
	}
	if tr.t.Mode == "visit" && !hasTraveller(actors) {
		// "прибула партія вакцини": only people travel on visits.
		return model.Event{}, false
	}
	ev := model.Event{
		Type:    tr.t.Type,
		Mode:    tr.t.Mode,
		Status:  model.StatusReported,
		Actors:  actors,
		Sources: []model.Source{{Doc: doc.ID, Lang: lang, Start: s.Start, End: s.End, Sentence: strings.Clone(doc.Text[s.Start:s.End]), Attribution: attrib}},
	}
	if ev.Mode == "" {
		if mode, w := x.objectMode(c); mode != "" {
			ev.Mode = mode
			rules = append(rules, "mode "+mode+": "+w)
		}
	}
	if x.lex.Meeting(ev.Type) && ev.Mode == "" {
		for _, a := range actors {
			if a.Kind == string(model.KindOrg) && !x.ngo(a.Code) {
				ev.Mode = "multilateral"
			}
		}
	}
	past := false
	// Status markers govern what follows them in the clause ("will meet",
	// "could attack", "если встретится"); after the trigger only the next
	// few words ("treffen wird", "was denied").
	stop := min(chi, tr.end+3)
	for j := clo; j < stop; j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || has(kinds, lexicon.Hypo) && inDate(in.Dates, toks[j]) {
			continue // "May 16" is no "may"; "next week" still looks ahead
		}
		switch {
		case has(kinds, lexicon.Future) && x.auxPassive(c, j):
			rules = append(rules, "passive, not future: "+toks[j].Text+" … "+tr.text)
		case has(kinds, lexicon.Future) && ev.Status == model.StatusHypothetical:
			// "If Ukraine violates the truce, Russia will strike": the
			// condition governs the future.
		case has(kinds, lexicon.Future):
			ev.Status = model.StatusPlanned
			rules = append(rules, "future: "+toks[j].Text)
		case has(kinds, lexicon.Deny) && !x.lex.Refusal(ev.Type):
			ev.Status = model.StatusDenied
			rules = append(rules, "denial: "+toks[j].Text)
		case has(kinds, lexicon.Backshift) && x.saidBefore(lang, toks, j):
			ev.Status = model.StatusPlanned
			rules = append(rules, "future in reported speech: "+toks[j].Text)
		case has(kinds, lexicon.Hypo):
			ev.Status = model.StatusHypothetical
			rules = append(rules, "hypothetical: "+toks[j].Text)
		case has(kinds, lexicon.Past):
			past = true
		}
	}
	if tr.t.Future && ev.Status == model.StatusReported {
		ev.Status = model.StatusPlanned
		rules = append(rules, "future form: "+tr.text)
	}
	if m := x.governor(lang, toks, tr.start, clo, lexicon.Alleged, 3); m >= 0 {
		ev.Status = model.StatusHypothetical
		rules = append(rules, "alleged: "+toks[m].Text)
	} else if m := x.governor(lang, toks, tr.start, clo, lexicon.Modal, 5); m >= 0 {
		ev.Status = model.StatusHypothetical
		rules = append(rules, "supposed: "+toks[m].Text)
	} else if tr.t.Noun {
		// "A meeting between Biden and Xi is possible", "Встреча …
		// возможна": a modal predicate of the event noun.
		// Its predicate stands before a comma that ends its phrase ("…
		// диалогу России и США, а также готовность содействовать …" is a
		// second object, not the noun's predicate).
		m := x.kindAfter(lang, toks, tr.end, x.commaAfter(lang, toks, in.Mentions, tr.end, chi), lexicon.Modal)
		if m < 0 {
			m = x.kindAfter(lang, toks, tr.end, min(chi, tr.end+6), lexicon.Hypo) // "an invasion … is unlikely"
		}
		if m >= 0 {
			ev.Status = model.StatusHypothetical
			rules = append(rules, "supposed: "+tr.text+" … "+toks[m].Text)
		}
	}
	if ev.Status == model.StatusReported || ev.Status == model.StatusPlanned {
		if st, why := x.unasserted(c); st != "" {
			ev.Status = st
			rules = append(rules, why)
		}
	}
	if ev.Status == model.StatusReported && !x.lex.Refusal(ev.Type) {
		// "У Кремлі заперечили, що Росія завдала удару …": a denial
		// frames the clause it reports.
		if at, end := x.frameVerb(c, lexicon.Deny); at >= 0 {
			ev.Status = model.StatusDenied
			rules = append(rules, "denied by the frame: "+joinText(toks[at:end]))
		}
	}
	if ev.Status == model.StatusReported || ev.Status == model.StatusPlanned {
		if verb, ok := x.claimed(c, src); ok {
			ev.Status = model.StatusHypothetical
			rules = append(rules, "claimed ("+verb+"): the speaker's words, not asserted")
		}
	}
	if c.quoted && !c.speakers && (ev.Status == model.StatusReported || ev.Status == model.StatusPlanned) {
		// “… thanks to the G7 loans,” Lindner said: a quotation is the
		// speaker's words; what it says of others the text does not
		// report. His own acts and pledges it does.
		ev.Status = model.StatusHypothetical
		rules = append(rules, "quoted: the speaker's words")
	}
	if tr.t.Noun && (ev.Status == model.StatusReported || ev.Status == model.StatusPlanned) {
		if a := x.anchor(c, src, tgt, loc); a != "" {
			rules = append(rules, "anchored by "+a)
		} else {
			ev.Status = model.StatusBackground
			rules = append(rules, "background: "+tr.text+" has no date, place, participant or staging verb of its own")
		}
	}
	ev.Date = writable(x.date(c, st, past, ev.Status == model.StatusPlanned))
	ev.Location = loc
	feats := evidence(tr, src, tgt, actors, codes, &ev, rules, attrib, s)
	ev.Confidence = x.confidence(feats)
	if x.opt.Explain {
		ev.Explain = []model.Explanation{{Trigger: tr.text, Entry: fmt.Sprintf("%s %s (%s)", tr.t.Type, tr.t.Phrase, tr.t.Pos),
			Clause: joinText(toks[clo:chi]), Slots: x.slots(c, src, tgt),
			Rules: append(rules, mentionWhy(in.Mentions, lo, hi)...), Evidence: feats}}
	}
	return ev, true
}

func mentionWhy(ms []model.Mention, lo, hi int) []string {
	var out []string
	for _, m := range ms {
		if m.TokStart >= lo && m.TokStart < hi {
			out = append(out, fmt.Sprintf("%q → %s %s: %s", m.Text, m.Code, m.Name, strings.Join(m.Why, "; ")))
		}
	}
	return out
}

// negated reports whether a negation governs the trigger: just before it
// ("did not meet", "не встречался"), but not "not only"; in a verb-second
// language anywhere in the middle field of its clause, after a finite verb
// ("Xi traf Putin nicht", "lieferte keine Waffen") or before a participle
// ("hat keine Raketen geliefert").
func (x *Extractor) negated(c *clause) bool {
	lang, toks, at := c.lang, c.toks, c.tr.start
	neg := func(j int) bool {
		return x.lex.HasKind(lang, toks[j], lexicon.Neg) && !(j+1 < len(toks) && x.lex.HasKind(lang, toks[j+1], lexicon.Only))
	}
	for j := at - 1; j >= 0 && j >= at-3; j-- {
		if toks[j].Kind == model.Punct {
			break
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Neg) {
			return neg(j)
		}
	}
	if x.lex.VerbSecond(lang) && !c.tr.t.Noun {
		// "hat keine Raketen an die Ukraine geliefert": the middle field
		// before a participle at the clause's end.
		for j := at - 4; j >= c.clo; j-- {
			if toks[j].Kind == model.Punct && toks[j].Text != "-" {
				break
			}
			if neg(j) {
				return true
			}
		}
		for j := c.tr.end; j < c.chi; j++ {
			if toks[j].Kind == model.Punct && toks[j].Text != "-" {
				break
			}
			if neg(j) {
				return true
			}
		}
	}
	return false
}

// inDate reports whether a token is part of a date expression ("May" in
// "May 16").
func inDate(ds []dates.Expr, t model.Token) bool {
	for _, d := range ds {
		if t.Start >= d.Start && t.End <= d.End {
			return true
		}
	}
	return false
}

// slots names the argument slot each party came from: before the trigger
// (the source side), a with-, from-, to- or between-phrase, or after the
// trigger (the target side); a
// party from another sentence (a pronoun's antecedent, the speaker, the
// sides) is named by the rule that brought it.
func (x *Extractor) slots(c *clause, src, tgt []model.Mention) []string {
	var out []string
	for _, ms := range [][]model.Mention{src, tgt} {
		for _, m := range ms {
			slot := "after the trigger"
			switch {
			case m.TokEnd > len(c.toks) || m.TokStart >= len(c.toks) || c.toks[m.TokStart].Start != m.Start:
				slot = "from the context (pronoun, speaker or the sides)"
			case m.TokStart < c.tr.start:
				slot = "before the trigger"
			case x.prepIs(c.lang, c.toks, m.TokStart, lexicon.With):
				slot = "with-phrase"
			case x.prepIs(c.lang, c.toks, m.TokStart, lexicon.Between):
				slot = "between-phrase"
			case x.prepIs(c.lang, c.toks, m.TokStart, lexicon.From):
				slot = "from-phrase"
			case x.prepIs(c.lang, c.toks, m.TokStart, lexicon.To):
				slot = "to-phrase"
			case m.Locative || m.Kind == model.KindPlace:
				slot = "place"
			}
			out = append(out, m.Text+": "+slot)
		}
	}
	return out
}

// objectMode returns the mode that what the trigger gives names, from a
// word of its stretch (types.tsv object_modes: "sent tanks to Kyiv" is
// military aid), and that word; "" when none does.
func (x *Extractor) objectMode(c *clause) (string, string) {
	modes := x.lex.ObjectModes(c.tr.t.Type)
	if len(modes) == 0 {
		return "", ""
	}
	for j := max(c.lo, c.tr.start-2); j < c.hi; j++ {
		end, kinds := x.lex.MarkersAt(c.lang, c.toks, j)
		if end == j {
			// "Langstreckenraketen": a compound headed by a kind's word.
			for _, m := range modes {
				if x.lex.KindInCompound(c.lang, c.toks[j], m) {
					return m, c.toks[j].Text
				}
			}
			continue
		}
		for _, m := range modes {
			if has(kinds, m) {
				return m, joinText(c.toks[j:end])
			}
		}
	}
	return "", ""
}

// domestic reports whether an event with a source and a target has one
// state on both sides: all its actors are of the same state.
func domestic(actors []model.Actor) bool {
	var src, tgt bool
	for _, a := range actors {
		if a.Code != actors[0].Code || a.Kind == string(model.KindOrg) {
			return false
		}
		switch a.Role {
		case model.RoleSource:
			src = true
		case model.RoleTarget:
			tgt = true
		}
	}
	return src && tgt
}

// writable returns the date, or no date where its year is unknown and it
// names no day: the contract writes YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD,
// and a month of an unknown year ("у січні") is none of them.
func writable(r model.DateRange) model.DateRange {
	for _, p := range []model.Point{r.From, r.To} {
		if !p.IsZero() && p.Year == 0 && p.Day == 0 {
			return model.DateRange{}
		}
	}
	return r
}

// ngo reports whether the code is a non-governmental organisation's, whose
// members are no states.
func (x *Extractor) ngo(code string) bool {
	o := x.kb.Org(code)
	return o != nil && o.NGO
}

// armedBefore reports whether, in a verb-second language, a word of
// marker kind military stands in the trigger's stretch before a verb that
// closes its clause: objects precede a final verb ("hat 500 Drohnen auf
// die Ukraine abgefeuert", "dass eine Rakete in Israel eingeschlagen sei");
// a hyphenated compound counts by its tail ("F-22-Kampfflugzeuge").
func (x *Extractor) armedBefore(c *clause) bool {
	if !x.lex.VerbSecond(c.lang) || c.tr.t.Noun {
		return false
	}
	for j := c.lo; j < c.tr.start; j++ {
		t := c.toks[j]
		if h := strings.LastIndexByte(t.Norm, '-'); h > 0 {
			t = t.WithNorm(t.Norm[h+1:]) // "F-22-Kampfflugzeuge"
		}
		if x.lex.HasKind(c.lang, t, lexicon.Military) {
			return true
		}
	}
	return false
}
