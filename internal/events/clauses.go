package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Clauses: where a trigger's clause begins and ends, and the closed-class
// words (commas, conjunctions, prepositions) that delimit its phrases.

// clause is one trigger's reading of its sentence: the value that the
// argument, status and date steps share, as text/template/parse keeps its
// state in a Tree rather than in parameters. It holds the document and the
// sentence, the trigger, the stretch of tokens its arguments come from, the
// clause around it, and the sentence's reporting frame.
type clause struct {
	doc  *model.Document
	in   *Input
	lang string
	toks []model.Token
	tr   trigger
	// lo and hi bound the trigger's stretch: its arguments stand there,
	// between the neighbouring triggers and up to a comma after it.
	lo, hi int
	// clo and chi bound the clause the trigger is in.
	clo, chi int
	// attrib is who the sentence is attributed to ("according to ISW"),
	// attribSpan the tokens of that frame, whose names are no parties.
	attrib     string
	attribSpan [2]int
	// quoted is set when the trigger stands inside a direct quotation:
	// what it says is the speaker's words, not the text's report.
	quoted bool
	// speakers is set when the quote's speaker is the subject: what he
	// says he does, he is reported to say ("„Wir werden die Ukraine
	// weiter unterstützen“, sagte Scholz").
	speakers bool
	// turn is the speaker of the transcript turn the trigger stands in
	// ("В.Путин: …"), or nil.
	turn *model.Mention
	// prev and next are the sentence's triggers before and after this
	// one, or nil.
	prev, next *trigger
}

// clauseBounds returns, for each token, the index of its clause's first
// token and one past its last.
func (x *Extractor) clauseBounds(lang string, toks []model.Token) (starts, ends []int) {
	n := len(toks)
	starts, ends = make([]int, n), make([]int, n)
	cut := make([]bool, n+1)
	for i, t := range toks {
		switch {
		case t.Text == ";", isDash(t.Text) && i > 0, t.Text == ":" && x.lex.VerbSecond(lang) && i+1 < n && toks[i+1].Cap && x.lex.HasKind(lang, toks[i+1], lexicon.Det):
			// "… verantwortlich – Türkei droht Kurden": a dash between
			// words ends a clause, or an aside that is none of its parties.
			cut[i+1] = true
		case i > 0 && toks[i-1].Text == "," && (x.conjAt(lang, toks, i) || x.lex.HasKind(lang, t, lexicon.RelPro) && !x.infClause(lang, toks, i)):
			cut[i] = true
		case x.lex.HasKind(lang, t, lexicon.Comp) && (i > 0 && toks[i-1].Text == "," || x.afterSay(lang, toks, i)):
			cut[i] = true // "reported on October 11 that …", ", что …"
		}
	}
	s := 0
	for i := 0; i < n; i++ {
		if cut[i] {
			s = i
		}
		starts[i] = s
	}
	e := n
	for i := n - 1; i >= 0; i-- {
		if cut[i+1] {
			e = i + 1
		}
		ends[i] = e
	}
	return starts, ends
}

// isDash reports whether a token is a dash that stands between words
// (the tokenizer keeps hyphens inside words).
func isDash(s string) bool { return s == "–" || s == "—" || s == "-" }

// afterSay reports whether a verb of saying stands within five words
// before i, with no punctuation between ("GUR reported on October 11 that").
func (x *Extractor) afterSay(lang string, toks []model.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if toks[j].Kind == model.Punct {
			return false
		}
		if x.lex.HasKind(lang, toks[j], lexicon.Say) {
			return true
		}
	}
	return false
}

// conjAt reports whether the longest marker phrase at token i is a
// clause-splitting conjunction: ", as he hosted …" splits, ", as well as
// China" (kind and) does not.
func (x *Extractor) conjAt(lang string, toks []model.Token, i int) bool {
	end, kinds := x.lex.MarkersAt(lang, toks, i)
	return end > i && has(kinds, lexicon.Conj)
}

// listComma reports whether the comma at c joins items of a list of names
// ("Russland, Belarus und China"): a name ends before it and one starts
// after it (articles aside) that is followed by another comma or "and".
func (x *Extractor) listComma(lang string, toks []model.Token, ms []model.Mention, c int) bool {
	endsBefore := false
	for _, m := range ms {
		if m.TokEnd == c {
			endsBefore = true
		}
	}
	if !endsBefore {
		return x.nounListComma(lang, toks, ms, c)
	}
	j := c + 1
	for j < len(toks) && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j++
	}
	for _, m := range ms {
		if m.TokStart == j && m.TokEnd < len(toks) {
			n := toks[m.TokEnd]
			return n.Text == "," || x.lex.HasKind(lang, n, lexicon.And)
		}
	}
	return false
}

// nounListComma reports whether the comma at c joins a list of common
// nouns ("500 Drohnen, Raketen und Marschflugkörper", "drones, missiles
// and shells"): a word that is no name stands before it, and after it one
// or two words that are no names lead to "and" or to another comma.
func (x *Extractor) nounListComma(lang string, toks []model.Token, ms []model.Mention, c int) bool {
	if c == 0 || toks[c-1].Kind != model.Word {
		return false
	}
	named := func(j int) bool {
		for _, m := range ms {
			if j >= m.TokStart && j < m.TokEnd {
				return true
			}
		}
		return false
	}
	if named(c - 1) {
		return false
	}
	for j := c + 1; j < len(toks) && j <= c+3; j++ {
		t := toks[j]
		if j > c+1 && (t.Text == "," || x.lex.HasKind(lang, t, lexicon.And)) {
			return true
		}
		if t.Kind != model.Word || named(j) || x.lex.HasKind(lang, t, lexicon.Conj) {
			return false
		}
	}
	return false
}

