package link

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/memo"
	"entente/internal/model"
	"entente/internal/text"
)

// Entity is a knowledge-base entry as the linker sees it: anything a name
// can refer to.
type Entity struct {
	ID      string
	Kind    model.EntityKind
	Name    string
	Code    string // state code, or organisation code
	Sector  string
	Media   bool
	Capital bool
	Person  *kb.Person
	// keys are the space-joined keys of a person's names, whole and as a
	// family name alone: what a written name is compared with (similarity).
	keys []string
	// nominative are the words (Norm) of the Cyrillic names typed in the
	// knowledge base: the forms a subject takes ("трамп", "россия"); a
	// name's inner words count too, so that "Соединённые Штаты" written
	// short is no oblique form of "Соединённые Штаты Америки".
	nominative []string
	// initials are the capital first letters of a person's given names in
	// every script ("OО" for Olaf Scholz), what an initial before a family
	// name is checked against ("О. Шольц").
	initials string
}

// addKey records a joined key of the entity's names once.
func (e *Entity) addKey(k string) {
	for _, x := range e.keys {
		if x == k {
			return
		}
	}
	e.keys = append(e.keys, k)
}

// alias is one indexed name of an entity.
type alias struct {
	e     *Entity
	latin bool // written in Latin script
	short bool // a family name or short form alone: needs context
	upper bool // an acronym (US, WHO, ООН): matches only words in capitals
	text  string
	// gen names the scheme that generated the alias from another name
	// ("" for names typed in the knowledge base).
	gen string
	// lens are the lengths in letters of the alias's words: a word of the
	// text must be about as long as the word it matches, so that cutting
	// endings never makes "За" of "Заев".
	lens []uint8
	// genitive is set on the German genitive generated from a Latin name
	// ("Putins"): the text's last word must end in its s, which key
	// folding alone would find in "Xyz" (key "sis", as "Xis").
	genitive bool
	// only is the one language whose text the name matches in (naming.yaml
	// local_names), or "" for every language.
	only string
}

// roleEntry is one indexed title of a role.
type roleEntry struct {
	role  *kb.Role
	title string
	lens  []uint8 // letters in each word of the title
}

// adjEntry maps an adjective stem to its state or organisation.
type adjEntry struct {
	e    *Entity
	text string
}

// Linker finds mentions of knowledge-base entities and role phrases in
// sentences. It is immutable after New and safe for concurrent use; per
// document state lives in a Context.
type Linker struct {
	kb  *kb.KB
	lex *lexicon.Lexicon
	an  *text.Analyzer

	names  lexicon.Trie[alias] // states, organisations, places, bodies
	people lexicon.Trie[alias] // persons: Cyrillic keys with person endings (see nameBase)
	roles  map[string]*lexicon.Trie[roleEntry]
	adj    map[string]map[string]adjEntry
	// adjWords holds adjectives of several words ("South Korean"), by
	// their stems.
	adjWords map[string]*lexicon.Trie[adjEntry]
	codes    map[string]*Entity // state and org entities by code
	persons  map[string]*Entity // by person id
	// byState lists each state's persons, for names next to a title that
	// no holder of the office matches.
	byState map[string][]*Entity
	// capitals holds the ids of places that are capitals.
	capitals map[string]bool
	// common holds the script-marked person keys of common words that are
	// also family names (naming.yaml common_words).
	common map[string]bool
	// genNew counts generated names with keys no typed name has, by scheme.
	genNew map[string]int
	// keyCache holds Cyrillic word keys: [0] persons' (rounds 2), [1] others'.
	keyCache [2]*memo.Table[string]
	// local gives the language of names that match only in it
	// (naming.yaml local_names).
	local map[string]string
	// buildToks is New's token buffer (New runs on one goroutine).
	buildToks []model.Token
	// known holds the word keys of every indexed name, [0] of persons'
	// names and [1] of the others: a text word whose longest case ending
	// leaves no known key is cut at a shorter one that does (see
	// nameBase). Filled while New indexes, read once built is set.
	known [2]map[string]bool
	built bool
	// singular and notDefinite hold, by language, naming.yaml
	// singular_endings and not_definite, lower case: a title alone refers
	// back to a person named before (see definite).
	singular, notDefinite map[string]map[string]bool
	// verbEnds holds naming.yaml verb_endings by language.
	verbEnds map[string]map[string]bool
	// particles holds naming.yaml particles, lower case.
	particles map[string]bool
	// times holds, by language, the words before a title that date its
	// holder (naming.yaml then_words and former_words).
	times map[string]map[string]string
	// titleWords holds every title of every role split into its normalised
	// words, computed once (titleWordsOf).
	titleWords map[string][]string
}

