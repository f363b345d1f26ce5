package analysis

import (
	"fmt"
	"time"
)

// Unit is the length of a period.
type Unit int

// Units of time. A week starts on Monday; a month on its first day.
const (
	Day Unit = iota
	Week
	Month
)

// ParseUnit reads day, week or month.
func ParseUnit(s string) (Unit, error) {
	switch s {
	case "day":
		return Day, nil
	case "week", "":
		return Week, nil
	case "month":
		return Month, nil
	}
	return 0, fmt.Errorf("analysis: period %q: want day, week or month", s)
}

func (u Unit) String() string {
	switch u {
	case Day:
		return "day"
	case Month:
		return "month"
	}
	return "week"
}

// Period returns the number of the period that holds a day: days since
// 1970-01-01, Monday weeks since the week of 1970-01-01, or months since
// January 1970. Periods of one unit are consecutive integers.
func (u Unit) Period(day int32) int32 {
	switch u {
	case Day:
		return day
	case Month:
		y, m, _ := epoch.AddDate(0, 0, int(day)).Date()
		return int32((y-1970)*12 + int(m) - 1)
	}
	// 1970-01-01 was a Thursday: shift so that weeks start on Monday.
	return floorDiv(day+3, 7)
}

func floorDiv(a, b int32) int32 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Start returns the first day of a period.
func (u Unit) Start(p int32) int32 {
	switch u {
	case Day:
		return p
	case Month:
		return DayNumber(1970+int(floorDiv(p, 12)), int(p-12*floorDiv(p, 12))+1, 1)
	}
	return p*7 - 3
}

// End returns the last day of a period.
func (u Unit) End(p int32) int32 { return u.Start(p+1) - 1 }

// Label names a period: its first day (YYYY-MM-DD) for days and weeks,
// YYYY-MM for months.
func (u Unit) Label(p int32) string {
	s := DayString(u.Start(p))
	if u == Month {
		return s[:7]
	}
	return s
}

// periodFunc maps a day to its period.
type periodFunc func(day int32) int32

// periodizer returns a fast Period function for the days in [lo, hi]: for
// months, a table of each day's month computed once.
func (u Unit) periodizer(lo, hi int32) periodFunc {
	if u != Month || hi < lo || hi-lo > 1<<20 {
		return u.Period
	}
	table := make([]int32, hi-lo+1)
	t := epoch.AddDate(0, 0, int(lo))
	for i := range table {
		y, m, _ := t.Date()
		table[i] = int32((y-1970)*12 + int(m) - 1)
		t = t.Add(24 * time.Hour)
	}
	return func(day int32) int32 {
		if day < lo || day > hi {
			return u.Period(day)
		}
		return table[day-lo]
	}
}
