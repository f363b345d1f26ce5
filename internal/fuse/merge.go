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
func Absorb(dst *model.Event, src *model.Event) {
	for _, s := range src.Sources {
		// A document's sources arrive together: a duplicate can only be
		// among the last ones, those of the same document.
		dup := false
		for k := len(dst.Sources) - 1; k >= 0 && dst.Sources[k].Doc == s.Doc; k-- {
			if dst.Sources[k].Start == s.Start {
				dup = true
				break
			}
		}
		if !dup {
			dst.Sources = append(dst.Sources, s)
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
	var out []model.Event
	idx := map[string][]int{}
	for i := range evs {
		e := &evs[i]
		k := Key(e)
		merged := false
		for _, j := range idx[k] {
			if Compatible(&out[j], e, true) {
				Absorb(&out[j], e)
				merged = true
				break
			}
		}
		if !merged {
			idx[k] = append(idx[k], len(out))
			out = append(out, *e)
		}
	}
	return out
}

// Hash returns the content hash that identifies a document's text (hex
// SHA-256): the same text is fused once, and its events' ids derive from it.
func Hash(text string) string {
	h := sha256.Sum256([]byte(text))
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

// sentenceSources bounds how many sources of each event sameSentence
// compares, so that an event reported thousands of times costs no more.
const sentenceSources = 16

// sameSentence reports whether the two events cite a sentence with the
// same words: letters and digits compared case-blind, everything else
// skipped ("Putin met Xi on Monday." and "PUTIN MET XI ON MONDAY").
func sameSentence(a, b *model.Event) bool {
	for i := range min(len(a.Sources), sentenceSources) {
		for j := range min(len(b.Sources), sentenceSources) {
			if sameWords(a.Sources[i].Sentence, b.Sources[j].Sentence) {
				return true
			}
		}
	}
	return false
}

// sameWords compares the letters and digits of two texts, case-blind,
// without allocating; texts without any are not the same.
func sameWords(x, y string) bool {
	i, j, n := 0, 0, 0
	for ; ; n++ {
		var rx, ry rune = -1, -1
		for i < len(x) {
			r, n := utf8.DecodeRuneInString(x[i:])
			i += n
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				rx = unicode.ToLower(r)
				break
			}
		}
		for j < len(y) {
			r, n := utf8.DecodeRuneInString(y[j:])
			j += n
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				ry = unicode.ToLower(r)
				break
			}
		}
		if rx != ry {
			return false
		}
		if rx == -1 {
			return n > 0
		}
	}
}
