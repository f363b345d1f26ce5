// Package link finds mentions of states, organisations, places, bodies and
// persons in a sentence and links them to the knowledge base.
//
// In: a tokenized model.Sentence and a per-document Context (the date offices
// are resolved on, and the persons already named). Out: non-overlapping
// model.Mentions in text order, each with the state or organisation code it
// belongs to.
//
// It works in passes over the tokens:
//  1. names: the longest alias in a trie over Latin keys of stems (so
//     "Шойгу", "Schoigu" and "Shoigu" meet); family names alone only with
//     context;
//  2. role phrases: a title ("Verteidigungsminister", "министр обороны") with
//     its state before it (adjective, genitive, "US-" prefix) or after it
//     ("von China", "Китая", coordinated lists), and a name after it; the
//     phrase resolves to the office holder on the date, which also rescues a
//     garbled name ("Donh Zhun"); an unknown holder becomes a provisional
//     person of that state, never a wrong link; a title alone ("the
//     minister", "министр") names the one person of that office the
//     document named before, or nobody;
//  3. bare state adjectives ("russisch-chinesische");
//  4. locatives: a place or state after "in", "в", "у" is where, not who.
package link

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xrash/smetrics"

	"entente/internal/lexicon"
	"entente/internal/model"
)

// Context is what the linker knows about one document so far. Use one per
// document, in sentence order.
type Context struct {
	// Date is the date offices are resolved on: the sentence's or the
	// document's date. Callers update it as they go.
	Date model.Point
	// doc is the document's own date, that Date starts at: a "then" title
	// ("the then foreign minister") names a holder only when Date differs.
	doc  model.Point
	seen map[*Entity]bool
	// named lists the persons named so far, in the order first named, and
	// titled the titles the document gave each ("Foreign Minister Lavrov"):
	// a title alone refers back to them.
	named  []*Entity
	titled map[*Entity][]string
	// last is the person named last, and lastRole the office the text
	// gave or the date gives them: whose counterpart "his counterpart" is
	// when the sentence names nobody before it.
	last     *Entity
	lastRole string
	// abbrev holds the abbreviations the document defined in parentheses
	// after a name ("die Afrikanische Union (AU)"): the name's mention.
	abbrev map[string]model.Mention
}

// NewContext returns an empty context resolving offices on date, the
// document's own date.
func NewContext(date model.Point) *Context {
	return &Context{Date: date, doc: date, seen: map[*Entity]bool{}, titled: map[*Entity][]string{}}
}

// defines records an abbreviation in parentheses right after the name m
// that ends at token end ("die Afrikanische Union (AU)", "Ärzte ohne
// Grenzen (MSF)"): one word in capitals, which later names m in the
// document even where the knowledge base leaves it out as ambiguous.
func (ctx *Context) defines(toks []model.Token, end int, m model.Mention) bool {
	if end+2 >= len(toks) || toks[end].Text != "(" || toks[end+2].Text != ")" || !toks[end+1].Upper || m.Kind == model.KindPerson || m.Kind == model.KindPlace || m.Code == "" {
		return false
	}
	if ctx.abbrev == nil {
		ctx.abbrev = map[string]model.Mention{}
	}
	m.TokStart, m.TokEnd, m.Start, m.End, m.Text, m.Oblique, m.Locative = 0, 0, 0, 0, "", false, false
	ctx.abbrev[toks[end+1].Text] = m
	return true
}

// name records that the document named person e, with the title role
// when the text gave one.
func (ctx *Context) name(e *Entity, role string) {
	if !ctx.seen[e] {
		ctx.seen[e] = true
		ctx.named = append(ctx.named, e)
	}
	if role != "" && !slices.Contains(ctx.titled[e], role) {
		ctx.titled[e] = append(ctx.titled[e], role)
	}
	ctx.last, ctx.lastRole = e, role
}

// span is a mention in the making.
type span struct {
	start, end int // token indices
	bs, be     int // byte offsets
	m          model.Mention
	used       bool // consumed by a role phrase
}

