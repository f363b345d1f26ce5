package fuse

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"entente/internal/model"
)

// Key returns the blocking key of an event: its type and sorted actor codes.
// Only events with equal keys can be the same event.
//
// A meeting of an organisation ("the SCO summit", "the meeting of the SCO
// defence ministers") is keyed by the organisation alone: its reports name
// different members taking part, and they are one meeting.
func Key(e *model.Event) string {
	if e.Type == "CONSULT" {
		var orgs []string
		for _, a := range e.Actors {
			if a.Kind == string(model.KindOrg) && !slices.Contains(orgs, a.Code) {
				orgs = append(orgs, a.Code)
			}
		}
		if len(orgs) > 0 {
			sort.Strings(orgs)
			return e.Type + "|org:" + strings.Join(orgs, ",")
		}
	}
	codes := e.Codes()
	sort.Strings(codes)
	return e.Type + "|" + strings.Join(codes, ",")
}

// Compatible reports whether two events with the same Key may be one
// real-world event: their dates do not conflict and neither names people the
// other leaves out on both sides (Lavrov–Lukashenko and Lavrov–Aleinik on one
// day are two meetings). sameDoc relaxes the need for shared evidence when
// one event has no date.
func Compatible(a, b *model.Event, sameDoc bool) bool {
	// Dates first: they settle most pairs without looking at people.
	if !a.Date.IsZero() && !b.Date.IsZero() && !a.Date.Overlaps(b.Date) {
		return false
	}
	var bufA, bufB [8]string
	pa, pb := persons(a, bufA[:0]), persons(b, bufB[:0])
	if len(pa) > 0 && len(pb) > 0 && !subset(pa, pb) && !subset(pb, pa) {
		return false
	}
	switch {
	case !a.Date.IsZero() && !b.Date.IsZero():
		return true
	case sameDoc:
		return true
	default:
		// One side undated, across documents: the same sentence, or the
		// same named people in
		// documents of about the same time; where a document's time is
		// unknown, at least two of the same people. A shared person alone
		// would join reports years apart ("Lavrov met Wang Yi" in 2016 and
		// in 2024).
		if sameSentence(a, b) {
			return true // a syndicated copy of the same report
		}
		n := shared(pa, pb)
		switch known, close := sameTime(a, b); {
		case known:
			return n > 0 && close
		default:
			return n >= 2
		}
	}
}

// closeDays is how far apart, in days, the publication dates of two
// documents may be for an undated report in one to join an event of the
// other.
const closeDays = 7

// sameTime reports whether both events' documents have a known time, and
// whether they were published within closeDays of each other; an event
// without a publication date counts by its own date.
func sameTime(a, b *model.Event) (known, close bool) {
	ta, sa, ok := when(a)
	if !ok {
		return false, false
	}
	tb, sb, ok := when(b)
	if !ok {
		return false, false
	}
	d := ta.Sub(tb).Hours() / 24
	if d < 0 {
		d = -d
	}
	return true, d <= float64(closeDays+sa+sb)
}

// when returns the time an event's report was written, and the slack in
// days its precision leaves (a month-precise date may be any of its days).
func when(e *model.Event) (time.Time, int, bool) {
	p := e.Published
	if p.Year == 0 {
		p = e.Date.From
	}
	if p.Year == 0 {
		return time.Time{}, 0, false
	}
	slack := 0
	m, d := p.Month, p.Day
	if m == 0 {
		m, d, slack = 7, 1, 183
	} else if d == 0 {
		d, slack = 15, 16
	}
	return time.Date(p.Year, time.Month(m), d, 0, 0, 0, 0, time.UTC), slack, true
}

// persons appends the ids of the event's named persons to buf.
func persons(e *model.Event, buf []string) []string {
	for _, a := range e.Actors {
		if a.Kind == string(model.KindPerson) && a.ID != "" {
			buf = append(buf, a.ID)
		}
	}
	return buf
}

