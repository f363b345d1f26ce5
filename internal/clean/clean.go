// Package clean removes web boilerplate from a document's body. It takes a
// model.Document whose Body spans are paragraphs (as package ingest makes
// them) and rewrites Body so that share buttons, comment counters, "read also"
// links, photo credits, cookie and consent notices and teasers pointing to
// other coverage fall outside every span. Text is never modified: the new
// spans are sub-spans of the old ones.
//
// The patterns are data (data/clean/boilerplate.tsv, format in its README),
// in German, English, Russian and Ukrainian; all apply to every document,
// whatever its language. Within each Body span Clean works in this order:
//
//  1. span patterns ("Ich möchte eingebundene … Inhalt erlauben") remove text
//     from a start marker to the nearest end marker, across lines;
//  2. each remaining piece of a line loses, until nothing changes, a head
//     label followed by a capitalised word ("Video Die ..."), and its longest
//     boilerplate tail: from a tail marker to the end of the line, or from a
//     sentence start to the end of the line when all of that is line patterns
//     (share buttons, "Коментарі — 0") or a short prefix-pattern line ("Lesen
//     Sie auch: ...", "Фото: ..."); a piece that is all boilerplate is dropped;
//  3. the kept pieces are joined back into spans, a span being split wherever
//     something between two kept pieces was removed.
//
// Words are compared after case folding (ё as е, apostrophes unified), with
// punctuation ignored except a colon a pattern asks for, and numbers skipped
// in line patterns.
package clean

import (
	"entente/internal/tsv"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"entente/data"
	"entente/internal/model"
)

// File is the path of the pattern file in data.FS and in user overlays.
const File = "clean/boilerplate.tsv"

// Kind says how a pattern removes text.
type Kind uint8

// Pattern kinds, as written in the second column of boilerplate.tsv.
const (
	// Line drops a line (or a line's tail after a sentence end) made only of
	// such patterns and numbers.
	Line Kind = iota
	// Prefix drops a line starting with it (or a line's tail from a sentence
	// start) when it has at most Max words.
	Prefix
	// Tail cuts from it to the end of the line, wherever it stands.
	Tail
	// Head cuts it from the start of a line when a capitalised word follows.
	Head
	// Span removes from its start marker to the nearest end marker.
	Span
	// Regex drops a line that the regular expression matches as a whole.
	Regex
	// Keep cancels the prefix patterns that match where it matches: it lists
	// the longer phrases that state a fact ("Ранее мы писали о том, что").
	Keep
)

var kindNames = map[string]Kind{"line": Line, "prefix": Prefix, "tail": Tail, "head": Head, "span": Span, "regex": Regex, "keep": Keep}

// defaultMax is the word limit of a prefix pattern without an argument.
const defaultMax = 12

type pattern struct {
	kind  Kind
	words []string // normalised words; the start marker of a span
	colon bool     // a colon must follow the last word
	end   []string // end marker of a span
	max   int      // word limit of a prefix
}

// Cleaner removes boilerplate with a fixed set of patterns. It is safe for
// concurrent use.
type Cleaner struct {
	pats    []pattern
	first   map[string]int32 // first normalised word -> index into lists
	lists   [][]int32        // indexes into pats
	filter  [filterBits / 64]uint64
	spans   bool // some pattern is a span
	regexes []*regexp.Regexp
	pool    sync.Pool // *scratch
}

// New loads the embedded data/clean/boilerplate.tsv and then the file of the
// same path in each overlay that has one; overlay patterns add to the
// embedded ones.
func New(extra ...fs.FS) (*Cleaner, error) {
	c := &Cleaner{first: make(map[string]int32)}
	if err := c.load(data.FS, true); err != nil {
		return nil, err
	}
	for _, fsys := range extra {
		if err := c.load(fsys, false); err != nil {
			return nil, err
		}
	}
	c.pool.New = func() any { return new(scratch) }
	return c, nil
}

func (c *Cleaner) load(fsys fs.FS, required bool) error {
	err := tsv.Each(fsys, File, func(cols []string, n int) error {
		if err := c.add(cols); err != nil {
			return fmt.Errorf("%s:%d: %w", File, n, err)
		}
		return nil
	})
	if !required && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	return nil
}

