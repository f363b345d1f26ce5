// Package langid identifies the language of text among the languages of the
// registry (package langs: de, en, ru, uk). Detect takes a string and
// returns a language code with a confidence; Annotate sets Document.Lang and
// Document.ParaLang from the document's body spans.
//
// It works in two steps. The script decides between Cyrillic (ru, uk) and
// Latin (de, en) by counting letters. Within a script, letters that only one
// language has (і ї є ґ against ы э ъ ё; ä ö ü ß) and frequent function words,
// both listed with weights in data/text/langid.tsv, decide. Without evidence
// against it the script's default language of the registry wins: a Cyrillic
// text with no Ukrainian evidence is Russian, a Latin text with no German
// evidence is English.
package langid

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/data"
	"entente/internal/langs"
	"entente/internal/model"
)

// lowMax bounds the runes (ASCII, Latin, Cyrillic) whose letter evidence is
// looked up in an array rather than a map.
const lowMax = 0x530

// nLang is the most languages an Identifier tells apart (the evidence of
// a letter or word is an array of this size, indexed like the registry).
const nLang = 16

// Identifier holds the letter and word evidence. It is safe for concurrent use.
type Identifier struct {
	reg   *langs.Registry
	n     int // languages in reg
	chars map[rune][nLang]float64
	// low indexes chars for runes below lowMax: 0 is none, k is scores[k].
	low    [lowMax]uint8
	scores [][nLang]float64
	words  map[string][nLang]float64
	// maxWord is the longest function word in bytes; longer words are skipped.
	maxWord int
	// ends holds the evidence of word endings, endLens their distinct
	// lengths in bytes, shortest first.
	ends    map[string][nLang]float64
	endLens []int
}

// New loads data/text/langid.tsv from the embedded data and then from each
// extra file system that has one, as text/langid.tsv or, for a file system
// rooted at the text folder, langid.tsv; their entries add to the embedded
// ones.
// The languages come from the registry (langs.Load with the same extra file
// systems).
func New(extra ...fs.FS) (*Identifier, error) {
	reg, err := langs.Load(extra...)
	if err != nil {
		return nil, fmt.Errorf("langid: %w", err)
	}
	if reg.Len() > nLang {
		return nil, fmt.Errorf("langid: %d languages, at most %d", reg.Len(), nLang)
	}
	id := &Identifier{reg: reg, n: reg.Len(), chars: map[rune][nLang]float64{}, words: map[string][nLang]float64{}, ends: map[string][nLang]float64{}}
	for i, fsys := range append([]fs.FS{data.FS}, extra...) {
		b, err := fs.ReadFile(fsys, "text/langid.tsv")
		if i > 0 && errors.Is(err, fs.ErrNotExist) {
			// An extra file system may also be rooted at the text folder.
			b, err = fs.ReadFile(fsys, "langid.tsv")
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		if err != nil {
			return nil, fmt.Errorf("langid: %w", err)
		}
		if err := id.parse(b); err != nil {
			return nil, err
		}
	}
	return id, nil
}

func (id *Identifier) parse(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return fmt.Errorf("langid: langid.tsv:%d: want lang<TAB>kind<TAB>item[<TAB>weight]", n)
		}
		li := id.reg.Index(f[0])
		if li < 0 {
			return fmt.Errorf("langid: langid.tsv:%d: unknown language %q (%s lists %s)", n, f[0], langs.File, id.reg.Help())
		}
		w := 1.0
		if len(f) > 3 && f[3] != "" {
			v, err := strconv.ParseFloat(f[3], 64)
			if err != nil || v <= 0 {
				return fmt.Errorf("langid: langid.tsv:%d: bad weight %q", n, f[3])
			}
			w = v
		}
		item := strings.ToLower(f[2])
		switch f[1] {
		case "char":
			r, size := utf8.DecodeRuneInString(item)
			if size != len(item) || r == utf8.RuneError {
				return fmt.Errorf("langid: langid.tsv:%d: char %q is not one letter", n, f[2])
			}
			v := id.chars[r]
			v[li] += w
			id.chars[r] = v
		case "word":
			v := id.words[item]
			v[li] += w
			id.words[item] = v
			if len(item) > maxWordLen {
				return fmt.Errorf("langid: langid.tsv:%d: word longer than %d bytes", n, maxWordLen)
			}
			if len(item) > id.maxWord {
				id.maxWord = len(item)
			}
		case "ending":
			if len(item) < 2 || len(item) > tailKeep {
				return fmt.Errorf("langid: langid.tsv:%d: ending %q: want 2 to %d bytes", n, f[2], tailKeep)
			}
			v := id.ends[item]
			v[li] += w
			id.ends[item] = v
			if !slices.Contains(id.endLens, len(item)) {
				id.endLens = append(id.endLens, len(item))
				slices.Sort(id.endLens)
			}
		default:
			return fmt.Errorf("langid: langid.tsv:%d: unknown kind %q", n, f[1])
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("langid: langid.tsv: %w", err)
	}
	id.index()
	return nil
}