// New indexes every name, title and adjective of the knowledge base.
func New(k *kb.KB, lx *lexicon.Lexicon, an *text.Analyzer) *Linker {
	l := &Linker{
		kb:       k,
		lex:      lx,
		an:       an,
		roles:    map[string]*lexicon.Trie[roleEntry]{},
		adj:      map[string]map[string]adjEntry{},
		adjWords: map[string]*lexicon.Trie[adjEntry]{},
		codes:    map[string]*Entity{},
		persons:  map[string]*Entity{},
		byState:  map[string][]*Entity{},
		capitals: map[string]bool{},
		genNew:   map[string]int{},
		keyCache: [2]*memo.Table[string]{memo.New[string](keyCacheSize), memo.New[string](keyCacheSize)},
		local:    map[string]string{},
		known:    [2]map[string]bool{{}, {}},
	}
	l.particles = map[string]bool{}
	for _, p := range k.Naming.Particles {
		l.particles[strings.ToLower(p)] = true
	}
	l.singular = lowerSets(k.Naming.SingularEndings)
	l.notDefinite = lowerSets(k.Naming.NotDefinite)
	l.verbEnds = lowerSets(k.Naming.VerbEndings)
	l.titleWords = map[string][]string{}
	for _, r := range k.Roles {
		for _, titles := range r.Names {
			for _, t := range titles {
				l.titleWords[t] = strings.Fields(an.Normalize(t))
			}
		}
	}
	l.times = map[string]map[string]string{}
	for when, byLang := range map[string]map[string][]string{timeThen: k.Naming.ThenWords, timeFormer: k.Naming.FormerWords} {
		for lang, ws := range byLang {
			if l.times[lang] == nil {
				l.times[lang] = map[string]string{}
			}
			for _, w := range ws {
				l.times[lang][strings.ToLower(w)] = when
			}
		}
	}
	for lang, names := range k.Naming.LocalNames {
		for _, n := range names {
			l.local[n] = lang
		}
	}
	for _, lang := range an.Languages().Codes() {
		l.roles[lang] = &lexicon.Trie[roleEntry]{}
		l.adj[lang] = map[string]adjEntry{}
		l.adjWords[lang] = &lexicon.Trie[adjEntry]{}
	}
	for _, s := range k.States {
		e := &Entity{ID: "state:" + s.Code, Kind: model.KindState, Name: s.Name, Code: s.Code, Sector: "GOV"}
		l.codes[s.Code] = e
		l.addNames(e, s.Names, false)
		l.addAdjectives(e, s.Adjectives)
	}
	for _, o := range k.Orgs {
		e := &Entity{ID: "org:" + o.ID, Kind: model.KindOrg, Name: o.Name, Code: o.Code, Sector: "IGO"}
		if _, ok := l.codes[o.Code]; !ok {
			l.codes[o.Code] = e
		}
		l.addNames(e, o.Names, false)
		l.addAdjectives(e, o.Adjectives)
	}
	for _, p := range k.Places {
		id := p.ID
		if id == "" {
			id = strings.ToLower(p.Name)
		}
		e := &Entity{ID: "place:" + id, Kind: model.KindPlace, Name: p.Name, Code: p.State, Capital: p.Capital}
		if p.Capital {
			l.capitals[e.ID] = true
		}
		l.addNames(e, p.Names, false)
	}
	for _, b := range k.Bodies {
		e := &Entity{ID: "body:" + b.ID, Kind: model.KindBody, Name: b.Name, Code: b.State, Sector: b.Sector, Media: b.Media}
		l.addNames(e, b.Names, false)
	}
	for _, r := range k.Roles {
		for lang, titles := range r.Names {
			tr := l.roles[lang]
			if tr == nil {
				continue
			}
			for _, t := range titles {
				var keys []string
				var lens []uint8
				for _, tk := range l.an.Tokenize(t, 0, lang) {
					keys = append(keys, tk.Stem)
					lens = append(lens, uint8(min(utf8.RuneCountInString(tk.Text), 255)))
				}
				tr.Add(keys, roleEntry{r, t, lens})
			}
		}
	}
	l.common = map[string]bool{}
	for _, w := range k.Naming.CommonWords {
		lang := "en"
		if !isLatin(w) {
			lang = "ru"
		}
		if keys := l.nameKeys(w, lang, 2); len(keys) == 1 {
			l.common[scriptKey(w, keys[0])] = true
		}
	}
	for _, p := range k.Persons {
		e := &Entity{ID: p.ID, Kind: model.KindPerson, Name: p.Name, Code: p.State, Person: p}
		if ok, _ := p.HeldOn("", model.Point{}); ok {
			e.Sector = "GOV"
		}
		l.persons[p.ID] = e
		l.byState[p.State] = append(l.byState[p.State], e)
		names := kb.Names{}
		for lang, ns := range p.Names {
			names[lang] = append(names[lang], ns...)
		}
		names["en"] = append(names["en"], p.Name)
		list := make([]named, 0, 32)
		for _, n := range names.All() {
			list = append(list, named{text: n})
		}
		l.addList(e, append(list, l.variants(p)...), true)
	}
	l.built = true
	return l
}

