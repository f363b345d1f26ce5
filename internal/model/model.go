// Package model holds the plain data types that flow between entente's stages:
// documents, sentences, tokens, dates, mentions and events. It has no logic
// beyond formatting and small helpers; every stage imports it and nothing else
// from its siblings' internals.
//
// Offsets: every Start/End in this package is a byte offset into
// Document.Text, the file's full original text. Stages never rewrite the text;
// they mark spans, so every event can cite its exact sentence.
package model

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start, End int
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Document is one article: its original text, metadata and the spans of its
// body that survive cleaning.
type Document struct {
	// ID is the document's name in outputs: the file's base name.
	ID string
	// Path is where it was read from ("-" for standard input).
	Path string
	// Text is the full original text, never modified.
	Text string
	// Meta holds leading metadata lines ("date", "title", "url", "source").
	Meta map[string]string
	// Published is the publication date from metadata or --published; its
	// precision may be coarse (year and month only) or zero.
	Published Point
	// Body lists the spans of Text that are article body, in order: metadata
	// lines and boilerplate are outside them. Each span is one paragraph.
	Body []Span
	// Lang is the document's main language (de, en, ru, uk; "" if unknown).
	Lang string
	// ParaLang is the language of each Body span when it differs per paragraph.
	ParaLang []string
}

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is one word, number or punctuation mark with everything later stages
// need to match it without looking at the text again.
type Token struct {
	Start, End int    // byte offsets into Document.Text
	Text       string // surface form, as in the text
	Norm       string // case-folded; ё→е; apostrophes, dashes and quotes unified
	Stem       string // stem of Norm in the token's language
	Key        string // Latin key: transliterated, accents stripped, digraphs folded
	Kind       TokenKind
	Cap        bool // first letter is upper case
	Upper      bool // all letters upper case (abbreviations: NATO, КНДР)
	// Mark caches which lexicon markers the word may start, set by
	// lexicon.Lexicon.MarkTokens for the sentence's language: 0 not set,
	// negative none, k > 0 the lexicon's k-th first word of a marker. A
	// token made from another with a different Norm must have Mark 0
	// (WithNorm).
	Mark int32
}

// WithNorm returns the token with another normalised word ("Kampfflugzeuge"
// of "F-22-Kampfflugzeuge"); its Mark no longer holds and is cleared.
func (t Token) WithNorm(norm string) Token {
	t.Norm, t.Mark = norm, 0
	return t
}

// Sentence is a run of tokens that ends at a sentence boundary.
type Sentence struct {
	Start, End int // byte offsets into Document.Text
	Para       int // index into Document.Body
	Lang       string
	Tokens     []Token
}
