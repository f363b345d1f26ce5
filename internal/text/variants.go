package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Name variants: the spellings of a name that news in other scripts and
// schemes use, generated from tables in data/text rather than typed into the
// knowledge base. Romanize writes Russian and Ukrainian names in the Latin
// schemes of romanize.tsv; OtherGiven gives the Ukrainian form of a Russian
// given name and back (given_names.tsv); Palladius writes Chinese pinyin in
// Cyrillic (zh_palladius.tsv).

// romanCell is one scheme's spelling of a letter: plain, or iot at the start
// of a word and after a vowel, ь or ъ.
type romanCell struct{ plain, iot string }

// romanTable holds romanize.tsv: per language ("ru", "uk", "*"), per letter
// sequence (a trailing "$" for word ends), a cell per scheme.
type romanTable struct {
	schemes []string
	m       map[string]map[string][]romanCell
}

func (t *romanTable) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if t.schemes == nil {
			// The header names the schemes: the first line that is no comment
			// must be "lang from scheme...".
			if len(f) < 3 || f[0] != "lang" || f[1] != "from" {
				return fmt.Errorf("text: %s:%d: want a header line lang<TAB>from<TAB>scheme (one column per scheme)", name, n)
			}
			t.schemes = f[2:]
			return nil
		}
		if f[0] == "lang" {
			return nil // the header of an extra file
		}
		if len(f) != len(t.schemes)+2 {
			return fmt.Errorf("text: %s:%d: want %d columns, got %d", name, n, len(t.schemes)+2, len(f))
		}
		lang, from := f[0], strings.ToLower(f[1])
		if lang != "ru" && lang != "uk" && lang != "*" {
			return fmt.Errorf("text: %s:%d: language %q: want ru, uk or *", name, n, lang)
		}
		if c := utf8.RuneCountInString(strings.TrimSuffix(from, "$")); c < 1 || c > 2 {
			return fmt.Errorf("text: %s:%d: %q: want one or two letters", name, n, f[1])
		}
		cells := make([]romanCell, len(t.schemes))
		for i, c := range f[2:] {
			if c == "-" {
				c = ""
			}
			plain, iot, ok := strings.Cut(c, "/")
			if !ok {
				iot = plain
			}
			cells[i] = romanCell{plain, iot}
		}
		if t.m[lang] == nil {
			t.m[lang] = map[string][]romanCell{}
		}
		t.m[lang][from] = cells
		return nil
	})
}

// lookup returns the cells of a letter sequence: the language's row, else
// the shared one, else the other language's (a Ukrainian і in a name read
// as Russian; single letters only).
func (t *romanTable) lookup(lang, seq string) []romanCell {
	if c, ok := t.m[lang][seq]; ok {
		return c
	}
	if c, ok := t.m["*"][seq]; ok {
		return c
	}
	if utf8.RuneCountInString(seq) != 1 {
		return nil
	}
	for l, m := range t.m {
		if l != lang && l != "*" {
			if c, ok := m[seq]; ok {
				return c
			}
		}
	}
	return nil
}

// RomanSchemes returns the names of the romanisation schemes, in the order
// Romanize returns its forms.
func (a *Analyzer) RomanSchemes() []string { return a.roman.schemes }

// Romanize writes a Cyrillic name of lang (ru or uk) in each romanisation
// scheme, in the order of RomanSchemes: "Сергей Шойгу" gives "Sergey
// Shoygu", "Sergej Šojgu", ..., "Sergej Schoigu", "Sergueï Choïgou". Words
// keep their capitals; letters the table does not know are kept. It returns
// nil for a name without Cyrillic letters.
func (a *Analyzer) Romanize(name, lang string) []string {
	t := &a.roman
	if len(t.schemes) == 0 || isLatinText(name) {
		return nil
	}
	out := make([]strings.Builder, len(t.schemes))
	rs := []rune(name)
	iot := true
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			for k := range out {
				out[k].WriteRune(r)
			}
			iot = true
			i++
			continue
		}
		lower := unicode.ToLower(r)
		if r == '’' {
			lower = '\''
		}
		upper := r != lower
		atEnd := func(j int) bool { return j >= len(rs) || !unicode.IsLetter(rs[j]) }
		var cells []romanCell
		size := 0
		if i+1 < len(rs) {
			seq := string([]rune{lower, unicode.ToLower(rs[i+1])})
			if atEnd(i + 2) {
				cells = t.lookup(lang, seq+"$")
			}
			if cells == nil {
				cells = t.lookup(lang, seq)
			}
			if cells != nil {
				size = 2
			}
		}
		if cells == nil {
			if atEnd(i + 1) {
				cells = t.lookup(lang, string(lower)+"$")
			}
			if cells == nil {
				cells = t.lookup(lang, string(lower))
			}
			size = 1
		}
		for k := range out {
			s := string(lower)
			if cells != nil {
				s = cells[k].plain
				if iot {
					s = cells[k].iot
				}
			}
			if upper && s != "" {
				f, n := utf8.DecodeRuneInString(s)
				s = string(unicode.ToUpper(f)) + s[n:]
			}
			out[k].WriteString(s)
		}
		iot = strings.ContainsRune("аеёиоуыэюяєіїьъ'", lower)
		if size == 2 {
			iot = strings.ContainsRune("аеёиоуыэюяєіїьъ'", unicode.ToLower(rs[i+1]))
		}
		i += size
	}
	res := make([]string, len(out))
	for k := range out {
		res[k] = out[k].String()
	}
	return res
}