// Sentence returns the mentions of one sentence.
func (l *Linker) Sentence(s *model.Sentence, ctx *Context) []model.Mention {
	toks := s.Tokens
	if len(toks) == 0 {
		return nil
	}
	lang := s.Lang
	keys := make([]string, len(toks))  // for states, places, organisations, bodies
	pkeys := make([]string, len(toks)) // for persons
	for i, t := range toks {
		if t.Kind == model.Word {
			keys[i] = l.tokenKey(t, 1)
			pkeys[i] = keys[i]
			if !isLatin(t.Text) {
				pkeys[i] = l.tokenKey(t, 2)
			}
		}
	}

	var spans []*span
	covered := make([]bool, len(toks))
	// Pass 1: names.
	for i := 0; i < len(toks); {
		t := toks[i]
		// A name starts with a capital, or with lower-case particles before
		// one ("фон дер Ляйен", "von der Leyen", "де Мистура").
		if t.Kind == model.Word && (t.Cap || t.Upper || l.particleName(toks, i) > 0) {
			keyf := func(ks []string) func(j int) string {
				return func(j int) string {
					if toks[j].Kind == model.Punct && (toks[j].Text == "." || toks[j].Text == ",") {
						return ""
					}
					if toks[j].Kind == model.Punct {
						return toks[j].Norm
					}
					return ks[j]
				}
			}
			end, as := l.names.Longest(i, len(toks), keyf(keys))
			pend, pas := l.people.Longest(i, len(toks), keyf(pkeys))
			if pend == i+1 && end <= i+1 && toks[i].Cap && !allShort(pas) {
				if after := l.particleName(toks, i+1); after > 0 {
					if e, _ := l.names.Longest(after-1, len(toks), keyf(keys)); e == after-1 {
						// "Франсиско де Миранда", "Francis de Sales": a one-word
						// alias that is no family name, a particle and a name
						// that is no state or place ("von China") make a name
						// no alias spans, whose words name nobody alone.
						i = after
						continue
					}
				}
			}
			if pend > end {
				end, as = pend, pas
			} else if pend == end && pend > i {
				as = append(append([]alias(nil), as...), pas...)
			}
			if end > i {
				if m, start, ok := l.initialName(as, toks, i, end, lang, ctx); start >= 0 {
					if ok {
						sp := &span{start: start, end: end, bs: toks[start].Start, be: toks[end-1].End, m: m}
						spans = append(spans, sp)
						for j := start; j < end; j++ {
							covered[j] = true
						}
					}
					i = end
					continue
				}
				from := 0 // where this name may begin: not inside a place phrase before it
				if n := len(spans); n > 0 && l.placePhraseEnd(toks, spans[n-1], i, lang) {
					from = i
				}
				if m, ok := l.resolveAliases(as, toks, from, i, end, lang, ctx); ok {
					m.Oblique = oblique(as, m.ID, toks[end-1], lang)
					sp := &span{start: i, end: end, bs: toks[i].Start, be: toks[end-1].End, m: m}
					spans = append(spans, sp)
					for j := i; j < end; j++ {
						covered[j] = true
					}
					i = end
					if ctx.defines(toks, end, m) {
						i = end + 3 // the definition itself is no second mention
					}
					continue
				}
			}
			if m, ok := ctx.abbrev[t.Text]; ok {
				// "… (AU). … die AU": an abbreviation the document defined.
				m.Why = []string{"abbreviation defined in the document"}
				spans = append(spans, &span{start: i, end: i + 1, bs: t.Start, be: t.End, m: m})
				covered[i] = true
				i++
				continue
			}
			if sps := l.compoundName(t, i, lang, ctx); sps != nil {
				spans = append(spans, sps...)
				covered[i] = true
			}
		}
		i++
	}

	// Pass 2: bare adjectives and role phrases.
	spans = l.rolePhrases(s, toks, lang, spans, covered, ctx)

	// Pass 4: locatives and places.
	sort.Slice(spans, func(a, b int) bool { return spans[a].bs < spans[b].bs })
	out := make([]model.Mention, 0, len(spans))
	prevEnd := 0 // the end of the last name before this one (an adjective is part of the phrase)
	for k, sp := range spans {
		m := sp.m
		if k > 0 && spans[k-1].end <= sp.start && !spans[k-1].m.Adj {
			prevEnd = spans[k-1].end
		}
		if sp.used {
			if m.Kind != model.KindState && m.Kind != model.KindOrg || m.Adj {
				continue
			}
			m.Nested = true
		}
		m.TokStart, m.TokEnd = sp.start, sp.end
		m.Start, m.End = sp.bs, sp.be
		m.Text = textOf(toks, sp)
		if m.Kind == model.KindPlace && l.dateline(toks, sp) {
			continue // "Paris – ...", "Prag/Wien –": where the report was filed
		}
		switch m.Kind {
		case model.KindPlace:
			// A place is where something happens. Only a capital may stand
			// for its government ("Moscow accused ..."), and only when it is
			// not after a locative or source preposition and a word follows
			// it (not a dateline "Prag/Wien –", "Москва, Кремль").
			prep := l.prepBefore(toks, prevEnd, sp.start, lang)
			switch {
			case !isCapital(l, m):
				m.Locative = true
			case prep == lexicon.Loc && !l.directional(toks, sp, lang), prep == lexicon.From:
				m.Locative = true
			case prep != lexicon.To && (sp.end >= len(toks) || toks[sp.end].Kind != model.Word) &&
				!(prep == "" && sp.start > 0 && sp.end < len(toks) && toks[sp.end].Text == ","):
				// "Kiew beschuldigt Moskau, …": a capital that no
				// preposition governs, inside the sentence, before a comma,
				// is still its government.
				m.Locative = true
			}
		case model.KindState:
			if m.Adj {
				// An adjective inside a place phrase: "in der kasachischen Hauptstadt".
				if l.prepBefore(toks, prevEnd, sp.start, lang) == lexicon.Loc && sp.end < len(toks) && l.placeAfter(spans, sp.end) {
					m.Locative = true
				}
				break
			}
			prep := l.prepBefore(toks, prevEnd, sp.start, lang)
			switch {
			case prep == lexicon.Loc && !l.directional(toks, sp, lang):
				m.Locative = true
			case k > 0 && spans[k-1].m.Kind == model.KindPlace &&
				spans[k-1].end+1 == sp.start && toks[sp.start-1].Text == ",":
				m.Locative = true // "in Astana, Kasachstan"
			}
		}
		if m.Kind == model.KindPerson && m.ID != "" {
			if e := l.persons[m.ID]; e != nil {
				ctx.name(e, m.Role)
			}
		}
		out = append(out, m)
	}
	return out
}

