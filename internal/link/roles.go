package link

import (
	"slices"
	"strings"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/model"
)

// adjectiveSpans marks bare state adjectives, alone or inside hyphenated
// compounds ("russisch-chinesischer", "Iranian-made").
func (l *Linker) adjectiveSpans(toks []model.Token, lang string, covered []bool) []*span {
	var out []*span
	stem := func(j int) string {
		if covered[j] || toks[j].Kind != model.Word {
			return ""
		}
		return toks[j].Stem
	}
	var buf [4]part
	for i, t := range toks {
		if covered[i] || t.Kind != model.Word {
			continue
		}
		// An adjective of several words: "South Korean", "North Korean".
		if end, as := l.adjWords[lang].Longest(i, len(toks), stem); end > i+1 {
			a := as[0]
			out = append(out, &span{start: i, end: end, bs: t.Start, be: toks[end-1].End, m: model.Mention{
				Kind: a.e.Kind, ID: a.e.ID, Name: a.e.Name, Code: a.e.Code, Sector: a.e.Sector, Adj: true, Score: 0.6,
				Why: []string{"adjective " + a.text},
			}})
			for j := i; j < end; j++ {
				covered[j] = true
			}
			continue
		}
		for _, p := range adjParts(t, buf[:]) {
			st := t.Stem
			if p.start != t.Start || p.end != t.End {
				st = l.an.Stem(lang, l.an.Normalize(p.text))
			}
			a, ok := l.adj[lang][st]
			if !ok {
				continue
			}
			e := a.e
			out = append(out, &span{start: i, end: i + 1, bs: p.start, be: p.end, m: model.Mention{
				Kind: e.Kind, ID: e.ID, Name: e.Name, Code: e.Code, Sector: e.Sector, Adj: true, Score: 0.6,
				Why: []string{"adjective " + a.text},
			}})
			covered[i] = true
		}
	}
	return out
}

// isStateLike reports whether a span can give a role its state.
func isStateLike(sp *span) bool {
	k := sp.m.Kind
	return sp.m.Code != "" && (k == model.KindState || k == model.KindOrg || k == model.KindPlace)
}

