package model

import "slices"

// EntityKind says what a knowledge-base entity is.
type EntityKind string

// Entity kinds, as written in the event contract.
const (
	KindPerson EntityKind = "person"
	KindState  EntityKind = "state"
	KindOrg    EntityKind = "org"   // international organisation
	KindBody   EntityKind = "body"  // ministry, army, agency, company, media, think tank
	KindPlace  EntityKind = "place" // city or region; never an event actor by itself
)

// Mention is a span of a sentence that refers to an entity: a known name, a
// role phrase ("the Chinese defence minister"), or both. Code is the state
// (ISO 3166-1 alpha-3) or organisation acronym the mention belongs to, known
// even when the entity itself is not.
type Mention struct {
	Start, End int // byte offsets into Document.Text
	TokStart   int // first token index in the sentence
	TokEnd     int // one past the last token index
	Text       string
	Kind       EntityKind
	ID         string // knowledge-base id; "" for a provisional actor
	Name       string // canonical English name
	Code       string
	Role       string // office id when the mention carries one ("defence-minister")
	Sector     string // PLOVER sector (GOV, MIL, DIP, ...)
	Score      float64
	// Locative is set when the mention names a place where something happens
	// ("in Astana") rather than an actor.
	Locative bool
	// Media is set for news agencies and analysts: they attribute, they do not act.
	Media bool
	// Adj is set for a bare adjective of a state ("russisch-chinesische",
	// "Iranian-made"): weaker evidence of an actor than a name.
	Adj bool
	// Nested is set for a state named inside a role phrase ("Präsident der
	// Mongolei"): the phrase's mention carries it as an actor.
	Nested bool
	// Oblique is set for a name in Russian or Ukrainian whose last word is
	// none of its entity's nominative forms in the knowledge base
	// ("Трампа", "России"): it is no verb's subject.
	Oblique bool
	// Why lists the rules and entries that produced the mention (--explain).
	Why []string
}

// Status of an event.
const (
	StatusReported     = "reported"
	StatusPlanned      = "planned"
	StatusDenied       = "denied"
	StatusHypothetical = "hypothetical"
	// StatusBackground marks an event the text only names, unanchored in
	// a date, place or participants of its own ("Russia's invasion of
	// Ukraine"): reported only on request (extract --background).
	StatusBackground = "background"
)

// Actor roles in an event.
const (
	RoleSource      = "source"
	RoleTarget      = "target"
	RoleParticipant = "participant"
)

// Actor is one participant of an event, as written in the event contract.
type Actor struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Kind   string `json:"kind,omitempty"`
	Role   string `json:"role,omitempty"`
	Sector string `json:"sector,omitempty"`
	ID     string `json:"id,omitempty"`
	Text   string `json:"text,omitempty"`
}

// Source is one sentence of one document that reports an event.
type Source struct {
	Doc         string `json:"doc"`
	Lang        string `json:"lang"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Sentence    string `json:"sentence"`
	Attribution string `json:"attribution,omitempty"`
	// Spill, when not 0, is where a consumer parked the sentence to keep it
	// out of memory (fuse: one past its offset in a spill file); Sentence
	// is then empty until it is read back.
	Spill int64 `json:"-"`
	// Key, when not 0, stands for the sentence where the sentence is not
	// at hand (parked, or an event as a store keeps it): the hash of its
	// words (fuse.SentenceKey), what fusion's same-sentence rule compares.
	Key uint64 `json:"-"`
}

// Location is where an event happened.
type Location struct {
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

// Explanation records why an event was produced (--explain).
type Explanation struct {
	Trigger string `json:"trigger"`
	Entry   string `json:"entry"`
	// Clause is the text of the clause the trigger was read in.
	Clause string `json:"clause,omitempty"`
	// Slots name the argument slot each party came from ("Lavrov: before
	// the trigger", "China: with-phrase").
	Slots []string `json:"slots,omitempty"`
	Rules []string `json:"rules,omitempty"`
	// Evidence names the features the confidence was computed from
	// (data/lexicon/confidence.tsv).
	Evidence []string `json:"evidence,omitempty"`
}

// Event is one real-world political event between actors.
type Event struct {
	ID         string
	Type       string
	Mode       string
	Status     string
	Actors     []Actor
	Date       DateRange
	Location   *Location
	Sources    []Source
	Confidence float64
	Explain    []Explanation

	// Published is the publication date of the earliest source document; fusion
	// uses it to keep undated events of far-apart documents apart.
	Published Point

	// SourcesMore counts the sources a query left out (store.Filter.Limit).
	SourcesMore int `json:",omitempty"`
}

// Codes returns the distinct actor codes in order of first appearance.
func (e *Event) Codes() []string {
	out := make([]string, 0, len(e.Actors))
	for _, a := range e.Actors {
		if a.Code == "" {
			continue
		}
		dup := false
		for _, c := range out {
			if c == a.Code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a.Code)
		}
	}
	return out
}

// Persons returns the knowledge-base ids (or names, for provisional actors) of
// the event's person actors.
func (e *Event) Persons() []string {
	var out []string
	for _, a := range e.Actors {
		if a.Kind != string(KindPerson) {
			continue
		}
		k := a.ID
		if k == "" {
			k = a.Name
		}
		out = append(out, k)
	}
	return out
}

// Docs returns the names of the documents the event cites, in order of
// first citation.
func (e *Event) Docs() []string {
	var out []string
	for _, s := range e.Sources {
		if !slices.Contains(out, s.Doc) {
			out = append(out, s.Doc)
		}
	}
	return out
}