// maxWordLen is the longest function word in bytes.
const maxWordLen = 60

// index rebuilds the array lookup of letter evidence.
func (id *Identifier) index() {
	id.low = [lowMax]uint8{}
	id.scores = id.scores[:0]
	id.scores = append(id.scores, [nLang]float64{})
	for r, v := range id.chars {
		if r < lowMax && len(id.scores) < 256 {
			id.low[r] = uint8(len(id.scores))
			id.scores = append(id.scores, v)
		}
	}
}

// charScore adds the letter evidence of the lower-case rune r.
func (id *Identifier) charScore(c *counts, r rune) {
	if r < lowMax {
		if k := id.low[r]; k != 0 {
			v := &id.scores[k]
			for i := range id.n {
				c.score[i] += v[i]
			}
		}
		return
	}
	if v, ok := id.chars[r]; ok {
		for i := range id.n {
			c.score[i] += v[i]
		}
	}
}

// counts accumulates evidence over one or more strings.
type counts struct {
	cyr, lat int // letters per script
	score    [nLang]float64
	// ends turns on the evidence of word endings, for short texts only:
	// a long one has function words enough, and endings cost a lookup a
	// word.
	ends bool
}

// shortText is the most bytes of text whose word endings are read.
const shortText = 1500

func (id *Identifier) add(c *counts, s string) {
	var buf [64]byte
	n := 0        // bytes of the current lower-cased word (its tail when over) in buf
	over := false // the current word is longer than buf
	for i := 0; i < len(s); {
		b := s[i]
		var lr rune
		if b < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= b && b <= 'z':
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
			default:
				id.flush(c, buf[:n], over)
				n, over = 0, false
				continue
			}
			c.lat++
			if id.low[b] != 0 {
				id.charScore(c, rune(b))
			}
			if n == len(buf) {
				n, over = keepTail(&buf), true
			}
			buf[n] = b
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case 0x430 <= r && r <= 0x44f: // а-я
			lr = r
			c.cyr++
		case 0x410 <= r && r <= 0x42f: // А-Я
			lr = r + 0x20
			c.cyr++
		case 0x450 <= r && r <= 0x45f: // ѐ-џ, incl. ё є і ї
			lr = r
			c.cyr++
		case 0x400 <= r && r <= 0x40f: // Ѐ-Џ
			lr = r + 0x50
			c.cyr++
		case r == 'ʼ' || r == '’':
			// Apostrophes inside Ukrainian words.
			id.charScore(c, 'ʼ')
			continue
		case unicode.IsLetter(r):
			lr = unicode.ToLower(r)
			switch {
			case unicode.Is(unicode.Cyrillic, lr):
				c.cyr++
			case unicode.Is(unicode.Latin, lr):
				c.lat++
			}
		default:
			id.flush(c, buf[:n], over)
			n, over = 0, false
			continue
		}
		id.charScore(c, lr)
		if n+utf8.UTFMax > len(buf) {
			n, over = keepTail(&buf), true
		}
		n += utf8.EncodeRune(buf[n:], lr)
	}
	id.flush(c, buf[:n], over)
}

// tailKeep is how many bytes of a word longer than the buffer are kept:
// enough for any ending.
const tailKeep = 16

// keepTail moves the last tailKeep bytes of a full word buffer to its
// start and returns their length.
func keepTail(buf *[64]byte) int {
	copy(buf[:], buf[len(buf)-tailKeep:])
	return tailKeep
}

// flush scores one finished lower-case word.
func (id *Identifier) flush(c *counts, w []byte, over bool) {
	if len(w) == 0 {
		return
	}
	if !over && len(w) <= id.maxWord {
		if v, ok := id.words[string(w)]; ok {
			for i := range id.n {
				c.score[i] += v[i]
			}
		}
	}
	if c.ends {
		id.ending(c, w)
	}
}

// endStem is how many letters a word keeps before an ending that counts:
// "Jung" is no German "-ung" ("young" is an English word of langid.tsv).
const endStem = 2

