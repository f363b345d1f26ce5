package dates

import "entente/internal/model"

// atom is one date as written, before range joining: tokens [start, end).
type atom struct {
	p           model.Point
	end         int
	yearWritten bool
	marked      bool // a year followed by a year marker (года, року)
	monthDay    bool // written month first (April 26)
}

// match turns the tokens into expressions, appending to out.
func (s *scanner) match(base int, out []Expr) []Expr {
	for i := 0; i < len(s.toks); {
		e, end, ok := s.at(i)
		if !ok {
			i++
			continue
		}
		e.Start = base + s.toks[e.Start].start
		e.Text = s.text[e.Start-base : s.toks[end-1].end]
		e.End = base + s.toks[end-1].end
		out = append(out, e)
		i = end
	}
	return out
}

// at matches an expression starting at token i (or, for a modifier before a
// weekday, at i-1). It returns the expression with Start holding the first
// token index, and the index after its last token.
func (s *scanner) at(i int) (Expr, int, bool) {
	t := &s.toks[i]
	if t.typ == tWord {
		for _, e := range t.ents {
			switch e.kind {
			case kRel:
				return Expr{Start: i, Relative: true, rel: relative{unit: e.unit, n: e.val}}, i + 1, true
			case kMod:
				if u, ok := s.has(i+1, kUnit); ok {
					return Expr{Start: i, Relative: true, rel: relative{unit: u.unit, n: e.val}}, i + 2, true
				}
			case kWeekday:
				return s.weekday(i, e.val)
			}
		}
	}
	return s.date(i)
}

// weekday matches a weekday name at i: with a date after it ("Donnerstag,
// 26. April") the date; else a relative weekday, with a modifier before it.
func (s *scanner) weekday(i, wd int) (Expr, int, bool) {
	k := i + 1
	if s.punct(k, ',') {
		k++
	}
	k = s.skipArticle(k)
	if e, end, ok := s.date(k); ok && e.Value.From.Day > 0 {
		e.Start = i
		e.weekday = wd
		return e, end, true
	}
	start, mod := i, 0
	if m, ok := s.has(i-1, kMod); ok {
		start, mod = i-1, m.val
	}
	p := s.skipArticleBack(start - 1)
	_, future := s.has(p, kTo)
	return Expr{Start: start, Relative: true, rel: relative{unit: 'W', n: mod, weekday: wd, future: future && mod == 0}}, i + 1, true
}

// date matches an absolute date or a range of dates at i.
func (s *scanner) date(i int) (Expr, int, bool) {
	between := s.has2(s.skipArticleBack(i-1), kBetween)
	// A bare day joined to a full date: 9. bis 11. Juli, 22-26 April.
	if d, j, ok := s.day(i); ok && s.connector(j, between) {
		if b, ok := s.atom(s.skipLead(j+1), false); ok && b.p.Day > d && !b.monthDay {
			from := b.p
			from.Day = d
			return s.expr(i, from, b.p, b.yearWritten), b.end, true
		}
	}
	a, ok := s.atom(i, true)
	if !ok {
		return Expr{}, 0, false
	}
	if j := a.end; s.connector(j, between) {
		if from, b, ok := s.rangeEnd(i, a, s.skipLead(j+1)); ok {
			return s.expr(i, from, b.p, a.yearWritten || b.yearWritten), b.end, true
		}
	}
	if a.p.Day == 0 {
		// Month or year alone: accept only with evidence.
		if a, ok = s.atom(i, false); !ok {
			return Expr{}, 0, false
		}
	}
	return s.expr(i, a.p, a.p, a.yearWritten), a.end, true
}