// scriptKey marks a key with the script of the word it was made from.
func scriptKey(word, key string) string {
	if isLatin(word) {
		return "lat:" + key
	}
	return "cyr:" + key
}

// regnal reports whether a name has a regnal number ("Elizabeth II",
// "Charles III"): such a person has no family name to be called by.
func regnal(name string) bool {
	for _, w := range strings.Fields(name) {
		if strings.Trim(w, "IVX.") == "" && strings.Trim(w, ".") != "" && w != "V." {
			return true
		}
	}
	return false
}

// isAcronym reports whether a name is one word of two or more capitals.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r) || unicode.IsSpace(r):
			return false
		}
	}
	return n >= 2
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r < 0x0400 || r > 0x04FF
		}
	}
	return true
}

// nameKeys tokenizes a name in lang and returns its keys (see tokenKey).
func (l *Linker) nameKeys(name, lang string, rounds int) []string {
	keys, _ := l.nameKeysLens(name, lang, rounds)
	return keys
}

// nameKeysLens returns the keys of a name and the length of each word.
func (l *Linker) nameKeysLens(name, lang string, rounds int) ([]string, []uint8) {
	return l.nameKeysBuf(nil, name, lang, rounds)
}

// nameKeysBuf is nameKeysLens tokenizing into *buf (when not nil), which
// building the index reuses for each of its many thousand names.
func (l *Linker) nameKeysBuf(buf *[]model.Token, name, lang string, rounds int) ([]string, []uint8) {
	var toks []model.Token
	if buf != nil {
		*buf = l.an.AppendTokens((*buf)[:0], name, 0, lang)
		toks = *buf
	} else {
		toks = l.an.Tokenize(name, 0, lang)
	}
	keys := make([]string, 0, len(toks))
	lens := make([]uint8, 0, len(toks))
	for _, t := range toks {
		if t.Kind == model.Punct {
			if t.Text == "." || t.Text == "(" || t.Text == ")" || t.Text == "," {
				continue // "S. Jaishankar", "Shanghai Cooperation Organization (SCO)"
			}
		}
		keys = append(keys, l.tokenKey(t, rounds))
		lens = append(lens, uint8(min(utf8.RuneCountInString(t.Text), 255)))
	}
	return keys, lens
}

