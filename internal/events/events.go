// Package events finds PLOVER events in a document's sentences.
//
// In: a document's sentences, the mentions the linker found in each, and the
// resolved date expressions of each. Out: one model.Event per distinct event
// of the document, each citing every sentence that reports it.
//
// Per sentence it finds trigger words and phrases (the lexicon, by stem),
// splits the sentence into clauses, and gives each trigger the mentions
// between its neighbouring triggers: those before it are the subject (source),
// those after it the object (target); "receive" triggers swap the roles and
// take the giver from a from-phrase. Markers in the clause set the status
// (planned, denied, hypothetical) and attribution. A clause's date is its own
// date expression, else the latest date of the paragraph so far, else the
// document's dateline. Repeated mentions of one event merge by type, actors
// and compatible dates.
package events

import (
	"fmt"
	"sort"
	"strings"

	"entente/internal/dates"
	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Extractor finds events. It is immutable and safe for concurrent use.
type Extractor struct {
	lex *lexicon.Lexicon
	kb  *kb.KB
	opt Options
}

// Options say what an Extractor reports.
type Options struct {
	// Explain makes events carry the trigger, lexicon entry and rules that
	// produced them.
	Explain bool
	// Hypothetical keeps events the text only supposes ("could attack",
	// "readiness for talks", "the need to coordinate"); by default they are
	// left out, since they did not happen and are not planned.
	Hypothetical bool
	// Background keeps events the text only names without anchoring them
	// in a date, place, participants or a staging verb of their own
	// ("Russia's invasion of Ukraine"), with status background; by default
	// they are left out.
	Background bool
}

// New returns an extractor.
func New(lx *lexicon.Lexicon, k *kb.KB, opt Options) *Extractor {
	return &Extractor{lex: lx, kb: k, opt: opt}
}

// Input is one analysed sentence.
type Input struct {
	Sent     *model.Sentence
	Mentions []model.Mention
	Dates    []dates.Expr
}

// trigger is a trigger found in a sentence.
type trigger struct {
	start, end int // token indices
	t          *lexicon.Trigger
	text       string
}

// docState carries context from sentence to sentence.
type docState struct {
	published model.Point // the document's date, that relative dates count from
	para      int
	paraDate  model.DateRange
	dateline  model.DateRange
	lastActor *model.Mention
	// speaker is who says the sentence being read, when it names one after
	// the quote; the quote's events without a subject are the speaker's.
	speaker *model.Mention
	// parties are the actors of the last meeting of two or more parties,
	// whom "the sides" ("стороны", "beide Seiten") stand for.
	parties []model.Mention
}

// Document returns the events of one document.
func (x *Extractor) Document(doc *model.Document, in []Input) []model.Event {
	st := &docState{para: -1, published: doc.Published}
	st.dateline = dateline(doc, in)
	var evs []model.Event
	for i := range in {
		s := in[i].Sent
		if s.Para != st.para {
			st.para = s.Para
			st.paraDate = model.DateRange{}
		}
		sevs := x.sentence(doc, &in[i], st)
		evs = append(evs, sevs...)
		// The paragraph's date so far: that of the sentence's first dated
		// event, else its first date ("am 26. April ... nach dem Beitritt im
		// Juli 2023" goes on about 26 April).
		carried := false
		for _, e := range sevs {
			if !e.Date.IsZero() {
				st.paraDate, carried = e.Date, true
				break
			}
		}
		for _, d := range in[i].Dates {
			if !carried && !d.Value.IsZero() {
				st.paraDate = d.Value
				break
			}
		}
		for k := range in[i].Mentions {
			m := &in[i].Mentions[k]
			if m.Kind == model.KindPerson && m.Code != "" {
				st.lastActor = m
				break
			}
		}
	}
	evs = Merge(evs)
	if !x.opt.Hypothetical || !x.opt.Background {
		kept := evs[:0]
		for _, e := range evs {
			if (x.opt.Hypothetical || e.Status != model.StatusHypothetical) && (x.opt.Background || e.Status != model.StatusBackground) {
				kept = append(kept, e)
			}
		}
		evs = kept
	}
	return evs
}

// noteParties remembers the actors of the last meeting of two or more
// parties among evs, for "the sides" to stand for.
func (st *docState) noteParties(evs []model.Event) {
	for _, e := range evs {
		if e.Type != "CONSULT" || len(e.Codes()) < 2 {
			continue
		}
		st.parties = st.parties[:0]
		for _, a := range e.Actors {
			st.parties = append(st.parties, model.Mention{Text: a.Text, Kind: model.EntityKind(a.Kind), ID: a.ID, Name: a.Name, Code: a.Code, Role: a.Role, Sector: a.Sector})
		}
	}
}

// dateline returns the document's own date: its publication date when known
// to the day, else a full date written in its first paragraph (news sites
// print the date under the title).
func dateline(doc *model.Document, in []Input) model.DateRange {
	if doc.Published.Prec() == model.DayPrec {
		return model.PointRange(doc.Published)
	}
	for _, x := range in {
		if x.Sent.Para > 0 {
			break
		}
		for _, d := range x.Dates {
			if d.YearWritten && d.Value.Single() && d.Value.From.Prec() == model.DayPrec {
				return d.Value
			}
		}
	}
	if doc.Published.Year != 0 {
		return model.PointRange(doc.Published)
	}
	return model.DateRange{}
}

func (x *Extractor) findTriggers(lang string, toks []model.Token, inMention []bool) []trigger {
	var out []trigger
	for i := 0; i < len(toks); i++ {
		if inMention[i] || toks[i].Kind != model.Word {
			continue
		}
		end, ts, ok := x.lex.TriggerAt(lang, toks, i)
		if !ok {
			// The tail of a compound: "SCO-Gipfel", "NATO-Gipfeltreffen".
			if h := strings.LastIndexByte(toks[i].Text, '-'); h > 0 && h < len(toks[i].Text)-1 {
				tail := toks[i]
				an := x.lex.Analyzer()
				tail.Norm = an.Normalize(tail.Text[h+1:])
				tail.Stem = an.Stem(lang, tail.Norm)
				if _, ts2, ok2 := x.lex.TriggerAt(lang, []model.Token{tail}, 0); ok2 {
					out = append(out, trigger{i, i + 1, ts2[0], toks[i].Text})
				}
			}
			continue
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
		out = append(out, trigger{i, end, ts[0], joinText(toks[i:end])})
		i = end - 1
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
	// "forderten die Stärkung der Kooperation", "rejected talks", "обговорили
	// військову допомогу": event nouns after a verb that takes an event as its
	// content (or discusses it) are that content,
	// up to a comma or a place or time ("signed an agreement at the G7
	// summit").
	kept := out[:0]
	govEnd := -1
	for _, t := range out {
		if govEnd >= 0 && t.t.Noun && !hasComma(toks, govEnd, t.start) && !x.anyKind(lang, toks, govEnd, t.start, lexicon.Loc) {
			continue
		}
		if !t.t.Noun && (x.lex.Content(t.t.Type) || t.t.Topic) {
			govEnd = t.end
		}
		kept = append(kept, t)
	}
	out = kept
	// A weak trigger yields to a stronger one in the same sentence.
	strong := false
	for _, t := range out {
		if !t.t.Weak {
			strong = true
		}
	}
	if strong {
		kept := out[:0]
		for _, t := range out {
			if !t.t.Weak {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	return out
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

// afterSay reports whether a verb of saying stands within five words
// before i, with no punctuation between ("GUR reported on October 11 that").
func (x *Extractor) afterSay(lang string, toks []model.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Say) {
			return true
		}
	}
	return false
}

// anyKind reports whether a marker of the kind stands in [from, to).
func (x *Extractor) anyKind(lang string, toks []model.Token, from, to int, kind string) bool {
	for j := from; j < to; j++ {
		if x.lex.HasKind(lang, toks[j], kind) {
			return true
		}
	}
	return false
}

// parenDepth returns, for each token, how many parentheses enclose it, or
// nil when the sentence has none.
func parenDepth(toks []model.Token) []int {
	var depth []int
	d := 0
	for i, t := range toks {
		switch t.Text {
		case "(":
			if depth == nil {
				depth = make([]int, len(toks))
			}
			d++
		case ")":
			if d > 0 {
				d--
			}
		}
		if depth != nil {
			depth[i] = d
		}
	}
	return depth
}

func hasComma(toks []model.Token, from, to int) bool {
	for j := from; j < to; j++ {
		if toks[j].Text == "," || toks[j].Text == ";" {
			return true
		}
	}
	return false
}

func joinText(toks []model.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// clauseBounds returns, for each token, the index of its clause's first
// token and one past its last.
func (x *Extractor) clauseBounds(lang string, toks []model.Token) (starts, ends []int) {
	n := len(toks)
	starts, ends = make([]int, n), make([]int, n)
	cut := make([]bool, n+1)
	for i, t := range toks {
		switch {
		case t.Text == ";":
			cut[i+1] = true
		case i > 0 && toks[i-1].Text == "," && x.conjAt(lang, toks, i):
			cut[i] = true
		case x.lex.HasKind(lang, t, lexicon.Comp) && (i > 0 && toks[i-1].Text == "," || x.afterSay(lang, toks, i)):
			cut[i] = true // "reported on October 11 that …", ", что …"
		}
	}
	s := 0
	for i := 0; i < n; i++ {
		if cut[i] {
			s = i
		}
		starts[i] = s
	}
	e := n
	for i := n - 1; i >= 0; i-- {
		if cut[i+1] {
			e = i + 1
		}
		ends[i] = e
	}
	return starts, ends
}

func (x *Extractor) sentence(doc *model.Document, in *Input, st *docState) []model.Event {
	s := in.Sent
	toks := s.Tokens
	lang := s.Lang
	inMention := make([]bool, len(toks))
	for _, m := range in.Mentions {
		if m.Adj {
			continue
		}
		for j := m.TokStart; j < m.TokEnd && j < len(toks); j++ {
			inMention[j] = true
		}
	}
	trigs := x.findTriggers(lang, toks, inMention)
	if len(trigs) == 0 {
		return nil
	}
	cs, ce := x.clauseBounds(lang, toks)
	attrib, attribSpan := x.attribution(lang, toks, in.Mentions)
	speaker, saidAt := x.speaker(lang, toks, in.Mentions)

	var out []model.Event
	for ti, tr := range trigs {
		lo, hi := cs[tr.start], ce[tr.start]
		if ti > 0 && trigs[ti-1].end > lo {
			lo = trigs[ti-1].end
		}
		if ti+1 < len(trigs) && trigs[ti+1].start < hi {
			hi = trigs[ti+1].start
		}
		// What follows a trigger ends at a comma that does not join a list
		// ("Поки США зволікають з виділенням допомоги для України, Росія ...").
		hi = x.commaAfter(lang, toks, in.Mentions, tr.end, hi)
		if speaker != nil && tr.start < saidAt {
			st.speaker = speaker
		} else {
			st.speaker = nil
		}
		evs := x.build(doc, in, st, tr, lo, hi, cs[tr.start], ce[tr.start], attrib, attribSpan)
		st.noteParties(evs)
		out = append(out, evs...)
	}
	return out
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
	tail := t
	tail.Norm = t.Norm[h+1:]
	return x.lex.HasKind(lang, tail, lexicon.Compound)
}

// listComma reports whether the comma at c joins items of a list of names
// ("Russland, Belarus und China"): a name ends before it and one starts
// after it (articles aside) that is followed by another comma or "and".
func (x *Extractor) listComma(lang string, toks []model.Token, ms []model.Mention, c int) bool {
	endsBefore := false
	for _, m := range ms {
		if m.TokEnd == c {
			endsBefore = true
		}
	}
	if !endsBefore {
		return false
	}
	j := c + 1
	for j < len(toks) && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j++
	}
	for _, m := range ms {
		if m.TokStart == j && m.TokEnd < len(toks) {
			n := toks[m.TokEnd]
			return n.Text == "," || x.lex.HasKind(lang, n, lexicon.And)
		}
	}
	return false
}

// lastComma returns the last comma in [lo, at) that does not join a list,
// or -1.
func (x *Extractor) lastComma(lang string, toks []model.Token, ms []model.Mention, lo, at int) int {
	for j := at - 1; j >= lo; j-- {
		if toks[j].Text == "," && !x.listComma(lang, toks, ms, j) {
			return j
		}
	}
	return -1
}

// commaAfter returns where the trigger's stretch ends: at the first comma
// after it that does not join a list, else hi.
func (x *Extractor) commaAfter(lang string, toks []model.Token, ms []model.Mention, from, hi int) int {
	for j := from; j < hi; j++ {
		if toks[j].Text == "," && !x.listComma(lang, toks, ms, j) {
			return j
		}
	}
	return hi
}

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
			if m.TokStart >= end && m.TokStart < stop && (m.Media || m.Kind == model.KindBody || m.Kind == model.KindOrg) {
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

func has(kinds []string, k string) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// build makes the event of one trigger from the mentions in [lo, hi).
func (x *Extractor) build(doc *model.Document, in *Input, st *docState, tr trigger, lo, hi, clo, chi int, attrib string, attribSpan [2]int) []model.Event {
	s := in.Sent
	toks := s.Tokens
	lang := s.Lang
	var left, right []model.Mention
	var fromSide []model.Mention
	var loc *model.Location
	for _, m := range in.Mentions {
		if m.Nested || m.TokStart >= attribSpan[0] && m.TokStart < attribSpan[1] {
			continue
		}
		if m.Locative || (m.Kind == model.KindPlace && m.Locative) {
			if loc == nil && m.Kind == model.KindPlace {
				loc = &model.Location{Name: m.Name, Code: m.Code}
			}
			continue
		}
		if m.Media || m.Code == "" || m.Nested {
			continue
		}
		if m.TokStart < lo || m.TokStart >= hi {
			continue
		}
		if m.Adj && x.compoundAdj(lang, toks[m.TokEnd-1]) {
			continue // "a Russian-brokered ceasefire", "Iranian-made drones": who made them is no party
		}
		if m.TokStart < tr.start {
			left = append(left, m)
		} else {
			if x.prepIs(lang, toks, m.TokStart, lexicon.From) {
				fromSide = append(fromSide, m)
			}
			right = append(right, m)
		}
	}
	var rules []string
	// "Amid reports of deliveries to Russia, Ukraine cut ties": when a
	// name stands between the last comma and the trigger, the subject is
	// there and what precedes the comma is another phrase.
	if c := x.lastComma(lang, toks, in.Mentions, lo, tr.start); c >= 0 {
		var near []model.Mention
		for _, m := range left {
			if m.TokStart > c {
				near = append(near, m)
			}
		}
		if len(near) > 0 && len(near) < len(left) {
			left = near
			rules = append(rules, "subject after the comma")
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
	// A pronoun subject ("interagierte er mit ...") stands for the last person named.
	if len(left) == 0 && st.lastActor != nil {
		for j := clo; j < hi && j <= tr.end+1; j++ {
			if x.lex.HasKind(lang, toks[j], lexicon.Pron) {
				left = append(left, *st.lastActor)
				rules = append(rules, "pronoun "+toks[j].Text+" = "+st.lastActor.Name)
				break
			}
		}
	}
	// "Стороны подписали …", "…, and the two leaders signed …": the parties
	// of the meeting reported last.
	if len(st.parties) > 0 {
		if j := x.sidesAt(lang, toks, clo, tr.start); j >= 0 && (len(left) == 0 || left[len(left)-1].TokEnd <= j) {
			left = append(left[:0:0], st.parties...)
			rules = append(rules, "the sides: "+toks[j].Text+" = the last meeting's parties")
		}
	}
	// "…, sagte Außenminister Dacic": the speaker is the quote's subject.
	if len(left) == 0 && st.speaker != nil {
		left = append(left, *st.speaker)
		rules = append(rules, "speaker "+st.speaker.Text+" after the quote")
	}
	// The subject of an earlier verb in the clause serves a later one: "X and
	// Y met ... and called for ..." gives the whole coordinated subject.
	if len(left) == 0 && lo > clo {
		for _, m := range in.Mentions {
			if m.TokStart < clo || m.TokStart >= lo || m.Locative || m.Media || m.Code == "" || m.Adj || m.Nested {
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
		// target; so is the host of a visit ("Obamas Besuch in Kuba").
		for _, m := range in.Mentions {
			if m.Locative && !m.Nested && m.Code != "" && m.TokStart >= lo && m.TokStart < hi && !m.Adj {
				t := m
				t.Locative = false
				if t.Kind == model.KindPlace {
					t.Kind, t.ID, t.Name = model.KindState, "state:"+t.Code, x.kb.CodeName(t.Code)
				}
				right = append(right, t)
				rules = append(rules, "place "+m.Text+" names the target")
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
	// talked about, not parties; with-phrases still add parties.
	if p := x.aboutAfter(lang, toks, tr.end, hi); p >= 0 {
		kept := right[:0:0]
		for _, m := range right {
			if m.TokStart < p || x.prepIs(lang, toks, m.TokStart, lexicon.With) {
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
	if tr.t.Noun {
		// "Treffen zwischen Russland, Belarus und China": the between-phrase
		// names every party.
		for _, m := range right {
			if x.prepIs(lang, toks, m.TokStart, lexicon.Between) {
				left, between = nil, true
				rules = append(rules, "between-phrase names the parties")
				break
			}
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
	src, tgt := left, right
	if tr.t.Recv {
		src, tgt = fromSide, left
		if len(src) == 0 {
			src = right
		}
	}
	if x.negated(lang, toks, tr.start) {
		return nil
	}
	var out []model.Event
	groups := [][2][]model.Mention{{src, tgt}}
	if tr.t.Type == "CONSULT" {
		// A meeting noun whose parties all follow it: the genitive is the
		// subject, the with-phrase the others ("das Treffen des Ministers
		// von Belarus mit seinen chinesischen und iranischen Kollegen").
		if len(src) == 0 && len(tgt) > 1 && !x.prepIs(lang, toks, tgt[0].TokStart, lexicon.With) {
			src, tgt = tgt[:1], tgt[1:]
		}
		if !between {
			groups = dyads(src, tgt)
		}
	}
	for _, g := range groups {
		if ev, ok := x.event(doc, in, st, tr, g[0], g[1], lo, hi, clo, chi, loc, rules, attrib); ok {
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

// event makes one event of a trigger and its source and target mentions.
func (x *Extractor) event(doc *model.Document, in *Input, st *docState, tr trigger, src, tgt []model.Mention, lo, hi, clo, chi int, loc *model.Location, rules []string, attrib string) (model.Event, bool) {
	s := in.Sent
	toks := s.Tokens
	lang := s.Lang
	actors, codes, strong := x.actors(src, tgt, tr.t)
	n := len(codes)
	for _, a := range actors {
		if a.Kind == string(model.KindOrg) && x.lex.Members(tr.t.Type) {
			n++ // an organisation's members meet in it
			break
		}
	}
	if len(codes) == 0 || (tr.t.Pair && len(codes) < 2) {
		return model.Event{}, false
	}
	if n < x.lex.MinActors(tr.t.Type) && !(x.lex.Solo(tr.t.Type) && !tr.t.Noun && namedSubject(src)) {
		return model.Event{}, false
	}
	if !strong && len(codes) < 2 {
		return model.Event{}, false
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
	if ev.Type == "CONSULT" && ev.Mode == "" {
		for _, a := range actors {
			if a.Kind == string(model.KindOrg) {
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
		case has(kinds, lexicon.Future):
			ev.Status = model.StatusPlanned
			rules = append(rules, "future: "+toks[j].Text)
		case has(kinds, lexicon.Deny) && ev.Type != "REJECT":
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
	if m := x.governor(lang, toks, tr.start, clo, lexicon.Modal, 5); m >= 0 {
		ev.Status = model.StatusHypothetical
		rules = append(rules, "supposed: "+toks[m].Text)
	}
	if ev.Status == model.StatusReported || ev.Status == model.StatusPlanned {
		if st, why := x.unasserted(lang, toks, tr, clo); st != "" {
			ev.Status = st
			rules = append(rules, why)
		}
	}
	if tr.t.Noun && (ev.Status == model.StatusReported || ev.Status == model.StatusPlanned) {
		if a := x.anchor(in, tr.start, src, tgt, loc, clo, chi); a != "" {
			rules = append(rules, "anchored by "+a)
		} else {
			ev.Status = model.StatusBackground
			rules = append(rules, "background: "+tr.text+" has no date, place, participant or staging verb of its own")
		}
	}
	ev.Date = x.date(in, st, tr, lo, hi, past, ev.Status == model.StatusPlanned)
	ev.Location = loc
	feats := evidence(tr, src, tgt, actors, codes, &ev, rules, attrib, s)
	ev.Confidence = x.confidence(feats)
	if x.opt.Explain {
		ev.Explain = []model.Explanation{{Trigger: tr.text, Entry: fmt.Sprintf("%s %s (%s)", tr.t.Type, tr.t.Phrase, tr.t.Pos), Rules: append(rules, mentionWhy(in.Mentions, lo, hi)...), Evidence: feats}}
	}
	return ev, true
}

// aboutAfter returns the first topic preposition in [from, hi) that is not
// right before a name's first word ("über das Verhältnis …", not the route
// "über Polen"), or -1.
func (x *Extractor) aboutAfter(lang string, toks []model.Token, from, hi int) int {
	for j := from; j < hi-1; j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.About) && !toks[end].Cap {
			return j
		}
	}
	return -1
}

// sidesAt returns where a sides phrase ("стороны", "the two sides") opens
// the subject of a trigger at start: at the sentence's start, or after
// ", and" — elsewhere "со стороны Мьянмы" is a side, not the sides — or -1.
func (x *Extractor) sidesAt(lang string, toks []model.Token, clo, start int) int {
	for j := clo; j < start; j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || !has(kinds, lexicon.Sides) {
			continue
		}
		if j == 0 || j >= 2 && toks[j-2].Text == "," && x.lex.HasKind(lang, toks[j-1], lexicon.And) {
			return j
		}
	}
	return -1
}

// kindAfter returns the first marker of the kind in [from, hi), or -1.
func (x *Extractor) kindAfter(lang string, toks []model.Token, from, hi int, kind string) int {
	for j := from; j < hi; j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, kind) {
			return j
		}
	}
	return -1
}

// conjAt reports whether the longest marker phrase at token i is a
// clause-splitting conjunction: ", as he hosted …" splits, ", as well as
// China" (kind and) does not.
func (x *Extractor) conjAt(lang string, toks []model.Token, i int) bool {
	end, kinds := x.lex.MarkersAt(lang, toks, i)
	return end > i && has(kinds, lexicon.Conj)
}

// saidBefore reports whether a verb of saying comes before token j in the
// sentence: what follows is reported speech.
func (x *Extractor) saidBefore(lang string, toks []model.Token, j int) bool {
	for i := 0; i < j; i++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, i); end > i && has(kinds, lexicon.Say) {
			return true
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

func mentionWhy(ms []model.Mention, lo, hi int) []string {
	var out []string
	for _, m := range ms {
		if m.TokStart >= lo && m.TokStart < hi {
			out = append(out, fmt.Sprintf("%q → %s %s: %s", m.Text, m.Code, m.Name, strings.Join(m.Why, "; ")))
		}
	}
	return out
}

// negated reports whether a negation stands just before the trigger ("did
// not meet", "nicht getroffen", "не встречался"), but not "not only".
func (x *Extractor) negated(lang string, toks []model.Token, at int) bool {
	for j := at - 1; j >= 0 && j >= at-3; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Neg) {
			if j+1 < len(toks) && x.lex.HasKind(lang, toks[j+1], lexicon.Only) {
				return false
			}
			return true
		}
	}
	return false
}

// joined reports whether only "and", commas, articles and "of"-words lie
// between two mentions, so they are one coordinated phrase.
func (x *Extractor) joined(lang string, toks []model.Token, from, to int) bool {
	for j := from; j < to; j++ {
		t := toks[j]
		if t.Text != "," && !x.lex.HasKind(lang, t, lexicon.And) && !x.lex.HasKind(lang, t, lexicon.Det) && !x.lex.HasKind(lang, t, lexicon.Of) {
			return false
		}
	}
	return true
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

func (x *Extractor) prepIs(lang string, toks []model.Token, i int, kind string) bool {
	j := i - 1
	for j >= 0 && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j--
	}
	return j >= 0 && x.lex.HasKind(lang, toks[j], kind)
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
	if t.Type == "CONSULT" && t.Mode != "visit" {
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

// date picks the event's date: the date expression of its own words, else of
// its sentence, else the latest date of the paragraph, else the dateline.
func (x *Extractor) date(in *Input, st *docState, tr trigger, lo, hi int, past, planned bool) model.DateRange {
	toks := in.Sent.Tokens
	best := -1
	bestDist := 1 << 30
	depth := parenDepth(toks) // nil without parentheses
	for k, d := range in.Dates {
		if d.Value.IsZero() {
			continue
		}
		pos := tokenAt(toks, d.Start)
		if depth != nil && pos < len(toks) && depth[pos] > depth[tr.start] {
			continue // "(… accords that the Kremlin coerced Ukraine into accepting in 2014-2015)": an aside's date
		}
		if x.since(in.Sent.Lang, toks, pos) {
			continue // "their first meeting since 2016": a bound, not the meeting's date
		}
		dist := pos - tr.start
		if dist < 0 {
			dist = -dist
		}
		if pos < lo || pos >= hi {
			dist += 1000 // outside the trigger's stretch: a last resort
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best >= 0 {
		if planned {
			// "will travel on Wednesday": the coming Wednesday.
			if v, ok := in.Dates[best].Ahead(st.published); ok {
				return v
			}
		}
		return in.Dates[best].Value
	}
	if past {
		return model.DateRange{}
	}
	if !st.paraDate.IsZero() {
		return st.paraDate
	}
	return st.dateline
}

// since reports whether a date at token pos is the bound of a span ("since
// 2016", "seit Juli 2023", "впервые с 2016 года"): a since marker ends
// right before it or before its article.
func (x *Extractor) since(lang string, toks []model.Token, pos int) bool {
	for j := pos - 1; j >= 0 && j >= pos-4; j-- {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Since) && (end == pos || end < pos && x.lex.HasKind(lang, toks[end], lexicon.Det)) {
			return true
		}
	}
	return false
}

func tokenAt(toks []model.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
}
