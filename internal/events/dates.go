package events

import (
	"entente/internal/dates"
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Dates: which date expression dates an event, and the document's own
// date.

// dateline returns the document's own date: its publication date when known
// to the day, else a full date written in its first paragraph (news sites
// print the date under the title), else a date that opens the body's first
// sentence (an agency's dateline).
func dateline(doc *model.Document, in []Input) model.DateRange {
	if doc.Published.Prec() == model.DayPrec {
		return model.PointRange(doc.Published)
	}
	for _, x := range in {
		if x.Sent.Para > 0 {
			break
		}
		for _, d := range x.Dates {
			if d.YearWritten && d.Value.Single() && d.Value.From.Prec() == model.DayPrec {
				return d.Value
			}
		}
	}
	if doc.Published.Year != 0 {
		return model.PointRange(doc.Published)
	}
	// "КИЇВ. 19 листопада. УНН. Міністри …": a news agency's dateline
	// opens the body under the title; its day dates the article, with
	// the year left open when it names none.
	seen := 0
	for i := range in {
		x := &in[i]
		if x.Sent.Para > 1 || seen == datelineSentences {
			break
		}
		if x.Sent.Para == 0 {
			continue
		}
		seen++
		for k, d := range x.Dates {
			if d.Value.Single() && d.Value.From.Prec() == model.DayPrec && tokenAt(x.Sent.Tokens, d.Start) < datelineReach {
				if !d.YearWritten {
					// "КИЇВ. 19 листопада. УНН. Міністри … у понеділок
					// зібралися": the weekday of the report's first
					// sentence is the dateline's, whose year it fixes
					// (a year borrowed from a later date of the text may
					// be a past one's).
					if wd := firstWeekday(in, i); wd > 0 {
						x.Dates[k].Value = dates.OnWeekday(d.Value, wd)
					}
				}
				return x.Dates[k].Value
			}
		}
	}
	return model.DateRange{}
}

// firstWeekday returns the weekday that the first sentence after the
// dateline's sentence i names, within the dateline's reach of sentences,
// before any other date: "у понеділок", "on Monday"; 0 when none does.
func firstWeekday(in []Input, i int) int {
	for k := i; k < len(in) && k <= i+datelineSentences && in[k].Sent.Para == in[i].Sent.Para; k++ {
		for n, d := range in[k].Dates {
			if wd := d.Weekday(); wd > 0 {
				return wd
			}
			if k > i || n > 0 && !d.Relative {
				return 0 // another date comes first
			}
		}
	}
	return 0
}

// datelineReach is how many words into the body a dateline's date may
// stand: the place and the agency's name come first ("КИЇВ. 19 листопада").
const datelineReach = 5

// datelineSentences is how many sentences a dateline may take: a splitter
// cuts "КИЇВ. 19 листопада. УНН." at its dots.
const datelineSentences = 3

// date picks the event's date: the date expression of its own words, else of
// its sentence, else the latest date of the paragraph, else the dateline.
func (x *Extractor) date(c *clause, st *docState, past, planned bool) model.DateRange {
	in, tr, toks, lo, hi := c.in, c.tr, c.toks, c.lo, c.hi
	best := -1
	bestDist := 1 << 30
	depth := parenDepth(toks) // nil without parentheses
	for k, d := range in.Dates {
		if d.Value.IsZero() || writable(d.Value).IsZero() {
			continue // "у січні" with no year known: no date the contract can write
		}
		pos := tokenAt(toks, d.Start)
		if depth != nil && pos < len(toks) && depth[pos] > depth[tr.start] {
			continue // "(… accords that the Kremlin coerced Ukraine into accepting in 2014-2015)": an aside's date
		}
		if x.since(in.Sent.Lang, toks, pos) {
			continue // "their first meeting since 2016": a bound, not the meeting's date
		}
		dist := pos - tr.start
		if dist < 0 {
			dist = -dist
		}
		if pos < lo || pos >= hi {
			dist += 1000 // outside the trigger's stretch: a last resort
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best >= 0 {
		if planned {
			// "will travel on Wednesday": the coming Wednesday.
			if v, ok := in.Dates[best].Ahead(st.published); ok {
				return v
			}
		}
		return in.Dates[best].Value
	}
	if past {
		return model.DateRange{}
	}
	// A date the paragraph named before carries on to what it goes on to
	// report, but a date still ahead of publication ("the treaty expires in
	// February 2026") dates only plans.
	now := st.published
	if now.IsZero() {
		now = st.dateline.To
	}
	if !st.paraDate.IsZero() && (planned || !ahead(st.paraDate, now)) {
		return st.paraDate
	}
	return st.dateline
}

// ahead reports whether the range begins after the publication date.
func ahead(r model.DateRange, pub model.Point) bool {
	f := r.From
	if pub.Year == 0 || f.Year == 0 || !pub.Less(f) {
		return false
	}
	return !(f.Year == pub.Year && f.Month == pub.Month && f.Day == 0)
}

// since reports whether a date at token pos is the bound of a span ("since
// 2016", "seit Juli 2023", "впервые с 2016 года"): a since marker ends
// right before it or before its article.
func (x *Extractor) since(lang string, toks []model.Token, pos int) bool {
	for j := pos - 1; j >= 0 && j >= pos-4; j-- {
		if end, kinds := x.lex.MarkersAt(lang, toks, j); end > j && has(kinds, lexicon.Since) && (end == pos || end < pos && x.lex.HasKind(lang, toks[end], lexicon.Det)) {
			return true
		}
	}
	return false
}
