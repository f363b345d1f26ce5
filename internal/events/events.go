// Package events finds PLOVER events in a document's sentences.
//
// In: a document's sentences, the mentions the linker found in each, and the
// resolved date expressions of each. Out: one model.Event per distinct event
// of the document, each citing every sentence that reports it.
//
// Per sentence it finds trigger words and phrases (the lexicon, by stem),
// splits the sentence into clauses, and gives each trigger the mentions of
// its stretch, between its neighbouring triggers and up to a comma,
// conjunction or (where word order marks the subject) auxiliary after it.
// Of those before it, the subject (source) is the phrase nearest it that no
// preposition governs (arguments.go); those after it are the object
// (target), less topic, cause and other nouns' between-phrases; an event
// noun's own adjective, by-phrase or genitive names who acts; "receive"
// triggers swap the roles and take the giver from a from-phrase; a
// relative pronoun stands for the name before its comma, a verb after
// "and" shares the first verb's subject, and in German the first bare name
// before a clause-final verb is the subject; in a transcript turn
// ("В.Путин: …") the first person, or a dropped one, is its speaker. A
// hyphenated pair after a meeting noun ("саміт Україна-ЄС") names its
// parties. A claim of another party's
// hostile act is also an accusation (claims.go); what a speaker says
// another party must do, or calls unacceptable, is his demand or
// accusation (obligations.go). Events below Options.MinConfidence are left
// out once a document's reports of one event have merged.
// Markers in the clause set the status (planned, denied, hypothetical,
// background; a direct quotation of others is hypothetical) and
// attribution. A clause's date is its own date expression, else the latest
// date of the paragraph so far, else the document's dateline. Mentions left
// out by status are dropped; the rest merge by type, actors and compatible
// dates.
package events

import (
	"slices"
	"sort"
	"strings"

	"entente/internal/dates"
	"entente/internal/fuse"
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
	// MinConfidence leaves out the document's events of lower confidence
	// (after its reports of one event are merged); 0 keeps them all.
	MinConfidence float64
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
	// partiesPara is the paragraph of that meeting.
	partiesPara int
	// turn is the speaker of the transcript turn being read ("В.Путин:
	// …"), whom the first person stands for, up to the next label or the
	// paragraph's end.
	turn *model.Mention
}