// rangeEnd matches the second end of a range whose first end a starts at
// token i, at token k, and fills each end's missing year from the other. It
// returns the first end's date and the second end.
func (s *scanner) rangeEnd(i int, a atom, k int) (model.Point, atom, bool) {
	b, ok := s.atom(k, true)
	if !ok && a.monthDay {
		// May 1-3, 2024
		if d, j, ok2 := s.day(k); ok2 && d > a.p.Day {
			b = atom{p: model.Point{Year: a.p.Year, Month: a.p.Month, Day: d}, end: j}
			if s.punct(j, ',') {
				j++
			}
			if y, j2, _, ok3 := s.year(j, true); ok3 {
				b.p.Year, b.end, b.yearWritten = y, j2, true
			}
			ok = validDay(b.p)
		}
	}
	if !ok {
		return a.p, b, false
	}
	from, to := a.p, b.p
	switch {
	case from.Day > 0:
		if to.Day == 0 {
			return a.p, b, false
		}
	case from.Month > 0:
		if to.Month == 0 || to.Day > 0 {
			return a.p, b, false
		}
		if to.Year == 0 {
			if _, ok := s.atom(i, false); !ok {
				return a.p, b, false
			}
		}
	default:
		if to.Month > 0 || to.Year <= from.Year {
			return a.p, b, false
		}
		if _, ok := s.atom(i, false); !ok && !b.marked {
			return a.p, b, false
		}
		return a.p, b, true
	}
	switch {
	case from.Year == 0 && to.Year > 0:
		from.Year = to.Year
		if mdLess(to, from) {
			from.Year--
		}
	case from.Year > 0 && to.Year == 0:
		to.Year = from.Year
		if mdLess(to, from) {
			to.Year++
		}
	}
	if from.Year > 0 && to.Less(from) {
		return a.p, b, false
	}
	b.p = to
	return from, b, true
}

// mdLess compares month and day only.
func mdLess(p, q model.Point) bool {
	if p.Month != q.Month {
		return p.Month < q.Month
	}
	return p.Day < q.Day
}

// expr builds an absolute expression starting at token i.
func (s *scanner) expr(i int, from, to model.Point, yw bool) Expr {
	return Expr{Start: i, Value: model.DateRange{From: from, To: to}, YearWritten: yw}
}

// atom matches one date at i. With relaxed, a month or year alone is
// accepted without evidence (the caller checks a range first).
func (s *scanner) atom(i int, relaxed bool) (atom, bool) {
	if i >= len(s.toks) {
		return atom{}, false
	}
	t := &s.toks[i]
	switch t.typ {
	case tNum:
		if a, ok := s.numeric(i); ok {
			return a, true
		}
		if d, j, ok := s.day(i); ok {
			if s.has2(j, kOf) {
				j++
			}
			if m, k, ok := s.month(j); ok {
				a := atom{p: model.Point{Month: m, Day: d}, end: k}
				if !validDay(a.p) {
					return atom{}, false
				}
				if y, k2, _, ok := s.year(k, true); ok {
					a.p.Year, a.end, a.yearWritten = y, k2, true
				}
				return a, true
			}
		}
		if y, j, marked, ok := s.year(i, false); ok {
			if marked || relaxed || s.yearLicensed(i, y) {
				return atom{p: model.Point{Year: y}, end: j, yearWritten: true, marked: marked}, true
			}
		}
	case tWord:
		m, j, ok := s.month(i)
		if !ok {
			return atom{}, false
		}
		if s.lx.monthDay {
			if d, k, ok := s.day(j); ok {
				a := atom{p: model.Point{Month: m, Day: d}, end: k, monthDay: true}
				if !validDay(a.p) {
					return atom{}, false
				}
				if s.punct(k, ',') {
					k++
				}
				if y, k2, _, ok := s.year(k, true); ok {
					a.p.Year, a.end, a.yearWritten = y, k2, true
				}
				return a, true
			}
		}
		if y, k, _, ok := s.year(j, true); ok {
			return atom{p: model.Point{Year: y, Month: m}, end: k, yearWritten: true}, true
		}
		if relaxed || s.monthLicensed(i) {
			return atom{p: model.Point{Month: m}, end: j}, true
		}
	}
	return atom{}, false
}

