// Package lexicon loads the event lexicon of data/lexicon: PLOVER trigger
// words and phrases, clause markers and closed-class syntax words, per
// language. In: the embedded files plus user overlay folders laid out the same
// way (triggers/de.tsv, markers/de.tsv, syntax/de.tsv). Out: a read-only
// *Lexicon whose tries match token sequences of a sentence: triggers by stem,
// markers and syntax words by normalised form.
//
// A Lexicon is immutable after Load and safe for concurrent use.
package lexicon

import (
	"entente/internal/tsv"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/data"
	"entente/internal/model"
	"entente/internal/text"
)

// Types are the 16 PLOVER event types.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Trigger is one lexicon entry that reports an event.
type Trigger struct {
	Phrase string
	Lang   string
	Type   string
	Mode   string
	Recv   bool // the subject receives; the giver is the from-phrase
	Pair   bool // an event only between two or more parties
	Noun   bool // a noun or nominalisation
	Weak   bool // only when nothing stronger is in the clause
	Topic  bool // what follows is the topic: only the subject and with-phrases are parties
	Future bool // a future form ("посетит", "прибуде"): the event is planned
	// Verbal: a person attacking a person or an organisation attacks in
	// words ("Trump attacked Zelensky", "Lavrov attacked the OSCE"): the
	// event is an accusation.
	Verbal bool
	// Armed: the verb names an attack only with arms after it ("launched
	// missiles at Kyiv", not "launched a satellite"): a word of marker
	// kind military must stand in its stretch.
	Armed bool
	// Given: the verb is an event of its type only with what is given
	// named after it ("sent tanks", not "sent balloons south"): a word of
	// one of the type's object_modes kinds must stand in its stretch.
	Given bool
	// Particle is the separable particle that must end the clause after the
	// verb ("wies … aus": "Moskau wies zwei Diplomaten aus"), or "".
	Particle string
	// Declared is set on the verb that an event noun becomes after a verb
	// of declaring ("объявляет перемирие"; events.declared), never in data.
	Declared bool
	Pos      string
	words    int
	norms    []string       // the phrase's words, normalised
	forms    map[string]int // English verb entries: the forms of the first word (verbforms.go)
}

// Words returns the number of tokens of the trigger's phrase.
func (t *Trigger) Words() int { return t.words }

// Marker kinds (see data/lexicon/README.md).
const (
	Future      = "future"
	Deny        = "deny"
	Neg         = "neg"
	Hypo        = "hypo"
	Attrib      = "attrib"
	Loc         = "loc"
	With        = "with"
	From        = "from"
	To          = "to"
	Conj        = "conj"
	And         = "and"
	Counterpart = "counterpart"
	Past        = "past"
	Only        = "only" // "not only": the negation before it does not negate
	// Syntax kinds (data/lexicon/syntax).
	Det  = "det"
	Of   = "of"
	Pron = "pron"
)

// Lexicon holds the triggers, markers and syntax words of every language.
type Lexicon struct {
	an          *text.Analyzer
	minActors   map[string]int
	placeTarget map[string]bool
	solo        map[string]bool
	content     map[string]bool
	members     map[string]bool
	symmetric   map[string]bool
	meeting     map[string]bool
	charge      map[string]string
	accusing    map[string]bool
	messageAs   map[string]string
	objectModes map[string][]string
	process     map[string]bool
	standsFor   map[string]*Trigger
	reason      map[string]bool
	upkeep      map[string]bool
	refusal     map[string]bool
	conditional map[string]*Trigger
	signs       map[string][]string
	triggers    map[string]*Trie[*Trigger]
	prefixes    map[string][]prefix
	markers     map[string]*Trie[string]
	// firstIdx indexes, per language, the first words of the markers for
	// MarkTokens: a token's Mark k > 0 is firstNode[k-1], a word of
	// language firstLang[k-1]; Mark -l is no first word in language l
	// (langIdx).
	firstIdx  map[string]map[string]int32
	firstNode []*node[string]
	firstKey  []string
	firstLang []int32
	langIdx   map[string]int32
	langName  []string // langName[l-1] is language l
	// firsts are, per language, the first words of each kind's markers:
	// a cheap test before a marker is matched in full.
	firsts map[string]map[string]map[string]bool
	// infEnds are the endings of infinitives (syntax kind infend, written
	// "-ть"): Slavic infinitives carry no marker word before them.
	infEnds map[string][]string
	// partEnds are the endings of full-form participles (syntax kind
	// partend), which modify a noun rather than state a predicate.
	partEnds map[string][]string
	// caseEnds are the endings of the syntax kinds of caseEndKinds, by
	// kind and language.
	caseEnds map[string]map[string][]string
	// plurEnds are the endings of plural past verbs (syntax kind plurend).
	plurEnds map[string][]string
	// attrEnds are the endings of participles used as adjectives (syntax
	// kind attrend).
	attrEnds map[string][]string
	// ppForms are the shapes of past participles (syntax kind ppform): an
	// ending, or a circumfix (prefix and ending).
	ppForms map[string][][2]string
	// weights are the confidence model's (confidence.tsv).
	weights map[string]float64
	// v2 are the verb-second languages (order.tsv).
	v2 map[string]bool
	// fixed are the languages whose subject is the phrase right before
	// the verb (order.tsv).
	fixed map[string]bool
	// heads are, for the languages that write compounds closed (order.tsv),
	// the one-word noun triggers by stem, that a compound ending in one of
	// them is ("Krisentreffen": Treffen).
	heads map[string]map[string][]*Trigger
	// headEnds are the last three bytes of those heads: a word that ends
	// in none of them ends in no head (one lookup instead of one per
	// split).
	headEnds map[string]map[string]bool
}

