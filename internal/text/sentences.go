package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/internal/model"
)

// Sentences splits every span of doc.Body into sentences and tokenizes them.
// Each sentence is trimmed to its first and last token, carries the index
// of its body span in Para and the span's language (doc.ParaLang[i] when
// set, else doc.Lang), and its Tokens share one array per span.
//
// A sentence ends after final punctuation (. ! ? …, with the closing quotes
// and brackets that follow it) when a space follows and the next word is
// not lower case, unless the dot belongs to an abbreviation of the language,
// an initial ("В. Путин"), or an ordinal before a word of
// data/text/ordinal_LANG.txt ("am 28. Februar"). At a line end a sentence
// ends after final punctuation; a line without it is a headline or title,
// its own sentence, when the next line starts upper case, unless it ends in
// a joiner (a hyphen, a comma, an ordinal dot). The first line of the first
// span is always its own sentence unless it ends in a joiner. Spans whose
// lines look hard-wrapped ignore line ends.
func (a *Analyzer) Sentences(doc *model.Document) []model.Sentence {
	var out []model.Sentence
	for pi, sp := range doc.Body {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
			continue
		}
		lang := doc.Lang
		if pi < len(doc.ParaLang) && doc.ParaLang[pi] != "" {
			lang = doc.ParaLang[pi]
		}
		toks := a.Tokenize(doc.Text[sp.Start:sp.End], sp.Start, lang)
		sp := splitter{a: a, text: doc.Text, toks: toks, ld: a.lang(lang), headline: pi == 0}
		sp.wrapped = hardWrapped(doc.Text[sp.toksStart():sp.toksEnd()])
		start := 0
		emit := func(end int) {
			if end > start {
				out = append(out, model.Sentence{
					Start:  toks[start].Start,
					End:    toks[end-1].End,
					Para:   pi,
					Lang:   lang,
					Tokens: toks[start:end:end],
				})
			}
			start = end
		}
		for i := 0; i < len(toks); i++ {
			if end := sp.boundary(i, start); end > 0 {
				emit(end)
				i = end - 1
			}
		}
		emit(len(toks))
	}
	return out
}

// splitter finds sentence boundaries in the tokens of one body span.
type splitter struct {
	a        *Analyzer
	text     string
	toks     []model.Token
	ld       *langData
	headline bool // the first line of the span is a headline candidate
	wrapped  bool // line ends are not boundaries
	depth    int  // open parentheses since the sentence start
	quotes   int  // open guillemets since the sentence start
}

func (sp *splitter) toksStart() int {
	if len(sp.toks) == 0 {
		return 0
	}
	return sp.toks[0].Start
}

func (sp *splitter) toksEnd() int {
	if len(sp.toks) == 0 {
		return 0
	}
	return sp.toks[len(sp.toks)-1].End
}

// gap returns the text between tokens i and i+1.
func (sp *splitter) gap(i int) string {
	return sp.text[sp.toks[i].End:sp.toks[i+1].Start]
}

func isFinal(t *model.Token) bool {
	if t.Kind != model.Punct {
		return false
	}
	switch t.Text {
	case ".", "!", "?", "…", "‼", "⁇", "⁈", "⁉":
		return true
	}
	return false
}

func isCloser(t *model.Token) bool {
	if t.Kind != model.Punct {
		return false
	}
	switch t.Text {
	case "\"", "'", "»", "”", "“", "’", "›", ")", "]", "}":
		return true
	}
	return false
}

func isOpener(t *model.Token) bool {
	if t.Kind != model.Punct {
		return false
	}
	switch t.Text {
	case "\"", "'", "«", "„", "“", "‘", "‹", "(", "[", "{", "‚":
		return true
	}
	return false
}

func isDash(t *model.Token) bool {
	return t.Kind == model.Punct && (t.Norm == "-")
}