// writtenAs returns the one entity of full that has a full alias spelled
// like the tokens (case and spaces aside), or nil.
func writtenAs(as []alias, full []*Entity, toks []model.Token) *Entity {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Text)
	}
	surface := b.String()
	var found *Entity
	for _, a := range as {
		if a.short || !strings.EqualFold(strings.ReplaceAll(a.text, " ", ""), surface) || !slices.Contains(full, a.e) {
			continue
		}
		if found != nil && found != a.e {
			return nil
		}
		found = a.e
	}
	return found
}

// allShort reports whether every alias is a family name standing alone:
// such a word before "von" is a person ("Lawrow von Staatschef Xi
// empfangen"), where a given name ("Francis") begins a longer name.
func allShort(as []alias) bool {
	for _, a := range as {
		if !a.short {
			return false
		}
	}
	return len(as) > 0
}

// particleName returns the end of "PARTICLE… Name" starting at token i
// ("de Miranda", "von der Heide"), or 0: after a capitalised word, such a
// run continues one person's name.
func (l *Linker) particleName(toks []model.Token, i int) int {
	j := i
	for j < len(toks) && toks[j].Kind == model.Word && !toks[j].Cap && !toks[j].Upper && l.particles[toks[j].Norm] {
		j++
	}
	if j == i || j >= len(toks) || !toks[j].Cap || toks[j].Kind != model.Word {
		return 0
	}
	return j + 1
}

// dateline reports whether a place opens the sentence as a dateline: at the
// start (or after another dateline place and "/"), followed by a dash or "/".
func (l *Linker) dateline(toks []model.Token, sp *span) bool {
	if sp.start > 0 && !(sp.start >= 2 && toks[sp.start-1].Text == "/") {
		return false
	}
	if sp.end >= len(toks) {
		return false
	}
	switch toks[sp.end].Text {
	case "–", "—", "-", "/":
		return true
	}
	return false
}

// placeAfter reports whether a place is named within two words after token i.
func (l *Linker) placeAfter(spans []*span, i int) bool {
	for _, sp := range spans {
		if sp.m.Kind == model.KindPlace && sp.start >= i && sp.start <= i+2 {
			return true
		}
	}
	return false
}

func isCapital(l *Linker, m model.Mention) bool {
	return strings.HasPrefix(m.ID, "place:") && l.capital(m.ID)
}

func (l *Linker) capital(id string) bool { return l.capitals[id] }