func (c *Cleaner) add(cols []string) error {
	if len(cols) < 3 || strings.TrimSpace(cols[0]) == "" {
		return errors.New("want lang<TAB>kind<TAB>pattern[<TAB>arg]")
	}
	kind, ok := kindNames[strings.TrimSpace(cols[1])]
	if !ok {
		return fmt.Errorf("unknown kind %q", cols[1])
	}
	text := strings.TrimSpace(cols[2])
	arg := ""
	if len(cols) > 3 {
		arg = strings.TrimSpace(cols[3])
	}
	p := pattern{kind: kind, max: defaultMax}
	switch kind {
	case Regex:
		re, err := regexp.Compile("(?i)^(?:" + text + ")$")
		if err != nil {
			return err
		}
		c.regexes = append(c.regexes, re)
		return nil
	case Span:
		start, end, ok := strings.Cut(text, "…")
		if !ok {
			start, end, ok = strings.Cut(text, "...")
		}
		p.words, _ = patternWords(start)
		p.end, _ = patternWords(end)
		if !ok || len(p.words) == 0 || len(p.end) == 0 {
			return fmt.Errorf("span %q: want start … end", text)
		}
		c.spans = true
	default:
		p.words, p.colon = patternWords(text)
		if len(p.words) == 0 {
			return fmt.Errorf("pattern %q has no word", text)
		}
	}
	if arg != "" {
		if kind != Prefix {
			return fmt.Errorf("argument %q: only prefix patterns take one", arg)
		}
		m, err := strconv.Atoi(arg)
		if err != nil || m < len(p.words) {
			return fmt.Errorf("prefix %q: word limit %q: want a number ≥ its words", text, arg)
		}
		p.max = m
	}
	fw := p.words[0]
	li, ok := c.first[fw]
	if !ok {
		li = int32(len(c.lists))
		c.first[fw] = li
		c.lists = append(c.lists, nil)
		h := filterHash([]byte(fw))
		c.filter[h/64] |= 1 << (h % 64)
	}
	c.lists[li] = append(c.lists[li], int32(len(c.pats)))
	c.pats = append(c.pats, p)
	return nil
}

// patternWords normalises a pattern into words and reports whether it ends in
// a colon.
func patternWords(s string) ([]string, bool) {
	var sc scratch
	sc.tokenize(nil, s, 0)
	words := make([]string, len(sc.words))
	for i := range sc.words {
		words[i] = sc.norm(i)
	}
	return words, strings.HasSuffix(strings.TrimSpace(s), ":")
}

// word is one token of a block: its bytes in the text and its normalised form
// in scratch.buf.
type word struct {
	start, end int   // offsets in the text
	ns, ne     int   // offsets in scratch.buf
	cand       int32 // index into Cleaner.lists of the patterns it starts, or -1
	num        bool
}

// scratch holds the per-call buffers of Clean.
type scratch struct {
	buf    []byte
	words  []word
	cuts   []model.Span // removed by span patterns
	keep   []model.Span // kept pieces
	state  []uint8
	pieces []piece
}

// piece is a line, or the part of a line left between span removals.
type piece struct {
	model.Span
	partial bool
}

func (s *scratch) norm(i int) string {
	w := s.words[i]
	return string(s.buf[w.ns:w.ne])
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘'
}

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x400 <= r && r <= 0x4FF: // Cyrillic: letters and combining marks
		return r != 0x482
	case 0xC0 <= r && r <= 0x17F: // Latin-1 letters and Latin Extended-A
		return r != 0xD7 && r != 0xF7
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// lower folds r for comparison, with fast paths for ASCII and Cyrillic.
func lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case 'а' <= r && r <= 'я':
		return r
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	case r == 'ё' || r == 'Ё':
		return 'е'
	case 'Ѐ' <= r && r <= 'Џ':
		return r + 'ѐ' - 'Ѐ'
	case 0xDF <= r && r <= 0xFF, 'ѐ' <= r && r <= 'џ':
		return r
	case 0xC0 <= r && r <= 0xDE && r != 0xD7:
		return r + 0x20
	}
	return unicode.ToLower(r)
}

// filterBits is the size of the bit set that rules out most words before a
// map look-up.
const filterBits = 4096

func filterHash(w []byte) uint {
	if len(w) == 0 {
		return 0
	}
	return (uint(len(w))*131 + uint(w[0])*31 + uint(w[len(w)-1])) % filterBits
}

// tokenize replaces s.words with the words of text (found at offset base of
// the document), each with its normalised form in s.buf and, when c is not
// nil, the patterns it starts.
func (s *scratch) tokenize(c *Cleaner, text string, base int) {
	s.buf = s.buf[:0]
	s.words = s.words[:0]
	in := false
	var w word
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r&0xE0 == 0xC0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 && r >= 0xC2 {
				r, n = (r&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
		}
		switch {
		case isWordRune(r):
			if !in {
				in = true
				w = word{start: base + i, ns: len(s.buf), num: true}
			}
			if r < '0' || r > '9' {
				w.num = false
			}
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				s.buf = append(s.buf, byte(r))
			} else if r = lower(r); r < 0x800 {
				s.buf = append(s.buf, byte(0xC0|r>>6), byte(0x80|r&0x3F))
			} else {
				s.buf = utf8.AppendRune(s.buf, r)
			}
		case in && isApostrophe(r) && i+n < len(text):
			// Inside a word ("ім'я", "don't") when a letter follows.
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !unicode.IsLetter(next) {
				in = false
				w.end, w.ne = base+i, len(s.buf)
				s.addWord(c, w)
				break
			}
			w.num = false
			s.buf = append(s.buf, '\'')
		default:
			if in {
				in = false
				w.end, w.ne = base+i, len(s.buf)
				s.addWord(c, w)
			}
		}
		i += n
	}
	if in {
		w.end, w.ne = base+len(text), len(s.buf)
		s.addWord(c, w)
	}
}

func (s *scratch) addWord(c *Cleaner, w word) {
	w.cand = -1
	if c != nil && !w.num {
		nw := s.buf[w.ns:w.ne]
		if h := filterHash(nw); c.filter[h/64]&(1<<(h%64)) != 0 {
			if li, ok := c.first[string(nw)]; ok {
				w.cand = li
			}
		}
	}
	s.words = append(s.words, w)
}

// matchAt reports whether words ws match the words starting at i, below b.
func (s *scratch) matchAt(ws []string, i, b int) bool {
	if i+len(ws) > b {
		return false
	}
	for j, pw := range ws {
		w := s.words[i+j]
		if string(s.buf[w.ns:w.ne]) != pw {
			return false
		}
	}
	return true
}

// colonAfter reports whether a colon follows word i before the next word.
func (s *scratch) colonAfter(text string, i int) bool {
	end := len(text)
	if i+1 < len(s.words) {
		end = s.words[i+1].start
	}
	return strings.IndexByte(text[s.words[i].end:end], ':') >= 0
}

// candidates returns the patterns whose first word is word i.
func (c *Cleaner) candidates(s *scratch, i int) []int32 {
	if li := s.words[i].cand; li >= 0 {
		return c.lists[li]
	}
	return nil
}

// Clean rewrites doc.Body without boilerplate. Spans are kept in order, each
// within an old span and trimmed of white space; a span from which something
// was removed in the middle becomes two.
func (c *Cleaner) Clean(doc *model.Document) {
	if len(doc.Body) == 0 {
		return
	}
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	out := make([]model.Span, 0, len(doc.Body)+2)
	for _, sp := range doc.Body {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
			continue
		}
		out = c.block(doc.Text, sp, s, out)
	}
	if len(out) == 0 {
		out = nil
	}
	doc.Body = out
}

// block cleans one body span and appends the kept spans to out.
func (c *Cleaner) block(text string, sp model.Span, s *scratch, out []model.Span) []model.Span {
	s.tokenize(c, text[sp.Start:sp.End], sp.Start)
	s.cuts = s.cuts[:0]
	if c.spans {
		c.findSpans(text, s)
	}
	// Cut the block into pieces: lines minus span removals.
	s.pieces = s.pieces[:0]
	cut := 0
	for ls := sp.Start; ls < sp.End; {
		le := strings.IndexByte(text[ls:sp.End], '\n')
		if le < 0 {
			le = sp.End
		} else {
			le += ls
		}
		ps := ls
		for cut < len(s.cuts) && s.cuts[cut].Start < le {
			k := s.cuts[cut]
			if k.Start > ps {
				s.pieces = append(s.pieces, piece{model.Span{Start: ps, End: k.Start}, true})
			}
			if k.End > le {
				ps = le
				break
			}
			ps = k.End
			cut++
		}
		if ps < le {
			s.pieces = append(s.pieces, piece{model.Span{Start: ps, End: le}, ps != ls})
		}
		ls = le + 1
	}
	// Clean each piece, then join neighbours with only white space between.
	s.keep = s.keep[:0]
	w := 0
	for _, p := range s.pieces {
		for w < len(s.words) && s.words[w].start < p.Start {
			w++
		}
		b := w
		for b < len(s.words) && s.words[b].end <= p.End {
			b++
		}
		if k, ok := c.piece(text, s, p, w, b); ok {
			s.keep = append(s.keep, k)
		}
		w = b
	}
	for i := 0; i < len(s.keep); {
		k := s.keep[i]
		j := i + 1
		for j < len(s.keep) && isSpace(text[k.End:s.keep[j].Start]) {
			k.End = s.keep[j].End
			j++
		}
		out = append(out, k)
		i = j
	}
	return out
}

// maxSpanWords bounds how far after its start marker a span pattern looks
// for the end marker, in words.
const maxSpanWords = 300

// findSpans records in s.cuts the text from each span pattern's start marker
// to the nearest end marker after it, at most maxSpanWords away.
func (c *Cleaner) findSpans(text string, s *scratch) {
	n := len(s.words)
outer:
	for i := 0; i < n; i++ {
		for _, pi := range c.candidates(s, i) {
			p := &c.pats[pi]
			if p.kind != Span || !s.matchAt(p.words, i, n) {
				continue
			}
			for j := i + len(p.words); j < n && j < i+maxSpanWords; j++ {
				if s.matchAt(p.end, j, n) {
					e := j + len(p.end) - 1
					s.cuts = append(s.cuts, model.Span{Start: s.words[i].start, End: s.words[e].end})
					i = e
					continue outer
				}
			}
		}
	}
}

// piece cleans one piece of a line, whose words are s.words[a:b], and returns
// what is kept of it, trimmed, or false when nothing is.
func (c *Cleaner) piece(text string, s *scratch, pc piece, a, b int) (model.Span, bool) {
	p := pc.Span
	if a == b && pc.partial { // punctuation left over by a span removal
		return model.Span{}, false
	}
	if len(c.regexes) > 0 {
		t := strings.TrimSpace(text[p.Start:p.End])
		for _, re := range c.regexes {
			if re.MatchString(t) {
				return model.Span{}, false
			}
		}
	}
	for a < b {
		changed := false

		// Head label followed by a capitalised word.
		for _, pi := range c.candidates(s, a) {
			pt := &c.pats[pi]
			if pt.kind != Head || !s.matchAt(pt.words, a, b) || a+len(pt.words) >= b {
				continue
			}
			nw := s.words[a+len(pt.words)]
			if r, _ := utf8.DecodeRuneInString(text[nw.start:]); unicode.IsUpper(r) {
				a += len(pt.words)
				p.Start = nw.start
				changed = true
				break
			}
		}
		if cut := c.tailCut(text, s, a, b); cut < b {
			if cut == a {
				return model.Span{}, false
			}
			b = cut
			p.End = trimCut(text, s.words[cut-1].end, s.words[cut].start)
			changed = true
		}
		if !changed {
			break
		}
	}
	return trim(text, p)
}

// Tail states of tailCut.
const (
	notBoilerplate = iota
	onlyNumbers    // numbers or nothing: removable next to boilerplate
	boilerplate    // patterns and numbers
)

// tailCut returns the first word of the longest boilerplate tail of
// s.words[a:b], or b when there is none.
func (c *Cleaner) tailCut(text string, s *scratch, a, b int) int {
	if cap(s.state) < b-a+1 {
		s.state = make([]uint8, b-a+1)
	}
	st := s.state[:b-a+1] // st[i-a]: what words i..b-1 are
	st[b-a] = onlyNumbers
	cut := b
	for i := b - 1; i >= a; i-- {
		v := uint8(notBoilerplate)
		if s.words[i].num {
			v = st[i+1-a]
		}
		keep := false
		cands := c.candidates(s, i)
		for _, pi := range cands {
			if p := &c.pats[pi]; p.kind == Keep && s.matchAt(p.words, i, b) {
				keep = true
			}
		}
		for _, pi := range cands {
			p := &c.pats[pi]
			if !s.matchAt(p.words, i, b) || p.colon && !s.colonAfter(text, i+len(p.words)-1) {
				continue
			}
			switch p.kind {
			case Line:
				if st[i+len(p.words)-a] != notBoilerplate {
					v = boilerplate
				}
			case Prefix:
				if b-i <= p.max && !keep {
					v = boilerplate
				}
			case Tail:
				cut = i
			}
		}
		st[i-a] = v
		if v == boilerplate && i < cut && c.boundary(text, s, a, i) {
			cut = i
		}
	}
	return cut
}

// boundary reports whether word i starts a sentence: it is the piece's first
// word, or the text since the previous word holds a sentence end and that
// word is not a number ("am 28. Februar").
func (c *Cleaner) boundary(text string, s *scratch, a, i int) bool {
	if i == a {
		return true
	}
	prev := s.words[i-1]
	if prev.num {
		return false
	}
	return strings.ContainsAny(text[prev.end:s.words[i].start], ".!?…")
}

// trimCut returns where a piece ends when everything from the word at next is
// cut: after the previous word at end, keeping sentence punctuation and
// closing quotes but not separators such as "|" or "—".
func trimCut(text string, end, next int) int {
	gap := text[end:next]
	keep := 0
	for i, r := range gap {
		if strings.ContainsRune(".!?…\"'»”“’)]", r) {
			keep = i + utf8.RuneLen(r)
		} else if !unicode.IsSpace(r) && !strings.ContainsRune("|•·—–-/:;,", r) {
			keep = i + utf8.RuneLen(r)
		}
	}
	return end + keep
}

// trim shrinks p to exclude surrounding white space, reporting false when
// nothing but white space is left.
func trim(text string, p model.Span) (model.Span, bool) {
	seg := text[p.Start:p.End]
	t := strings.TrimLeftFunc(seg, unicode.IsSpace)
	p.Start += len(seg) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	p.End = p.Start + len(t)
	return p, len(t) > 0
}

func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