// startsLower reports whether the token is a word starting lower case.
func startsLower(t *model.Token) bool {
	if t.Kind != model.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// boundary returns the index one past the last token of a sentence that
// ends at or just after token i, or 0 if no sentence ends there. start is
// the first token of the current sentence.
func (sp *splitter) boundary(i, start int) int {
	toks := sp.toks
	t := &toks[i]
	if i == start {
		sp.depth, sp.quotes = 0, 0
	}
	if t.Kind == model.Punct {
		switch t.Text {
		case "(", "[":
			sp.depth++
		case ")", "]":
			if sp.depth > 0 {
				sp.depth--
			}
		case "«":
			sp.quotes++
		case "»":
			if sp.quotes > 0 {
				sp.quotes--
			}
		}
	}
	if isFinal(t) {
		// Extend over further final marks and closers attached to it.
		j := i
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End && (isFinal(&toks[j+1]) || isCloser(&toks[j+1])) {
			j++
			switch toks[j].Text {
			case ")", "]":
				if sp.depth > 0 {
					sp.depth--
				}
			case "»":
				if sp.quotes > 0 {
					sp.quotes--
				}
			}
		}
		if sp.endsAfterFinal(i, j) {
			return j + 1
		}
		return 0
	}
	if sp.stampEnd(i) {
		return i + 1
	}
	if i+1 >= len(toks) || sp.wrapped || !strings.Contains(sp.gap(i), "\n") {
		return 0
	}
	// A line ends at token i without final punctuation.
	first := sp.headline
	sp.headline = false
	if sp.joiner(i) {
		return 0
	}
	next := &toks[i+1]
	if first || !startsLower(next) {
		return i + 1
	}
	return 0
}

// stampEnd reports whether token i ends a publication stamp that a page
// glued into its text: a clock time right after a year (and its word),
// before a word that does not start lower case ("… Аль Нахайяном 30
// апреля 2025 года 23:00 Москва, Кремль Владимир Путин принял …").
func (sp *splitter) stampEnd(i int) bool {
	toks := sp.toks
	if i < 3 || i+1 >= len(toks) || toks[i+1].Kind != model.Word || startsLower(&toks[i+1]) {
		return false
	}
	if toks[i].Kind != model.Number || len(toks[i].Text) != 2 || toks[i-1].Text != ":" || toks[i-2].Kind != model.Number || len(toks[i-2].Text) > 2 ||
		toks[i-1].Start != toks[i-2].End || toks[i].Start != toks[i-1].End {
		return false
	}
	k := i - 3
	if toks[k].Kind == model.Word && k > 0 {
		k-- // "2025 года", "2025 року"
	}
	y := toks[k].Text
	return toks[k].Kind == model.Number && len(y) == 4 && (y[:2] == "19" || y[:2] == "20")
}

// joiner reports whether a line ending in token i continues on the next line.
func (sp *splitter) joiner(i int) bool {
	t := &sp.toks[i]
	if t.Kind != model.Punct {
		return false
	}
	switch {
	case isHyphen(rune(t.Text[0])) && len(t.Text) == 1 && i > 0 && sp.toks[i-1].End == t.Start:
		return true // word broken at a line end
	case t.Text == "," || t.Text == "(" || t.Text == "«" || t.Text == "„":
		return true
	}
	return false
}

// endsAfterFinal decides whether the final mark at i, with its attached marks
// through j, ends a sentence.
func (sp *splitter) endsAfterFinal(i, j int) bool {
	toks := sp.toks
	if j+1 >= len(toks) {
		return true
	}
	g := sp.gap(j)
	if g == "" {
		return false // "kremlin.ru", "В.Путин", "?!"
	}
	newline := strings.Contains(g, "\n") && !sp.wrapped
	if newline {
		sp.headline = false
	}
	next := &toks[j+1]
	if toks[i].Text == "." && i > 0 && toks[i-1].End == toks[i].Start {
		prev := &toks[i-1]
		if end, ok := sp.abbrev(i); ok {
			if !end {
				return false
			}
			return newline || next.Cap
		}
		switch {
		case prev.Kind == model.Word && prev.Cap && utf8.RuneCountInString(prev.Text) == 1:
			return false // an initial
		case prev.Kind == model.Number && sp.ordinal(next):
			return false
		}
		if prev.Kind == model.Number && newline && startsLower(next) {
			return false
		}
	}
	if newline {
		return true
	}
	if startsLower(next) {
		return false
	}
	if next.Kind == model.Punct && !isOpener(next) && !isDash(next) {
		return false // ", ; : ) after an abbreviation-like dot
	}
	if isDash(next) && j+2 < len(toks) && startsLower(&toks[j+2]) {
		return false // «Куда?» – спросил он.
	}
	if sp.depth > 0 && sp.closesOnLine(j+1, 40, ")]") {
		return false
	}
	if sp.quotes > 0 && sp.closesOnLine(j+1, 4, "»") {
		return false // a dot inside a short quoted name: «Иннопром. Азия»
	}
	return true
}

// closesOnLine reports whether one of the closing marks follows token k on
// the same line within limit tokens.
func (sp *splitter) closesOnLine(k, limit int, closers string) bool {
	for n := k; n < len(sp.toks) && n < k+limit; n++ {
		if n > k && strings.Contains(sp.text[sp.toks[n-1].End:sp.toks[n].Start], "\n") {
			return false
		}
		if t := &sp.toks[n]; t.Kind == model.Punct && strings.Contains(closers, t.Text) {
			return true
		}
	}
	return false
}

// ordinal reports whether t is a word that follows an ordinal number.
func (sp *splitter) ordinal(t *model.Token) bool {
	if t.Kind != model.Word || (len(sp.ld.ordinal) == 0 && len(sp.ld.prefixes) == 0) {
		return false
	}
	if sp.ld.ordinal[t.Norm] {
		return true
	}
	for _, p := range sp.ld.prefixes {
		if strings.HasPrefix(t.Norm, p) {
			return true
		}
	}
	return false
}

// abbrev reports whether the dot at token i ends an abbreviation of the
// language, and whether that abbreviation may end a sentence. It tries the
// word before the dot ("dr."), the chain of letter-dot pairs before it
// ("z.b.", "т.е."), and that chain continued by the next pair ("z. B.").
func (sp *splitter) abbrev(i int) (end bool, ok bool) {
	toks := sp.toks
	var buf [64]byte
	// Walk back over word/dot pairs separated by at most one space.
	k := i - 1
	b := i - 1 // first token of the longest chain
	for k >= 0 && toks[k].Kind == model.Word {
		b = k
		if k >= 2 && toks[k-1].Text == "." && toks[k-1].End == toks[k].Start || k >= 2 && toks[k-1].Text == "." && toks[k].Start-toks[k-1].End == 1 {
			if toks[k-2].Kind == model.Word && toks[k-2].End == toks[k-1].Start && i-(k-2) <= 8 {
				k -= 2
				continue
			}
		}
		break
	}
	// Try chains from the longest to the single word before the dot.
	for s := b; s <= i-1; s += 2 {
		key := sp.chainKey(buf[:0], s, i)
		if e, found := sp.ld.abbrev[string(key)]; found {
			return e, true
		}
		// Continued by the next pair: "z." + "B."
		if i+2 < len(toks) && toks[i+1].Kind == model.Word && toks[i+2].Text == "." &&
			toks[i+1].End == toks[i+2].Start && toks[i+1].Start-toks[i].End <= 1 &&
			utf8.RuneCountInString(toks[i+1].Text) <= 3 {
			key = append(key, toks[i+1].Norm...)
			key = append(key, '.')
			if _, found := sp.ld.abbrev[string(key)]; found {
				return false, true
			}
		}
	}
	return false, false
}

// chainKey appends the normalised text of tokens s..i (a dot) without spaces.
func (sp *splitter) chainKey(buf []byte, s, i int) []byte {
	for k := s; k <= i; k++ {
		buf = append(buf, sp.toks[k].Norm...)
	}
	return buf
}

// hardWrapped reports whether a span looks like hard-wrapped prose: several
// lines of similar width, most not ending in final punctuation.
func hardWrapped(s string) bool {
	lines := 0
	open := 0 // lines that do not end a sentence
	long := 0 // lines between 40 and 100 bytes
	for len(s) > 0 {
		line, rest, found := strings.Cut(s, "\n")
		s = rest
		line = strings.TrimSpace(line)
		if !found {
			break // the last line ends anyway
		}
		if line == "" {
			continue
		}
		lines++
		if n := utf8.RuneCountInString(line); n >= 40 && n <= 100 {
			long++
		}
		last, _ := utf8.DecodeLastRuneInString(line)
		if !strings.ContainsRune(".!?…:\"»”)", last) {
			open++
		}
	}
	return lines >= 3 && long*10 >= lines*8 && open*2 >= lines
}
