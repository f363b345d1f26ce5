// Package query parses and validates a filter over stored events, once, for
// every face of entente: the flags of `entente events`, the query string of
// the REST API and of the web pages.
//
// In: url.Values (the CLI turns its flags into the same values). Out: a
// store.Filter that the store can run as it is, or an *Error that names the
// parameter, the value and what is accepted. Nothing invalid reaches the
// store: a date such as 2024-13-45, an unknown PLOVER type, status or
// language, a dyad that is not two codes, an unknown parameter or a value
// longer than its cap is refused rather than answered with a wrong result.
package query

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"entente/internal/langs"
	"entente/internal/lexicon"
	"entente/internal/model"
	"entente/internal/store"
)

// Caps on the length of free-text values, in characters.
const (
	MaxActor  = 200
	MaxText   = 500
	MaxCursor = 300
	MaxCode   = 12
	// MaxValues caps the values of one parameter (type=A&type=B…).
	MaxValues = 32
)

// Statuses are the event statuses a query accepts: those a store holds
// (store.Statuses). Hypothetical and background events are never stored
// (extract --hypothetical and --background print them only).
var Statuses = store.Statuses

// StatusHelp says which statuses a query accepts, and why no others.
var StatusHelp = "one of " + strings.Join(Statuses, ", ") + " (hypothetical and background events are not stored: extract --hypothetical and --background print them)"

// Sorts are the accepted orders: date ascending or descending (undated
// events last either way).
var Sorts = []string{"date", "-date"}

// Error is a refused parameter. Its message says what is accepted.
type Error struct {
	Param string // the parameter's name ("from", "type")
	Value string // the value as given, shortened
	Msg   string // what is accepted
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("query: %s: %s", e.Param, e.Msg)
	}
	return fmt.Sprintf("query: %s %q: %s", e.Param, e.Value, e.Msg)
}

func bad(param, value, format string, args ...any) *Error {
	if utf8.RuneCountInString(value) > 40 {
		r := []rune(value)
		value = string(r[:40]) + "…"
	}
	return &Error{Param: param, Value: value, Msg: fmt.Sprintf(format, args...)}
}

// Options say how a face pages its results.
type Options struct {
	// DefaultLimit is the limit when none is given (0: no limit).
	DefaultLimit int
	// MaxLimit caps the limit (0: no cap).
	MaxLimit int
}

// EventParams are the parameters Events accepts.
var EventParams = []string{"actor", "actor_id", "dyad", "type", "status", "from", "to", "lang", "text",
	"min_confidence", "limit", "cursor", "sort"}

// Events parses an event filter from v. Every key of v must be one of
// EventParams; a parameter may be given once, except type, which may repeat
// or list types separated by commas.
func Events(v url.Values, o Options) (store.Filter, error) {
	if err := Known(v, EventParams...); err != nil {
		return store.Filter{}, err
	}
	f, err := filter(v)
	if err != nil {
		return f, err
	}
	if f.Limit, err = limit(v, o); err != nil {
		return f, err
	}
	if s, err := single(v, "sort"); err != nil {
		return f, err
	} else if s != "" {
		if !slices.Contains(Sorts, s) {
			return f, bad("sort", s, "want one of %s", strings.Join(Sorts, ", "))
		}
		f.Desc = s == "-date"
	}
	c, err := single(v, "cursor")
	if err != nil {
		return f, err
	}
	if c != "" {
		cur, err := DecodeCursor(c)
		if err != nil {
			return f, err
		}
		f.After = &cur
	}
	return f, nil
}

// Filter parses the selection part of an event filter (actor, actor_id,
// dyad, type, status, from, to, lang, text, min_confidence), ignoring other
// keys: the series and network endpoints add their own parameters and check
// them with Known.
func Filter(v url.Values) (store.Filter, error) { return filter(v) }

