package events

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/internal/lexicon"
	"entente/internal/model"
)

// Arguments: the parties of a trigger, from the mentions in its stretch of
// the clause, and the actors they make.

// build makes the events of one trigger from the mentions of its stretch.
func (x *Extractor) build(c *clause, st *docState) []model.Event {
	in, tr, toks, lang := c.in, c.tr, c.toks, c.lang
	lo, hi, clo, chi := c.lo, c.hi, c.clo, c.chi
	attribSpan := c.attribSpan
	var left, right []model.Mention
	var fromSide []model.Mention
	var loc *model.Location
	aside := x.asideMentions(lang, toks, in.Mentions)
	for k, m := range in.Mentions {
		if m.Nested || m.TokStart >= attribSpan[0] && m.TokStart < attribSpan[1] || aside != nil && aside[k] {
			continue
		}
		// "died in a Ukrainian strike": an adjective right before the event
		// noun is its modifier, not a place, whatever preposition stands
		// before it.
		if m.Locative && m.Adj && tr.t.Noun && m.TokEnd == tr.start {
			m.Locative = false
		}
		if m.Locative {
			if loc == nil && m.Kind == model.KindPlace {
				loc = &model.Location{Name: m.Name, Code: m.Code}
			}
			continue
		}
		if m.Media || m.Code == "" || m.Nested || isLabel(toks, m) {
			continue
		}
		if m.TokStart < lo || m.TokStart >= hi {
			continue
		}
		if m.Adj && (x.compoundAdj(lang, toks[m.TokEnd-1]) || m.TokEnd < len(toks) && x.lex.HasKind(lang, toks[m.TokEnd], lexicon.Compound)) {
			continue // "a Russian-brokered ceasefire", "Iranian-made drones", "иранского производства": who made them is no party
		}
		// "EU-Sanktionen": the name at the head of the trigger's own
		// compound is its agent, as an adjective before it would be; of a
		// meeting ("UN-Konferenz") it is one more participant.
		if m.TokStart < tr.start || tr.t.Noun && !x.lex.Symmetric(tr.t.Type) && m.TokStart == tr.start && m.TokEnd == tr.end {
			left = append(left, m)
		} else {
			if x.prepIs(lang, toks, m.TokStart, lexicon.From) {
				fromSide = append(fromSide, m)
			}
			right = append(right, m)
		}
	}
	var rules []string
	// "Пакистан: чоловік … просить Захід про притулок", "Lavrov: …": a name
	// right before a colon is the label or the speaker of what follows,
	// not the subject of its verb.
	if !tr.t.Noun {
		left = dropLabels(toks, left, tr.start, &rules)
	}
	// "Sergei Lavrov, who criticised Ukraine on Monday, met Wang Yi": the
	// names of a relative clause set off by commas before the trigger
	// belong to it, not to the verb after it.
	if open, close := x.relativeAside(c); open >= 0 && !x.anyNamed(in, close, tr.start) {
		// The main clause resumes after the aside: its subject stands
		// before the relative pronoun.
		start := open - 1
		for start > 0 && toks[start-1].Text != ";" && !isDash(toks[start-1].Text) {
			start--
		}
		kept := left[:0:0]
		for _, m := range in.Mentions {
			if m.TokStart >= start && m.TokEnd <= open-1 && m.Code != "" && !m.Locative && !m.Media && !m.Nested {
				kept = append(kept, m)
			}
		}
		for _, m := range left {
			if m.TokStart >= close {
				kept = append(kept, m)
			}
		}
		left = kept
		rules = append(rules, "a relative clause before the verb is an aside")
	}
	// "Lawrow, der die Ukraine kritisierte": the relative pronoun is the
	// subject, standing for the name before the comma; the names between it
	// and the verb are objects.
	relative := false
	if !tr.t.Noun {
		if ante := x.relSubject(c); ante != nil {
			relative = true
			var objs []model.Mention
			for _, m := range left {
				if m.TokStart > clo {
					objs = append(objs, m)
				}
			}
			left, right = []model.Mention{*ante}, append(objs, right...)
			rules = append(rules, "relative pronoun "+toks[clo].Text+" = "+ante.Text)
		}
	}
	// "Putin criticised the statements … that were to buy time for
	// Ukraine and accused Merkel …": a verb right after "and", with no
	// subject of its own, shares the subject of the verb before it.
	if !tr.t.Noun && !relative {
		if subj := dropLabels(toks, x.coordSubject(c), tr.start, &rules); len(subj) > 0 {
			left = subj
			rules = append(rules, "subject "+subj[0].Text+" of the verb before and")
		}
	}
	// "Amid reports of deliveries to Russia, Ukraine cut ties": when a
	// name stands between the last comma and the trigger, the subject is
	// there and what precedes the comma is another phrase.
	if comma := x.lastComma(lang, toks, in.Mentions, lo, tr.start); comma >= 0 {
		var near []model.Mention
		for _, m := range left {
			if m.TokStart > comma {
				near = append(near, m)
			}
		}
		if far := left[:len(left)-len(near)]; x.controlled(c) && len(far) > 0 && !slices.ContainsFunc(far, func(m model.Mention) bool { return m.TokStart > comma }) {
			// "Großbritannien kündigte an, der Ukraine Raketen zu liefern":
			// an infinitive after a comma has no subject of its own; it is
			// the subject of the clause before, and its names are objects.
			left, right = far, append(near, right...)
			rules = append(rules, "infinitive: the subject of the clause before the comma")
		} else if len(near) > 0 && len(near) < len(left) {
			left = near
			rules = append(rules, "subject after the comma")
		}
	}
	// "Russia sent Iran military aid", "provided Iran with support",
	// "Putin hosted Xi for talks": of the names before an event noun that a
	// verb stages, those after the verb are its objects, given to or
	// received; its subject stands before the verb.
	if tr.t.Noun && len(left) > 1 {
		if v := x.stagedAt(c); v >= 0 {
			var subj, obj []model.Mention
			for _, m := range left {
				switch {
				case m.TokStart < v:
					subj = append(subj, m)
				case !x.governedBy(lang, toks, m.TokStart, v, prepAdjunct):
					obj = append(obj, m) // "в Кремле" stays an adjunct
				}
			}
			if len(subj) > 0 && len(obj) > 0 {
				left, right = slices.DeleteFunc(left, func(m model.Mention) bool {
					return slices.ContainsFunc(obj, func(o model.Mention) bool { return o.TokStart == m.TokStart })
				}), append(obj, right...)
				rules = append(rules, "object "+obj[0].Text+" of the staging verb "+toks[v].Text)
			}
		}
	}
	// "Ryabkov said the United States provoked the war by supplying …": of
	// the names before the trigger, only the phrase nearest to it is its
	// subject; the others belong to the clauses and phrases before.
	// An event noun takes the names nearest it in every language ("Russia's
	// invasion", "russischer Luftangriffe"); a verb only where word order
	// marks the subject (order.tsv).
	if kept, why := x.subjectGroup(c, left); why != "" && (x.lex.FixedSubject(lang) || tr.t.Noun) {
		left = kept
		rules = append(rules, why)
	}
	// "Trump hat seinen Kollegen Selenskyj attackiert": where objects
	// stand before a final verb, a name after an object-case determiner
	// is the object.
	if !tr.t.Noun && !relative && x.lex.VerbSecond(lang) {
		var subj, obj []model.Mention
		for _, m := range left {
			if x.objectCase(c, m) {
				obj = append(obj, m)
			} else {
				subj = append(subj, m)
			}
		}
		if len(obj) > 0 {
			// With no other name before the verb the subject is unnamed
			// ("Der Republikaner warf dem Weißen Haus vor"): an object is
			// still no subject.
			left, right = subj, append(obj, right...)
			rules = append(rules, "object case before the final verb")
		} else if first, rest := x.firstBare(c, left); len(first) > 0 && !x.passive(c) {
			switch {
			case len(rest) > 0:
				// "Russland hat die Ukraine angegriffen", "China hat
				// Russland Drohnen geliefert": of the bare names before a
				// final verb the first (with what is coordinated with it)
				// is the subject, the others its objects.
				left, right = first, append(rest, right...)
				rules = append(rules, "first name before the final verb is the subject")
			case len(first) < len(left):
				left = first
				rules = append(rules, "a name heading another noun is no subject")
			}
		}
	}
	// "Трампа обвиняли", "Молдове помощь передали США": where case and not
	// word order marks the subject, a name in an oblique case is no
	// verb's subject; a nominative after the verb is.
	if !tr.t.Noun && !relative && !x.lex.FixedSubject(lang) && !x.lex.VerbSecond(lang) {
		var why string
		left, right, why = x.caseSubject(c, left, right)
		if why != "" {
			rules = append(rules, why)
		}
	}
	// "die Raketen, die der Iran an Russland geliefert hat": a to-phrase
	// before a verb is its recipient or target wherever it stands.
	toPhrase := func(m model.Mention) bool {
		// "в дни годовщины Победы российская сторона": a nominative is in
		// no phrase of the preposition before it.
		return x.phraseOf(lang, toks, m.TokStart, clo, lexicon.To) && !x.lex.Ending(lang, lexicon.NomEnd, toks[m.TokStart])
	}
	if !tr.t.Noun && (len(left) > 1 || x.lex.VerbSecond(lang)) && slices.ContainsFunc(left, toPhrase) {
		var subj, to []model.Mention
		for _, m := range left {
			if toPhrase(m) {
				to = append(to, m)
			} else {
				subj = append(subj, m)
			}
		}
		// Before a final verb a to-phrase is no subject even when the
		// subject is unnamed ("…, die der Hamas Nachgiebigkeit gegenüber
		// Israel vorwerfen").
		// An infinitive ("Drohnen an Russland geliefert zu haben") shares
		// the subject of the verb it depends on.
		inf := tr.end < len(toks) && x.lex.HasKind(lang, toks[tr.end], lexicon.Inf) || tr.start > 0 && x.lex.HasKind(lang, toks[tr.start-1], lexicon.Inf)
		if len(to) > 0 && (len(subj) > 0 || x.lex.VerbSecond(lang) && !inf) {
			left, right = subj, append(to, right...)
			rules = append(rules, "to-phrase "+to[0].Text+" before the verb")
		}
	}
	// "Am Montag griff Russland die Ukraine an": in a verb-second language
	// a fronted adverbial puts the subject after the finite verb; it is the
	// first name there that no preposition governs.
	if len(left) == 0 && !tr.t.Noun && x.lex.VerbSecond(lang) && x.frontedAdverbial(c) {
		for k, m := range right {
			if m.TokStart < tr.end || x.inPhrase(lang, toks, m.TokStart, clo) || x.objectCase(c, m) {
				continue // "warf dem Weißen Haus vor": a dative or accusative is no subject
			}
			if x.anyKind(lang, toks, tr.end, m.TokStart, lexicon.Pron) {
				break // "Während … interagierte er mit …": the pronoun is the subject
			}
			left = append(left, m)
			right = append(right[:k:k], right[k+1:]...)
			rules = append(rules, "subject "+m.Text+" after the verb (verb second)")
			break
		}
	}
	if loc == nil {
		for _, m := range in.Mentions {
			if m.Locative && !m.Nested && m.Kind == model.KindState && m.TokStart >= clo && m.TokStart < chi {
				loc = &model.Location{Name: m.Name, Code: m.Code}
				break
			}
		}
	}
	// A pronoun subject ("interagierte er mit ...", "he and Putin agreed")
	// stands for its antecedent: alone, or coordinated with a name.
	for j := clo; j < hi && j <= tr.end+1; j++ {
		if !x.lex.HasKind(lang, toks[j], lexicon.Pron) {
			continue
		}
		coordinated := j+1 < tr.start && x.lex.HasKind(lang, toks[j+1], lexicon.And)
		if len(left) > 0 && !coordinated {
			break
		}
		if a, why := x.antecedent(c, st); a != nil {
			left = append([]model.Mention{*a}, left...)
			rules = append(rules, "pronoun "+toks[j].Text+" = "+a.Name+" ("+why+")")
		}
		break
	}
	// "Стороны подписали …", "…, and the two leaders signed …": the parties
	// of the meeting reported last.
	if len(st.parties) > 0 {
		if j := x.sidesAt(lang, toks, clo, tr.start); j >= 0 && (len(left) == 0 || left[len(left)-1].TokEnd <= j) {
			left = append(left[:0:0], st.parties...)
			rules = append(rules, "the sides: "+toks[j].Text+" = the last meeting's parties")
		}
	}
	// "По итогам переговоров подписан ряд документов": an agreement or
	// cooperation verb that names no one at all, in the meeting's
	// paragraph, is the meeting's parties' (not a participle that only
	// modifies a noun: "подписанные соглашения"); so is such a noun a verb
	// stages ("состоялась церемония обмена документами").
	if (!tr.t.Noun && !x.lex.Participle(lang, toks[tr.start]) || tr.t.Noun && x.staged(c) != "") && len(left) == 0 && len(right) == 0 && len(st.parties) > 0 && x.lex.Symmetric(tr.t.Type) && !x.lex.Meeting(tr.t.Type) && st.para == st.partiesPara && !c.in.hasNames(c.clo, c.chi) {
		left = append(left[:0:0], st.parties...)
		rules = append(rules, "no one named: the last meeting's parties")
	}
	// "…, sagte Außenminister Dacic": the speaker is the quote's subject,
	// unless a noun has its own in the genitive right after it ("die
	// Zusammenarbeit Chinas mit Russland").
	if len(left) == 0 && st.speaker != nil && !(tr.t.Noun && len(right) > 0 && x.genitiveAfter(c, right[0])) {
		left = append(left, *st.speaker)
		c.speakers = true
		rules = append(rules, "speaker "+st.speaker.Text+" after the quote")
	}
	// "В.Путин: … Сегодня разговаривал с председателем КНР": in a
	// transcript turn the first person is its speaker.
	if len(left) == 0 && c.turn != nil && x.selfSubject(c) {
		left = append(left, *c.turn)
		rules = append(rules, "first person: "+c.turn.Text+", the speaker of the turn")
	}
	// The subject of an earlier verb in the clause serves a later one: "X and
	// Y met ... and called for ..." gives the whole coordinated subject.
	if len(left) == 0 && lo > clo && !x.governedNoun(c) {
		for _, m := range in.Mentions {
			if m.TokStart < clo || m.TokStart >= lo || m.Locative || m.Media || m.Code == "" || m.Adj || m.Nested || m.Oblique {
				continue
			}
			if len(left) > 0 && !x.joined(lang, toks, left[len(left)-1].TokEnd, m.TokStart) {
				break
			}
			left = append(left, m)
			rules = append(rules, "shared subject "+m.Text)
		}
	}
	if x.lex.PlaceTarget(tr.t.Type) || tr.t.Mode == "visit" {
		// "struck Kyiv", "deployed to Belarus": the place's state is the
		// target; so is the host of a visit ("Obamas Besuch in Kuba"). A
		// place before the trigger next to a verb of saying is where
		// someone speaks ("Xi sagte in Seattle, …", "das Ministerium in
		// Moskau teilte mit, …").
		// A visit has one host, its destination where it names one
		// ("reiste seit Beginn des Krieges in der Ukraine nach Chișinău").
		destination := false
		if tr.t.Mode == "visit" {
			for _, m := range in.Mentions {
				if m.Kind == model.KindPlace && !m.Locative && m.TokStart >= lo && m.TokStart < hi && x.prepIs(lang, toks, m.TokStart, lexicon.To) {
					destination = true
				}
			}
		}
		for _, m := range in.Mentions {
			// A destination counts as well as a location: "прибыл в
			// Москву", "sent to Poland".
			toPlace := m.Kind == model.KindPlace && !m.Locative && x.prepIs(lang, toks, m.TokStart, lexicon.To)
			if destination && !toPlace {
				continue
			}
			if (m.Locative || toPlace) && !m.Nested && m.Code != "" && m.TokStart >= lo && m.TokStart < hi && !m.Adj &&
				(m.TokStart >= tr.start || !x.placeOfSaying(c, m)) {
				right = append(right, x.asParty(m))
				rules = append(rules, "place "+m.Text+" names the target")
				if tr.t.Mode == "visit" {
					break // a visit has one host: "визит в Кишинёв с начала войны в Украине"
				}
			}
		}
	}
	if tr.t.Noun && len(left) > 0 {
		// "die Botschaft Südkoreas über den Einsatz ...": the name right
		// before a topic preposition belongs to the noun before it.
		if p := x.governor(lang, toks, tr.start, lo, lexicon.About, 3); p >= 0 {
			kept := left[:0:0]
			for _, m := range left {
				if m.TokEnd != p {
					kept = append(kept, m)
				}
			}
			left = kept
		}
	}
	// "traf den Botschafter … besorgt über das Verhältnis Moskaus zur EU":
	// names after a topic preposition that follows the trigger are what is
	// talked about, not parties; with-phrases still add parties to a
	// meeting or joint act ("sprach über X mit Y"), not to a one-sided one
	// ("kritisierte die Äußerungen über die Gespräche mit der Ukraine").
	if p := x.aboutAfter(lang, toks, tr.end, hi); p >= 0 {
		kept := right[:0:0]
		for _, m := range right {
			if m.TokStart < p || x.lex.Symmetric(tr.t.Type) && x.prepIs(lang, toks, m.TokStart, lexicon.With) {
				kept = append(kept, m)
			}
		}
		if len(kept) < len(right) {
			rules = append(rules, "topic after "+toks[p].Text)
		}
		right = kept
	}
	// "выразил протест Японии в связи с визитом … на Тайвань": names in a
	// cause phrase after the trigger are the background, not parties, once
	// a party stands before it ("in response to NATO's drills" may be all
	// the target there is).
	if p := x.kindAfter(lang, toks, tr.end, hi, lexicon.Cause); p >= 0 && len(right) > 0 && right[0].TokStart < p {
		kept := right[:0:0]
		for _, m := range right {
			if m.TokStart < p {
				kept = append(kept, m)
			}
		}
		if len(kept) < len(right) {
			rules = append(rules, "background after "+toks[p].Text)
		}
		right = kept
	}
	between := false
	if tr.t.Noun && (x.lex.Symmetric(tr.t.Type) || x.lex.Meeting(tr.t.Type)) && pairAfter(c, right) != nil {
		// "саміт Україна-ЄС", "переговоры Россия–США": a hyphenated pair
		// of parties right after the noun names them all, as a
		// between-phrase does.
		left, between, c.speakers = nil, true, false
		rules = append(rules, "a hyphenated pair names the parties")
	}
	if tr.t.Noun && !between {
		// "Treffen zwischen Russland, Belarus und China": the between-phrase
		// names every party. It must be the noun's own, right after it; one
		// further on belongs to another noun ("talks on the settlement of
		// the conflict between Armenia and Azerbaijan"), and its names are
		// a topic.
		for k, m := range right {
			if !x.prepIs(lang, toks, m.TokStart, lexicon.Between) {
				continue
			}
			p := m.TokStart - 1
			for p > tr.end && x.lex.HasKind(lang, toks[p], lexicon.Det) {
				p--
			}
			if p <= tr.end+1 {
				left, between, c.speakers = nil, true, false
				rules = append(rules, "between-phrase names the parties")
			} else {
				right = right[:k:k]
				rules = append(rules, "topic: a between-phrase of another noun")
			}
			break
		}
	}
	if tr.t.Topic {
		// "discussed the situation in Ukraine": what follows is the topic;
		// only with-phrases ("mit X und Y") add parties.
		kept := right[:0:0]
		for k, m := range right {
			if x.prepIs(lang, toks, m.TokStart, lexicon.With) ||
				k > 0 && len(kept) > 0 && kept[len(kept)-1].TokEnd == right[k-1].TokEnd && x.prepIs(lang, toks, m.TokStart, lexicon.And) {
				kept = append(kept, m)
			}
		}
		if len(kept) < len(right) {
			rules = append(rules, "topic: what follows is discussed, not a party")
		}
		right = kept
		// "die Lage in Syrien zu erörtern": before an infinitive are topics too.
		if tr.start > 0 && x.lex.HasKind(lang, toks[tr.start-1], lexicon.Inf) {
			left = nil
		}
	}
	if tr.t.Noun && !tr.t.Recv {
		// "drills by the United States and South Korea", "Angriffe durch
		// Russland": a by-phrase right after an event noun names who acts;
		// the subject of the clause around it does not.
		if agents, rest := x.nounAgents(c, right); len(agents) > 0 {
			left, right = agents, rest
			rules = append(rules, "the by-phrase names who acts")
		}
	}
	if x.lex.Accusing(tr.t.Type) && !tr.t.Noun {
		// "France condemned the attack by Russia on Ukraine": whom an
		// accusation of an act targets is who did the act, not its victim.
		if agents, ok := x.actAgents(c, right); ok {
			right = agents
			rules = append(rules, "accused: who did the act")
		} else if x.lex.Reason(tr.t.Type) {
			right = x.beforeReason(c, right, &rules)
		}
	} else if x.lex.Reason(tr.t.Type) {
		// "поддержало Молдову в укреплении энергетической безопасности",
		// "backed Kyiv in its response to Putin's war against Ukraine".
		right = x.beforeReason(c, right, &rules)
	}
	if len(right) == 0 && !x.lex.Symmetric(tr.t.Type) {
		// "выражена поддержка начавшемуся диалогу России и США": what the
		// trigger is about is an event; its parties are the target.
		if ps := x.partiesOfNext(c); len(ps) > 0 {
			right = ps
			rules = append(rules, "the parties of "+c.next.text+" are the target")
		}
	}
	src, tgt := left, right
	if !tr.t.Noun && !tr.t.Recv && x.passive(c) {
		// "Kyiv was attacked by Russian drones", "Kiew wurde von russischen
		// Drohnen angegriffen": the subject undergoes the act; the agent
		// phrase names who acts.
		var agents, patients []model.Mention
		for _, ms := range [][]model.Mention{left, right} {
			for _, m := range ms {
				if x.prepIs(lang, toks, m.TokStart, lexicon.Agent) {
					agents = append(agents, m)
				} else {
					patients = append(patients, m)
				}
			}
		}
		src, tgt = agents, patients
		rules = append(rules, "passive: the subject undergoes the act")
	}
	if tr.t.Recv {
		src, tgt = fromSide, left
		if len(src) == 0 {
			src = right
		}
	}
	if x.negated(c) {
		return nil
	}
	if x.lex.Refusal(tr.t.Type) && !tr.t.Noun && len(src) > 0 && len(tgt) == 0 {
		// "Fidan schlug ein Treffen vor. … Der Kreml lehnte den Vorschlag
		// ab": a refused demand or charge that names no one is the last
		// person's, named before the sentence.
		if a := x.referredDemand(c, st, src); a != nil {
			tgt = []model.Mention{*a}
			rules = append(rules, "what is refused is "+a.Name+"'s, named before")
		}
	}
	if as := x.lex.Charge(tr.t.Type); tr.t.Verbal && as != "" && inWords(src, tgt) {
		// "Trump attacked Zelensky", "Lawrow attackierte die OSZE": a
		// person attacking a person or an organisation accuses them.
		v := *tr.t
		v.Type, v.Mode = as, ""
		c.tr.t = &v
		tr = c.tr
		rules = append(rules, "in words: a person attacking a person or an organisation accuses")
	}
	var out []model.Event
	groups := [][2][]model.Mention{{src, tgt}}
	if x.lex.Meeting(tr.t.Type) && tr.t.Noun && len(src) == 0 {
		// "Before a trilateral meeting with Brown and Kim, Japanese Gen.
		// Yoshida said …": a meeting in a fronted phrase of time meets
		// the subject of the clause after it.
		if m := x.frontedMeetingSubject(c); m != nil {
			src = append(src, *m)
			groups[0][0] = src
			rules = append(rules, "subject "+m.Text+" of the clause after the fronted meeting")
		}
	}
	if x.lex.Meeting(tr.t.Type) {
		// A meeting noun whose parties all follow it: the genitive is the
		// subject, the with-phrase the others ("das Treffen des Ministers
		// von Belarus mit seinen chinesischen und iranischen Kollegen").
		if len(src) == 0 && len(tgt) > 1 && !x.prepIs(lang, toks, tgt[0].TokStart, lexicon.With) {
			src, tgt = tgt[:1], tgt[1:]
		}
		if !between && tr.t.Mode != "multilateral" {
			groups = dyads(src, tgt)
		}
	}
	if acc, ok := x.claim(c, st, tr.t.Type, src); ok {
		out = append(out, acc)
	}
	for _, g := range groups {
		if ev, ok := x.event(c, st, g[0], g[1], loc, rules); ok {
			out = append(out, ev)
		}
	}
	return out
}