// rolePhrases finds titles, attaches their states and names, and resolves
// them. It returns spans with the role phrases added; state spans consumed
// by a phrase are marked used.
func (l *Linker) rolePhrases(s *model.Sentence, toks []model.Token, lang string, spans []*span, covered []bool, ctx *Context) []*span {
	spans = append(spans, l.adjectiveSpans(toks, lang, covered)...)
	tr := l.roles[lang]
	if tr == nil {
		return spans
	}
	startAt := map[int]*span{}
	endAt := map[int]*span{}
	for _, sp := range spans {
		if _, ok := startAt[sp.start]; !ok || sp.bs == toks[sp.start].Start {
			startAt[sp.start] = sp
		}
		endAt[sp.end] = sp
	}
	head := -1 // a token whose title follows a time word and a hyphen ("then-President")
	headStem := ""
	stem := func(j int) string {
		if toks[j].Kind == model.Punct {
			return ""
		}
		if j == head {
			return headStem
		}
		return toks[j].Stem
	}
	titleEnd := 0 // the end of the last title matched: a title inside it is no title alone
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != model.Word {
			continue
		}
		var role *kb.Role
		var rs []roleEntry // the titles matched
		counterpart := false
		end := i
		var compoundState *span
		when := ""
		if h := strings.IndexByte(toks[i].Text, '-'); h > 0 && !covered[i] {
			// "then-President", "экс-президент", "Ex-Kanzler": the title after a time word.
			if w := l.times[lang][strings.ToLower(toks[i].Text[:h])]; w != "" {
				head, headStem, when = i, l.an.Stem(lang, l.an.Normalize(toks[i].Text[h+1:])), w
			}
		}
		if !covered[i] {
			end, rs = tr.Longest(i, len(toks), stem)
			if end > i && !lengthsFit(rs[0].lens, toks[i:end]) {
				end = i // "Botschaft" is not "Botschafter": stems meet, lengths do not
			}
			if end > i && l.verbForm(rs, toks[i:end], lang) {
				end = i // "Україна послала": a past tense, not "посла" (the ambassador)
			}
			if e, r := l.titleAround(tr, toks, i, startAt, stem); e > end {
				end, rs = e, r
			}
			if end > i {
				role = rs[0].role
			} else if l.lex.HasKind(lang, toks[i], lexicon.Counterpart) {
				end, counterpart = i+1, true
			}
		}
		if role == nil && !counterpart {
			// "US-Präsident", "Kreml-Chef": a state at the head, a title at the tail.
			if sp := startAt[i]; sp != nil && sp.end == i+1 && sp.be < toks[i].End && isStateLike(sp) {
				tail := toks[i].Text[strings.LastIndexByte(toks[i].Text, '-')+1:]
				k := l.an.Stem(lang, l.an.Normalize(tail))
				if e, crs := tr.Longest(0, 1, func(int) string { return k }); e == 1 {
					role, end, compoundState = crs[0].role, i+1, sp
				}
			}
		}
		if role == nil && !counterpart {
			continue
		}
		inTitle := i < titleEnd // "minister" of "the prime minister"
		titleEnd = max(titleEnd, end)
		phraseStart, phraseEnd := i, end
		var states []*span
		if compoundState != nil {
			states = append(states, compoundState)
		}
		// States before the title: adjectives and genitives, coordinated
		// ("Russian, Chinese and Iranian diplomats"): a comma joins states
		// only when "and" joins the last two ("Russia, South Korea's
		// intelligence service" is no list).
		joined := false
		for j := i; compoundState == nil; {
			if j > 0 && (toks[j-1].Norm == "'s" || toks[j-1].Norm == "'") {
				j-- // "Germany's chancellor"
			}
			sp := endAt[j]
			if sp == nil || sp.used || !isStateLike(sp) || sp.m.Kind == model.KindPlace {
				break
			}
			states = append(states, sp)
			phraseStart = sp.start
			j = sp.start
			if j > 0 && (l.lex.HasKind(lang, toks[j-1], lexicon.And) || joined && toks[j-1].Text == ",") {
				if prev := endAt[j-1]; prev != nil && isStateLike(prev) && prev.m.Kind != model.KindPlace {
					j--
					joined = true
					continue
				}
			}
			break
		}
		// A time word before the phrase: "the then US secretary of state",
		// "тогдашний госсекретарь", "der damalige US-Außenminister".
		if when == "" && phraseStart > 0 {
			when = l.times[lang][toks[phraseStart-1].Norm]
		}
		// A title that names its state itself ("Председатель КНР").
		if len(states) == 0 {
			for j := i; j < end; j++ {
				if sp := startAt[j]; sp != nil && sp.end <= end && isStateLike(sp) && sp.m.Kind != model.KindPlace {
					states = append(states, sp)
				}
			}
		}
		// States after the title: "von China", "des Iran", "Китая", coordinated.
		k := end
		if len(states) == 0 {
			for {
				k2 := l.skip(toks, k, lang, lexicon.Det, lexicon.Of)
				sp := startAt[k2]
				if sp == nil || sp.used || !isStateLike(sp) || sp.m.Adj {
					break
				}
				states = append(states, sp)
				k = sp.end
				phraseEnd = k
				if k < len(toks) && (l.lex.HasKind(lang, toks[k], lexicon.And) || toks[k].Text == ",") {
					k2 := l.skip(toks, k+1, lang, lexicon.Det, lexicon.Of)
					if nx := startAt[k2]; nx != nil && isStateLike(nx) && !nx.m.Adj {
						k++
						continue
					}
				}
				break
			}
		}
		// "die Regierung in Warschau", "the ministry in Moscow": a body
		// that sits in a capital or state is that state's.
		if len(states) == 0 && role != nil && role.Seat && k < len(toks) && l.lex.HasKind(lang, toks[k], lexicon.Loc) {
			if sp := startAt[l.skip(toks, k+1, lang, lexicon.Det)]; sp != nil && !sp.used && !sp.m.Adj && sp.m.Code != "" &&
				(sp.m.Kind == model.KindState || sp.m.Kind == model.KindPlace && isCapital(l, sp.m)) {
				states = append(states, sp)
				phraseEnd = sp.end
			}
		}
		// "Chairman of the Joint Chiefs", "Minister für Kultur": an
		// of-phrase that names no state makes the title another body's
		// office, whose holder the title's own office does not give.
		if len(states) == 0 || phraseEnd == end {
			if k2 := l.skip(toks, phraseEnd, lang, lexicon.Det, lexicon.Of); k2 > phraseEnd && k2 < len(toks) &&
				l.lex.HasKind(lang, toks[phraseEnd], lexicon.Of) && (toks[k2].Cap || toks[k2].Upper) {
				if sp := startAt[k2]; sp == nil || !isStateLike(sp) && sp.m.Kind != model.KindPerson {
					when = timeOther
				}
			}
		}
		// The name: right after the phrase, or before it as an apposition.
		var holder *span
		var unknown []model.Token
		after := l.skip(toks, phraseEnd, lang, lexicon.Det)
		if sp := startAt[after]; sp != nil && sp.m.Kind == model.KindPerson && sp.m.ID != "" {
			holder = sp
		} else if sp != nil && sp.m.Kind == model.KindPerson && !counterpart {
			// A name the knowledge base does not settle ("Dong Chun"): the
			// office decides.
			unknown = append(unknown, toks[sp.start:sp.end]...)
			for j := sp.end; j < len(toks) && j < sp.end+3; j++ {
				t := toks[j]
				if t.Kind != model.Word || !t.Cap || covered[j] || l.isMarker(lang, t) {
					break
				}
				unknown = append(unknown, t)
			}
			sp.used = true
		} else if !counterpart {
			for j := after; j < len(toks) && j < after+4; j++ {
				t := toks[j]
				if t.Kind != model.Word || !t.Cap || covered[j] || l.isMarker(lang, t) {
					break
				}
				if e, _ := tr.Longest(j, j+1, stem); e > j {
					break
				}
				if _, _, ok := l.lex.TriggerAt(lang, toks, j); ok {
					break // "kündigte der US-Präsident Hilfe an": an event word is no name
				}
				unknown = append(unknown, t)
			}
		}
		if holder == nil && len(unknown) == 0 && phraseStart >= 2 && toks[phraseStart-1].Text == "," {
			if sp := endAt[phraseStart-1]; sp != nil && sp.m.Kind == model.KindPerson {
				holder = sp
			}
		}
		if len(states) == 0 && holder == nil && (role == nil || role.State == "") {
			if role != nil && len(unknown) == 0 && when == "" && !inTitle {
				// A title alone: "the minister" named earlier.
				if m, ok := l.definite(role, rs, toks, phraseStart, phraseEnd, lang, ctx); ok {
					spans = append(spans, &span{start: phraseStart, end: phraseEnd, bs: toks[phraseStart].Start, be: toks[phraseEnd-1].End, m: m})
					for j := phraseStart; j < phraseEnd; j++ {
						covered[j] = true
					}
					i = phraseEnd - 1
				}
			}
			continue
		}
		for j := phraseStart; j < phraseEnd; j++ {
			covered[j] = true
		}
		for _, st := range states {
			st.used = true
		}
		if holder != nil {
			if holder.m.Role == "" && role != nil {
				holder.m.Role = role.ID
			}
			if holder.m.Code == "" && len(states) > 0 {
				holder.m.Code = states[0].m.Code
			}
			i = phraseEnd - 1
			continue
		}
		codes := make([]string, 0, len(states))
		for _, st := range states {
			codes = append(codes, st.m.Code)
		}
		if len(codes) == 0 {
			codes = append(codes, role.State)
		}
		nameEnd := phraseEnd
		if len(unknown) > 0 {
			nameEnd = after + len(unknown)
			for j := after; j < nameEnd; j++ {
				covered[j] = true
			}
		}
		poss := "" // whose counterpart: the office of the person named before it
		if counterpart {
			poss = possessorRole(spans, phraseStart, codes)
			if poss == "" && ctx.last != nil && !slices.Contains(codes, ctx.last.Code) {
				poss = ctx.lastRole // "He met his Chinese counterpart": the person named last
			}
		}
		for n, code := range codes {
			sp := &span{start: phraseStart, end: nameEnd, bs: toks[phraseStart].Start, be: toks[nameEnd-1].End}
			if len(codes) > 1 {
				// One mention per coordinated state, each on its state's words.
				sp.start, sp.end, sp.bs, sp.be = states[n].start, states[n].end, states[n].bs, states[n].be
			}
			sp.m = l.resolveRole(role, counterpart, poss, code, unknown, lang, when, ctx)
			spans = append(spans, sp)
		}
		i = nameEnd - 1
	}
	return spans
}