// lastComma returns the last comma in [lo, at) that does not join a list,
// or -1.
func (x *Extractor) lastComma(lang string, toks []model.Token, ms []model.Mention, lo, at int) int {
	for j := at - 1; j >= lo; j-- {
		if toks[j].Text == "," && !x.listComma(lang, toks, ms, j) {
			return j
		}
	}
	return -1
}

// commaAfter returns where the trigger's stretch ends: at the first comma
// after it that does not join a list, else hi.
func (x *Extractor) commaAfter(lang string, toks []model.Token, ms []model.Mention, from, hi int) int {
	for j := from; j < hi; j++ {
		if toks[j].Text == "," && !x.listComma(lang, toks, ms, j) && !x.titleComma(lang, toks, ms, from, j) {
			return j
		}
	}
	return hi
}

// titleComma reports whether the comma at c joins the titles of one
// person ("принял заместителя Премьер-министра, Министра внутренних дел
// ОАЭ Сейфа бен Заида"): where case, not capitals, marks nouns (neither a
// fixed-subject nor a verb-second language), a capitalised word after it
// that begins no name is a title, when no name but in a prepositional
// phrase ("в Кремле") stands between the trigger and the comma.
func (x *Extractor) titleComma(lang string, toks []model.Token, ms []model.Mention, from, c int) bool {
	if x.lex.FixedSubject(lang) || x.lex.VerbSecond(lang) || c+1 >= len(toks) || !toks[c+1].Cap || toks[c+1].Kind != model.Word {
		return false
	}
	for _, m := range ms {
		if m.TokStart == c+1 || m.TokStart >= from && m.TokStart < c && !x.inPhrase(lang, toks, m.TokStart, from) {
			return false
		}
	}
	return true
}

// saidBefore reports whether a verb of saying comes before token j in the
// sentence: what follows is reported speech.
func (x *Extractor) saidBefore(lang string, toks []model.Token, j int) bool {
	for i := 0; i < j; i++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, i); end > i && has(kinds, lexicon.Say) {
			return true
		}
	}
	return false
}

// joined reports whether only "and", commas, articles and "of"-words lie
// between two mentions, so they are one coordinated phrase.
func (x *Extractor) joined(lang string, toks []model.Token, from, to int) bool {
	for j := from; j < to; j++ {
		t := toks[j]
		if t.Text != "," && !x.lex.HasKind(lang, t, lexicon.And) && !x.lex.HasKind(lang, t, lexicon.Det) && !x.lex.HasKind(lang, t, lexicon.Of) {
			return false
		}
	}
	return true
}

func (x *Extractor) prepIs(lang string, toks []model.Token, i int, kind string) bool {
	j := i - 1
	for j >= 0 && x.lex.HasKind(lang, toks[j], lexicon.Det) {
		j--
	}
	return j >= 0 && x.lex.HasKind(lang, toks[j], kind)
}

// aboutAfter returns the first topic preposition in [from, hi) that is not
// right before a name's first word ("über das Verhältnis …", not the route
// "über Polen"), or -1.
func (x *Extractor) aboutAfter(lang string, toks []model.Token, from, hi int) int {
	for j := from; j < hi-1; j++ {
		// A word that also names a route ("über Polen") is one before a
		// name; "talks about Taiwan" is a topic.
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.About) && !(toks[end].Cap && has(kinds, lexicon.Route)) {
			return j
		}
	}
	return -1
}

// kindAfter returns the first marker of the kind in [from, hi), or -1.
func (x *Extractor) kindAfter(lang string, toks []model.Token, from, hi int, kind string) int {
	for j := from; j < hi; j++ {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, kind) {
			return j
		}
	}
	return -1
}

// sidesAt returns where a sides phrase ("стороны", "the two sides") opens
// the subject of a trigger at start: at the sentence's start, after
// ", and", or after a title that opens the sentence ("Министры обеих
// стран", "The leaders of both countries") — elsewhere "со стороны
// Мьянмы" is a side, not the sides — or -1.
func (x *Extractor) sidesAt(lang string, toks []model.Token, clo, start int) int {
	for j := clo; j < start; j++ {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || !has(kinds, lexicon.Sides) {
			continue
		}
		if j == 0 || j >= 2 && toks[j-2].Text == "," && x.lex.HasKind(lang, toks[j-1], lexicon.And) || x.titleOfSides(lang, toks, j) {
			return j
		}
	}
	return -1
}

// titleOfSides reports whether the words before a sides phrase at j are
// one or two words that open the sentence, none of them punctuation or a
// preposition other than "of" ("Министры обеих стран", "The leaders of
// both countries").
func (x *Extractor) titleOfSides(lang string, toks []model.Token, j int) bool {
	if j == 0 || j > 3 {
		return false
	}
	for i := 0; i < j; i++ {
		t := toks[i]
		if t.Kind != model.Word {
			return false
		}
		if !x.lex.HasKind(lang, t, lexicon.Of) && !x.lex.HasKind(lang, t, lexicon.Det) && x.inPhrase(lang, toks, i+1, 0) {
			return false
		}
	}
	return true
}

// infClause reports whether the stretch from i to the next punctuation
// ends in an infinitive with its marker ("…, der Ukraine Raketen zu
// liefern"): in a language that sends the verb to the end, "der" there is
// an article, not a relative pronoun, whose clause would end in a finite
// verb.
func (x *Extractor) infClause(lang string, toks []model.Token, i int) bool {
	if !x.lex.VerbSecond(lang) {
		return false
	}
	j := i
	for j < len(toks) && toks[j].Kind != model.Punct {
		j++
	}
	return j-2 > i && x.lex.HasKind(lang, toks[j-2], lexicon.Inf)
}