// Document returns the events of one document.
func (x *Extractor) Document(doc *model.Document, in []Input) []model.Event {
	st := &docState{para: -1, published: doc.Published}
	st.dateline = dateline(doc, in)
	// Each sentence's events are merged as they come: a long document's
	// thousand reports of one event never wait in a list.
	var merged fuse.Merger
	for i := range in {
		s := in[i].Sent
		if s.Para != st.para {
			st.para = s.Para
			st.paraDate = model.DateRange{}
			st.turn = nil // a turn ends with its paragraph
		}
		sevs := x.sentence(doc, &in[i], st)
		for k := range sevs {
			// What is left out goes before merging: a sentence that only
			// supposes or names an event does not report it, and must not
			// be cited as a source of the event other sentences report.
			if e := &sevs[k]; (x.opt.Hypothetical || e.Status != model.StatusHypothetical) && (x.opt.Background || e.Status != model.StatusBackground) {
				merged.Add(e)
			}
		}
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
	evs := merged.Events()
	if x.opt.MinConfidence > 0 {
		kept := evs[:0]
		for _, e := range evs {
			if e.Confidence >= x.opt.MinConfidence {
				kept = append(kept, e)
			}
		}
		evs = kept
	}
	return evs
}

// noteParties remembers the actors of the last meeting of two or more
// parties among evs, for "the sides" to stand for.
func (st *docState) noteParties(lx *lexicon.Lexicon, evs []model.Event) {
	for _, e := range evs {
		if !lx.Meeting(e.Type) || len(e.Codes()) < 2 {
			continue
		}
		st.parties = st.parties[:0]
		st.partiesPara = st.para
		for _, a := range e.Actors {
			st.parties = append(st.parties, model.Mention{Text: a.Text, Kind: model.EntityKind(a.Kind), ID: a.ID, Name: a.Name, Code: a.Code, Role: a.Role, Sector: a.Sector})
		}
	}
}

func (x *Extractor) sentence(doc *model.Document, in *Input, st *docState) []model.Event {
	s := in.Sent
	toks := s.Tokens
	lang := s.Lang
	if len(toks) > 0 && toks[0].Mark == 0 {
		x.lex.MarkTokens(lang, toks) // a caller that did not mark them
	}
	inMention := make([]bool, len(toks))
	for _, m := range in.Mentions {
		if m.Adj {
			continue
		}
		for j := m.TokStart; j < m.TokEnd && j < len(toks); j++ {
			inMention[j] = true
		}
	}
	trigs, yielded := x.findTriggers(lang, toks, inMention)
	demands := x.mayDemand(in)
	conds := x.mayThreaten(in)
	// A transcript turn's label ("В.Путин: …") names who speaks from it
	// on, in this sentence and the next ones.
	prevTurn := st.turn
	label, labelAt := turnLabel(toks, in.Mentions)
	if label != nil {
		st.turn = label
	}
	if len(trigs) == 0 && !demands && !conds {
		return nil
	}
	cs, ce := x.clauseBounds(lang, toks)
	quoted := quoteDepth(toks)
	attrib, attribSpan := x.attribution(lang, toks, in.Mentions)
	speaker, saidAt := x.speaker(lang, toks, in.Mentions)

	var out []model.Event
	if demands {
		out = x.obligations(doc, in, st, cs, ce, quoted, speaker, saidAt)
	}
	run := func(trigs []trigger, only []bool) {
		for ti := range trigs {
			if only != nil && !only[ti] {
				continue
			}
			out = append(out, x.clauseOf(doc, in, st, trigs, ti, cs, ce, quoted, attrib, attribSpan, speaker, saidAt, label, labelAt, prevTurn)...)
		}
	}
	run(trigs, nil)
	// A weak trigger that yielded to a strong one of its type stands in
	// where the strong one made no event.
	if len(yielded) > 0 {
		var retry []trigger
		for _, y := range yielded {
			if !slices.ContainsFunc(out, func(e model.Event) bool { return e.Type == y.t.Type }) {
				retry = append(retry, y)
			}
		}
		if len(retry) > 0 {
			all := append(slices.Clone(trigs), retry...)
			slices.SortFunc(all, func(a, b trigger) int { return a.start - b.start })
			only := make([]bool, len(all))
			for i, t := range all {
				only[i] = slices.ContainsFunc(retry, func(r trigger) bool { return r.start == t.start && r.t == t.t })
			}
			run(all, only)
		}
	}
	if conds {
		out = append(out, x.threats(doc, in, st, trigs, speaker)...)
	}
	return out
}

// clauseOf builds the events of trigger ti of a sentence's triggers: its
// clause runs from the trigger before it to the one after it, cut at a
// comma, a conjunction or an auxiliary that opens another predicate.
func (x *Extractor) clauseOf(doc *model.Document, in *Input, st *docState, trigs []trigger, ti int, cs, ce []int, quoted []bool, attrib string, attribSpan [2]int, speaker *model.Mention, saidAt int, label *model.Mention, labelAt int, prevTurn *model.Mention) []model.Event {
	lang, toks := in.Sent.Lang, in.Sent.Tokens
	tr := trigs[ti]
	{
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
		// …and at a conjunction that opens another clause ("should negotiate
		// with Russia because the US …", "who", "which").
		// In German a conjunctive adverb right after the finite verb
		// ("gab dagegen …", "betonte indes …") belongs to its clause.
		if j := x.kindAfter(lang, toks, tr.end, hi, lexicon.Conj); j >= 0 && !(x.lex.VerbSecond(lang) && !tr.t.Noun && j == tr.end) {
			hi = j
		}
		// …and, where word order marks the subject, at an auxiliary after
		// a verb's object: another predicate begins ("the missiles that Iran
		// delivered to Russia were used against Ukraine").
		if !tr.t.Noun && x.lex.FixedSubject(lang) {
			for j := tr.end + 1; j < hi; j++ {
				if x.lex.HasKind(lang, toks[j], lexicon.Passive) {
					hi = j
					break
				}
			}
		}
		if speaker != nil && tr.start < saidAt {
			st.speaker = speaker
		} else {
			st.speaker = nil
		}
		c := &clause{doc: doc, in: in, lang: lang, toks: toks, tr: tr, lo: lo, hi: hi, clo: cs[tr.start], chi: ce[tr.start], attrib: attrib, attribSpan: attribSpan,
			quoted: quoted != nil && quoted[tr.start], turn: st.turn}
		if label != nil && tr.start < labelAt {
			c.turn = prevTurn
		}
		if ti+1 < len(trigs) {
			c.next = &trigs[ti+1]
		}
		if ti > 0 {
			c.prev = &trigs[ti-1]
		}
		evs := x.build(c, st)
		st.noteParties(x.lex, evs)
		return evs
	}
}

func has(kinds []string, k string) bool {
	for _, x := range kinds {
		if x == k {
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

// anyKind reports whether a marker of the kind stands in [from, to).
func (x *Extractor) anyKind(lang string, toks []model.Token, from, to int, kind string) bool {
	for j := from; j < to; j++ {
		if x.lex.HasKind(lang, toks[j], kind) {
			return true
		}
	}
	return false
}

func hasComma(toks []model.Token, from, to int) bool {
	for j := from; j < to; j++ {
		if toks[j].Text == "," || toks[j].Text == ";" {
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

func tokenAt(toks []model.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
}

// quotePairs maps each opening quotation mark to its closing one („…“ in
// German, «…» in Russian and Ukrainian, “…” in English).
var quotePairs = map[string]string{"“": "”", "„": "“", "«": "»", "‹": "›", "\"": "\""}

// quoteWords is the fewest words a direct quotation has: fewer are a
// term or a scare quote ("an unspecified “deployment”").
const quoteWords = 5

// quoteDepth returns, for each token, whether it stands inside a direct
// quotation of the sentence (quoteWords words or more), or nil when the
// sentence has none.
func quoteDepth(toks []model.Token) []bool {
	var in []bool
	closer, open := "", -1
	for i, t := range toks {
		if t.Kind != model.Punct {
			continue
		}
		switch {
		case closer != "" && t.Text == closer:
			if words(toks[open+1:i]) >= quoteWords {
				if in == nil {
					in = make([]bool, len(toks))
				}
				for j := open + 1; j < i; j++ {
					in[j] = true
				}
			}
			closer = ""
		case closer == "":
			if c, ok := quotePairs[t.Text]; ok {
				closer, open = c, i
			} else if closeOnly[t.Text] && i > 0 && endsQuote[toks[i-1].Text] && words(toks[:i]) >= quoteWords {
				// "… regions he can't conquer militarily,” she told CNN.": a
				// quotation that began in an earlier sentence ends here.
				if in == nil {
					in = make([]bool, len(toks))
				}
				for j := 0; j < i; j++ {
					in[j] = true
				}
			}
		}
	}
	if closer != "" && closer != "\"" && words(toks[open+1:]) >= quoteWords {
		// "“The talks have stalled for months.": a quotation that goes on
		// into the next sentence.
		if in == nil {
			in = make([]bool, len(toks))
		}
		for j := open + 1; j < len(toks); j++ {
			in[j] = true
		}
	}
	return in
}

// closeOnly are the quotation marks that close a quotation, and endsQuote
// the punctuation a quotation's last sentence ends with inside them
// (",” she told CNN"; some texts open quotations with ”, too).
var (
	closeOnly = map[string]bool{"”": true, "»": true, "›": true}
	endsQuote = map[string]bool{",": true, ".": true, "?": true, "!": true}
)

// words counts the tokens that are no punctuation.
func words(toks []model.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind != model.Punct {
			n++
		}
	}
	return n
}