// titleAround matches a title of several words with a state adjective
// after its first word ("глава Российского государства", "глава
// украинского МИД"): it returns the end of the title, adjective included,
// and its entries, or i when there is none. The adjective inside is the
// title's state.
func (l *Linker) titleAround(tr *lexicon.Trie[roleEntry], toks []model.Token, i int, startAt map[int]*span, stem func(int) string) (int, []roleEntry) {
	adj := startAt[i+1]
	if adj == nil || !adj.m.Adj || !isStateLike(adj) || adj.bs != toks[i+1].Start {
		return i, nil
	}
	skip := adj.end - adj.start
	at := func(k int) int {
		if k > i {
			return k + skip
		}
		return k
	}
	e, rs := tr.Longest(i, len(toks)-skip, func(k int) string { return stem(at(k)) })
	if e < i+2 {
		return i, nil // a title of one word: the adjective comes after it
	}
	return at(e-1) + 1, rs
}

// Time words before a title (naming.yaml then_words, former_words).
const (
	timeThen   = "then"
	timeFormer = "former"
	// timeOther marks a title that an of-phrase makes another body's
	// office ("Chairman of the Joint Chiefs"): no holder of its own office.
	timeOther = "other"
)

// skip returns the first index at or after i whose token is none of kinds.
func (l *Linker) skip(toks []model.Token, i int, lang string, kinds ...string) int {
	for i < len(toks) {
		hit := false
		for _, k := range kinds {
			if l.lex.HasKind(lang, toks[i], k) {
				hit = true
				break
			}
		}
		if !hit {
			return i
		}
		i++
	}
	return i
}

func (l *Linker) isMarker(lang string, t model.Token) bool {
	end, _ := l.lex.MarkersAt(lang, []model.Token{t}, 0)
	return end > 0
}

// resolveRole turns a title with its state (and maybe a written name that is
// not in the knowledge base) into a mention: the office holder on the date
// when the evidence is unique, else a provisional actor of the state.
//
// when is the time word before the title: timeThen resolves it on the
// date the text speaks of only when that differs from the document's own
// date, timeFormer never to the holder on the date; either way a written
// name may still name a person of the state.
//
// A counterpart ("his Japanese counterpart") is the holder, for code, of
// poss, the office of the person it is the counterpart of, when the date
// gives exactly one.
func (l *Linker) resolveRole(role *kb.Role, counterpart bool, poss, code string, name []model.Token, lang, when string, ctx *Context) model.Mention {
	written := ""
	if len(name) > 0 {
		var b strings.Builder
		for i, t := range name {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
		written = b.String()
	}
	stateName := l.kb.CodeName(code)
	if counterpart {
		if poss != "" && written == "" && ctx.Date.Year != 0 {
			if cands := l.holders(poss, code, ctx.Date); len(cands) == 1 {
				m := l.entityMention(cands[0], ctx, "counterpart of a "+poss+": the "+poss+" of "+code+" on "+ctx.Date.String())
				m.Code, m.Role = code, poss
				return m
			}
		}
		return model.Mention{Kind: model.KindPerson, Code: code, Name: stateName + " official", Score: 0.5,
			Why: []string{"counterpart of " + stateName}}
	}
	title := role.ID
	if en := role.Names["en"]; len(en) > 0 {
		title = en[0]
	}
	if role.Kind == "body" {
		return model.Mention{Kind: model.KindBody, Code: code, Name: stateName + " " + title, Role: role.ID,
			Sector: role.Sector, Score: 0.8, Why: []string{"title " + role.ID + " of " + code}}
	}
	m := model.Mention{Kind: model.KindPerson, Code: code, Role: role.ID, Sector: role.Sector, Score: 0.5}
	cands := l.holders(role.ID, code, ctx.Date)
	why := "title " + role.ID + " of " + code + " on " + ctx.Date.String()
	switch {
	case when == timeFormer:
		cands, why = nil, "former "+role.ID+" of "+code
	case when == timeOther:
		cands, why = nil, role.ID+" of another body of "+code
	case when == timeThen && ctx.Date == ctx.doc:
		cands, why = nil, "then-"+role.ID+" of "+code+" at a time the text does not give"
	case when == timeThen:
		why = "then-" + why
	}
	var best *Entity
	bestSim := 0.0
	for _, c := range cands {
		if s := l.similarity(written, lang, c); s > bestSim {
			best, bestSim = c, s
		}
	}
	switch {
	case written == "" && len(cands) == 1:
		best = cands[0]
		why += ": the only holder"
	case written == "" && when != timeFormer && when != timeOther:
		// Several holders on the date, or none known, or no date: the one
		// person of the office and state the document named before
		// ("президент США Джо Байден … Президент США"), of the holders on
		// the date where there are.
		onDate := len(cands) > 0 && ctx.Date.Year != 0
		best = namedBefore(role, ctx, func(e *Entity, office string) bool {
			if onDate {
				return slices.Contains(cands, e)
			}
			return e.Code == code && slices.Contains(ctx.titled[e], office) || heldFor(e, office, code)
		})
		why = "the " + role.ID + " of " + code + " named before in the document"
	case written != "" && len(cands) == 1 && bestSim >= 0.55:
		why += ": the only holder, written " + written
	case written != "" && bestSim >= 0.8:
		why += ": holder closest to " + written
	case written != "":
		// Not a holder of the office: maybe another official of the state.
		best, bestSim = nil, 0
		for _, c := range l.byState[code] {
			if s := l.similarity(written, lang, c); s > bestSim {
				best, bestSim = c, s
			}
		}
		// The family name must be close too: a shared given name and a
		// common surname ending ("Ярослав Ковальський" and "Ярослав
		// Качинський") make a close whole.
		if bestSim < 0.9 || l.familySimilarity(written, lang, best) < 0.85 {
			best = nil
		}
		why = "name " + written + " close to a person of " + code
	default:
		best = nil
	}
	if best != nil {
		bm := l.entityMention(best, ctx, why)
		bm.Role = role.ID
		if role.Sector != "" {
			bm.Sector = role.Sector
		}
		if slices.Contains(cands, best) {
			// The holder of this office acts for its state: "der
			// australische Staatschef" is Charles III for Australia.
			bm.Code = code
		}
		return bm
	}
	m.Name = l.nominative(written, lang)
	if m.Name == "" {
		m.Name = l.kb.CodeName(code) + " " + title
	}
	m.Why = []string{"provisional: " + why}
	return m
}

// definite resolves a title alone, with no state and no name ("the
// minister", "der Minister", "министр"), to the one person of that office
// the document has named before: a person it gave that title or one its
// roles.yaml covers, or who held such an office on the date. With none or
// several it names nobody, and so does a title that may be plural or
// indefinite ("the ministers", "a minister", "die Minister") or that an
// "of"-phrase makes another office ("the minister of culture"): a wrong
// link is worse than none.
func (l *Linker) definite(role *kb.Role, rs []roleEntry, toks []model.Token, start, end int, lang string, ctx *Context) (model.Mention, bool) {
	if role.Kind == "body" || len(ctx.named) == 0 {
		return model.Mention{}, false
	}
	if start > 0 && l.notDefinite[lang][toks[start-1].Norm] {
		return model.Mention{}, false
	}
	if end < len(toks) && l.lex.HasKind(lang, toks[end], lexicon.Of) {
		return model.Mention{}, false // "the minister of culture", "der Minister für Kultur": another office
	}
	if !slices.ContainsFunc(rs, func(r roleEntry) bool { return l.singularTitle(r.title, toks[start:end], lang) }) {
		return model.Mention{}, false
	}
	found := namedBefore(role, ctx, func(e *Entity, office string) bool {
		return slices.Contains(ctx.titled[e], office) || e.Person != nil && e.Person.OfficeOn(office, ctx.Date) != nil
	})
	if found == nil {
		return model.Mention{}, false
	}
	m := l.entityMention(found, ctx, "the "+role.ID+" named before in the document")
	if m.Role == "" {
		m.Role = role.ID
	}
	return m, true
}

// possessorRole returns the office of the person a counterpart phrase
// starting at token start belongs to: the nearest person named before it
// in the sentence, with an office, of none of the counterparts' states
// ("Defense Secretary Austin met his Japanese counterpart"), or "" (the
// caller then takes the person the document named last).
func possessorRole(spans []*span, start int, codes []string) string {
	var best *span
	for _, sp := range spans {
		m := sp.m
		if m.Kind != model.KindPerson || m.ID == "" || m.Role == "" || sp.end > start || slices.Contains(codes, m.Code) {
			continue
		}
		if best == nil || sp.end > best.end {
			best = sp
		}
	}
	if best == nil {
		return ""
	}
	return best.m.Role
}

// namedBefore returns the one person the document named before who fits
// the role (its own office, a fallback or one it covers), or nil when none
// or several do: which one is meant is then open.
func namedBefore(role *kb.Role, ctx *Context, fits func(e *Entity, office string) bool) *Entity {
	offices := append(append([]string{role.ID}, role.Fallback...), role.Covers...)
	var found *Entity
	for _, e := range ctx.named {
		if !slices.ContainsFunc(offices, func(o string) bool { return fits(e, o) }) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

// heldFor reports whether the person ever held the office for the state.
func heldFor(e *Entity, office, state string) bool {
	return e.Person != nil && slices.ContainsFunc(e.Person.Offices, func(o kb.Office) bool { return o.Role == office && o.State == state })
}

// verbForm reports whether a word matched as a title is one of the title's
// words plus a past-tense ending (naming.yaml verb_endings): "послала",
// "послали" are "sent", not "посла" (the ambassador's genitive).
func (l *Linker) verbForm(rs []roleEntry, toks []model.Token, lang string) bool {
	ends := l.verbEnds[lang]
	if len(ends) == 0 {
		return false
	}
	for _, r := range rs {
		// Titles of one stem share an entry: compare every listed form.
		for _, title := range r.role.Names[lang] {
			words := l.titleWordsOf(title)
			if len(words) != len(toks) {
				continue
			}
			for k, t := range toks {
				if rest, ok := strings.CutPrefix(t.Norm, words[k]); ok && ends[rest] {
					return true
				}
			}
		}
	}
	return false
}

// titleWordsOf returns a title's normalised words.
func (l *Linker) titleWordsOf(title string) []string {
	if w, ok := l.titleWords[title]; ok {
		return w
	}
	return strings.Fields(l.an.Normalize(title))
}

// singularTitle reports whether the words of a title in the text are the
// listed title's words with at most a singular case ending each
// (naming.yaml singular_endings): "министра" is one minister, "министры",
// "ministers" and "Ministern" are several.
func (l *Linker) singularTitle(title string, toks []model.Token, lang string) bool {
	words := l.titleWordsOf(title)
	if len(words) != len(toks) {
		return false
	}
	for k, t := range toks {
		rest, ok := strings.CutPrefix(t.Norm, words[k])
		if !ok || !l.singular[lang][rest] {
			return false
		}
	}
	return true
}