// tokenKey is the key names are matched on. Cyrillic words are keyed by
// their stem, because Slavic names decline ("Лаврова", "Лавровым"); Latin
// words by their whole normalised form, because stemming a Latin name merges
// it with common words ("Stocker" and "stocken"). The German genitive
// ("Putins") is indexed as a variant of each Latin name instead.
//
// rounds is 2 for persons' names and 1 for other names (see nameBase).
func (l *Linker) tokenKey(t model.Token, rounds int) string {
	if t.Kind == model.Punct {
		return t.Norm
	}
	if isLatin(t.Text) {
		return t.Key
	}
	c := l.keyCache[rounds&1]
	if k, ok := c.Get(t.Norm); ok {
		return k
	}
	k := l.baseKey(t.Norm, rounds)
	c.Put(t.Norm, k)
	return k
}

// baseKey returns the key of a Cyrillic word: its base with the longest
// case ending cut (nameBase), unless that base is no word of an indexed
// name and the base left by a shorter ending is: "Шольцові" is "Шольц"
// with the Ukrainian dative -ові, but "Лаврові" is "Лавров" with the
// locative -і.
func (l *Linker) baseKey(w string, rounds int) string {
	base := l.nameBase(w, rounds)
	k := l.an.LatinKey(base)
	known := l.known[rounds&1]
	if !l.built || known[k] || !slices.Contains(l.kb.Naming.SplitEndings, w[len(base):]) {
		return k
	}
	keep, ends := l.endings(rounds)
	n := utf8.RuneCountInString(w)
	cut := len(w) - len(base)
	for cut > 0 {
		// The next shorter ending that applies.
		next := -1
		for _, e := range ends {
			if len(e) < cut && len(e) > next && strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= keep {
				next = len(e)
			}
		}
		if next < 0 {
			break
		}
		if alt := l.an.LatinKey(w[:len(w)-next]); known[alt] {
			return alt
		}
		cut = next
	}
	return k
}

// endings returns the case endings of names of a kind (see nameBase) and
// how many letters a base keeps.
func (l *Linker) endings(kind int) (int, []string) {
	if kind > 1 {
		return 2, l.kb.Naming.PersonEndings
	}
	return 4, l.kb.Naming.SlavicEndings
}

// keyCacheSize is the number of Cyrillic words each cache of name keys
// holds at most.
const keyCacheSize = 1 << 16

// nameBase cuts a case ending off a Cyrillic name: persons' names with
// person_endings, keeping two letters (kind 2); other names with
// slavic_endings, keeping four (kind 1). See data/kb/naming.yaml.
func (l *Linker) nameBase(w string, kind int) string {
	keep, ends := l.endings(kind)
	n := utf8.RuneCountInString(w)
	cut := ""
	for _, e := range ends {
		if len(e) > len(cut) && strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= keep {
			cut = e
		}
	}
	return w[:len(w)-len(cut)]
}

func (l *Linker) stemKeys(phrase, lang string) []string {
	toks := l.an.Tokenize(phrase, 0, lang)
	keys := make([]string, 0, len(toks))
	for _, t := range toks {
		keys = append(keys, t.Stem)
	}
	return keys
}

// named is a name to index, typed in the knowledge base (gen "") or
// generated by a scheme.
type named struct {
	text, gen string
	// short marks a name that refers to someone only in context, as a
	// family name alone does (an address by given name and patronymic).
	short bool
}

func (l *Linker) addNames(e *Entity, names kb.Names, person bool) {
	all := names.All()
	list := make([]named, len(all))
	for i, n := range all {
		list[i] = named{text: n}
	}
	l.addList(e, list, person)
}