// ending scores the ending of a lower-case word (of its tail, for a word
// longer than the buffer) that keeps at least endStem letters before it.
func (id *Identifier) ending(c *counts, w []byte) {
	if len(id.endLens) == 0 {
		return
	}
	letters := utf8.RuneCount(w)
	for _, n := range id.endLens {
		if len(w) < n || letters < utf8.RuneCount(w[len(w)-n:])+endStem {
			break
		}
		if v, ok := id.ends[string(w[len(w)-n:])]; ok {
			for i := range id.n {
				c.score[i] += v[i]
			}
		}
	}
}

// decide turns counts into a language and a confidence in [0, 1]. The
// script with more letters decides among its languages: the default
// language of the script wins unless another has more evidence.
func (id *Identifier) decide(c *counts) (string, float64) {
	letters := c.cyr + c.lat
	if letters == 0 {
		return "", 0
	}
	script, inScript := langs.Latin, c.lat
	if c.cyr > c.lat {
		script, inScript = langs.Cyrillic, c.cyr
	}
	share := float64(inScript) / float64(letters)
	def := id.reg.Default(script)
	if def == nil {
		return "", 0
	}
	// With no evidence against it, the default wins: Russian lacks no
	// letter Ukrainian needs, and English has no letters of its own.
	win, sw := def, c.score[def.Index]
	for _, l := range id.reg.All() {
		if l.Script == script && c.score[l.Index] > sw {
			win, sw = l, c.score[l.Index]
		}
	}
	sl := 0.0 // the best loser's evidence
	lettered := false
	for _, l := range id.reg.All() {
		if l.Script == script && l != win {
			sl = max(sl, c.score[l.Index])
			lettered = lettered || l.Letters != ""
		}
	}
	// Margin confidence, smoothed, grows with the amount of evidence.
	conf := (sw + 1) / (sw + sl + 2)
	if sw == 0 && sl == 0 {
		conf = 0.5
	}
	if sl == 0 && win == def && lettered {
		// No letter or word of a language with letters of its own (no
		// Ukrainian і): strong evidence against it in any text long enough
		// to contain one (і is 5% of Ukrainian letters).
		conf = max(conf, min(0.95, 0.5+float64(inScript)/60))
	}
	return win.Code, conf * share
}

// Detect returns the language of s and a confidence in [0, 1]; lang is ""
// when s has no letters.
func (id *Identifier) Detect(s string) (lang string, confidence float64) {
	c := counts{ends: len(s) <= shortText}
	id.add(&c, s)
	return id.decide(&c)
}

// paraMinLetters is how many letters a paragraph needs before it may differ
// from the document's language.
const paraMinLetters = 12

// Annotate sets doc.Lang from the text of all doc.Body spans and
// doc.ParaLang to one language per span: the document's language unless the
// span clearly is in another one (another script, or confident evidence).
func (id *Identifier) Annotate(doc *model.Document) {
	var all counts
	paras := make([]counts, len(doc.Body))
	size := 0
	for _, sp := range doc.Body {
		size += max(0, sp.End-sp.Start)
	}
	for i, sp := range doc.Body {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
			continue
		}
		paras[i].ends = size <= shortText
		id.add(&paras[i], doc.Text[sp.Start:sp.End])
		all.cyr += paras[i].cyr
		all.lat += paras[i].lat
		for k := range all.score {
			all.score[k] += paras[i].score[k]
		}
	}
	doc.Lang, _ = id.decide(&all)
	doc.ParaLang = make([]string, len(doc.Body))
	for i := range paras {
		doc.ParaLang[i] = doc.Lang
		p := &paras[i]
		if p.cyr+p.lat < paraMinLetters {
			continue
		}
		l, conf := id.decide(p)
		if l == doc.Lang || l == "" {
			continue
		}
		otherScript := (p.cyr > p.lat) != (all.cyr > all.lat)
		if otherScript || conf >= 0.85 {
			doc.ParaLang[i] = l
		}
	}
}

// Script returns the script most letters of s are written in (langs.Latin
// or langs.Cyrillic; "" when s has no letters) and the share of its letters
// in that script.
func Script(s string) (string, float64) {
	cyr, lat := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				lat++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
			lat++
		}
	}
	switch {
	case cyr+lat == 0:
		return "", 0
	case cyr > lat:
		return langs.Cyrillic, float64(cyr) / float64(cyr+lat)
	default:
		return langs.Latin, float64(lat) / float64(cyr+lat)
	}
}
