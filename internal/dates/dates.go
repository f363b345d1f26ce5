// Package dates finds temporal expressions in German, English, Russian and
// Ukrainian news text and resolves them to calendar dates with precision.
//
// In goes a sentence (or any text) with its language; out come Exprs: byte
// spans with the date as written ("26. April" is --04-26, "July 2023" is
// 2023-07, "gestern" is relative). Resolve then takes all expressions of one
// document in text order with the document's publication date, fills in
// missing years and turns relative expressions into absolute dates.
//
// The scanner is driven by the word lists in data/dates/ (month and weekday
// names in all their forms, relative words, year markers, range words); Go
// code holds only the mechanism. It tokenizes once, looks every word up in
// one map, and matches a small set of date shapes over the tokens:
//
//	numeric        28.02.2025, 2025-02-28, 19.03.
//	day month      26. April, 26 апреля 2024 года, the 26th of April
//	month day      April 26, April 26, 2024 (languages with option month-day)
//	month year     Juli 2023, у липні 2023 року
//	month          im Mai, в мае (after a pre word)
//	year           im Jahr 2001, в 2023 году, die 2001 gegründete
//	range          9. bis 11. Juli, 22-26 April, с 22 по 26 апреля, from January to February 2025
//	relative       gestern, last week, на прошлой неделе, am Donnerstag, торік
package dates

import (
	"fmt"
	"io/fs"

	"entente/data"
	"entente/internal/model"
)

// Expr is one temporal expression in a text.
type Expr struct {
	Start, End  int // byte offsets: base + offset in the text given to Find
	Text        string
	Value       model.DateRange // after Resolve: absolute where possible; before: as written (Year 0 when not written)
	Relative    bool            // came from a relative expression (yesterday, on Thursday, last week)
	YearWritten bool            // the text itself gave the year

	rel relative // what a Relative expression means
	// weekday is the weekday written before a date ("Friday, 3 March"),
	// 1..7 from Monday, or 0: the year chosen must make it that weekday.
	weekday int
}

// relative is the meaning of a relative expression: n units from the
// publication date, or a weekday.
type relative struct {
	unit    byte // d, w, m, y; 'W' for a weekday
	n       int  // offset in units; for a weekday the modifier (-1 last, 0 plain, 1 next)
	weekday int  // 1..7, Monday = 1
	future  bool // a plain weekday after "bis", "until": the next one
}

// Finder finds temporal expressions. It is immutable after New and safe for
// concurrent use.
type Finder struct {
	langs map[string]*lexicon
	empty *lexicon // for unknown languages: numeric dates only
}

// New loads the embedded date words and then each overlay in extra, which is
// laid out like the data folder (dates/de.tsv, ...) and adds to it.
func New(extra ...fs.FS) (*Finder, error) {
	f := &Finder{langs: make(map[string]*lexicon), empty: newLexicon()}
	if err := load(data.FS, f.langs); err != nil {
		return nil, err
	}
	for i, fsys := range extra {
		if err := load(fsys, f.langs); err != nil {
			return nil, fmt.Errorf("dates: overlay %d: %w", i+1, err)
		}
	}
	return f, nil
}

// Find returns the temporal expressions of text in text order, as written:
// no year is filled in and relative expressions carry no Value. Offsets are
// base plus the byte offset in text. An unknown lang finds numeric dates only.
func (f *Finder) Find(text string, base int, lang string) []Expr {
	lx := f.langs[lang]
	if lx == nil {
		lx = f.empty
	}
	s := getScanner()
	defer putScanner(s)
	s.text, s.lx = text, lx
	s.tokenize()
	return s.match(base, nil)
}