// subset reports whether every id of a is in b (a handful each).
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// Absorb merges src into dst: sources and actors are united, the more
// precise date and a known place are kept, and a reported event wins over
// an announcement of it.
func Absorb(dst *model.Event, src *model.Event) { absorb(dst, src, nil) }

// indexFrom is how many sources an event gathers in Merge before the
// starts of its last document's sources are kept in a set: one long
// document may report an event a million times, and looking through all
// its earlier sources for each would be quadratic.
const indexFrom = 64

// sourceIndex holds the Starts of the trailing run of an event's sources
// that come from one document (doc), which is where a duplicate can be.
type sourceIndex struct {
	doc    string
	starts map[int]struct{}
}

// newSourceIndex indexes the trailing same-document run of srcs.
func newSourceIndex(srcs []model.Source) *sourceIndex {
	last := srcs[len(srcs)-1].Doc
	x := &sourceIndex{doc: last, starts: map[int]struct{}{}}
	for k := len(srcs) - 1; k >= 0 && srcs[k].Doc == last; k-- {
		x.starts[srcs[k].Start] = struct{}{}
	}
	return x
}

// add records a source appended to the event.
func (x *sourceIndex) add(s *model.Source) {
	if s.Doc != x.doc {
		x.doc = s.Doc
		clear(x.starts)
	}
	x.starts[s.Start] = struct{}{}
}

// absorb is Absorb; ix, when not nil, is where dst's sourceIndex is kept
// (made once dst has indexFrom sources).
func absorb(dst *model.Event, src *model.Event, ix **sourceIndex) {
	for i := range src.Sources {
		s := &src.Sources[i]
		if ix != nil && *ix == nil && len(dst.Sources) >= indexFrom {
			*ix = newSourceIndex(dst.Sources)
		}
		// A document's sources arrive together: a duplicate can only be
		// among the last ones, those of the same document.
		dup := false
		if ix != nil && *ix != nil {
			_, seen := (*ix).starts[s.Start]
			dup = seen && (*ix).doc == s.Doc
		} else {
			for k := len(dst.Sources) - 1; k >= 0 && dst.Sources[k].Doc == s.Doc; k-- {
				if dst.Sources[k].Start == s.Start {
					dup = true
					break
				}
			}
		}
		if !dup {
			dst.Sources = append(dst.Sources, *s)
			if ix != nil && *ix != nil {
				(*ix).add(s)
			}
		}
	}
	for _, a := range src.Actors {
		dup := false
		for i, d := range dst.Actors {
			if d.Code == a.Code && (d.ID == a.ID && d.ID != "" || d.Kind == a.Kind && d.Name == a.Name) {
				dup = true
				break
			}
			// A named person replaces a provisional one of the same state.
			if d.Code == a.Code && d.Kind == a.Kind && d.ID == "" && a.ID != "" && a.Kind == string(model.KindPerson) {
				dst.Actors[i] = a
				dup = true
				break
			}
		}
		if !dup && !(a.Kind == string(model.KindState) && hasCode(dst.Actors, a.Code)) {
			dst.Actors = append(dst.Actors, a)
		}
	}
	if src.Date.Finer(dst.Date) {
		dst.Date = src.Date
	}
	if dst.Location == nil && src.Location != nil {
		dst.Location = src.Location
	}
	if dst.Status != model.StatusReported && src.Status == model.StatusReported {
		dst.Status = model.StatusReported
	}
	if dst.Mode == "" {
		dst.Mode = src.Mode
	}
	if src.Confidence > dst.Confidence {
		dst.Confidence = src.Confidence
	}
	if !src.Published.IsZero() && (dst.Published.IsZero() || src.Published.Less(dst.Published)) {
		dst.Published = src.Published
	}
	dst.Explain = append(dst.Explain, src.Explain...)
}

func hasCode(as []model.Actor, code string) bool {
	for _, a := range as {
		if a.Code == code {
			return true
		}
	}
	return false
}

// Merge merges the repeated mentions of one event within a document.
func Merge(evs []model.Event) []model.Event {
	var m Merger
	for i := range evs {
		m.Add(&evs[i])
	}
	return m.Events()
}

// Merger is Merge one report at a time, so that a long document's reports
// need not all wait in memory: each is absorbed into the first earlier
// event of its block it is Compatible with, else kept as a new event.
type Merger struct {
	out []model.Event
	six []*sourceIndex // of out's events, once they have many sources
	idx map[string][]int
}

// Add merges e into the events so far; the event kept may share e's
// sources and actors.
func (m *Merger) Add(e *model.Event) {
	if m.idx == nil {
		m.idx = map[string][]int{}
	}
	k := Key(e)
	for _, j := range m.idx[k] {
		if Compatible(&m.out[j], e, true) {
			absorb(&m.out[j], e, &m.six[j])
			return
		}
	}
	m.idx[k] = append(m.idx[k], len(m.out))
	m.out = append(m.out, *e)
	m.six = append(m.six, nil)
}

// Events returns the merged events in order of their first report.
func (m *Merger) Events() []model.Event { return m.out }

// Sum returns the SHA-256 of text, hashed in pieces so that a long text is
// not copied whole.
func Sum(text string) [sha256.Size]byte {
	h := sha256.New()
	var buf [32 << 10]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// Hash returns the content hash that identifies a document's text (hex
// SHA-256): the same text is fused once, and its events' ids derive from it.
func Hash(text string) string {
	h := Sum(text)
	return hex.EncodeToString(h[:])
}

// ID derives the id of the event a report founds from the report alone: its
// block (Key), the hash of its document's text and the first sentence it
// cites. It never changes as later reports join the event, and extract and
// ingest give the same event the same id.
func ID(key, hash string, e *model.Event) string {
	h := sha1.New()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(hash))
	if len(e.Sources) > 0 {
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(e.Sources[0].Start)))
	}
	return "ev_" + hex.EncodeToString(h.Sum(nil))[:16]
}

// SentenceSources is how many sources of each event the same-sentence
// rule compares (the first ones, in the order they joined), so that an
// event reported thousands of times costs no more.
const SentenceSources = 16

// sameSentence reports whether the two events cite a sentence with the
// same words: letters and digits compared case-blind, everything else
// skipped ("Putin met Xi on Monday." and "PUTIN MET XI ON MONDAY"). The
// sentences are compared by their keys (SourceKey), so a source whose
// sentence is parked, or an event a store keeps without its sentences,
// still counts.
func sameSentence(a, b *model.Event) bool {
	var kb [SentenceSources]uint64
	n := 0
	for j := range min(len(b.Sources), SentenceSources) {
		if k := SourceKey(&b.Sources[j]); k != 0 {
			kb[n] = k
			n++
		}
	}
	if n == 0 {
		return false
	}
	for i := range min(len(a.Sources), SentenceSources) {
		if k := SourceKey(&a.Sources[i]); k != 0 && slices.Contains(kb[:n], k) {
			return true
		}
	}
	return false
}

// SourceKey returns the key of a source's sentence: its Key when set, else
// SentenceKey of its sentence.
func SourceKey(s *model.Source) uint64 {
	if s.Key != 0 {
		return s.Key
	}
	return SentenceKey(s.Sentence)
}

// SentenceKey hashes the letters and digits of a text, lower case,
// everything else skipped (64-bit FNV-1a over the runes): two sentences
// with the same words have the same key, and two that differ the same key
// with a chance of about 2^-64. A text without letters or digits has key
// 0, which matches nothing.
func SentenceKey(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	for i := 0; ; n++ {
		var r rune
		if r, i = nextLetter(s, i); r == -1 {
			break
		}
		h = (h ^ uint64(r)) * prime
	}
	if n == 0 {
		return 0
	}
	return max(h, 1)
}

// nextLetter returns the next letter or digit of s from byte i, lower
// case, and the byte after it; -1 at the end.
func nextLetter(s string, i int) (rune, int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r), i
		}
	}
	return -1, i
}