// addList indexes names of an entity; a name whose keys an earlier name of
// the list has is skipped (typed names come first).
func (l *Linker) addList(e *Entity, list []named, person bool) {
	seen := map[string]bool{}
	tr, rounds := &l.names, 1
	if person {
		tr, rounds = &l.people, 2
	}
	for i := 0; i < len(list); i++ {
		nm := list[i]
		n := strings.TrimSpace(nm.text)
		if n == "" {
			continue
		}
		if person && !nm.short {
			// "Omar al-Bashir", "Башар аль-Асад": the family name without
			// its joined particle is a short form too ("Bashir", "Асад").
			if w := n[strings.LastIndexByte(n, ' ')+1:]; strings.Contains(w, "-") {
				if p, rest, _ := strings.Cut(w, "-"); rest != "" && isParticle(l.kb.Naming.Particles, p) {
					list = append(list, named{text: rest, gen: nm.gen, short: true})
				}
			}
		}
		latin := isLatin(n)
		// Keys do not depend on the language within a script (see tokenKey):
		// one tokenization per name serves every language that writes it.
		lang := "en"
		if !latin {
			lang = "ru"
		}
		if !latin && nm.gen == "" {
			for _, t := range l.an.Tokenize(n, 0, lang) {
				if !slices.Contains(e.nominative, t.Norm) {
					e.nominative = append(e.nominative, t.Norm)
				}
			}
		}
		keys, lens := l.nameKeysBuf(&l.buildToks, n, lang, rounds)
		sig := strings.Join(keys, "\x00") // keys may hold spaces ("Jong-un")
		if !latin {
			sig = "cyr:" + sig
		}
		if isAcronym(n) {
			sig = "upper:" + sig // "NATO" matches only capitals, "Nato" as written
		}
		// Spellings that share keys but not word lengths are both indexed:
		// the text must be about as long as the alias it matches, so
		// keeping only "Aserbaidschan" would leave "Azerbaijan" unlinked.
		sig += "\x01" + string(lens)
		if len(keys) == 0 || seen[sig] {
			continue
		}
		seen[sig] = true
		if nm.gen != "" {
			l.genNew[nm.gen]++
		}
		if nm.short {
			tr.Add(keys, alias{e: e, latin: latin, short: true, text: n, gen: nm.gen, lens: lens})
			continue
		}
		tr.Add(keys, alias{e: e, latin: latin, upper: isAcronym(n), text: n, gen: nm.gen, lens: lens, only: l.local[n]})
		if person && !latin {
			// "Джим" is no "Дж" + -им: its cases ("Джимом") keep the word whole.
			if whole, ok := l.wholeWords(n, keys, 2); ok {
				for _, k := range whole {
					l.known[rounds&1][k] = true
				}
				tr.Add(whole, alias{e: e, latin: latin, text: n, gen: nm.gen, lens: lens, only: l.local[n]})
				if len(whole) > 1 && !regnal(e.Name) {
					short := l.shortForm(whole, n, e.Code)
					slens := lens[len(lens)-len(short):]
					if l.kb.FamilyFirst(e.Code) {
						slens = lens[:len(short)]
					}
					tr.Add(short, alias{e: e, latin: latin, short: true, text: n, gen: nm.gen, lens: slens, only: l.local[n]})
				}
			}
		}
		if !person && !latin {
			// "Газпром" is no "Газпр" + -ом: its cases ("Газпромі", "в
			// Газпроме") keep the word whole, as "Газпромом" keeps the base.
			if whole, ok := l.wholeWords(n, keys, 1); ok {
				for _, k := range whole {
					l.known[rounds&1][k] = true
				}
				tr.Add(whole, alias{e: e, latin: latin, upper: isAcronym(n), text: n, gen: nm.gen, lens: lens, only: l.local[n]})
			}
		}
		if latin && !isAcronym(n) {
			// German genitive: "Putins", "Russlands", "Chinas".
			gen := append(append([]string(nil), keys[:len(keys)-1]...), genitive(keys[len(keys)-1]))
			if g := "gen:" + strings.Join(gen, "\x00"); !seen[g] {
				seen[g] = true
				tr.Add(gen, alias{e: e, latin: latin, text: n, gen: nm.gen, lens: lens, genitive: true, only: l.local[n]})
			}
			// German adjectives inside a name decline weak after an article:
			// "der Europäischen Union", "den Vereinten Nationen", "der
			// Internationale Strafgerichtshof", "im Weißen Haus".
			if !person {
				for _, weak := range weakAdjectives(keys) {
					if g := "weak:" + strings.Join(weak, "\x00"); !seen[g] {
						seen[g] = true
						tr.Add(weak, alias{e: e, latin: latin, text: n, gen: nm.gen, lens: lens, only: l.local[n]})
					}
					// "des Internationalen Strafgerichtshofs"
					gen := append(slices.Clone(weak[:len(weak)-1]), genitive(weak[len(weak)-1]))
					if g := "weakgen:" + strings.Join(gen, "\x00"); !seen[g] && !isAcronym(n) {
						seen[g] = true
						tr.Add(gen, alias{e: e, latin: latin, text: n, gen: nm.gen, lens: lens, genitive: true, only: l.local[n]})
					}
				}
			}
		}
		for _, k := range keys {
			l.known[rounds&1][k] = true
		}
		e.addKey(strings.Join(keys, " "))
		if person && len(keys) > 1 && !l.kb.FamilyFirst(e.Code) {
			if r, _ := utf8.DecodeRuneInString(n); unicode.IsUpper(r) && !strings.ContainsRune(e.initials, r) {
				e.initials += string(r)
			}
		}
		if person && len(keys) > 1 && !regnal(e.Name) {
			short := l.shortForm(keys, n, e.Code)
			e.addKey(strings.Join(short, " "))
			slens := lens[len(lens)-len(short):]
			if l.kb.FamilyFirst(e.Code) {
				slens = lens[:len(short)]
			}
			script := "lat:"
			if !latin {
				script = "cyr:"
			}
			ssig := "short:" + script + strings.Join(short, "\x00")
			if len(short) > 0 && !seen[ssig] {
				seen[ssig] = true
				tr.Add(short, alias{e: e, latin: latin, short: true, text: n, gen: nm.gen, lens: slens, only: l.local[n]})
				// German genitive, for family names of four letters or more:
				// "Paks" would be "Pakts" (des Warschauer Pakts) too.
				if latin && len(short[len(short)-1]) >= 4 {
					gen := append(append([]string(nil), short[:len(short)-1]...), genitive(short[len(short)-1]))
					if g := "short:" + strings.Join(gen, "\x00"); !seen[g] {
						seen[g] = true
						tr.Add(gen, alias{e: e, latin: latin, short: true, text: n, gen: nm.gen, lens: slens, genitive: true, only: l.local[n]})
					}
				}
			}
		}
	}
}