// dyads splits one party meeting several states ("met his Chinese and
// Iranian counterparts") into one meeting per pair, as PLOVER codes
// bilateral meetings; an organisation keeps the meeting multilateral.
func dyads(src, tgt []model.Mention) [][2][]model.Mention {
	whole := [][2][]model.Mention{{src, tgt}}
	for _, m := range append(append([]model.Mention(nil), src...), tgt...) {
		if m.Kind == model.KindOrg {
			return whole
		}
	}
	srcCodes := codesOf(src)
	if len(srcCodes) != 1 {
		return whole
	}
	var tcodes []string
	for _, c := range codesOf(tgt) {
		if c != srcCodes[0] {
			tcodes = append(tcodes, c)
		}
	}
	if len(tcodes) < 2 {
		return whole
	}
	out := make([][2][]model.Mention, 0, len(tcodes))
	for _, c := range tcodes {
		var t []model.Mention
		for _, m := range tgt {
			if m.Code == c {
				t = append(t, m)
			}
		}
		out = append(out, [2][]model.Mention{src, t})
	}
	return out
}

// namedSubject reports whether the subject is a named person, body or
// organisation (not a bare state or adjective).
func namedSubject(src []model.Mention) bool {
	for _, m := range src {
		if (m.Kind == model.KindPerson || m.Kind == model.KindBody || m.Kind == model.KindOrg) && m.ID != "" && !m.Adj {
			return true
		}
	}
	return false
}

