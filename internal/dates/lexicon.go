package dates

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the role of a word in temporal expressions; see data/dates/README.md.
type kind uint8

const (
	kNone kind = iota
	kMonth
	kWeekday
	kRel
	kMod
	kUnit
	kYearMark
	kYearWord
	kPre
	kTo
	kBetween
	kAnd
	kArticle
	kDaySuffix
	kOf
	kDayPart
)

var kindNames = map[string]kind{
	"month":     kMonth,
	"weekday":   kWeekday,
	"rel":       kRel,
	"mod":       kMod,
	"unit":      kUnit,
	"yearmark":  kYearMark,
	"yearword":  kYearWord,
	"pre":       kPre,
	"to":        kTo,
	"between":   kBetween,
	"and":       kAnd,
	"article":   kArticle,
	"daysuffix": kDaySuffix,
	"of":        kOf,
	"daypart":   kDayPart,
}

// entry is one reading of a word.
type entry struct {
	kind    kind
	capital bool // written capitalised: matches only capitalised text
	unit    byte // d, w, m, y for kRel and kUnit
	val     int  // month, weekday, offset or modifier
}

// lexicon holds the date words of one language.
type lexicon struct {
	words    map[string][]entry // keyed by the folded form
	monthDay bool               // "April 26" is a date order
	// weekdays lists the folded weekday forms, for compounds such as
	// Donnerstagabend; only filled when the language has daypart words.
	weekdays []string
	wdFirst  [256]bool // first bytes of weekdays
}

func newLexicon() *lexicon { return &lexicon{words: make(map[string][]entry)} }

// load reads every dates/*.tsv file of fsys into lexs.
func load(fsys fs.FS, lexs map[string]*lexicon) error {
	names, err := fs.Glob(fsys, "dates/*.tsv")
	if err != nil {
		return fmt.Errorf("dates: %w", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("dates: %w", err)
		}
		lang := strings.TrimSuffix(path.Base(name), ".tsv")
		lx := lexs[lang]
		if lx == nil {
			lx = newLexicon()
			lexs[lang] = lx
		}
		if err := lx.parse(name, b); err != nil {
			return err
		}
	}
	return nil
}

var errFormat = errors.New("bad line")

// parse adds the lines of one TSV file.
func (lx *lexicon) parse(name string, b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[0] == "" {
			return fmt.Errorf("dates: %s:%d: want word<TAB>kind<TAB>value: %w", name, n, errFormat)
		}
		word, kname := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		val := ""
		if len(cols) > 2 {
			val = strings.TrimSpace(cols[2])
		}
		if kname == "option" {
			switch word {
			case "month-day":
				lx.monthDay = val == "yes"
			default:
				return fmt.Errorf("dates: %s:%d: unknown option %q: %w", name, n, word, errFormat)
			}
			continue
		}
		k, ok := kindNames[kname]
		if !ok {
			return fmt.Errorf("dates: %s:%d: unknown kind %q: %w", name, n, kname, errFormat)
		}
		e := entry{kind: k}
		r, _ := utf8.DecodeRuneInString(word)
		e.capital = unicode.IsUpper(r)
		var err error
		switch k {
		case kMonth:
			e.val, err = strconv.Atoi(val)
			if err == nil && (e.val < 1 || e.val > 12) {
				err = errFormat
			}
		case kWeekday:
			e.val, err = strconv.Atoi(val)
			if err == nil && (e.val < 1 || e.val > 7) {
				err = errFormat
			}
		case kMod:
			e.val, err = strconv.Atoi(val)
		case kUnit:
			if len(val) != 1 || !strings.Contains("dwmy", val) {
				err = errFormat
			} else {
				e.unit = val[0]
			}
		case kRel:
			if len(val) < 2 || !strings.Contains("dwmy", val[len(val)-1:]) {
				err = errFormat
			} else {
				e.unit = val[len(val)-1]
				e.val, err = strconv.Atoi(val[:len(val)-1])
			}
		}
		if err != nil {
			return fmt.Errorf("dates: %s:%d: bad value %q for %s: %w", name, n, val, kname, err)
		}
		key := fold(nil, word)
		if k == kDayPart {
			// Compound parts are matched inside a word: no case rule.
			e.capital = false
		}
		lx.add(string(key), e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("dates: %s: %w", name, err)
	}
	lx.index()
	return nil
}

func (lx *lexicon) add(key string, e entry) {
	for _, old := range lx.words[key] {
		if old == e {
			return
		}
	}
	lx.words[key] = append(lx.words[key], e)
}

// index rebuilds the compound weekday list.
func (lx *lexicon) index() {
	lx.weekdays = lx.weekdays[:0]
	lx.wdFirst = [256]bool{}
	hasPart := false
	for _, es := range lx.words {
		for _, e := range es {
			if e.kind == kDayPart {
				hasPart = true
			}
		}
	}
	if !hasPart {
		return
	}
	for w, es := range lx.words {
		for _, e := range es {
			if e.kind == kWeekday && !strings.HasSuffix(w, ".") {
				lx.weekdays = append(lx.weekdays, w)
				lx.wdFirst[w[0]] = true
				break
			}
		}
	}
}

// fold appends the lookup form of s to dst: lower case, apostrophes unified,
// combining marks (stress accents) dropped.
func fold(dst []byte, s string) []byte {
	for _, r := range s {
		dst = foldRune(dst, r)
	}
	return dst
}

func foldRune(dst []byte, r rune) []byte {
	lr, c := classify(r)
	switch {
	case isApostrophe(r):
		return append(dst, '\'')
	case c == cMark:
		return dst
	}
	return utf8.AppendRune(dst, lr)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }
