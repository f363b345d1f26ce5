package model

import (
	"fmt"
	"time"
)

// Point is a calendar date of day, month or year precision. A zero field is
// unknown: {0, 4, 26} is 26 April of an unknown year, {2024, 7, 0} is July 2024.
type Point struct {
	Year, Month, Day int
}

// IsZero reports whether nothing of the date is known.
func (p Point) IsZero() bool { return p.Year == 0 && p.Month == 0 && p.Day == 0 }

// String formats the point in the event contract: YYYY-MM-DD, YYYY-MM, YYYY,
// or --MM-DD when the year is unknown. It returns "" for the zero point.
func (p Point) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Year == 0 && p.Month > 0 && p.Day > 0:
		return fmt.Sprintf("--%02d-%02d", p.Month, p.Day)
	case p.Year == 0:
		return ""
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

// ParsePoint reads YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD.
func ParsePoint(s string) (Point, error) {
	var p Point
	var err error
	switch {
	case len(s) == 7 && s[:2] == "--":
		_, err = fmt.Sscanf(s, "--%02d-%02d", &p.Month, &p.Day)
	case len(s) == 10:
		_, err = fmt.Sscanf(s, "%04d-%02d-%02d", &p.Year, &p.Month, &p.Day)
	case len(s) == 7:
		_, err = fmt.Sscanf(s, "%04d-%02d", &p.Year, &p.Month)
	case len(s) == 4:
		_, err = fmt.Sscanf(s, "%04d", &p.Year)
	default:
		return p, fmt.Errorf("model: date %q: want YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", s)
	}
	if err != nil || p.Month > 12 || p.Day > 31 || (p.Month == 0 && p.Day != 0) {
		return Point{}, fmt.Errorf("model: date %q: want YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", s)
	}
	return p, nil
}

// Less orders points, unknown parts first. Both should have known years, or
// both unknown.
func (p Point) Less(q Point) bool {
	if p.Year != q.Year {
		return p.Year < q.Year
	}
	if p.Month != q.Month {
		return p.Month < q.Month
	}
	return p.Day < q.Day
}

// first and last return the first and last day the point can mean, as
// comparable integers YYYYMMDD (year 0 kept as 0).
func (p Point) first() int {
	m, d := p.Month, p.Day
	if m == 0 {
		m = 1
	}
	if d == 0 {
		d = 1
	}
	return p.Year*10000 + m*100 + d
}

func (p Point) last() int {
	m, d := p.Month, p.Day
	if m == 0 {
		m = 12
	}
	if d == 0 {
		d = daysIn(p.Year, m)
	}
	return p.Year*10000 + m*100 + d
}

func daysIn(year, month int) int {
	if year == 0 {
		year = 2000 // leap: 29 February stays valid
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Precision names how much of a date is known.
type Precision uint8

// Precisions, coarse to fine.
const (
	NoDate Precision = iota
	YearPrec
	MonthPrec
	DayPrec
)

// Prec returns the point's precision.
func (p Point) Prec() Precision {
	switch {
	case p.Day > 0:
		return DayPrec
	case p.Month > 0:
		return MonthPrec
	case p.Year > 0:
		return YearPrec
	}
	return NoDate
}

// DateRange is an event's date: a single point (From == To) or a range.
// The zero value means no date.
type DateRange struct {
	From, To Point
}

// IsZero reports whether the range carries no date.
func (r DateRange) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Single reports whether the range is one point.
func (r DateRange) Single() bool { return r.From == r.To }

// PointRange returns the range of one point.
func PointRange(p Point) DateRange { return DateRange{p, p} }

// Contains reports whether every day of q lies inside r. Ranges with unknown
// years compare month and day only.
func (r DateRange) Contains(q DateRange) bool {
	if r.IsZero() || q.IsZero() {
		return false
	}
	if r.From.Year == 0 || q.From.Year == 0 {
		return md(r.From.first()) <= md(q.From.first()) && md(q.To.last()) <= md(r.To.last())
	}
	return r.From.first() <= q.From.first() && q.To.last() <= r.To.last()
}

// Overlaps reports whether r and q share at least one day.
func (r DateRange) Overlaps(q DateRange) bool {
	if r.IsZero() || q.IsZero() {
		return false
	}
	if r.From.Year == 0 || q.From.Year == 0 {
		return md(r.From.first()) <= md(q.To.last()) && md(q.From.first()) <= md(r.To.last())
	}
	return r.From.first() <= q.To.last() && q.From.first() <= r.To.last()
}

func md(v int) int { return v % 10000 }

// Bounds returns the first and last day the range can mean as integers
// YYYYMMDD, comparable by size; without a year they are MMDD (below 10000),
// and 0, 0 for no date.
func (r DateRange) Bounds() (first, last int) {
	if r.IsZero() {
		return 0, 0
	}
	return r.From.first(), r.To.last()
}

// Finer reports whether r is more precise than q: fewer days, or a known year.
func (r DateRange) Finer(q DateRange) bool {
	if q.IsZero() {
		return !r.IsZero()
	}
	if r.IsZero() {
		return false
	}
	if (r.From.Year == 0) != (q.From.Year == 0) {
		return r.From.Year != 0
	}
	return r.width() < q.width()
}

// Days returns the number of days from the first day of From to the last of To.
func (r DateRange) Days() int {
	if r.IsZero() {
		return 0
	}
	y := func(p Point) int {
		if p.Year == 0 {
			return 2000
		}
		return p.Year
	}
	a := time.Date(y(r.From), time.Month(max(r.From.Month, 1)), max(r.From.Day, 1), 0, 0, 0, 0, time.UTC)
	l := r.To.last()
	b := time.Date(y(r.To), time.Month(l/100%100), l%100, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours()/24) + 1
}

// width is the number of days a range can mean, by precision: a month counts
// 31 days and a year 366, whatever their length, so that no month is finer
// than another.
func (r DateRange) width() int {
	if r.Single() {
		switch r.From.Prec() {
		case DayPrec:
			return 1
		case MonthPrec:
			return 31
		default:
			return 366
		}
	}
	return r.Days()
}