// textOf rebuilds a span's surface text from its tokens (the linker never
// sees Document.Text).
func textOf(toks []model.Token, sp *span) string {
	var b strings.Builder
	for j := sp.start; j < sp.end; j++ {
		t := toks[j]
		if j > sp.start && t.Start > toks[j-1].End {
			b.WriteByte(' ')
		}
		if j == sp.start && sp.bs > t.Start || j == sp.end-1 && sp.be < t.End {
			lo, hi := 0, len(t.Text)
			if j == sp.start && sp.bs > t.Start {
				lo = sp.bs - t.Start
			}
			if j == sp.end-1 && sp.be < t.End {
				hi = sp.be - t.Start
			}
			if lo <= hi && hi <= len(t.Text) {
				b.WriteString(t.Text[lo:hi])
				continue
			}
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// resolveAliases picks the entity a matched name refers to.
//
// Words before from belong to another name: a family name right after a
// place phrase ("In Moscow Putin met …") is not part of a longer name.
func (l *Linker) resolveAliases(as []alias, toks []model.Token, from, i, end int, lang string, ctx *Context) (model.Mention, bool) {
	latinText := isLatin(toks[i].Text)
	if end-i == 1 && (l.isMarker(lang, toks[i]) || utf8.RuneCountInString(toks[i].Text) < 2) {
		return model.Mention{}, false // "Мы", "Die", "Он": function words, whatever they spell
	}
	var full, short []*Entity
	add := func(list []*Entity, e *Entity) []*Entity {
		for _, x := range list {
			if x == e {
				return list
			}
		}
		return append(list, e)
	}
	for _, a := range as {
		if a.upper && !toks[i].Upper {
			continue // "us", "who" are not US and WHO
		}
		if a.only != "" && a.only != lang {
			continue // "Islands" in English is not Island, Iceland in German
		}
		if !a.fits(toks[i:end]) {
			continue
		}
		sameScript := a.latin == latinText
		switch {
		case a.short:
			if sameScript || ctx.seen[a.e] {
				short = add(short, a.e)
			}
		case sameScript || end-i > 1:
			full = add(full, a.e)
		}
	}
	pick := func(e *Entity, why string) (model.Mention, bool) {
		return l.entityMention(e, ctx, why), true
	}
	if len(full) > 0 {
		if len(full) == 1 {
			return pick(full[0], "name")
		}
		// A name written as the text writes it beats one that only shares
		// its key ("EU" against the key of "EEU").
		if e := writtenAs(as, full, toks[i:end]); e != nil {
			return pick(e, "name as written")
		}
		// "Нигерии" shares its key with Niger ("Нигер") and Nigeria
		// ("Нигерия"): declension adds letters, so the alias as long as
		// the word is the one meant when the other is clearly shorter.
		if e := closestLength(as, full, toks[i:end]); e != nil {
			return pick(e, "name of about the word's length")
		}
		best := bestOf(full, ctx)
		if best != nil {
			return pick(best, "name, most likely on date")
		}
		if code := sharedCode(full); code != "" {
			return model.Mention{Kind: full[0].Kind, Code: code, Name: toks[i].Text, Why: []string{"ambiguous name, state kept"}}, true
		}
		return model.Mention{}, false
	}
	if len(short) == 0 {
		return model.Mention{}, false
	}
	var seen []*Entity
	for _, e := range short {
		if ctx.seen[e] {
			seen = append(seen, e)
		}
	}
	if len(seen) == 1 {
		return pick(seen[0], "short form of a name earlier in the document")
	}
	if len(seen) > 1 {
		// Two people of the family named earlier ("Kim Jong Un and Kim Yo
		// Jong ... Kim"): which one is meant is open; their state is not.
		if code := sharedCode(seen); code != "" {
			return model.Mention{Kind: model.KindPerson, Code: code, Name: l.nominative(toks[i].Text, lang), Why: []string{"family name of several people named earlier, state kept"}}, true
		}
		return model.Mention{}, false
	}
	if end-i == 1 && l.common[scriptKey(toks[i].Text, l.tokenKey(toks[i], 2))] {
		return model.Mention{}, false // "Frieden", "Kraft", "Рады": a word first, a name only in context
	}
	// Without a date, a family name alone is only a leader's (Putin, Trump).
	if len(short) == 1 && plausible(short[0], ctx.Date) && (ctx.Date.Year != 0 || l.prominent(short[0], ctx.Date)) && !l.partOfLongerName(toks, from, i, end, lang) &&
		(utf8.RuneCountInString(toks[i].Text) >= 4 || l.kb.FamilyFirst(short[0].Code) && l.prominent(short[0], ctx.Date)) {
		return pick(short[0], "unique family name")
	}
	if len(short) == 1 {
		return model.Mention{}, false
	}
	// A family name shared by people of one state keeps the state; three
	// letters suffice for family-first names ("Ван", "Kim").
	minLen := 4
	if l.kb.FamilyFirst(short[0].Code) {
		minLen = 3
	}
	if code := sharedCode(short); code != "" && !l.partOfLongerName(toks, from, i, end, lang) && utf8.RuneCountInString(toks[i].Text) >= minLen {
		return model.Mention{Kind: model.KindPerson, Code: code, Name: l.nominative(toks[i].Text, lang), Why: []string{"ambiguous family name, state kept"}}, true
	}
	return model.Mention{}, false
}

// initialName resolves a family name after initials ("О. Шольца", "В. В.
// Путин", "L. Orban"): of the people of that family name, those whose
// given name begins with the first initial; of several, the one in office
// on the date. It returns the mention, the token index where the name
// begins (the first initial), and whether it names someone; start is -1
// when no initial comes before the name or no person has the family name.
// An initial that fits no one of the name links nobody: a wrong link is
// worse than none.
func (l *Linker) initialName(as []alias, toks []model.Token, i, end int, lang string, ctx *Context) (model.Mention, int, bool) {
	// Each initial is a capital letter with its dot, apart from the words
	// around it: "U.S. Biden" has none.
	start := i
	for start >= 2 && toks[start-1].Text == "." && toks[start-2].Kind == model.Word && toks[start-2].Cap &&
		utf8.RuneCountInString(toks[start-2].Text) == 1 && toks[start-1].Start == toks[start-2].End &&
		toks[start-1].End < toks[start].Start && (start == 2 || toks[start-3].End < toks[start-2].Start) {
		start -= 2
	}
	if start == i || end-i != 1 {
		return model.Mention{}, -1, false
	}
	if start > 0 && toks[start-1].Kind == model.Word && toks[start-1].Cap && !l.isMarker(lang, toks[start-1]) {
		if e, _ := l.roles[lang].Longest(start-1, start, func(k int) string { return toks[k].Stem }); e == start-1 {
			return model.Mention{}, -1, false // a middle initial: "George W. Bush", "Charles Q. Brown"
		}
	}
	letter, _ := utf8.DecodeRuneInString(toks[start].Text)
	var people, fit []*Entity
	for _, a := range as {
		if a.e.Person == nil || !a.fits(toks[i:end]) || a.only != "" && a.only != lang || slices.Contains(people, a.e) {
			continue
		}
		people = append(people, a.e)
		if a.e.initials == "" || strings.ContainsRune(a.e.initials, letter) {
			fit = append(fit, a.e)
		}
	}
	switch {
	case len(people) == 0:
		return model.Mention{}, -1, false
	case len(fit) == 1 && plausible(fit[0], ctx.Date):
		return l.entityMention(fit[0], ctx, "initial and family name"), start, true
	case len(fit) > 1:
		if e := bestOf(fit, ctx); e != nil {
			return l.entityMention(e, ctx, "initial and family name, in office on date"), start, true
		}
		if code := sharedCode(fit); code != "" {
			return model.Mention{Kind: model.KindPerson, Code: code, Name: l.nominative(textOf(toks, &span{start: start, end: end}), lang), Why: []string{"initial and family name of several people, state kept"}}, start, true
		}
	}
	return model.Mention{}, start, false
}

// partOfLongerName reports whether the words around a family name are
// capitalised words that are not titles or function words: then it is part of
// a name the knowledge base does not know ("Тамим бин Хамад Аль Тани" is not
// Yasukazu Hamada). German capitalises every noun, so there only the word
// after counts; a word before from belongs to another name.
func (l *Linker) partOfLongerName(toks []model.Token, from, i, end int, lang string) bool {
	capWord := func(j int) bool {
		if j < 0 || j >= len(toks) {
			return false
		}
		t := toks[j]
		if t.Kind != model.Word || !(t.Cap || t.Upper) || l.isMarker(lang, t) {
			return false
		}
		if e, _ := l.roles[lang].Longest(j, j+1, func(k int) string { return toks[k].Stem }); e > j {
			return false
		}
		return true
	}
	if capWord(end) {
		return true
	}
	return lang != "de" && i > from && capWord(i-1) && !sentenceStart(toks, i-1)
}

// placePhraseEnd reports whether sp, a place or state, ends right before
// token i in a prepositional phrase ("In Moscow", "В Москве", "у Києві"):
// a capitalised word after it begins a new name.
func (l *Linker) placePhraseEnd(toks []model.Token, sp *span, i int, lang string) bool {
	if sp.end != i || sp.m.Kind != model.KindPlace && sp.m.Kind != model.KindState || sp.m.Adj {
		return false
	}
	return l.prepBefore(toks, 0, sp.start, lang) != ""
}

func sentenceStart(toks []model.Token, i int) bool {
	return i == 0 || toks[i-1].Kind == model.Punct && strings.ContainsAny(toks[i-1].Text, ".!?:\"«„“")
}

// prominent reports whether a person held a leader's office (roles.yaml
// leader: true) around the date: such people are called by family name alone.
func (l *Linker) prominent(e *Entity, on model.Point) bool {
	if e.Person == nil {
		return false
	}
	for _, o := range e.Person.Offices {
		if r := l.kb.Role(o.Role); r == nil || !r.Leader {
			continue
		}
		if on.Year == 0 || (o.From.Year-1 <= on.Year && (o.To.Year == 0 || on.Year <= o.To.Year+1)) {
			return true
		}
	}
	return false
}

// lengthsFit reports whether each word is at least about as long as the
// alias word it matched: endings are added by declension, never removed.
func lengthsFit(lens []uint8, toks []model.Token) bool {
	if len(lens) != len(toks) {
		return true // punctuation inside the name: keys decided
	}
	for k, t := range toks {
		n, a := utf8.RuneCountInString(t.Text), int(lens[k])
		// Endings make a word of the text at most a few letters longer
		// ("Шольцом", "Putins"); "Zzzzzzzz" is not "X" of "Rama X", whose
		// key it shares once doubled letters fold.
		if n < a-1 || n > 2*a+3 {
			return false
		}
	}
	return true
}

// fits reports whether words of the text can be the alias as written:
// about as long as its words, and ending in s where the alias is a
// generated genitive.
func (a alias) fits(toks []model.Token) bool {
	if !lengthsFit(a.lens, toks) {
		return false
	}
	return !a.genitive || len(toks) > 0 && strings.HasSuffix(toks[len(toks)-1].Norm, "s")
}

// plausible reports whether a person can be meant on the date: in office
// within a few years of it, or with no recorded offices.
func plausible(e *Entity, on model.Point) bool {
	p := e.Person
	if p == nil || len(p.Offices) == 0 || on.Year == 0 {
		return true
	}
	for _, o := range p.Offices {
		from, to := o.From.Year, o.To.Year
		if to == 0 {
			to = 9999
		}
		if from-3 <= on.Year && on.Year <= to+3 {
			return true
		}
	}
	return false
}

// bestOf prefers the one entity in office on the date, then by kind.
func bestOf(es []*Entity, ctx *Context) *Entity {
	var inOffice []*Entity
	for _, e := range es {
		if e.Person != nil {
			if ok, _ := e.Person.HeldOn("", ctx.Date); ok && ctx.Date.Year != 0 {
				inOffice = append(inOffice, e)
			}
		}
	}
	if len(inOffice) == 1 {
		return inOffice[0]
	}
	rank := map[model.EntityKind]int{model.KindPerson: 0, model.KindOrg: 1, model.KindState: 2, model.KindBody: 3, model.KindPlace: 4}
	sort.SliceStable(es, func(a, b int) bool { return rank[es[a].Kind] < rank[es[b].Kind] })
	if rank[es[0].Kind] < rank[es[1].Kind] {
		return es[0]
	}
	return nil
}

func sharedCode(es []*Entity) string {
	code := es[0].Code
	for _, e := range es[1:] {
		if e.Code != code {
			return ""
		}
	}
	return code
}

// entityMention fills a mention from an entity.
func (l *Linker) entityMention(e *Entity, ctx *Context, why string) model.Mention {
	m := model.Mention{Kind: e.Kind, ID: e.ID, Name: e.Name, Code: e.Code, Sector: e.Sector, Media: e.Media, Score: 1, Why: []string{why}}
	if e.Person != nil && ctx.Date.Year != 0 {
		if o := e.Person.OfficeOn("", ctx.Date); o != nil {
			// A person acts for the state or organisation of the office held
			// then: Borrell for Spain in 2018, for the EU in 2020.
			m.Code = o.State
			m.Role = o.Role
			if r := l.kb.Role(o.Role); r != nil && r.Sector != "" {
				m.Sector = r.Sector
			}
		}
	}
	return m
}

// compoundName finds a state or organisation at the head of a hyphenated
// word ("US-Präsident", "SCO-Gipfel", "NATO-Erweiterung"). Where the part
// after the hyphen names a state or organisation too, the word is a pair
// of parties ("саміт Україна-ЄС", "переговоры Россия-США", "US-China
// talks"): it gives both.
func (l *Linker) compoundName(t model.Token, i int, lang string, ctx *Context) []*span {
	h := strings.IndexByte(t.Text, '-')
	if h <= 0 {
		return nil
	}
	head, tail := t.Text[:h], t.Text[h+1:]
	if m, ok := ctx.abbrev[head]; ok {
		// "AU-Sitz" after "die Afrikanische Union (AU)".
		m.Why = []string{"defined abbreviation at the head of a compound"}
		return []*span{{start: i, end: i + 1, bs: t.Start, be: t.Start + h, m: m}}
	}
	if !isLatin(head) {
		// Cyrillic compounds with a capital after the hyphen are names of
		// their own ("Гвинеи-Бисау", "Нью-Йорка"), not a state's compound,
		// unless the tail names a state too ("Україна-ЄС"). (German
		// capitalises every noun: "US-Regierung" stays a compound.)
		if r, _ := utf8.DecodeRuneInString(tail); unicode.IsUpper(r) && !l.isStateLike(tail) {
			return nil
		}
	}
	a := l.partyWord(head)
	if a == nil {
		return nil
	}
	out := []*span{{start: i, end: i + 1, bs: t.Start, be: t.Start + h, m: model.Mention{
		Kind: a.e.Kind, ID: a.e.ID, Name: a.e.Name, Code: a.e.Code, Sector: a.e.Sector, Score: 1,
		Why: []string{"name at the head of a compound"},
	}}}
	if r, _ := utf8.DecodeRuneInString(tail); unicode.IsUpper(r) && isLatin(tail) == isLatin(head) {
		if b := l.partyWord(tail); b != nil && b.e != a.e {
			out = append(out, &span{start: i, end: i + 1, bs: t.Start + h + 1, be: t.End, m: model.Mention{
				Kind: b.e.Kind, ID: b.e.ID, Name: b.e.Name, Code: b.e.Code, Sector: b.e.Sector, Score: 1,
				Why: []string{"the second of a hyphenated pair"},
			}})
			out[0].m.Why = []string{"the first of a hyphenated pair"}
		}
	}
	return out
}

// partyWord returns the state or organisation one word names in full (no
// short alias), or nil.
func (l *Linker) partyWord(w string) *alias {
	key := l.wordKey(w)
	end, as := l.names.Longest(0, 1, func(int) string { return key })
	if end == 0 {
		return nil
	}
	for k := range as {
		if a := &as[k]; (a.e.Kind == model.KindState || a.e.Kind == model.KindOrg) && !a.short && a.latin == isLatin(w) {
			return a
		}
	}
	return nil
}

// wordKey returns the index key of a single word: its Latin key, of its
// base form (case ending cut) when it is Cyrillic.
func (l *Linker) wordKey(w string) string {
	if isLatin(w) {
		return l.an.LatinKey(l.an.Normalize(w))
	}
	return l.an.LatinKey(l.nameBase(l.an.Normalize(w), 1))
}

// isStateLike reports whether a word alone names a state or an
// organisation.
func (l *Linker) isStateLike(word string) bool {
	key := l.wordKey(word)
	end, as := l.names.Longest(0, 1, func(int) string { return key })
	if end == 0 {
		return false
	}
	for _, a := range as {
		if a.e.Kind == model.KindState || a.e.Kind == model.KindOrg {
			return true
		}
	}
	return false
}

type part struct {
	text       string
	start, end int
}

// adjParts splits "russisch-chinesischer" into its adjective parts, in
// buf's array when they fit (no allocation for a word without a hyphen).
func adjParts(t model.Token, buf []part) []part {
	out := buf[:0]
	if !strings.Contains(t.Text, "-") {
		return append(out, part{t.Text, t.Start, t.End})
	}
	off := 0
	for _, p := range strings.Split(t.Text, "-") {
		if p != "" {
			out = append(out, part{p, t.Start + off, t.Start + off + len(p)})
		}
		off += len(p) + 1
	}
	return out
}

// oblique reports whether a Russian or Ukrainian name ends in a form that
// is none of its entity's nominative forms ("Трампа", "России"): only an
// entity with Cyrillic names typed in the knowledge base can tell, and an
// acronym (США, ЄС) does not decline.
func oblique(as []alias, id string, last model.Token, lang string) bool {
	if lang != "ru" && lang != "uk" || last.Upper {
		return false
	}
	for _, a := range as {
		if a.e.ID == id {
			return len(a.e.nominative) > 0 && !slices.Contains(a.e.nominative, last.Norm)
		}
	}
	return false
}

// prepKinds are the preposition kinds that decide a place's role.
var prepKinds = []string{lexicon.Loc, lexicon.To, lexicon.From, lexicon.With}

// prepBefore returns the marker kind (loc, to, from, with) of the
// preposition that governs the phrase ending before token i: it looks back
// over up to three words of the same noun phrase ("in der kasachischen
// Hauptstadt Astana", "в столице Казахстана"), stopping at punctuation.
//
// A preposition governs only the first name after it: none is looked for
// before from, the end of the name before ("в Украину США": США is no
// place of "в").
func (l *Linker) prepBefore(toks []model.Token, from, i int, lang string) string {
	for j := i - 1; j >= from && j >= i-4; j-- {
		t := toks[j]
		if t.Kind == model.Punct {
			return ""
		}
		// A phrase right before the name decides over its first word:
		// "in die Ukraine" is a destination, "in" alone a location.
		if end, kinds := l.lex.MarkersAt(lang, toks, j); end == i && end > j+1 {
			for _, k := range prepKinds {
				if slices.Contains(kinds, k) {
					return k
				}
			}
		}
		for _, k := range prepKinds {
			if l.lex.HasKind(lang, t, k) {
				return k
			}
		}
		if j < i-1 && !l.lex.HasKind(lang, t, lexicon.Det) && l.lex.HasKind(lang, t, lexicon.And) {
			return ""
		}
		if t.Cap && j+1 < i && l.lex.VerbSecond(lang) && l.lex.HasKind(lang, toks[j+1], lexicon.Det) && !l.lex.HasKind(lang, t, lexicon.Det) && !l.lex.HasKind(lang, t, lexicon.PlaceNoun) {
			// German capitalises nouns: "in einem Interview der US-…"
			// governs the interview, whose genitive the name is; "im
			// Norden der Ukraine" a place's part.
			return ""
		}
	}
	return ""
}

// directional reports whether a place after a preposition that is both
// locative and directional ("в Москве" / "в Москву") is a destination: in
// Russian and Ukrainian the locative case ends in -е/-и/-і/-ї.
func (l *Linker) directional(toks []model.Token, sp *span, lang string) bool {
	if lang != "ru" && lang != "uk" {
		return false
	}
	j := sp.start - 1
	if j < 0 || !l.lex.HasKind(lang, toks[j], lexicon.To) {
		return false
	}
	last := toks[sp.end-1].Norm
	for _, suf := range []string{"е", "и", "і", "ї"} {
		if strings.HasSuffix(last, suf) {
			return false
		}
	}
	return true
}

// similarity compares a written name with a person's names on the keys
// names are matched on, as a whole and as a family name alone ("Лавровым").
func (l *Linker) similarity(written, lang string, e *Entity) float64 {
	if e.Person == nil || written == "" {
		return 0
	}
	return l.simKeys(l.joinKeys(written, lang), e)
}

// familySimilarity compares the last word of a written name (its family
// name, for the names it is used on) with a person's names and family name.
func (l *Linker) familySimilarity(written, lang string, e *Entity) float64 {
	keys := l.nameKeys(written, lang, 2)
	if e.Person == nil || len(keys) == 0 {
		return 0
	}
	return l.simKeys(keys[len(keys)-1], e)
}

// simKeys is the best Jaro-Winkler similarity of a joined key with the
// entity's keys.
func (l *Linker) simKeys(w string, e *Entity) float64 {
	best := 0.0
	for _, c := range e.keys {
		s := smetrics.JaroWinkler(w, c, 0.7, 4)
		// Jaro-Winkler rates a short string inside a long one highly ("s"
		// against "rama s"): a name much shorter or longer than the key
		// is not a spelling of it.
		if r := lenRatio(len(w), len(c)); r < 0.6 {
			s *= r / 0.6
		}
		if s > best {
			best = s
		}
	}
	return best
}

// lenRatio is the shorter length over the longer.
func lenRatio(a, b int) float64 {
	if a > b {
		a, b = b, a
	}
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (l *Linker) joinKeys(s, lang string) string {
	return strings.Join(l.nameKeys(s, lang, 2), " ")
}

// holders returns the persons in the office for the state on the date, with
// the office's fallbacks.
//
// A title that a state fills with another office (roles.yaml office_in:
// the leader of a parliamentary state is its head of government) names
// that office's holders, or those of an office it covers.
func (l *Linker) holders(role, state string, on model.Point) []*Entity {
	var fallback []string
	if r := l.kb.Role(role); r != nil {
		fallback = r.Fallback
		for office, states := range r.OfficeIn {
			if slices.Contains(states, state) {
				role, fallback = office, nil
				if o := l.kb.Role(office); o != nil {
					fallback = o.Covers
				}
				break
			}
		}
	}
	ps := l.kb.Holders(role, state, on)
	for _, fb := range fallback {
		if len(ps) > 0 {
			break
		}
		ps = l.kb.Holders(fb, state, on)
	}
	out := make([]*Entity, 0, len(ps))
	for _, p := range ps {
		if e := l.persons[p.ID]; e != nil {
			out = append(out, e)
		}
	}
	return out
}

// closestLength returns the entity one of whose aliases in as is as long,
// word for word, as the text's words within one letter, when every other
// entity's aliases differ by two letters or more; nil otherwise.
func closestLength(as []alias, es []*Entity, toks []model.Token) *Entity {
	dist := func(a alias) int {
		if len(a.lens) != len(toks) {
			return 1 << 20
		}
		d := 0
		for k, t := range toks {
			n := utf8.RuneCountInString(t.Text) - int(a.lens[k])
			if n < 0 {
				n = -n
			}
			d += n
		}
		return d
	}
	best := map[*Entity]int{}
	for _, a := range as {
		if !slices.Contains(es, a.e) {
			continue
		}
		if d, ok := best[a.e]; !ok || dist(a) < d {
			best[a.e] = dist(a)
		}
	}
	var win *Entity
	for e, d := range best {
		if d > 1 {
			continue
		}
		if win != nil {
			return nil
		}
		win = e
	}
	if win == nil {
		return nil
	}
	for e, d := range best {
		if e != win && d < best[win]+2 {
			return nil
		}
	}
	return win
}