// declarer reports whether a subject may declare an event alone: a named
// person, body or organisation, or a state's side or institution named by
// its title ("российская сторона объявляет перемирие").
func declarer(src []model.Mention) bool {
	for _, m := range src {
		if m.Kind == model.KindBody && m.Code != "" && !m.Adj {
			return true
		}
	}
	return namedSubject(src)
}

// soloState reports whether a state is the subject of the clause's verb
// by itself: named, not an adjective, not in an oblique case and not in a
// prepositional phrase ("deter aid to Ukraine by threatening …").
func (x *Extractor) soloState(c *clause, src []model.Mention) bool {
	for _, m := range src {
		if m.Kind == model.KindState && !m.Adj && !m.Oblique && !x.governedBy(c.lang, c.toks, m.TokStart, c.clo, prepNotOf) {
			return true
		}
	}
	return false
}

// hasTraveller reports whether one of the actors is a person or a body,
// who can pay a visit (a state named alone is where one goes).
func hasTraveller(actors []model.Actor) bool {
	for _, a := range actors {
		if a.Kind == string(model.KindPerson) || a.Kind == string(model.KindBody) {
			return true
		}
	}
	return false
}

func codesOf(ms []model.Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Code != "" && !has(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	return out
}

// actors turns mentions into event actors: persons and bodies keep their
// names; a state named only by its adjective or by name is one actor per code.
func (x *Extractor) actors(src, tgt []model.Mention, t *lexicon.Trigger) ([]model.Actor, []string, bool) {
	var out []model.Actor
	var codes []string
	strong := false
	seenPerson := map[string]bool{}
	add := func(m model.Mention, role string) {
		if !m.Adj {
			strong = true
		}
		if m.Kind == model.KindPlace && x.kb.StandsFor(m.ID) != nil {
			m = x.asParty(m) // "Brussels demanded …": the EU's institutions
		}
		key := m.ID
		if key == "" {
			key = m.Code + "/" + m.Name
		}
		if m.Kind == model.KindPerson || m.Kind == model.KindBody {
			if seenPerson[key] {
				return
			}
			seenPerson[key] = true
		} else {
			for _, a := range out {
				if a.Code == m.Code {
					return
				}
			}
		}
		for _, c := range codes {
			if c == m.Code {
				goto added
			}
		}
		codes = append(codes, m.Code)
	added:
		kind, name, id := string(m.Kind), m.Name, m.ID
		switch {
		case m.Kind == model.KindPlace: // a capital standing for its government
			kind, name, id = string(model.KindState), x.kb.CodeName(m.Code), "state:"+m.Code
		case m.ID == "" && x.kb.Org(m.Code) != nil:
			// "die Verteidigungsminister der SCO": unnamed officials of an
			// organisation stand for it.
			o := x.kb.Org(m.Code)
			kind, name, id = string(model.KindOrg), o.Name, "org:"+o.ID
		}
		// Clones: events outlive their document, whose text a substring
		// would keep whole in memory.
		out = append(out, model.Actor{Code: m.Code, Name: strings.Clone(name), Kind: kind, Role: role, Sector: m.Sector, ID: id, Text: strings.Clone(m.Text)})
	}
	srcRole, tgtRole := model.RoleSource, model.RoleTarget
	if x.lex.Symmetric(t.Type) && t.Mode != "visit" {
		srcRole, tgtRole = model.RoleParticipant, model.RoleParticipant
	}
	for _, m := range src {
		add(m, srcRole)
	}
	for _, m := range tgt {
		add(m, tgtRole)
	}
	// A state listed next to its own person adds nothing: keep the person.
	kept := out[:0]
	for _, a := range out {
		if a.Kind == string(model.KindState) {
			dup := false
			for _, b := range out {
				if b.Code == a.Code && (b.Kind == string(model.KindPerson) || b.Kind == string(model.KindBody)) {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		kept = append(kept, a)
	}
	return kept, codes, strong
}

// compoundAdj reports whether a state's adjective is the first half of a
// compound with a participle ("Russian-brokered", "Iranian-made",
// "US-backed"; syntax kind compound): it says who brokered, made or backed
// a thing, not who acts in the clause.
func (x *Extractor) compoundAdj(lang string, t model.Token) bool {
	h := strings.LastIndexByte(t.Norm, '-')
	if h <= 0 || h == len(t.Norm)-1 {
		return false
	}
	tail := t.WithNorm(t.Norm[h+1:])
	return x.lex.HasKind(lang, tail, lexicon.Compound)
}

// frontedAdverbial reports whether the clause opens with an adverbial
// before its verb: a prepositional phrase ("Am Montag", "Mit Unterstützung
// von …") or a date ("Gestern"), not a subject ("Die FARC dankten").
func (x *Extractor) frontedAdverbial(c *clause) bool {
	if c.tr.start <= c.clo {
		return false
	}
	for _, k := range append(prepKinds, lexicon.Aside, lexicon.Attrib) {
		if x.lex.Is(c.lang, c.toks, c.clo, k) {
			return true // also "Laut ukrainischem Militär griff Russland …"
		}
	}
	// A date in the first two words: "Gestern", "Am Montag".
	for _, d := range c.in.Dates {
		if p := tokenAt(c.toks, d.Start); p >= c.clo && p <= c.clo+1 && p < c.tr.start {
			return true
		}
	}
	return false
}

// passive reports whether the trigger's verb is passive: a passive
// auxiliary (syntax kind passive: "was", "were", "been"; "wurde",
// "worden") stands before it in its clause, at most three words before in
// a language that keeps the participle next to it, anywhere before in one
// that sends it to the clause's end; an -ing form is progressive, not
// passive ("was attacking").
func (x *Extractor) passive(c *clause) bool {
	w := c.toks[c.tr.start].Norm
	if len(w) > 4 && w[len(w)-3:] == "ing" {
		return false
	}
	from := max(c.clo, c.tr.start-3)
	if x.lex.VerbSecond(c.lang) {
		from = c.clo
	}
	for j := c.tr.start - 1; j >= from; j-- {
		if c.toks[j].Kind == model.Punct {
			return false
		}
		if x.lex.HasKind(c.lang, c.toks[j], lexicon.Passive) || x.auxPassive(c, j) {
			return true
		}
	}
	return false
}

// auxPassive reports whether the future marker at j is the auxiliary of a
// passive: a verb trigger after it in the shape of a past participle
// ("wird von MSF unterstützt", "werden … angegriffen").
func (x *Extractor) auxPassive(c *clause, j int) bool {
	return !c.tr.t.Noun && j < c.tr.start && x.lex.HasKind(c.lang, c.toks[j], lexicon.Future) && x.lex.PastParticiple(c.lang, c.toks[c.tr.start])
}

// subjectGroup returns the names before a trigger that are its subject:
// the nearest name that no preposition other than "of" governs, the names
// coordinated with it ("Russia, Belarus and China", "Russia's minister
// Lavrov and Poland's president Duda"), and with-phrases between it and the
// trigger ("Russia, together with China, held …"). Names further back are
// the subjects and objects of other clauses ("Ryabkov said that the United
// States provoked the war by supplying Ukraine") or adjuncts. It returns
// left unchanged and "" when it keeps every name.
func (x *Extractor) subjectGroup(c *clause, left []model.Mention) ([]model.Mention, string) {
	lang, toks := c.lang, c.toks
	near := -1
	for k := len(left) - 1; k >= 0; k-- {
		// An event noun's own adjective ("in a Ukrainian strike") is its
		// subject whatever governs the phrase.
		own := c.tr.t.Noun && left[k].Adj && left[k].TokEnd == c.tr.start
		if own || !x.governedBy(lang, toks, left[k].TokStart, c.clo, prepNotOf) {
			near = k
			break
		}
	}
	if near < 0 {
		return left, ""
	}
	first := near
	for k := near - 1; k >= 0; k-- {
		if x.governedBy(lang, toks, left[k].TokStart, c.clo, prepNotOf) || !x.sameSubject(lang, toks, c.in.Mentions, left[k].TokEnd, left[first].TokStart) {
			break
		}
		first = k
	}
	kept := left[first : near+1 : near+1]
	for _, m := range left[near+1:] {
		if x.prepIs(lang, toks, m.TokStart, lexicon.With) {
			kept = append(kept, m)
		}
	}
	if len(kept) == len(left) {
		return left, ""
	}
	return kept, "subject: the names nearest the trigger"
}

// stagedAt returns where the verb that stages a noun trigger stands
// between the clause's start and the noun, or -1.
func (x *Extractor) stagedAt(c *clause) int {
	for j := c.clo; j < c.tr.start; j++ {
		if end, kinds := x.lex.MarkersAt(c.lang, c.toks, j); end > j && end <= c.tr.start && (has(kinds, lexicon.Stage) && !hasComma(c.toks, end, c.tr.start) || x.stagesBefore(c.toks, kinds, end, c.tr.start)) {
			return j
		}
	}
	return -1
}

// prepNotOf are the preposition kinds that make a name an adjunct or an
// object, not a subject; "of" attaches it to a title ("the leaders of
// Russia and China met").
var prepNotOf = []string{lexicon.Loc, lexicon.With, lexicon.From, lexicon.To, lexicon.About, lexicon.Cause, lexicon.Between, lexicon.GerPrep, lexicon.Agent}

// dropLabels returns the mentions of ms that are no label: a name right
// before a colon ahead of the trigger at at ("Пакистан: …", "Lavrov: …").
func dropLabels(toks []model.Token, ms []model.Mention, at int, rules *[]string) []model.Mention {
	var kept []model.Mention
	for _, m := range ms {
		if m.TokEnd < at && toks[m.TokEnd].Text == ":" {
			*rules = append(*rules, m.Text+": a label, no subject")
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// prepAdjunct are the preposition kinds of adjuncts: the names they
// govern are neither subjects nor objects (to- and with-phrases may be
// objects: "expressed support to Kyiv").
var prepAdjunct = []string{lexicon.Loc, lexicon.From, lexicon.About, lexicon.Cause, lexicon.Between, lexicon.GerPrep, lexicon.Agent}

// governedBy reports whether a preposition of one of the kinds stands right
// before the word at i or before its articles; an "of"-word never does
// (English "of" is also a gerund's preposition).
func (x *Extractor) governedBy(lang string, toks []model.Token, i, clo int, kinds []string) bool {
	j := i - 1
	for j >= clo && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j--
	}
	if j < clo || x.lex.HasKind(lang, toks[j], lexicon.Of) {
		return false
	}
	for _, k := range kinds {
		if x.lex.HasKind(lang, toks[j], k) {
			return true
		}
	}
	return false
}

// sameSubject reports whether the words in [from, to) join two names into
// one subject: articles, "of"-words, possessive endings and other names
// ("Russia's Lavrov"), or, with "and" or a comma among them, also title
// words ("Lavrov and Poland's president Duda"), at most five words.
func (x *Extractor) sameSubject(lang string, toks []model.Token, ms []model.Mention, from, to int) bool {
	if to-from > 5 {
		return false
	}
	coordinated, plain := false, true
	for j := from; j < to; j++ {
		t := toks[j]
		switch {
		case t.Text == "," || x.lex.HasKind(lang, t, lexicon.And):
			coordinated = true
		case x.lex.HasKind(lang, t, lexicon.Det) || x.lex.HasKind(lang, t, lexicon.Of) || covered(ms, j):
		case t.Norm == "'s" || t.Norm == "s" || t.Norm == "'":
		case t.Kind == model.Punct || x.lex.HasKind(lang, t, lexicon.Comp):
			return false
		default:
			plain = false // a title word: only with "and" or a comma
		}
	}
	return coordinated || plain
}

// covered reports whether a mention covers token j.
func covered(ms []model.Mention, j int) bool {
	for _, m := range ms {
		if m.TokStart <= j && j < m.TokEnd {
			return true
		}
	}
	return false
}

// nounAgents splits the names after an event noun into its by-phrase — an
// agent preposition at most two words after the noun (an article or
// adjective may stand between), with the names coordinated with its first
// — and the rest.
func (x *Extractor) nounAgents(c *clause, right []model.Mention) (agents, rest []model.Mention) {
	lang, toks := c.lang, c.toks
	for k, m := range right {
		if len(agents) == 0 {
			p := m.TokStart - 1
			for p > c.tr.end && x.lex.HasKind(lang, toks[p], lexicon.Det) {
				p--
			}
			if (p < c.tr.end || p > c.tr.end+2 || !x.lex.HasKind(lang, toks[p], lexicon.Agent)) && !x.instrumentalAgent(c, m) {
				continue
			}
			agents = append(agents, m)
			rest = append(rest, right[:k]...)
			continue
		}
		if m.TokStart >= agents[len(agents)-1].TokEnd && x.joined(lang, toks, agents[len(agents)-1].TokEnd, m.TokStart) {
			agents = append(agents, m)
		} else {
			rest = append(rest, m)
		}
	}
	return agents, rest
}

// instrumentalAgent reports whether the name m is an event noun's agent in
// the instrumental case (syntax kind instrend: "захват Мариуполя
// российскими войсками"): a name, not an adjective, a few words after the
// noun, with no punctuation between and no preposition governing it ("с
// Россией", "между Россией и Китаем" are with- and between-phrases).
func (x *Extractor) instrumentalAgent(c *clause, m model.Mention) bool {
	lang, toks := c.lang, c.toks
	if m.Adj || m.TokStart < c.tr.end || m.TokStart > c.tr.end+instrReach || !x.lex.Ending(lang, lexicon.InstrEnd, toks[m.TokEnd-1]) {
		return false
	}
	if hasComma(toks, c.tr.end, m.TokStart) || x.inPhrase(lang, toks, m.TokStart, c.tr.end) || x.phraseOf(lang, toks, m.TokStart, c.tr.end, prepKinds...) {
		return false
	}
	for j := c.tr.end; j < m.TokStart; j++ {
		if toks[j].Kind == model.Punct {
			return false
		}
	}
	return true
}

// instrReach is how many words may stand between an event noun and its
// agent in the instrumental: its object in the genitive ("захват
// Мариуполя", "нарушений перемирия").
const instrReach = 4

// frontedMeetingSubject returns the subject of the main clause when the
// meeting noun stands in a phrase of time that opens the sentence
// ("Before/After talks with X, Y said …"): the first name after the
// phrase's comma, within three words, that no preposition governs.
func (x *Extractor) frontedMeetingSubject(c *clause) *model.Mention {
	toks := c.toks
	p := -1
	for j := c.tr.start - 1; j >= 0 && j >= c.tr.start-4; j-- {
		if x.lex.HasKind(c.lang, toks[j], lexicon.Time) {
			p = j
			break
		}
	}
	if p != 0 {
		return nil
	}
	comma := -1
	for j := c.tr.end; j < len(toks); j++ {
		if toks[j].Text == "," {
			comma = j
			break
		}
	}
	if comma < 0 {
		return nil
	}
	var adj *model.Mention
	for k := range c.in.Mentions {
		m := &c.in.Mentions[k]
		if m.TokStart <= comma || m.TokStart > comma+4 || m.Code == "" || m.Media || m.Locative || m.Nested || x.inPhrase(c.lang, toks, m.TokStart, comma+1) {
			continue
		}
		if m.Adj {
			// "Japanese Gen. Yoshihide Yoshida": the name after its adjective.
			if adj == nil {
				adj = m
			}
			continue
		}
		return m
	}
	return adj
}

// asParty returns a place mention as a party: the state the place belongs
// to ("struck Kyiv", "В Кремле заявили"), no longer a location.
func (x *Extractor) asParty(m model.Mention) model.Mention {
	m.Locative = false
	if o := x.kb.StandsFor(m.ID); o != nil && m.Kind == model.KindPlace {
		m.Kind, m.ID, m.Name, m.Code = model.KindOrg, "org:"+o.ID, o.Name, o.Code
	} else if m.Kind == model.KindPlace {
		m.Kind, m.ID, m.Name = model.KindState, "state:"+m.Code, x.kb.CodeName(m.Code)
	}
	return m
}

// caseSubject moves names in an oblique case before a verb to its
// objects; when no nominative name is left before it, the first
// nominative name after it that no preposition governs is the subject.
func (x *Extractor) caseSubject(c *clause, left, right []model.Mention) ([]model.Mention, []model.Mention, string) {
	// "Призыв к российскому правительству … подписали Австралия": a name
	// in a prepositional phrase is in an oblique case too.
	oblique := func(m model.Mention) bool {
		return m.Oblique || x.governedBy(c.lang, c.toks, m.TokStart, c.clo, prepNotOf)
	}
	if !slices.ContainsFunc(left, oblique) && len(left) > 0 {
		return left, right, ""
	}
	var subj, obl []model.Mention
	for _, m := range left {
		if m.Oblique && m.Kind == model.KindPerson && c.in.holderAfter(c.toks, m) {
			// "Главнокомандующего Вооружёнными Силами Российской
			// Федерации В.В.Путина": the holder of the office named right
			// before is in its case, neither subject nor object.
			continue
		}
		if oblique(m) && !m.Adj && !x.subjectGenitive(c, m) {
			obl = append(obl, m)
		} else {
			subj = append(subj, m)
		}
	}
	why := ""
	if len(obl) > 0 {
		why = "case: " + obl[0].Text + " is no subject"
	}
	rest := right
	if len(subj) == 0 && len(obl) > 0 {
		for k, m := range right {
			if m.TokStart <= c.tr.end+2 && !m.Oblique && !m.Adj && !x.inPhrase(c.lang, c.toks, m.TokStart, c.clo) {
				// "… подписали Канада и Норвегия": with the names
				// coordinated with it.
				n := k + 1
				for n < len(right) && !right[n].Oblique && x.coordinated(c.lang, c.toks, right[n-1].TokEnd, right[n].TokStart) {
					n++
				}
				subj = append(subj, right[k:n]...)
				rest = append(right[:k:k], right[n:]...)
				why = "case: subject " + m.Text + " after the verb"
				break
			}
		}
	}
	if len(subj) == 0 && x.lex.PluralVerb(c.lang, c.toks[c.tr.start]) && !x.anyKind(c.lang, c.toks, c.clo, c.tr.start, lexicon.Pron) {
		// "В Кремле заявили …", "у Брюсселі критикували …": a plural
		// verb with no subject speaks for the place named before it.
		for _, m := range c.in.Mentions {
			if m.TokStart < c.clo || m.TokEnd > c.tr.start || m.Code == "" || m.Nested || m.Adj || !x.prepIs(c.lang, c.toks, m.TokStart, lexicon.Loc) {
				continue
			}
			subj = append(subj, x.asParty(m))
			for k := range obl {
				if obl[k].TokStart == m.TokStart {
					obl = append(obl[:k:k], obl[k+1:]...)
					break
				}
			}
			why = "impersonal: " + c.toks[c.tr.start].Text + " speaks for " + m.Text
			break
		}
	}
	return subj, append(obl, rest...), why
}

// subjectGenitive reports whether an oblique name is the genitive of a
// noun that no preposition governs ("27 країн-членів Євросоюзу
// домовилися"): it stands for the subject whose possessor it is. After a
// preposition's noun it is not ("за высказывания Трампа критикуют").
func (x *Extractor) subjectGenitive(c *clause, m model.Mention) bool {
	p := m.TokStart - 1
	if p < c.clo || c.toks[p].Kind != model.Word || covered(c.in.Mentions, p) {
		return false
	}
	// "за высказывания Трампа критикуют": a phrase of reason too.
	kinds := append(prepKinds[:len(prepKinds):len(prepKinds)], lexicon.Reason)
	for _, k := range kinds {
		if x.lex.HasKind(c.lang, c.toks[p], k) {
			return false
		}
	}
	return !x.phraseOf(c.lang, c.toks, m.TokStart, c.clo, kinds...)
}

// placeOfSaying reports whether the place m, before the trigger, is where
// something is said: a verb of saying stands within three words before it
// or between it and the trigger.
func (x *Extractor) placeOfSaying(c *clause, m model.Mention) bool {
	for j := max(0, m.TokStart-3); j < c.tr.start; j++ {
		if j >= m.TokStart && j < m.TokEnd {
			continue
		}
		if end, kinds := x.lex.MarkersAt(c.lang, c.toks, j); end > j && has(kinds, lexicon.Say) {
			return true
		}
	}
	return false
}

// actAgents finds the first event noun of a charged type (types.tsv
// charge) after an accusing verb, and returns whom the accusation
// targets: the names before the noun — the accused object ("accused the
// US of threats") or the noun's own adjective or possessive ("the Russian
// attack", "Russia's attack") — else its by-phrase ("the attack by
// Russia") or genitive ("der Angriff des Iran", "удар Ирана"); none when the text names no one ("condemned the attack on
// Kyiv"), never the act's victims. It reports false when no such noun
// follows.
func (x *Extractor) actAgents(c *clause, right []model.Mention) ([]model.Mention, bool) {
	lang, toks := c.lang, c.toks
	for j := c.tr.end; j < c.hi; j++ {
		end, ts, ok := x.lex.TriggerAt(lang, toks, j)
		if !ok || !ts[0].Noun || x.lex.Charge(ts[0].Type) == "" {
			continue
		}
		// Whom the verb names before the act stays ("accused the US of
		// threats", "condemned Russia for its attack").
		var agents []model.Mention
		for _, m := range right {
			if m.TokEnd <= j {
				agents = append(agents, m)
			}
		}
		if len(agents) == 0 {
			inner := *c
			inner.tr = trigger{start: j, end: end, t: ts[0]}
			agents, _ = x.nounAgents(&inner, right)
		}
		if len(agents) == 0 {
			// The genitive right after the noun: "den Angriff des Iran auf
			// Israel", "удар Ирана по Израилю".
			for _, m := range right {
				if m.TokStart == end || m.TokStart == end+1 && x.lex.HasKind(lang, toks[end], lexicon.Of) {
					agents = append(agents, m)
				}
			}
		}
		return agents, true
	}
	return nil, false
}

// hasNames reports whether a mention with a code starts in [lo, hi).
func (in *Input) hasNames(lo, hi int) bool {
	for _, m := range in.Mentions {
		if m.Code != "" && m.TokStart >= lo && m.TokStart < hi {
			return true
		}
	}
	return false
}

// inWords reports whether an attack is one in words: named persons attack
// persons or organisations, and no state, place or armed body is among
// either side.
func inWords(src, tgt []model.Mention) bool {
	if len(src) == 0 || len(tgt) == 0 {
		return false
	}
	for _, m := range src {
		if m.Kind != model.KindPerson || m.Adj {
			return false
		}
	}
	for _, m := range tgt {
		if m.Kind != model.KindPerson && m.Kind != model.KindOrg || m.Adj {
			return false
		}
	}
	return true
}

// objectCase reports whether a determiner of an object case (syntax kind
// objdet) opens the phrase of m: right before it, or before adjectives
// and then capitalised nouns ("seinen ukrainischen Kollegen Selenskyj";
// "dem Eklat hat Trump" is no such phrase), and no preposition governs it
// ("nach dem").
func (x *Extractor) objectCase(c *clause, m model.Mention) bool {
	adjectives := false // the phrase reads determiner, adjectives, nouns, name
	for j := m.TokStart - 1; j >= c.clo && j >= m.TokStart-4; j-- {
		t := c.toks[j]
		if x.lex.HasKind(c.lang, t, lexicon.ObjDet) {
			return !x.inPhrase(c.lang, c.toks, j+1, c.clo) && (j == 0 || !x.inPhrase(c.lang, c.toks, j, c.clo))
		}
		if t.Kind != model.Word || t.Cap && adjectives {
			return false
		}
		adjectives = adjectives || !t.Cap
	}
	return false
}

// genitiveAfter reports whether the name m follows the noun trigger right
// away or after an article, as its genitive ("Zusammenarbeit Chinas",
// "der Angriff des Iran", "сотрудничество Китая"); a preposition between
// makes it no genitive ("Sanktionen für Russland").
func (x *Extractor) genitiveAfter(c *clause, m model.Mention) bool {
	j := c.tr.end
	for j < m.TokStart && x.lex.HasKind(c.lang, c.toks[j], lexicon.Det) {
		j++
	}
	return j == m.TokStart && !m.Adj
}

// firstBare splits the names before a clause-final verb into the first
// group of bare names (no preposition governs them; names joined by "and"
// or commas belong to it) with the names governed by prepositions, and the
// bare names after that group, which are objects.
func (x *Extractor) firstBare(c *clause, left []model.Mention) (first, rest []model.Mention) {
	lang, toks := c.lang, c.toks
	var lastFirst *model.Mention
	for k := range left {
		m := left[k]
		if m.TokEnd == m.TokStart+1 && len(m.Text) < len(toks[m.TokStart].Text) && unicode.IsUpper(firstRuneAfterHyphen(toks[m.TokStart].Text)) {
			continue // "im Rahmen der Nato-Aufrüstung": the head of another noun
		}
		if x.governedBy(lang, toks, m.TokStart, c.clo, prepNotOf) {
			first = append(first, m)
			continue
		}
		switch {
		case lastFirst == nil:
			first = append(first, m)
			lastFirst = &left[k]
		case len(rest) == 0 && x.coordinated(lang, toks, lastFirst.TokEnd, m.TokStart):
			first = append(first, m)
			lastFirst = &left[k]
		default:
			rest = append(rest, m)
		}
	}
	return first, rest
}

// coordinated reports whether only a conjunction "and", commas and
// articles stand in [from, to), and at least one of them.
func (x *Extractor) coordinated(lang string, toks []model.Token, from, to int) bool {
	if from >= to {
		return false
	}
	and := false
	for j := from; j < to; j++ {
		switch {
		case x.lex.HasKind(lang, toks[j], lexicon.And):
			and = true
		case toks[j].Text == ",", x.lex.HasKind(lang, toks[j], lexicon.Det):
		default:
			return false
		}
	}
	return and
}

// coordSubject returns the subject a verb trigger shares with the verb
// before it when it follows "and" (and at most one adverb) with no name
// of its own between: the name nearest before that earlier verb (a
// trigger or a verb of saying) with the names coordinated with it. It
// returns nil otherwise.
func (x *Extractor) coordSubject(c *clause) []model.Mention {
	lang, toks, in := c.lang, c.toks, c.in
	and := -1
	for k := c.tr.start - 1; k >= 0 && k >= c.tr.start-2; k-- {
		if toks[k].Kind == model.Punct {
			return nil
		}
		if x.lex.HasKind(lang, toks[k], lexicon.And) {
			and = k
			break
		}
	}
	if and < 1 || covered(in.Mentions, and+1) && and+1 < c.tr.start {
		return nil
	}
	// The earlier verb: the sentence's first trigger verb before "and",
	// past a verb of saying ("X said that Y attacked Z and killed …": Y);
	// a verb further on may sit in a clause of its own ("discussed how
	// Russia and Belarus can defeat … and signed").
	verb := -1
	for k := 0; k < and && verb < 0; k++ {
		if covered(in.Mentions, k) || toks[k].Kind != model.Word {
			continue
		}
		if end, kinds := x.lex.MarkersAt(lang, toks, k); end > k && (has(kinds, lexicon.Say) || has(kinds, lexicon.Claim)) {
			k = end - 1
			continue
		}
		if _, ts, ok := x.lex.TriggerAt(lang, toks, k); ok && !ts[0].Noun && ts[0].Type != lexicon.Stop {
			verb = k
		}
	}
	if verb < 0 {
		return nil
	}
	var before []model.Mention
	for _, m := range in.Mentions {
		if m.TokEnd <= verb && m.Code != "" && !m.Locative && !m.Media && !m.Nested && !m.Oblique && !m.Adj {
			before = append(before, m)
		}
	}
	if len(before) == 0 || hasComma(toks, before[len(before)-1].TokEnd, verb) {
		return nil
	}
	// The earlier verb's subject, as its own clause would find it.
	cc := *c
	cc.tr = trigger{start: verb, end: verb + 1, t: &lexicon.Trigger{Type: c.tr.t.Type}}
	cc.clo = 0
	subj, _ := x.subjectGroup(&cc, before)
	return subj
}

// relSubject returns the name a subject relative pronoun at the start of
// the trigger's clause stands for: the name that ends right before the
// comma before it; nil when the clause opens with none, or when a name
// stands between the pronoun and an English verb ("the missiles which Iran
// delivered": the pronoun is the object).
func (x *Extractor) relSubject(c *clause) *model.Mention {
	lang, toks, clo := c.lang, c.toks, c.clo
	if clo < 2 || toks[clo-1].Text != "," || !x.lex.HasKind(lang, toks[clo], lexicon.RelPro) || hasComma(toks, clo, c.tr.start) {
		return nil
	}
	if x.lex.FixedSubject(lang) && c.in.hasNames(clo+1, c.tr.start) {
		return nil
	}
	for k := range c.in.Mentions {
		m := &c.in.Mentions[k]
		if m.TokEnd == clo-1 && m.Code != "" && !m.Locative && !m.Media && !m.Nested {
			return m
		}
	}
	return nil
}

// relativeAside returns the bounds of a relative clause (", who …,",
// ", der …,", ", который …,") that a comma closes before the trigger, or
// -1, -1: its names are no arguments of the trigger.
func (x *Extractor) relativeAside(c *clause) (int, int) {
	lang, toks := c.lang, c.toks
	for j := c.tr.start - 1; j >= 1; j-- {
		if toks[j].Text != "," {
			continue
		}
		// j is the closing comma; the opening ", relpro" is the comma
		// before it.
		for k := j - 1; k >= 1; k-- {
			if toks[k-1].Text == "," {
				if x.lex.HasKind(lang, toks[k], lexicon.RelPro) {
					return k, j
				}
				return -1, -1
			}
		}
		return -1, -1
	}
	return -1, -1
}

// anyNamed reports whether a coded name starts in [from, to).
func (x *Extractor) anyNamed(in *Input, from, to int) bool {
	for _, m := range in.Mentions {
		if m.TokStart >= from && m.TokStart < to && m.Code != "" && !m.Locative {
			return true
		}
	}
	return false
}

// beforeReason drops the names after a reason phrase that follows the first
// target of a stance ("criticised Budapest for its deal with Russia",
// "обвинила Украину в сговоре с США", "supported Moldova in its response
// to the war against Ukraine"): the phrase says what for, and the names in
// it are no one accused or supported.
func (x *Extractor) beforeReason(c *clause, right []model.Mention, rules *[]string) []model.Mention {
	if len(right) < 2 {
		return right
	}
	p := x.kindAfter(c.lang, c.toks, right[0].TokEnd, c.hi, lexicon.Reason)
	if p < 0 {
		return right
	}
	kept := right[:0:0]
	for _, m := range right {
		if m.TokStart < p {
			kept = append(kept, m)
		}
	}
	if len(kept) < len(right) {
		*rules = append(*rules, "reason after "+c.toks[p].Text+": what for, no party")
	}
	return kept
}

// firstRuneAfterHyphen returns the first letter after a compound's last
// hyphen ("Nato-Aufrüstung": A), or 0.
func firstRuneAfterHyphen(w string) rune {
	h := strings.LastIndexByte(w, '-')
	if h < 0 || h+1 >= len(w) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return r
}

// pairAfter returns the two parties of a hyphenated pair right after the
// trigger ("Україна-ЄС", one word the linker splits in two), or nil.
func pairAfter(c *clause, ms []model.Mention) []model.Mention {
	at := c.tr.end
	for k, m := range ms {
		if m.TokStart != at || m.TokEnd != at+1 || k+1 >= len(ms) {
			continue
		}
		if n := ms[k+1]; n.TokStart == at && n.TokEnd == at+1 && n.Code != m.Code {
			return []model.Mention{m, n}
		}
	}
	return nil
}

// holderAfter reports whether the person m stands right after another
// name, with at most initials between ("Силами Российской Федерации
// В.В.Путина"): he holds the office or belongs to the body it names.
func (in *Input) holderAfter(toks []model.Token, m model.Mention) bool {
	j := m.TokStart
	for j > 0 && initialTok(toks[j-1]) {
		j--
	}
	for _, o := range in.Mentions {
		if o.TokEnd == j && o.TokStart < j && !o.Adj {
			return true
		}
	}
	return false
}

// initialTok reports whether a token is an initial or its dot ("В", ".").
func initialTok(t model.Token) bool {
	if t.Text == "." {
		return true
	}
	r, n := utf8.DecodeRuneInString(t.Text)
	return n == len(t.Text) && unicode.IsUpper(r)
}

// referredDemand returns whose demand, proposal or charge a refusal
// refers to when its object is such an event noun after an article and
// it names no one ("lehnte den Vorschlag ab", "wies die Vorwürfe
// zurück", "rejected the proposal"): the last person named before the
// sentence, when of another state than the refuser; else nil.
func (x *Extractor) referredDemand(c *clause, st *docState, src []model.Mention) *model.Mention {
	a := st.lastActor
	if a == nil || a.Code == "" || c.in.hasNames(c.tr.end, c.chi) {
		return nil
	}
	for _, m := range src {
		if m.Code == a.Code {
			return nil
		}
	}
	for j := c.tr.end + 1; j < c.chi && j <= c.tr.end+4; j++ {
		if c.toks[j].Kind == model.Punct {
			return nil
		}
		if !x.lex.HasKind(c.lang, c.toks[j-1], lexicon.Det) && !x.lex.HasKind(c.lang, c.toks[j-1], lexicon.Dem) {
			continue
		}
		_, ts, ok := x.lex.TriggerAt(c.lang, c.toks, j)
		if !ok {
			if t := x.compoundTail(c.lang, c.toks[j]); t != nil {
				ts, ok = []*lexicon.Trigger{t}, true
			}
		}
		req := x.lex.StandsFor(lexicon.Oblige)
		if ok && ts[0].Noun && (req != nil && ts[0].Type == req.Type || x.lex.Accusing(ts[0].Type)) {
			return a
		}
	}
	return nil
}

// governedNoun reports whether the trigger is a meeting or joint-act noun
// right after another trigger, whose object it is ("поддержка
// начавшемуся диалогу России и США"): the other's subject is not its own.
func (x *Extractor) governedNoun(c *clause) bool {
	p := c.prev
	if p == nil || !c.tr.t.Noun || p.t.Type == c.tr.t.Type || !x.lex.Symmetric(c.tr.t.Type) && !x.lex.Meeting(c.tr.t.Type) || c.tr.start < p.end || c.tr.start > p.end+2 {
		return false
	}
	for j := p.end; j < c.tr.start; j++ {
		if c.toks[j].Kind == model.Punct {
			return false
		}
	}
	return true
}

// partiesOfNext returns the parties of a meeting or joint-act noun that
// right follows the trigger (at most two words between, no punctuation),
// named right after it ("поддержка начавшемуся диалогу России и США",
// "welcomed the talks between Armenia and Azerbaijan"); nil when there is
// none.
func (x *Extractor) partiesOfNext(c *clause) []model.Mention {
	n := c.next
	if n == nil || !n.t.Noun || n.t.Type == c.tr.t.Type || !x.lex.Symmetric(n.t.Type) && !x.lex.Meeting(n.t.Type) || n.start < c.tr.end || n.start > c.tr.end+2 {
		return nil
	}
	for j := c.tr.end; j < n.start; j++ {
		if c.toks[j].Kind == model.Punct {
			return nil
		}
	}
	var out []model.Mention
	for _, m := range c.in.Mentions {
		if m.Code == "" || m.Locative || m.Nested || m.Media || m.TokStart < n.end {
			continue
		}
		if len(out) == 0 {
			p := m.TokStart - 1
			if p >= n.end && !x.lex.HasKind(c.lang, c.toks[p], lexicon.Between) && !x.lex.HasKind(c.lang, c.toks[p], lexicon.Det) || p > n.end+1 {
				return nil
			}
			out = append(out, m)
			continue
		}
		if m.TokStart < out[len(out)-1].TokEnd || !x.joined(c.lang, c.toks, out[len(out)-1].TokEnd, m.TokStart) {
			break
		}
		out = append(out, m)
	}
	return out
}

// controlled reports whether the trigger is a German infinitive with "zu"
// ("… zu liefern") whose subject is that of the clause before it: no verb
// of demanding governs it from there ("forderte die EU auf, Sanktionen zu
// verhängen": the EU would impose them, and only asked).
func (x *Extractor) controlled(c *clause) bool {
	lang, toks, at := c.lang, c.toks, c.tr.start
	if c.tr.t.Noun || !x.lex.VerbSecond(lang) || at == 0 || !x.lex.HasKind(lang, toks[at-1], lexicon.Inf) {
		return false
	}
	req := x.lex.StandsFor(lexicon.Oblige)
	for j := 0; j < at; j++ {
		if _, ts, ok := x.lex.TriggerAt(lang, toks, j); ok && !ts[0].Noun && (req != nil && ts[0].Type == req.Type) {
			return false
		}
	}
	return true
}