// wholeWords returns the keys of a Cyrillic person's name with each word
// whose cut ending is one only oblique cases have (naming.yaml
// oblique_endings: "Джим", "Ибрагим" end in the instrumental -им) keyed
// whole, and whether any is: the name's own cases add their endings to
// the whole word.
func (l *Linker) wholeWords(name string, keys []string, kind int) ([]string, bool) {
	toks := l.an.Tokenize(name, 0, "ru")
	var out []string
	k := 0
	for _, t := range toks {
		if t.Kind == model.Punct && (t.Text == "." || t.Text == "(" || t.Text == ")" || t.Text == ",") {
			continue
		}
		if k >= len(keys) {
			return nil, false
		}
		if t.Kind == model.Word && !isLatin(t.Text) {
			if base := l.nameBase(t.Norm, kind); len(base) < len(t.Norm) && slices.Contains(l.kb.Naming.ObliqueEndings, t.Norm[len(base):]) {
				if out == nil {
					out = append([]string(nil), keys...)
				}
				out[k] = l.an.LatinKey(t.Norm)
			}
		}
		k++
	}
	return out, out != nil
}

// weakAdjectives returns the keys of a name of several words as the
// words before the last decline after an article, when any is an
// adjective: one ending in -e takes -en ("Arabische Liga" → "Arabischen
// Liga"); one in the strong ending -er or -es takes -e after the
// nominative article and -en in the other cases ("Internationaler
// Strafgerichtshof" → "der Internationale", "des Internationalen";
// "Weißes Haus" → "das Weiße", "im Weißen Haus"). A word that only looks
// like an adjective ("Warschauer Pakt") gains forms no text has.
func weakAdjectives(keys []string) [][]string {
	if len(keys) < 2 {
		return nil
	}
	var e, en []string // the -e and the -en forms
	for j, k := range keys[:len(keys)-1] {
		stem := ""
		switch {
		case len(k) > 3 && strings.HasSuffix(k, "e"):
			if en == nil {
				en = slices.Clone(keys)
			}
			en[j] = k + "n"
			continue
		case len(k) > 4 && (strings.HasSuffix(k, "er") || strings.HasSuffix(k, "es")):
			stem = k[:len(k)-2]
		default:
			continue
		}
		if e == nil {
			e = slices.Clone(keys)
		}
		if en == nil {
			en = slices.Clone(keys)
		}
		e[j], en[j] = stem+"e", stem+"en"
	}
	var out [][]string
	for _, v := range [][]string{e, en} {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// genitive returns the German genitive key of a name's last word: an -s,
// or an apostrophe after a sibilant (keys drop apostrophes: "Macrons", "Lavrovs").
func genitive(k string) string {
	if strings.HasSuffix(k, "s") || strings.HasSuffix(k, "z") || strings.HasSuffix(k, "x") {
		return k
	}
	return k + "s"
}

// shortForm returns the keys of a person's family name: the first word for
// family-first naming, else the last word with any particles before it.
func (l *Linker) shortForm(keys []string, name, state string) []string {
	if l.kb.FamilyFirst(state) {
		return keys[:1]
	}
	words := strings.Fields(name)
	start := len(keys) - 1
	// Keep particles ("von der Leyen"): walk back over lower-case words.
	for start > 0 && len(words) == len(keys) && isParticle(l.kb.Naming.Particles, words[start-1]) {
		start--
	}
	return keys[start:]
}

func isParticle(ps []string, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	w = strings.ToLower(w)
	for _, p := range ps {
		if p == w {
			return true
		}
	}
	return false
}

func (l *Linker) addAdjectives(e *Entity, adjs kb.Names) {
	for lang, list := range adjs {
		m := l.adj[lang]
		if m == nil {
			continue
		}
		for _, a := range list {
			keys := l.stemKeys(a, lang)
			if len(keys) == 0 {
				continue
			}
			if len(keys) > 1 {
				l.adjWords[lang].Add(keys, adjEntry{e, a}) // "South Korean"
				continue
			}
			if _, dup := m[keys[0]]; !dup {
				m[keys[0]] = adjEntry{e, a}
			}
		}
	}
}

// Stats describes the linker's indexes.
func (l *Linker) Stats() string {
	n := 0
	for _, t := range l.roles {
		n += t.Len()
	}
	return fmt.Sprintf("%d names, %d titles", l.names.Len()+l.people.Len(), n)
}

// lowerSets turns lists of words by language into sets of their lower-case
// forms.
func lowerSets(byLang map[string][]string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for lang, ws := range byLang {
		set := map[string]bool{}
		for _, w := range ws {
			set[strings.ToLower(w)] = true
		}
		out[lang] = set
	}
	return out
}