func filter(v url.Values) (store.Filter, error) {
	var f store.Filter
	var err error
	if f.Actor, err = single(v, "actor"); err != nil {
		return f, err
	}
	if f.Actor != "" {
		if utf8.RuneCountInString(f.Actor) > MaxActor {
			return f, bad("actor", f.Actor, "at most %d characters", MaxActor)
		}
		if strings.TrimSpace(f.Actor) == "" || !utf8.ValidString(f.Actor) {
			return f, bad("actor", f.Actor, "want an actor code (RUS) or a part of a name (Lavrov)")
		}
		f.Actor = strings.TrimSpace(f.Actor)
	}
	if f.ActorID, err = single(v, "actor_id"); err != nil {
		return f, err
	}
	if f.ActorID != "" && (len(f.ActorID) > MaxActor || strings.ContainsFunc(f.ActorID, unicode.IsSpace)) {
		return f, bad("actor_id", f.ActorID, "want a knowledge-base id without spaces, at most %d characters", MaxActor)
	}
	d, err := single(v, "dyad")
	if err != nil {
		return f, err
	}
	if d != "" {
		if f.Dyad, err = Dyad(d); err != nil {
			return f, err
		}
	}
	if f.Types, err = Types(v["type"]); err != nil {
		return f, err
	}
	if f.Status, err = single(v, "status"); err != nil {
		return f, err
	}
	if f.Status != "" {
		f.Status = strings.ToLower(f.Status)
		if !slices.Contains(Statuses, f.Status) {
			return f, bad("status", f.Status, "want %s", StatusHelp)
		}
	}
	from, err := single(v, "from")
	if err != nil {
		return f, err
	}
	to, err := single(v, "to")
	if err != nil {
		return f, err
	}
	var pf, pt model.Point
	if from != "" {
		if pf, err = Date("from", from); err != nil {
			return f, err
		}
		f.From = pf.String()
	}
	if to != "" {
		if pt, err = Date("to", to); err != nil {
			return f, err
		}
		f.To = pt.String()
	}
	if from != "" && to != "" {
		a, _ := model.PointRange(pf).Bounds()
		_, b := model.PointRange(pt).Bounds()
		if b < a {
			return f, bad("to", to, "ends before from %s", from)
		}
	}
	if f.Lang, err = single(v, "lang"); err != nil {
		return f, err
	}
	if f.Lang != "" {
		f.Lang = strings.ToLower(f.Lang)
		// The languages are those the binary ships (the registry of the
		// embedded data): a small file, read when a query names one.
		reg, err := langs.Load()
		if err != nil {
			return f, err
		}
		if reg.Check(f.Lang) != nil {
			return f, bad("lang", f.Lang, "want one of %s", reg.Help())
		}
	}
	if f.Text, err = single(v, "text"); err != nil {
		return f, err
	}
	if f.Text != "" {
		if utf8.RuneCountInString(f.Text) > MaxText {
			return f, bad("text", f.Text, "at most %d characters", MaxText)
		}
		if !utf8.ValidString(f.Text) || !strings.ContainsFunc(f.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return f, bad("text", f.Text, "want words to search the source sentences for")
		}
	}
	mc, err := single(v, "min_confidence")
	if err != nil {
		return f, err
	}
	if mc != "" {
		x, err := strconv.ParseFloat(mc, 64)
		if err != nil || x < 0 || x > 1 || x != x {
			return f, bad("min_confidence", mc, "want a number from 0 to 1")
		}
		f.MinConfidence = x
	}
	return f, nil
}

// Known refuses a key of v that is not among params.
func Known(v url.Values, params ...string) error {
	var unknown []string
	for k := range v {
		if !slices.Contains(params, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return bad(unknown[0], "", "unknown parameter; want %s", strings.Join(params, ", "))
}

// single returns the one value of a parameter, "" when absent.
func single(v url.Values, name string) (string, error) {
	vs := v[name]
	switch len(vs) {
	case 0:
		return "", nil
	case 1:
		return vs[0], nil
	}
	return "", bad(name, "", "given %d times; want it once", len(vs))
}

// Date parses a date bound: YYYY, YYYY-MM or YYYY-MM-DD, a real day of a
// year from 1 to 9999.
func Date(param, s string) (model.Point, error) {
	p, err := model.ParsePoint(s)
	if err != nil || p.Year == 0 || (p.Day > 0 && time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC).Day() != p.Day) {
		return model.Point{}, bad(param, s, "want a date YYYY, YYYY-MM or YYYY-MM-DD (such as 2024, 2024-04 or 2024-04-26)")
	}
	return p, nil
}

// Code checks an actor code: a state's ISO 3166-1 alpha-3 code or an
// organisation's acronym, letters and digits, returned in capitals.
func Code(param, s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	ok := len(c) >= 2 && len(c) <= MaxCode
	for _, r := range c {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			ok = false
		}
	}
	if !ok {
		return "", bad(param, s, "want an actor code: 2 to %d letters or digits (RUS, NATO)", MaxCode)
	}
	return c, nil
}