// numeric matches 28.02.2025, 28.02.25, 19.03. and 2025-02-28.
func (s *scanner) numeric(i int) (atom, bool) {
	t := &s.toks[i]
	if s.adjacent(i) && i >= 2 && (s.punct(i-1, '.') || s.punct(i-1, '-')) && s.toks[i-2].typ == tNum {
		return atom{}, false // inside 1.2.3.4
	}
	switch {
	case t.nd == 4 && s.punct(i+1, '-') && s.numAdj(i+2, 2, 2) && s.punct(i+3, '-') && s.adjacent(i+3) && s.numAdj(i+4, 2, 2) && s.adjacent(i+1):
		a := atom{p: model.Point{Year: t.num, Month: s.toks[i+2].num, Day: s.toks[i+4].num}, end: i + 5, yearWritten: true}
		return a, a.p.Day > 0 && validDay(a.p) && t.num >= 1800 && t.num <= 2199 && !s.numAdj(i+5, 1, 255)
	case t.nd == 4 && s.punct(i+1, '-') && s.adjacent(i+1) && s.numAdj(i+2, 2, 2) && !(s.punct(i+3, '-') && s.adjacent(i+3)) && !s.numAdj(i+3, 1, 255):
		// 2024-07
		a := atom{p: model.Point{Year: t.num, Month: s.toks[i+2].num}, end: i + 3, yearWritten: true}
		return a, validDay(a.p) && t.num >= 1800 && t.num <= 2199
	case t.nd <= 2 && s.punct(i+1, '.') && s.adjacent(i+1) && s.numAdj(i+2, 1, 2) && s.punct(i+3, '.') && s.adjacent(i+3):
		a := atom{p: model.Point{Month: s.toks[i+2].num, Day: t.num}, end: i + 4}
		if a.p.Day == 0 || !validDay(a.p) {
			return atom{}, false
		}
		if s.numAdj(i+4, 2, 4) {
			y := s.toks[i+4]
			if y.nd == 3 || y.nd == 4 && (y.num < 1800 || y.num > 2199) || s.punct(i+5, '.') && s.adjacent(i+5) && s.numAdj(i+6, 1, 255) {
				return atom{}, false
			}
			a.p.Year, a.end, a.yearWritten = y.num, i+5, true
			if y.nd == 2 {
				a.p.Year += 2000
			}
			if s.has2(i+5, kYearMark) {
				a.end++
			}
			return a, true
		}
		if s.numAdj(i+4, 1, 255) {
			return atom{}, false
		}
		return a, true
	}
	return atom{}, false
}

// day matches a day number 1..31 with its ordinal dot or suffix.
func (s *scanner) day(i int) (int, int, bool) {
	if i >= len(s.toks) {
		return 0, 0, false
	}
	t := &s.toks[i]
	if t.typ != tNum || t.nd > 2 || t.num < 1 || t.num > 31 {
		return 0, 0, false
	}
	// Not part of 16:30, 1,5, 3.22, 12/5.
	if n := i + 1; n+1 < len(s.toks) && s.adjacent(n) && s.adjacent(n+1) && s.toks[n+1].typ == tNum {
		if c := s.toks[n].ch; c == ':' || c == ',' || c == '.' || c == '/' {
			return 0, 0, false
		}
	}
	if i >= 2 && s.adjacent(i) && s.adjacent(i-1) && s.toks[i-2].typ == tNum {
		if c := s.toks[i-1].ch; c == ':' || c == ',' || c == '.' || c == '/' {
			return 0, 0, false
		}
	}
	j := i + 1
	switch {
	case s.punct(j, '.') && s.adjacent(j):
		j++
	case s.has2(j, kDaySuffix) && s.adjacent(j):
		j++
	case s.punct(j, '-') && s.adjacent(j) && s.has2(j+1, kDaySuffix) && s.adjacent(j+1):
		j += 2
	}
	return t.num, j, true
}

// month matches a month name.
func (s *scanner) month(i int) (int, int, bool) {
	if e, ok := s.has(i, kMonth); ok {
		return e.val, i + 1, true
	}
	return 0, 0, false
}