func isLatinText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r < 0x0400 || r > 0x04FF
		}
	}
	return true
}

// givenNames holds given_names.tsv: the Ukrainian form of a Russian given
// name and back, by nominative.
type givenNames struct{ ruUK, ukRU map[string]string }

func (g *givenNames) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if len(f) != 2 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("text: %s:%d: want ru<TAB>uk", name, n)
		}
		if _, ok := g.ruUK[f[0]]; !ok {
			g.ruUK[f[0]] = f[1]
		}
		if _, ok := g.ukRU[f[1]]; !ok {
			g.ukRU[f[1]] = f[0]
		}
		return nil
	})
}

// OtherGiven returns the Ukrainian form of a Russian given name (from "ru")
// or the Russian form of a Ukrainian one (from "uk"), and whether the table
// knows it: OtherGiven("Сергей", "ru") is "Сергій".
func (a *Analyzer) OtherGiven(given, from string) (string, bool) {
	m := a.given.ruUK
	if from == "uk" {
		m = a.given.ukRU
	}
	o, ok := m[given]
	return o, ok && o != given
}

// palladius holds zh_palladius.tsv.
type palladius struct {
	initial  map[string]string
	final    map[string][2]string // ru, uk ("" uk: derived)
	syllable map[string][2]string
}

func (p *palladius) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if len(f) < 3 || f[1] == "" || f[2] == "" {
			return fmt.Errorf("text: %s:%d: want kind<TAB>pinyin<TAB>ru[<TAB>uk]", name, n)
		}
		uk := ""
		if len(f) > 3 {
			uk = f[3]
		}
		switch f[0] {
		case "initial":
			p.initial[f[1]] = f[2]
		case "final":
			p.final[f[1]] = [2]string{f[2], uk}
		case "syllable":
			p.syllable[f[1]] = [2]string{f[2], uk}
		default:
			return fmt.Errorf("text: %s:%d: kind %q: want initial, final or syllable", name, n, f[0])
		}
		return nil
	})
}

// ukFromRu derives the Ukrainian Palladius spelling from the Russian one.
var ukFromRu = strings.NewReplacer("и", "і", "ы", "и", "э", "е", "И", "І", "Ы", "И", "Э", "Е")

// syllable returns the Cyrillic forms of one pinyin syllable.
func (p *palladius) syl(s string) (ru, uk string, ok bool) {
	if v, ok := p.syllable[s]; ok {
		return v[0], v[1], true
	}
	for _, n := range []int{2, 1} {
		if len(s) <= n {
			continue
		}
		ini, ok := p.initial[s[:n]]
		if !ok {
			continue
		}
		if v, ok := p.final[s[n:]]; ok {
			uk := ""
			if v[1] != "" {
				uk = ukFromRu.Replace(ini) + v[1]
			}
			return ini + v[0], uk, true
		}
	}
	return "", "", false
}

// Palladius writes a Chinese name in pinyin ("Xi Jinping", "Wang Yi",
// "Dong Jun") in Russian and Ukrainian Palladius Cyrillic ("Си Цзиньпин",
// "Сі Цзіньпін"). Tone marks are ignored; each word must split into
// syllables of the table, else ok is false.
func (a *Analyzer) Palladius(pinyin string) (ru, uk string, ok bool) {
	p := &a.zh
	if len(p.initial) == 0 {
		return "", "", false
	}
	var rb, ub strings.Builder
	for wi, w := range strings.Fields(pinyin) {
		if wi > 0 {
			rb.WriteByte(' ')
			ub.WriteByte(' ')
		}
		for pi, part := range strings.Split(w, "-") {
			if pi > 0 {
				rb.WriteByte('-')
				ub.WriteByte('-')
			}
			r, u, ok := p.word(plainPinyin(part))
			if !ok {
				return "", "", false
			}
			if pi == 0 {
				r, u = capFirst(r), capFirst(u) // "Jong-un": lower case after a hyphen
			}
			rb.WriteString(r)
			ub.WriteString(u)
		}
	}
	return rb.String(), ub.String(), true
}

// word splits a lower-case pinyin word into syllables (longest first, with
// backtracking; an apostrophe separates syllables) and writes them.
func (p *palladius) word(w string) (ru, uk string, ok bool) {
	if w == "" {
		return "", "", true
	}
	if strings.HasPrefix(w, "'") {
		return p.word(w[1:])
	}
	for n := min(len(w), 7); n >= 1; n-- {
		r, u, ok := p.syl(w[:n])
		if !ok {
			continue
		}
		rr, ru2, ok := p.word(w[n:])
		if !ok {
			continue
		}
		if u == "" {
			u = ukFromRu.Replace(r)
		}
		if ru2 != "" || rr != "" {
			return r + rr, u + ru2, true
		}
		return r, u, true
	}
	return "", "", false
}