// Dyad parses two different actor codes joined by a dash ("RUS-CHN").
func Dyad(s string) (string, error) {
	parts := strings.Split(s, "-")
	if len(parts) != 2 {
		return "", bad("dyad", s, "want two actor codes joined by a dash, such as RUS-CHN")
	}
	a, err := Code("dyad", parts[0])
	if err != nil {
		return "", bad("dyad", s, "want two actor codes joined by a dash, such as RUS-CHN")
	}
	b, err := Code("dyad", parts[1])
	if err != nil {
		return "", bad("dyad", s, "want two actor codes joined by a dash, such as RUS-CHN")
	}
	if a == b {
		return "", bad("dyad", s, "want two different actor codes")
	}
	return a + "-" + b, nil
}

// Types parses PLOVER types given as repeated values or separated by
// commas, in capitals, without duplicates.
func Types(vs []string) ([]string, error) {
	var out []string
	for _, v := range vs {
		for _, t := range strings.Split(v, ",") {
			t = strings.ToUpper(strings.TrimSpace(t))
			if t == "" {
				continue
			}
			if !slices.Contains(lexicon.Types, t) {
				return nil, bad("type", t, "want PLOVER types: %s", strings.Join(lexicon.Types, ", "))
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	if len(out) > MaxValues {
		return nil, bad("type", "", "at most %d types", MaxValues)
	}
	return out, nil
}

func limit(v url.Values, o Options) (int, error) {
	s, err := single(v, "limit")
	if err != nil || s == "" {
		return o.DefaultLimit, err
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || (o.MaxLimit > 0 && n > o.MaxLimit) {
		if o.MaxLimit > 0 {
			return 0, bad("limit", s, "want a number from 1 to %d", o.MaxLimit)
		}
		return 0, bad("limit", s, "want a number from 1")
	}
	return n, nil
}

// EncodeCursor returns the opaque cursor of a position in the event order.
func EncodeCursor(c store.Cursor) string {
	u := "0"
	if c.Undated {
		u = "1"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(u + "|" + c.Date + "|" + c.ID))
}

// DecodeCursor reads a cursor made by EncodeCursor.
func DecodeCursor(s string) (store.Cursor, error) {
	fail := bad("cursor", s, "want the next cursor of a previous page")
	if len(s) > MaxCursor {
		return store.Cursor{}, fail
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return store.Cursor{}, fail
	}
	parts := strings.SplitN(string(b), "|", 3)
	if len(parts) != 3 || (parts[0] != "0" && parts[0] != "1") || parts[2] == "" || !utf8.ValidString(parts[2]) {
		return store.Cursor{}, fail
	}
	return store.Cursor{Undated: parts[0] == "1", Date: parts[1], ID: parts[2]}, nil
}

// Values returns the query string of a filter: Events(Values(f)) gives f
// back. Pages use it for shareable links and the next page's address.
func Values(f store.Filter) url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("actor", f.Actor)
	set("actor_id", f.ActorID)
	set("dyad", f.Dyad)
	types := f.Types
	if f.Type != "" {
		types = append([]string{f.Type}, types...)
	}
	set("type", strings.Join(types, ","))
	set("status", f.Status)
	set("from", f.From)
	set("to", f.To)
	set("lang", f.Lang)
	set("text", f.Text)
	if f.MinConfidence > 0 {
		v.Set("min_confidence", strconv.FormatFloat(f.MinConfidence, 'f', -1, 64))
	}
	if f.Limit > 0 {
		v.Set("limit", strconv.Itoa(f.Limit))
	}
	if f.Desc {
		v.Set("sort", "-date")
	}
	if f.After != nil {
		v.Set("cursor", EncodeCursor(*f.After))
	}
	return v
}
