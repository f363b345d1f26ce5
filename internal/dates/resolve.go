package dates

import (
	"time"

	"entente/internal/model"
)

// Resolve fills years and turns relative expressions into absolute dates for one document.
// published is the document's publication date (may be zero, or of year/month precision).
// exprs are all expressions of the document in text order; Resolve modifies them in place.
//
// A date without a year takes the year that puts it nearest the publication
// date; without a month-precise publication date, the year of the nearest
// date written with its year (preceding, else following), or, when only
// months with years are written ("seit Juli 2023"), the first such month-day
// after the latest of them. Relative expressions resolve against the
// publication date when it is precise enough for them (day for yesterday,
// last week and weekdays; month for next month; year for last year) and
// otherwise keep a zero Value. No year is ever guessed.
func Resolve(exprs []Expr, published model.Point) {
	for i := range exprs {
		e := &exprs[i]
		if e.Relative {
			e.Value = resolveRelative(e.rel, published)
		}
	}
	for i := range exprs {
		e := &exprs[i]
		if e.Relative || e.YearWritten || e.Value.From.Year != 0 || e.Value.From.Month == 0 {
			continue
		}
		y := yearFor(exprs, i, published)
		if y == 0 {
			continue
		}
		y = weekdayYear(e.Value.From, e.weekday, y)
		e.Value.From.Year = y
		if e.Value.To.Year == 0 {
			e.Value.To.Year = y
			if mdLess(e.Value.To, e.Value.From) {
				e.Value.To.Year++
			}
		}
	}
}

// yearFor chooses the year of the year-less expression i.
func yearFor(exprs []Expr, i int, published model.Point) int {
	p := exprs[i].Value.From
	switch {
	case published.Year > 0 && published.Month > 0:
		return nearestYear(p, published)
	case published.Year > 0:
		return published.Year
	}
	// The nearest day date written with its year, preceding, else following.
	ref := model.Point{}
	for j := i - 1; j >= 0; j-- {
		if e := &exprs[j]; anchor(e) && e.Value.To.Day > 0 {
			ref = e.Value.To
			break
		}
	}
	if ref.Year == 0 {
		for j := i + 1; j < len(exprs); j++ {
			if e := &exprs[j]; anchor(e) && e.Value.From.Day > 0 {
				ref = e.Value.From
				break
			}
		}
	}
	if ref.Year > 0 {
		// Same year as the reference, unless the date is plainly across a
		// year boundary from it (28 December 2024 ... 3 January).
		y := ref.Year
		same := days(at(p, y)) - days(ref)
		if same < 0 {
			same = -same
		}
		if same > 273 {
			for _, c := range [2]int{y - 1, y + 1} {
				d := days(at(p, c)) - days(ref)
				if d < 0 {
					d = -d
				}
				if d <= 92 {
					return c
				}
			}
		}
		return y
	}
	// Only months with years are written: the document is after the latest.
	latest := model.Point{}
	for j := range exprs {
		if e := &exprs[j]; anchor(e) && e.Value.To.Month > 0 && latest.Less(e.Value.To) {
			latest = e.Value.To
		}
	}
	if latest.Year == 0 {
		return 0
	}
	if p.Month < latest.Month {
		return latest.Year + 1
	}
	return latest.Year
}

// anchor reports whether e is a date written with its year.
func anchor(e *Expr) bool { return !e.Relative && e.YearWritten && e.Value.From.Year > 0 }

// nearestYear returns the year among the publication year and its
// neighbours that puts p nearest to published.
func nearestYear(p, published model.Point) int {
	ref := days(published)
	best, bestD := 0, 0
	for _, y := range [3]int{published.Year - 1, published.Year, published.Year + 1} {
		d := days(at(p, y)) - ref
		if d < 0 {
			d = -d
		}
		if best == 0 || d < bestD {
			best, bestD = y, d
		}
	}
	return best
}

// at returns p in year y, with a missing day as mid-month.
func at(p model.Point, y int) model.Point {
	p.Year = y
	if p.Day == 0 {
		p.Day = 15
	}
	if p.Month == 2 && p.Day == 29 && !leap(y) {
		p.Day = 28
	}
	return p
}