// Analyzer returns the text analyzer the lexicon was loaded with: words to
// match against its entries must be normalised and stemmed by it.
func (lx *Lexicon) Analyzer() *text.Analyzer { return lx.an }

type prefix struct {
	norm string
	t    *Trigger
}

// Load reads the embedded lexicon and then each overlay folder. The analyzer
// tokenizes and stems phrases exactly as it does article text.
func Load(an *text.Analyzer, overlays ...fs.FS) (*Lexicon, error) {
	sub, err := fs.Sub(data.FS, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx := &Lexicon{
		an:       an,
		triggers: map[string]*Trie[*Trigger]{},
		prefixes: map[string][]prefix{},
		markers:  map[string]*Trie[string]{},
		firsts:   map[string]map[string]map[string]bool{},
		infEnds:  map[string][]string{},
		partEnds: map[string][]string{},
		caseEnds: map[string]map[string][]string{},
		plurEnds: map[string][]string{},
		attrEnds: map[string][]string{},
		ppForms:  map[string][][2]string{},
		weights:  map[string]float64{},
		v2:       map[string]bool{},
		fixed:    map[string]bool{},
		heads:    map[string]map[string][]*Trigger{},
		headEnds: map[string]map[string]bool{},
	}
	for _, l := range an.Languages().Codes() {
		lx.triggers[l] = &Trie[*Trigger]{}
		lx.markers[l] = &Trie[string]{}
	}
	lx.minActors = map[string]int{}
	lx.placeTarget = map[string]bool{}
	lx.solo = map[string]bool{}
	lx.content = map[string]bool{}
	lx.members = map[string]bool{}
	lx.symmetric = map[string]bool{}
	lx.meeting = map[string]bool{}
	lx.charge = map[string]string{}
	lx.accusing = map[string]bool{}
	lx.messageAs = map[string]string{}
	lx.objectModes = map[string][]string{}
	lx.process = map[string]bool{}
	lx.standsFor = map[string]*Trigger{}
	lx.reason = map[string]bool{}
	lx.upkeep = map[string]bool{}
	lx.refusal = map[string]bool{}
	lx.conditional = map[string]*Trigger{}
	lx.signs = map[string][]string{}
	for _, fsys := range append([]fs.FS{sub}, overlays...) {
		if err := eachLine(fsys, "types.tsv", func(f []string, pos string) error {
			n := 0
			if len(f) < 2 || !validType(f[0]) {
				return fmt.Errorf("%s: want TYPE<TAB>min_actors", pos)
			}
			if _, err := fmt.Sscan(f[1], &n); err != nil || n < 1 {
				return fmt.Errorf("%s: min_actors %q: want a number from 1", pos, f[1])
			}
			lx.minActors[f[0]] = n
			if len(f) > 2 && f[2] == "yes" {
				lx.placeTarget[f[0]] = true
			}
			if len(f) > 3 && f[3] == "yes" {
				lx.solo[f[0]] = true
			}
			if len(f) > 4 && f[4] == "yes" {
				lx.content[f[0]] = true
			}
			if len(f) > 5 && f[5] == "yes" {
				lx.members[f[0]] = true
			}
			if len(f) > 6 && f[6] == "yes" {
				lx.symmetric[f[0]] = true
			}
			if len(f) > 7 && f[7] == "yes" {
				lx.meeting[f[0]] = true
			}
			if len(f) > 8 && f[8] != "-" && f[8] != "no" {
				if !validType(f[8]) {
					return fmt.Errorf("%s: charge %q: want the type of the accusation or -", pos, f[8])
				}
				lx.charge[f[0]], lx.accusing[f[8]] = f[8], true
			}
			if len(f) > 9 && f[9] != "-" {
				if !validType(f[9]) {
					return fmt.Errorf("%s: message_as %q: want a type or -", pos, f[9])
				}
				lx.messageAs[f[0]] = f[9]
			}
			if len(f) > 10 && f[10] != "-" {
				lx.objectModes[f[0]] = strings.Split(f[10], ",")
			}
			if len(f) > 11 {
				lx.process[f[0]] = f[11] == "yes"
			}
			if len(f) > 12 && f[12] != "-" {
				for _, kind := range strings.Split(f[12], ",") {
					if !standingKind[kind] {
						return fmt.Errorf("%s: stands_for %q: want marker kinds oblige, blame, callas, retort or untrue, or -", pos, kind)
					}
					if t := lx.standsFor[kind]; t != nil && t.Type != f[0] {
						return fmt.Errorf("%s: stands_for %q: the kind stands for %s already", pos, kind, t.Type)
					}
					lx.standsFor[kind] = &Trigger{Type: f[0], Phrase: kind, Pos: kind}
				}
			}
			for i, m := range []map[string]bool{lx.reason, lx.upkeep, lx.refusal} {
				if len(f) > 13+i {
					m[f[0]] = f[13+i] == "yes"
				}
			}
			if len(f) > 16 && f[16] != "-" {
				if !validType(f[16]) {
					return fmt.Errorf("%s: conditional %q: want a type or -", pos, f[16])
				}
				lx.conditional[f[0]] = &Trigger{Type: f[16], Phrase: Cond, Pos: Cond}
			}
			if len(f) > 17 && f[17] != "-" {
				for _, t := range strings.Split(f[17], ",") {
					if !validType(t) {
						return fmt.Errorf("%s: signs %q: want types or -", pos, t)
					}
					lx.signs[f[0]] = append(lx.signs[f[0]], t)
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := eachLine(fsys, "order.tsv", func(f []string, pos string) error {
			yesNo := func(v string) bool { return v == "yes" || v == "no" }
			if len(f) < 2 || !yesNo(f[1]) || len(f) > 2 && !yesNo(f[2]) || len(f) > 3 && !yesNo(f[3]) {
				return fmt.Errorf("%s: want lang<TAB>verb_second<TAB>fixed_subject<TAB>compounds (yes or no)", pos)
			}
			lx.v2[f[0]] = f[1] == "yes"
			lx.fixed[f[0]] = len(f) > 2 && f[2] == "yes"
			if len(f) > 3 && f[3] == "yes" {
				lx.heads[f[0]] = map[string][]*Trigger{}
			} else {
				delete(lx.heads, f[0])
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := eachLine(fsys, "confidence.tsv", func(f []string, pos string) error {
			var w float64
			if len(f) < 2 {
				return fmt.Errorf("%s: want feature<TAB>weight", pos)
			}
			if _, err := fmt.Sscan(f[1], &w); err != nil {
				return fmt.Errorf("%s: weight %q: %w", pos, f[1], err)
			}
			lx.weights[f[0]] = w
			return nil
		}); err != nil {
			return nil, err
		}
		for _, l := range an.Languages().Codes() {
			if err := lx.loadTriggers(an, fsys, l); err != nil {
				return nil, err
			}
			for _, dir := range []string{"markers", "syntax"} {
				if err := lx.loadMarkers(an, fsys, dir, l); err != nil {
					return nil, err
				}
			}
		}
	}
	for lang, heads := range lx.heads {
		lx.triggers[lang].Singles(func(key string, ts []*Trigger) {
			if utf8.RuneCountInString(key) < minHead {
				return
			}
			for _, t := range ts {
				if t.Noun && t.Particle == "" && t.Type != Stop {
					heads[key] = append(heads[key], t)
				}
			}
		})
		ends := map[string]bool{}
		for key := range heads {
			ends[key[len(key)-3:]] = true
		}
		lx.headEnds[lang] = ends
	}
	lx.firstIdx = map[string]map[string]int32{}
	lx.langIdx = map[string]int32{}
	for lang, tr := range lx.markers {
		l := int32(len(lx.langIdx) + 1)
		lx.langIdx[lang] = l
		lx.langName = append(lx.langName, lang)
		idx := map[string]int32{}
		for k, n := range tr.root.next {
			lx.firstNode = append(lx.firstNode, n)
			lx.firstKey = append(lx.firstKey, k)
			lx.firstLang = append(lx.firstLang, l)
			idx[k] = int32(len(lx.firstNode))
		}
		lx.firstIdx[lang] = idx
	}
	return lx, nil
}

// MarkTokens sets each token's Mark for the language, so that MarkersAt,
// HasKind and MayStart answer from it without looking the word up again:
// a sentence's words are looked up once, not once for every question its
// clauses ask of them.
func (lx *Lexicon) MarkTokens(lang string, toks []model.Token) {
	idx, l := lx.firstIdx[lang], lx.langIdx[lang]
	if l == 0 {
		return // a language without markers: nothing to remember
	}
	for i := range toks {
		if k, ok := idx[toks[i].Norm]; ok {
			toks[i].Mark = k
		} else {
			toks[i].Mark = -l
		}
	}
}

// firstOf returns the marker node a token marked for the language starts,
// nil when it starts none; ok is false when the token is not marked for
// the language (not marked, or for another one).
func (lx *Lexicon) firstOf(lang string, tok *model.Token) (n *node[string], ok bool) {
	m := tok.Mark
	switch {
	case m == 0:
		return nil, false
	case m < 0:
		return nil, int(-m) <= len(lx.langName) && lx.langName[-m-1] == lang
	case int(m) > len(lx.firstNode) || lx.langName[lx.firstLang[m-1]-1] != lang || lx.firstKey[m-1] != tok.Norm:
		return nil, false // marked for another language or another word
	default:
		return lx.firstNode[m-1], true
	}
}

// minHead and minModifier are the fewest letters of a compound's head
// and of what stands before it: "Krisentreffen" is Treffen, "Betreff" no
// Treff.
const minHead, minModifier = 4, 3

// CompoundHead returns the noun trigger that a closed compound noun ends
// in ("Krisentreffen", "Waffenlieferungen"), the longest head first, in a
// language that writes compounds closed (order.tsv); ok is false for any
// other word or language. A German noun is capitalised.
func (lx *Lexicon) CompoundHead(lang string, tok model.Token) (*Trigger, bool) {
	heads := lx.heads[lang]
	if heads == nil || tok.Kind != model.Word || tok.Text == "" {
		return nil, false
	}
	if r, _ := utf8.DecodeRuneInString(tok.Text); !unicode.IsUpper(r) {
		return nil, false
	}
	st := tok.Stem
	if len(st) < 3 || !lx.headEnds[lang][st[len(st)-3:]] {
		return nil, false
	}
	n := 0
	for k := range st {
		if n >= minModifier {
			if ts, ok := heads[st[k:]]; ok {
				return ts[0], true
			}
		}
		n++
	}
	return nil, false
}

// KindInCompound reports whether the word is a marker of the kind, or, in
// a language that writes compounds closed (order.tsv compounds), ends in
// one after a modifier ("Langstreckenraketen", "Tarnkappenjets"); a
// hyphenated word counts by its part after the last hyphen
// ("F-22-Kampfflugzeuge").
func (lx *Lexicon) KindInCompound(lang string, tok model.Token, kind string) bool {
	if h := strings.LastIndexByte(tok.Norm, '-'); h > 0 && h < len(tok.Norm)-1 {
		tok = tok.WithNorm(tok.Norm[h+1:])
	}
	if lx.HasKind(lang, tok, kind) {
		return true
	}
	if lx.heads[lang] == nil || tok.Kind != model.Word {
		return false
	}
	w := tok.Norm
	n := 0
	for k := range w {
		if n >= minModifier && len(w)-k >= minHead {
			if lx.HasKind(lang, tok.WithNorm(w[k:]), kind) {
				return true
			}
		}
		n++
	}
	return false
}

// eachLine calls fn with the trimmed tab-separated fields of every entry of
// a file that may be missing (an overlay need not have every file).
func eachLine(fsys fs.FS, name string, fn func(fields []string, pos string) error) error {
	err := tsv.Each(fsys, name, func(fields []string, n int) error {
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		return fn(fields, fmt.Sprintf("%s:%d", name, n))
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	return nil
}

// standingKind are the marker kinds that may stand for an event
// (types.tsv stands_for).
var standingKind = map[string]bool{Oblige: true, Blame: true, CallAs: true, Retort: true, Untrue: true}

func validType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

func (lx *Lexicon) loadTriggers(an *text.Analyzer, fsys fs.FS, lang string) error {
	return eachLine(fsys, "triggers/"+lang+".tsv", func(f []string, pos string) error {
		if len(f) < 2 {
			return fmt.Errorf("%s: want phrase<TAB>TYPE[<TAB>mode<TAB>flags]", pos)
		}
		t := &Trigger{Phrase: f[0], Lang: lang, Type: strings.ToUpper(f[1]), Pos: pos}
		if !validType(t.Type) && t.Type != Stop {
			return fmt.Errorf("%s: unknown PLOVER type %q (or - for a phrase that is no trigger)", pos, f[1])
		}
		if len(f) > 2 {
			t.Mode = f[2]
		}
		if len(f) > 3 {
			for _, fl := range strings.Split(f[3], ",") {
				switch strings.TrimSpace(fl) {
				case "recv":
					t.Recv = true
				case "pair":
					t.Pair = true
				case "noun":
					t.Noun = true
				case "weak":
					t.Weak = true
				case "topic":
					t.Topic = true
				case "future":
					t.Future = true
				case "verbal":
					t.Verbal = true
				case "armed":
					t.Armed = true
				case "given":
					t.Given = true
				case "":
				default:
					return fmt.Errorf("%s: unknown flag %q", pos, fl)
				}
			}
		}
		if strings.HasSuffix(t.Phrase, "*") && !strings.Contains(t.Phrase, " ") {
			t.words = 1
			lx.prefixes[lang] = append(lx.prefixes[lang], prefix{an.Normalize(strings.TrimSuffix(t.Phrase, "*")), t})
			return nil
		}
		head := t.Phrase
		if h, particle, ok := strings.Cut(t.Phrase, "…"); ok {
			head, t.Particle = strings.TrimSpace(h), an.Normalize(strings.TrimSpace(particle))
			if head == "" || t.Particle == "" || strings.Contains(t.Particle, " ") {
				return fmt.Errorf("%s: want VERB … PARTICLE (one particle word)", pos)
			}
		}
		toks := an.Tokenize(head, 0, lang)
		keys := make([]string, 0, len(toks))
		for _, tk := range toks {
			if tk.Kind == model.Punct && tk.Text != "-" {
				continue
			}
			keys = append(keys, tk.Stem)
			t.norms = append(t.norms, tk.Norm)
		}
		t.words = len(keys)
		if lang == "en" && !t.Noun && len(t.norms) > 0 {
			t.forms = verbForms(t.norms[0], func(w string) string { return an.Stem(lang, w) })
		}
		lx.triggers[lang].Add(keys, t)
		return nil
	})
}

func (lx *Lexicon) loadMarkers(an *text.Analyzer, fsys fs.FS, dir, lang string) error {
	return eachLine(fsys, dir+"/"+lang+".tsv", func(f []string, pos string) error {
		if len(f) < 2 || f[1] == "" {
			return fmt.Errorf("%s: want phrase<TAB>kind", pos)
		}
		if f[1] == PPForm {
			pre, end, circ := strings.Cut(f[0], "…")
			if !circ {
				pre, end = "", strings.TrimPrefix(f[0], "-")
			}
			if end == "" || !circ && !strings.HasPrefix(f[0], "-") {
				return fmt.Errorf("%s: a %s entry is an ending (-t) or a circumfix (ge…en)", pos, f[1])
			}
			lx.ppForms[lang] = append(lx.ppForms[lang], [2]string{an.Normalize(pre), an.Normalize(end)})
			return nil
		}
		if f[1] == AttrEnd {
			if !strings.HasPrefix(f[0], "-") || len(f[0]) < 2 {
				return fmt.Errorf("%s: an %s entry is an ending written with a dash (-ten)", pos, f[1])
			}
			lx.attrEnds[lang] = append(lx.attrEnds[lang], an.Normalize(f[0][1:]))
			return nil
		}
		if f[1] == InfEnd || f[1] == PartEnd || f[1] == PlurEnd || caseEndKinds[f[1]] {
			if !strings.HasPrefix(f[0], "-") || len(f[0]) < 2 {
				return fmt.Errorf("%s: an %s entry is an ending written with a dash (-ть)", pos, f[1])
			}
			if f[1] == InfEnd {
				lx.infEnds[lang] = append(lx.infEnds[lang], an.Normalize(f[0][1:]))
			} else if f[1] == PlurEnd {
				lx.plurEnds[lang] = append(lx.plurEnds[lang], an.Normalize(f[0][1:]))
			} else if caseEndKinds[f[1]] {
				if lx.caseEnds[f[1]] == nil {
					lx.caseEnds[f[1]] = map[string][]string{}
				}
				lx.caseEnds[f[1]][lang] = append(lx.caseEnds[f[1]][lang], an.Normalize(f[0][1:]))
			} else {
				lx.partEnds[lang] = append(lx.partEnds[lang], an.Normalize(f[0][1:]))
			}
			return nil
		}
		toks := an.Tokenize(f[0], 0, lang)
		keys := make([]string, 0, len(toks))
		for _, tk := range toks {
			keys = append(keys, tk.Norm)
		}
		lx.markers[lang].Add(keys, f[1])
		if len(keys) > 0 {
			byKind := lx.firsts[lang]
			if byKind == nil {
				byKind = map[string]map[string]bool{}
				lx.firsts[lang] = byKind
			}
			if byKind[f[1]] == nil {
				byKind[f[1]] = map[string]bool{}
			}
			byKind[f[1]][keys[0]] = true
		}
		return nil
	})
}

// TriggerAt returns the longest trigger entry that starts at token i, and the
// index after it; ok is false when none starts there. English verb entries
// match only the forms of their verb, not every word with its stem; a verb's
// base or -s form after a determiner or number is a noun ("a train", "13
// trains") and matches no verb entry; and an English word capitalised inside
// a sentence is part of a name ("Kirovskaya Railway Station") and no trigger.
// When entries of both kinds match, the noun entry's own word or its plural
// prefers the noun entry ("attacks"), any other form the verb entry
// ("attacked", "deploy" before "deployment").
func (lx *Lexicon) TriggerAt(lang string, toks []model.Token, i int) (end int, ts []*Trigger, ok bool) {
	tr := lx.triggers[lang]
	if tr == nil {
		return i, nil, false
	}
	if lang == "en" && properName(toks, i) {
		return i, nil, false
	}
	tr.Each(i, len(toks), func(j int) string {
		if toks[j].Kind == model.Punct && toks[j].Text != "-" {
			return ""
		}
		return toks[j].Stem
	}, func(e int, vals []*Trigger) {
		if kept := lx.usable(lang, toks, i, e, vals); len(kept) > 0 {
			end, ts = e, kept
		}
	})
	if len(ts) > 0 {
		return end, ts, true
	}
	if toks[i].Kind == model.Word {
		for _, p := range lx.prefixes[lang] {
			if strings.HasPrefix(toks[i].Norm, p.norm) {
				return i + 1, []*Trigger{p.t}, true
			}
		}
	}
	return i, nil, false
}

// usable returns the entries of vals that may match toks[i:end], best first.
func (lx *Lexicon) usable(lang string, toks []model.Token, i, end int, vals []*Trigger) []*Trigger {
	if lang == "en" {
		for j := i + 1; j < end; j++ {
			if toks[j].Kind == model.Word && properName(toks, j) {
				return nil
			}
		}
	}
	var separable, nouns, verbs, stems []*Trigger
	for _, t := range vals {
		// Stems fold umlauts: "fördert" must not be "forderte".
		if !umlautsAgree(t.norms, toks, i, end) {
			continue
		}
		if t.Particle != "" {
			// "wies … aus": the particle ends the verb's clause; the
			// verb with its particle says more than the verb alone.
			if t.formMatch(toks[i]) != 0 && particleAfter(toks, end, t.Particle) {
				separable = append(separable, t)
			}
			continue
		}
		switch k := t.formMatch(toks[i]); {
		case k == 0:
		case t.forms == nil && lang == "en" && len(t.norms) > 0 && plural(t.norms[0], toks[i].Norm):
			nouns = append(nouns, t)
		case t.forms == nil:
			stems = append(stems, t)
		case k == baseForm && i > 0 && (toks[i-1].Kind == model.Number || lx.HasKind(lang, toks[i-1], Det)):
			// "a train", "13 trains": a noun, not the verb.
		case k == baseForm && i > 1 && lx.HasKind(lang, toks[i-2], Det) && participleAdj(toks[i-1]):
			// "the assembled press": a participle between an article
			// and the word makes it a noun.
		default:
			verbs = append(verbs, t)
		}
	}
	// Entries that share a stem: the one written most like the word comes
	// first ("Unterstützung" is the noun entry, "unterstützte" the verb).
	if len(stems) > 1 {
		sort.SliceStable(stems, func(a, b int) bool {
			return commonPrefix(stems[a].norms, toks[i].Norm) > commonPrefix(stems[b].norms, toks[i].Norm)
		})
	}
	return append(append(append(separable, nouns...), verbs...), stems...)
}

// particleAfter reports whether the clause after token end closes with the
// particle: it is followed by punctuation or the sentence end, and no clause
// punctuation comes before it.
func particleAfter(toks []model.Token, end int, particle string) bool {
	for j := end; j < len(toks); j++ {
		t := toks[j]
		if t.Kind == model.Punct {
			switch t.Text {
			case ",", ";", ":", ".", "!", "?", "(", ")", "–", "—":
				return false
			}
			continue
		}
		if t.Norm == particle && (j+1 == len(toks) || toks[j+1].Kind == model.Punct) {
			return true
		}
	}
	return false
}

// commonPrefix returns how many leading bytes the first word of an entry
// shares with a word.
func commonPrefix(norms []string, w string) int {
	if len(norms) == 0 {
		return 0
	}
	a, n := norms[0], 0
	for n < len(a) && n < len(w) && a[n] == w[n] {
		n++
	}
	if n == len(a) && n == len(w) {
		n++ // the very word
	}
	return n
}

// umlautsAgree reports whether the matched words differ from the entry's
// words by no umlaut against its plain vowel (ä/a, ö/o, ü/u), which the
// stemmer folds but which tells words apart.
func umlautsAgree(norms []string, toks []model.Token, i, end int) bool {
	k := 0
	for j := i; j < end && k < len(norms); j++ {
		if toks[j].Kind == model.Punct && toks[j].Text != "-" {
			continue
		}
		a, b := []rune(toks[j].Norm), []rune(norms[k])
		k++
		for x := 0; x < len(a) && x < len(b); x++ {
			if a[x] != b[x] && (umlaut(a[x]) == b[x] || umlaut(b[x]) == a[x]) {
				return false
			}
		}
	}
	return true
}

func umlaut(r rune) rune {
	switch r {
	case 'ä':
		return 'a'
	case 'ö':
		return 'o'
	case 'ü':
		return 'u'
	}
	return 0
}

// MarkersAt returns the kinds of the longest marker phrase that starts at
// token i and the index after it.
func (lx *Lexicon) MarkersAt(lang string, toks []model.Token, i int) (end int, kinds []string) {
	if n, ok := lx.firstOf(lang, &toks[i]); ok {
		if n == nil {
			return i, nil
		}
		end, kinds = i, nil
		if len(n.vals) > 0 {
			end, kinds = i+1, n.vals
		}
		return n.longest(i+1, len(toks), end, kinds, func(j int) string { return toks[j].Norm })
	}
	tr := lx.markers[lang]
	if tr == nil {
		return i, nil
	}
	return tr.Longest(i, len(toks), func(j int) string { return toks[j].Norm })
}

// VerbSecond reports whether the language puts the finite verb second in
// a main clause, so that a fronted adverbial puts the subject after it
// (German: "Am Montag griff Russland die Ukraine an"; order.tsv).
func (lx *Lexicon) VerbSecond(lang string) bool { return lx.v2[lang] }

// FixedSubject reports whether the language's subject is the phrase right
// before the verb, the word order and not a case ending marking it
// ("Ryabkov said the United States provoked …": the United States
// provoked); in German objects stand before a final verb, in Russian and
// Ukrainian the order is free and the case marks the subject.
func (lx *Lexicon) FixedSubject(lang string) bool { return lx.fixed[lang] }

// Weight returns the confidence model's weight of an evidence feature (0
// for one it does not know).
func (lx *Lexicon) Weight(feature string) float64 { return lx.weights[feature] }

// Infinitive reports whether the word has an infinitive ending of the
// language (syntax kind infend): "посетить", "відвідати".
func (lx *Lexicon) Infinitive(lang string, tok model.Token) bool {
	return hasEnding(lx.infEnds[lang], tok)
}

// Participle reports whether the word has the ending of a full-form
// participle (syntax kind partend: "подписанные соглашения"), which
// modifies a noun rather than states what its clause asserts.
func (lx *Lexicon) Participle(lang string, tok model.Token) bool {
	return hasEnding(lx.partEnds[lang], tok)
}

// caseEndKinds are the syntax kinds of endings that mark a case or a
// verb form in Russian and Ukrainian: nomend ("российская": only the
// nominative), genend ("стороны": only the genitive after "с"), instrend
// ("войсками": the instrumental), sgpast ("разговаривал": a past
// singular).
var caseEndKinds = map[string]bool{NomEnd: true, GenEnd: true, InstrEnd: true, SgPast: true}

// Ending reports whether the word has an ending of the syntax kind, one of
// caseEndKinds, in the language.
func (lx *Lexicon) Ending(lang, kind string, tok model.Token) bool {
	return hasEnding(lx.caseEnds[kind][lang], tok)
}

// PastParticiple reports whether the word has the shape of a past
// participle (syntax kind ppform): "unterstützt", "angegriffen", not
// "angreifen".
func (lx *Lexicon) PastParticiple(lang string, tok model.Token) bool {
	w := tok.Norm
	for _, f := range lx.ppForms[lang] {
		if len(w) <= len(f[0])+len(f[1])+1 || !strings.HasSuffix(w, f[1]) {
			continue
		}
		if f[0] == "" || strings.Contains(w[:len(w)-len(f[1])], f[0]) {
			return true
		}
	}
	return false
}

// AttrEnding reports whether the word has the ending of a participle used
// as an adjective (syntax kind attrend: "besetzten", "angegriffenen").
func (lx *Lexicon) AttrEnding(lang string, tok model.Token) bool {
	return hasEnding(lx.attrEnds[lang], tok)
}

// PluralVerb reports whether the word has the ending of a plural past
// verb (syntax kind plurend: "заявили", "критикували").
func (lx *Lexicon) PluralVerb(lang string, tok model.Token) bool {
	return hasEnding(lx.plurEnds[lang], tok)
}

func hasEnding(ends []string, tok model.Token) bool {
	for _, e := range ends {
		if len(tok.Norm) > len(e)+2 && strings.HasSuffix(tok.Norm, e) {
			return true
		}
	}
	return false
}

// MayStart reports whether the word is the first word of some marker of
// the kind: when it is not, no marker of the kind starts there. It costs
// one map lookup.
func (lx *Lexicon) MayStart(lang string, tok model.Token, kind string) bool {
	if n, ok := lx.firstOf(lang, &tok); ok && n == nil {
		return false
	}
	return lx.firsts[lang][kind][tok.Norm]
}

// Is reports whether the token at i starts a marker of the kind.
func (lx *Lexicon) Is(lang string, toks []model.Token, i int, kind string) bool {
	found := false
	lx.markers[lang].Each(i, len(toks), func(j int) string { return toks[j].Norm }, func(_ int, kinds []string) {
		for _, k := range kinds {
			if k == kind {
				found = true
			}
		}
	})
	return found
}

// HasKind reports whether the single token at i is a marker of the kind.
func (lx *Lexicon) HasKind(lang string, tok model.Token, kind string) bool {
	var kinds []string
	if n, ok := lx.firstOf(lang, &tok); ok {
		if n == nil {
			return false
		}
		kinds = n.vals
	} else {
		end, ks := lx.markers[lang].Longest(0, 1, func(int) string { return tok.Norm })
		if end == 0 {
			return false
		}
		kinds = ks
	}
	for _, k := range kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// MinActors returns the fewest distinct actor codes an event of the type needs.
func (lx *Lexicon) MinActors(typ string) int {
	if n := lx.minActors[typ]; n > 0 {
		return n
	}
	return 1
}

// PlaceTarget reports whether the places where an event of the type
// happens name its target.
func (lx *Lexicon) PlaceTarget(typ string) bool { return lx.placeTarget[typ] }

// Solo reports whether a named subject may carry an event of the type alone.
func (lx *Lexicon) Solo(typ string) bool { return lx.solo[typ] }

// Content reports whether a verb of the type takes an event as its content
// ("called for talks", "rejected sanctions"): the event noun it governs is
// what is asked, refused or agreed, not a second event.
func (lx *Lexicon) Content(typ string) bool { return lx.content[typ] }

// Members reports whether an organisation alone counts as two parties of an
// event of the type: its members meet, agree or cooperate in it.
func (lx *Lexicon) Members(typ string) bool { return lx.members[typ] }

// Symmetric reports whether the parties of an event of the type stand on
// one footing (participants: "Russia and China signed an agreement"),
// unless a visit makes one the guest and the other the host.
func (lx *Lexicon) Symmetric(typ string) bool { return lx.symmetric[typ] }

// Meeting reports whether the type is a meeting (types.tsv): one party
// meeting several states is one meeting per pair, a meeting noun's
// genitive is its subject, an organisation makes it multilateral, and
// "the sides" stand for the parties of the last one.
func (lx *Lexicon) Meeting(typ string) bool { return lx.meeting[typ] }

// Charge returns the type of the accusation that a claim that a party did
// an act of the type makes (types.tsv charge): "Moscow claimed that Ukraine
// shelled the plant" is Russia accusing Ukraine (ACCUSE); "" when a claim
// of it accuses no one.
func (lx *Lexicon) Charge(typ string) string { return lx.charge[typ] }

// Accusing reports whether the type is that of an accusation (some type's
// charge in types.tsv): its target is who did the act it names.
func (lx *Lexicon) Accusing(typ string) bool { return lx.accusing[typ] }

// Process reports whether the type's nouns name an ongoing process (aid,
// support, cooperation) rather than a discrete event: the lead paragraph
// alone does not anchor them (types.tsv process).
func (lx *Lexicon) Process(typ string) bool { return lx.process[typ] }

// StandsFor returns the trigger that a marker of the kind stands for
// (types.tsv stands_for): a word of obligation ("must"), of blame
// ("unacceptable") or a verb of calling names ("called … a provocation")
// makes an event of its type. Nil when no type names the kind.
func (lx *Lexicon) StandsFor(kind string) *Trigger { return lx.standsFor[kind] }

// Conditional returns the trigger that an act of the type becomes when a
// party makes it conditional on another party's act (types.tsv
// conditional): "If Ukraine violates the truce, Russia will strike" is
// Russia threatening Ukraine. Nil when the type has none.
func (lx *Lexicon) Conditional(typ string) *Trigger { return lx.conditional[typ] }

// Signs reports whether a verb of the type makes, with a document of the
// other type as its object, an act of that type (types.tsv signs): "signed
// an appeal to the Russian government" is a REQUEST of the signers, not an
// agreement with Russia.
func (lx *Lexicon) Signs(typ, doc string) bool { return slices.Contains(lx.signs[typ], doc) }

// Reason reports whether a phrase of cause or purpose after the type's
// target names why, not who (types.tsv reason): "backed Moldova in
// strengthening its energy security against Russia" supports Moldova only.
func (lx *Lexicon) Reason(typ string) bool { return lx.reason[typ] }

// Upkeep reports whether the type's verbs also mean keeping something up
// (types.tsv upkeep): followed by a noun of relations ("підтримує відносини
// з Іраном", "maintains ties") they are no event of the type.
func (lx *Lexicon) Upkeep(typ string) bool { return lx.upkeep[typ] }

// Refusal reports whether the type is itself a refusal (types.tsv refusal):
// words of denial in or around its trigger ("refused", "lehnte ab") are what
// it is, not its negation.
func (lx *Lexicon) Refusal(typ string) bool { return lx.refusal[typ] }

// MessageAs returns the type an event of the type becomes when what is
// given or sent is a message (types.tsv message_as: "направил послание",
// "sent a letter" is a communication, not aid), or "".
func (lx *Lexicon) MessageAs(typ string) string { return lx.messageAs[typ] }

// ObjectModes returns the modes that what an event of the type gives may
// name (types.tsv object_modes; markers of those kinds: "sent tanks" is
// military aid), or nil.
func (lx *Lexicon) ObjectModes(typ string) []string { return lx.objectModes[typ] }

// Size returns the number of trigger entries per language.
func (lx *Lexicon) Size(lang string) int {
	return lx.triggers[lang].Len() + len(lx.prefixes[lang])
}

// participleAdj reports whether a lower-case English word reads as a past
// participle used as an adjective ("assembled", "combined").
func participleAdj(t model.Token) bool {
	return t.Kind == model.Word && !t.Cap && len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ed")
}