// year matches a four-digit year with an optional year marker after it.
// After a month (wide) 1800..2199 is accepted, alone 1900..2099.
func (s *scanner) year(i int, wide bool) (y, end int, marked, ok bool) {
	if i >= len(s.toks) {
		return
	}
	t := &s.toks[i]
	if t.typ != tNum || t.nd != 4 {
		return
	}
	lo, hi := 1900, 2099
	if wide {
		lo, hi = 1800, 2199
	}
	if t.num < lo || t.num > hi {
		return
	}
	if n := i + 1; n+1 < len(s.toks) && s.adjacent(n) && s.adjacent(n+1) {
		c := s.toks[n].ch
		if (c == ':' || c == ',' || c == '.' || c == '/') && s.toks[n+1].typ == tNum {
			return
		}
		if c == '-' && s.toks[n+1].typ == tWord && !s.has2(n+1, kYearMark) {
			return // 1990-х
		}
	}
	y, end = t.num, i+1
	if s.has2(end, kYearMark) {
		end++
		marked = true
	}
	return y, end, marked, true
}

// yearLicensed reports whether the context before the year at i marks it as a
// year: a year word, a preposition, or an article with a lower-case word after.
// Round hundreds need a year word, or no word after them.
func (s *scanner) yearLicensed(i, y int) bool {
	p := i - 1
	if s.has2(p, kYearWord) {
		return true
	}
	weak := s.has2(p, kPre) || s.has2(p, kTo) || s.has2(p, kBetween)
	if !weak && s.has2(p, kArticle) && i+1 < len(s.toks) && s.toks[i+1].typ == tWord && s.toks[i+1].lower {
		weak = true
	}
	if !weak {
		return false
	}
	if y%100 == 0 && i+1 < len(s.toks) && s.toks[i+1].typ == tWord {
		return false
	}
	return true
}

// monthLicensed reports whether a preposition or time word stands before the
// month at i (im Mai, в мае, mid-April).
func (s *scanner) monthLicensed(i int) bool {
	p := i - 1
	if s.punct(p, '-') && s.adjacent(i) {
		p--
	}
	return s.has2(p, kPre) || s.has2(p, kTo) || s.has2(p, kBetween)
}

// connector reports whether token j joins the two ends of a range.
func (s *scanner) connector(j int, between bool) bool {
	if s.punct(j, '-') {
		return true
	}
	return s.has2(j, kTo) || between && s.has2(j, kAnd)
}

func (s *scanner) skipArticle(i int) int {
	if s.has2(i, kArticle) {
		return i + 1
	}
	return i
}

// skipLead skips an article and up to two time words before the second end
// of a range (bis zum 11. Juli; кінця березня - на початку квітня).
func (s *scanner) skipLead(i int) int {
	i = s.skipArticle(i)
	for n := 0; n < 2 && s.has2(i, kPre) && !s.has2(i, kMonth); n++ {
		i++
	}
	return i
}

func (s *scanner) skipArticleBack(i int) int {
	if s.has2(i, kArticle) {
		return i - 1
	}
	return i
}

// has returns the entry of kind k of token i.
func (s *scanner) has(i int, k kind) (entry, bool) {
	if i < 0 || i >= len(s.toks) {
		return entry{}, false
	}
	for _, e := range s.toks[i].ents {
		if e.kind == k {
			return e, true
		}
	}
	return entry{}, false
}

func (s *scanner) has2(i int, k kind) bool {
	_, ok := s.has(i, k)
	return ok
}

// punct reports whether token i is the punctuation ch.
func (s *scanner) punct(i int, ch byte) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].typ == tPunct && s.toks[i].ch == ch
}

// adjacent reports whether token i starts where token i-1 ends.
func (s *scanner) adjacent(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i-1].end == s.toks[i].start
}

// numAdj reports whether token i is a number of lo..hi digits adjacent to i-1.
func (s *scanner) numAdj(i, lo, hi int) bool {
	return s.adjacent(i) && s.toks[i].typ == tNum && int(s.toks[i].nd) >= lo && int(s.toks[i].nd) <= hi
}

// validDay reports whether p's month and day exist (29 February in any
// unknown year).
func validDay(p model.Point) bool {
	if p.Month < 1 || p.Month > 12 {
		return false
	}
	if p.Day == 0 {
		return true
	}
	return p.Day >= 1 && p.Day <= daysIn(p.Year, p.Month)
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// daysIn returns the days of month m in year y; February has 29 in leap
// years and in the unknown year 0.
func daysIn(y, m int) int {
	if m == 2 && y != 0 && !leap(y) {
		return 28
	}
	return monthDays[m]
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