// days returns the day number of p; missing month and day count as the middle.
func days(p model.Point) int {
	m, d := p.Month, p.Day
	if m == 0 {
		m = 7
	}
	if d == 0 {
		d = 15
	}
	return int(time.Date(p.Year, time.Month(m), d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

func point(t time.Time) model.Point {
	return model.Point{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// resolveRelative returns the date of r against published, or the zero
// range when published is not precise enough.
func resolveRelative(r relative, pub model.Point) model.DateRange {
	switch r.unit {
	case 'y':
		if pub.Year == 0 {
			return model.DateRange{}
		}
		return model.PointRange(model.Point{Year: pub.Year + r.n})
	case 'm':
		if pub.Year == 0 || pub.Month == 0 {
			return model.DateRange{}
		}
		t := time.Date(pub.Year, time.Month(pub.Month+r.n), 1, 12, 0, 0, 0, time.UTC)
		return model.PointRange(model.Point{Year: t.Year(), Month: int(t.Month())})
	}
	if pub.Year == 0 || pub.Month == 0 || pub.Day == 0 {
		return model.DateRange{}
	}
	t := time.Date(pub.Year, time.Month(pub.Month), pub.Day, 12, 0, 0, 0, time.UTC)
	wd := int(t.Weekday()+6)%7 + 1 // Monday = 1
	switch r.unit {
	case 'd':
		return model.PointRange(point(t.AddDate(0, 0, r.n)))
	case 'w':
		mon := t.AddDate(0, 0, 1-wd+7*r.n)
		return model.DateRange{From: point(mon), To: point(mon.AddDate(0, 0, 6))}
	case 'W':
		var off int
		switch {
		case r.n > 0 || r.future:
			off = (r.weekday - wd + 7) % 7
			if off == 0 && r.n > 0 {
				off = 7
			}
		default:
			off = -((wd - r.weekday + 7) % 7)
			if off == 0 && r.n < 0 {
				off = -7
			}
		}
		return model.PointRange(point(t.AddDate(0, 0, off)))
	}
	return model.DateRange{}
}

// Ahead returns the reading of a plain weekday ("on Wednesday", "am
// Mittwoch") that looks ahead from the publication date, as a planned event
// means it ("will travel on Wednesday"), and true. Any other expression
// gives its Value and false: Resolve reads a plain weekday as the latest
// one, news being mostly of what happened.
func (e Expr) Ahead(published model.Point) (model.DateRange, bool) {
	if !e.Relative || e.rel.unit != 'W' || e.rel.n != 0 || e.rel.future {
		return e.Value, false
	}
	r := e.rel
	r.future = true
	return resolveRelative(r, published), true
}

// Weekday returns the weekday a plain weekday expression names ("у
// понеділок", "on Monday"; 1..7 from Monday), or 0 for any other.
func (e Expr) Weekday() int {
	if e.Relative && e.rel.unit == 'W' && e.rel.n == 0 && !e.rel.future {
		return e.rel.weekday
	}
	return 0
}

// OnWeekday moves a day's range to the year nearest its own (at most six
// years away) in which its first day falls on the weekday wd (1..7 from
// Monday); a range with no year or day stays.
func OnWeekday(r model.DateRange, wd int) model.DateRange {
	f := r.From
	if f.Year == 0 || f.Day == 0 {
		return r
	}
	y := weekdayYear(f, wd, f.Year)
	if d := y - f.Year; d != 0 {
		r.From.Year += d
		if r.To.Year != 0 {
			r.To.Year += d
		}
	}
	return r
}

// weekdayYear returns the year nearest y (at most six years away, the
// later one first on a tie) in which the month and day p fall on the
// weekday wd (1..7 from Monday; 0: any): "Friday, 3 March" written in 2024
// is 3 March 2023. Without such a year it returns y.
func weekdayYear(p model.Point, wd, y int) int {
	if wd == 0 || p.Month == 0 || p.Day == 0 {
		return y
	}
	for d := 0; d <= 6; d++ {
		for _, c := range []int{y + d, y - d} {
			t := time.Date(c, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC)
			if t.Day() == p.Day && (int(t.Weekday())+6)%7+1 == wd {
				return c
			}
		}
	}
	return y
}