// plainPinyin lower-cases pinyin and strips tone marks (ü stays).
func plainPinyin(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsMark(r) {
			if r == '\u0308' { // diaeresis: ü
				b.WriteString("\u0308")
			}
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// kontsevich holds ko_kontsevich.tsv.
type kontsevich struct {
	initial, voiced map[rune]string
	medial, final   map[rune]string
	family2         map[string]bool
	uk              map[rune][2]string // after a consonant, at a start or after a vowel
}

func (k *kontsevich) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if len(f) < 2 || utf8.RuneCountInString(f[1]) < 1 {
			return fmt.Errorf("text: %s:%d: want kind<TAB>jamo<TAB>ru (then uk)", name, n)
		}
		r, _ := utf8.DecodeRuneInString(f[1])
		cell := func(i int) string {
			if len(f) <= i || f[i] == "-" {
				return ""
			}
			return f[i]
		}
		switch f[0] {
		case "initial":
			k.initial[r] = cell(2)
			k.voiced[r] = cell(2)
			if len(f) > 3 {
				k.voiced[r] = cell(3)
			}
		case "medial":
			k.medial[r] = cell(2)
		case "final":
			k.final[r] = cell(2)
		case "family2":
			k.family2[f[1]] = true
		case "uk":
			v := [2]string{cell(2), cell(2)}
			if len(f) > 3 {
				v[1] = cell(3)
			}
			k.uk[r] = v
		default:
			return fmt.Errorf("text: %s:%d: kind %q: want initial, medial, final, family2 or uk", name, n, f[0])
		}
		return nil
	})
}

// Hangul syllables: initial, medial and final jamo in Unicode order
// (compatibility jamo, as the table writes them).
var (
	hangulInitials = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
	hangulMedials  = []rune("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
	hangulFinals   = []rune(" ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
)

// Kontsevich writes a Korean name in Hangul ("김정은", family name first)
// in Russian and Ukrainian Cyrillic by the Kontsevich system: the family
// name, then each syllable of the given name as a word ("Ким Чон Ын",
// "Кім Чон Ин"). ok is false for anything but Hangul syllables.
func (a *Analyzer) Kontsevich(hangul string) (ru, uk string, ok bool) {
	k := &a.ko
	if len(k.initial) == 0 {
		return "", "", false
	}
	name := strings.Join(strings.Fields(hangul), "")
	syl := []rune(name)
	if len(syl) < 2 {
		return "", "", false
	}
	for _, s := range syl {
		if s < 0xAC00 || s > 0xD7A3 {
			return "", "", false
		}
	}
	nf := 1
	if len(syl) > 2 && k.family2[string(syl[:2])] {
		nf = 2
	}
	var words []string
	var cur strings.Builder
	prevSonorant := false // the previous syllable of the word ends in a vowel or ㄴ ㄹ ㅁ ㅇ
	for i, s := range syl {
		if i == nf || i > nf {
			// Each syllable of the given name is written as a word, but
			// voicing runs through the given name as one word.
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
		}
		if i == nf {
			prevSonorant = false
		}
		idx := int(s - 0xAC00)
		ini, med, fin := hangulInitials[idx/588], hangulMedials[idx%588/28], hangulFinals[idx%28]
		c := k.initial[ini]
		if prevSonorant && i > 0 {
			c = k.voiced[ini]
		}
		// ㄹ after ㄹ is л: 철룡 → Чхолль Лён is rare; keep р otherwise.
		m, okm := k.medial[med]
		if !okm {
			return "", "", false
		}
		cur.WriteString(c + m)
		prevSonorant = fin == ' ' || fin == 'ㄴ' || fin == 'ㄹ' || fin == 'ㅁ' || fin == 'ㅇ'
		if fin != ' ' {
			f, okf := k.final[fin]
			if !okf {
				return "", "", false
			}
			cur.WriteString(f)
		}
	}
	words = append(words, cur.String())
	for i, w := range words {
		words[i] = capFirst(w)
	}
	ru = strings.Join(words, " ")
	return ru, k.toUK(ru), true
}

// toUK rewrites a Russian Kontsevich form in Ukrainian letters.
func (k *kontsevich) toUK(ru string) string {
	var b strings.Builder
	start := true
	for _, r := range ru {
		lower := unicode.ToLower(r)
		v, ok := k.uk[lower]
		if !ok {
			b.WriteRune(r)
			start = !unicode.IsLetter(r) || strings.ContainsRune("аеёиоуыэюяіїє", lower)
			continue
		}
		s := v[0]
		if start {
			s = v[1]
		}
		if r != lower {
			s = capFirst(s)
		}
		b.WriteString(s)
		start = true
	}
	return b.String()
}
