package kb

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"entente/internal/model"
)

// Problem is one inconsistency in the knowledge base, at a file and line.
type Problem struct {
	Pos Pos
	Msg string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Msg }

// Validate checks the knowledge base and returns its problems, in file
// order: unknown state or organisation codes, unknown office roles, offices
// without a start date or ending before they start, overlapping terms of two
// people in a single-holder office, and one full name given to two people.
func (k *KB) Validate() []Problem {
	var out []Problem
	add := func(pos Pos, f string, args ...any) { out = append(out, Problem{pos, fmt.Sprintf(f, args...)}) }
	known := func(code string) bool { return k.state[code] != nil || k.org[code] != nil }
	for _, p := range k.Places {
		if !known(p.State) {
			add(p.Pos, "place %s: unknown state %q", p.Name, p.State)
		}
		if p.StandsFor != "" && k.org[p.StandsFor] == nil {
			add(p.Pos, "place %s: stands_for %q is no organisation", p.Name, p.StandsFor)
		}
	}
	for _, b := range k.Bodies {
		if !known(b.State) {
			add(b.Pos, "body %s: unknown state %q", b.ID, b.State)
		}
	}
	for _, r := range k.Roles {
		if r.State != "" && !known(r.State) {
			add(r.Pos, "role %s: unknown state %q", r.ID, r.State)
		}
		for _, c := range append(slices.Clone(r.Fallback), r.Covers...) {
			if k.role[c] == nil {
				add(r.Pos, "role %s: unknown role %q in fallback or covers", r.ID, c)
			}
		}
		for office, states := range r.OfficeIn {
			if k.role[office] == nil {
				add(r.Pos, "role %s: unknown role %q in office_in", r.ID, office)
			}
			for _, st := range states {
				if !known(st) {
					add(r.Pos, "role %s: office_in %s: unknown state %q", r.ID, office, st)
				}
			}
		}
	}
	names := map[string][]*Person{}
	for _, p := range k.Persons {
		if p.Name == "" {
			add(p.Pos, "person %s: no name", p.ID)
		}
		if !known(p.State) {
			add(p.Pos, "person %s: unknown state %q", p.ID, p.State)
		}
		for _, o := range p.Offices {
			switch {
			case k.role[o.Role] == nil:
				add(p.Pos, "person %s: unknown office role %q", p.ID, o.Role)
			case !known(o.State):
				add(p.Pos, "person %s: office %s: unknown state %q", p.ID, o.Role, o.State)
			case o.From.IsZero():
				add(p.Pos, "person %s: office %s: no start date", p.ID, o.Role)
			case !o.To.IsZero() && o.To.Less(o.From):
				add(p.Pos, "person %s: office %s: ends %s before it starts %s", p.ID, o.Role, o.To, o.From)
			}
		}
		seen := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Names.All()...) {
			key := strings.ToLower(strings.Join(strings.Fields(n), " "))
			if !seen[key] {
				seen[key] = true
				names[key] = append(names[key], p)
			}
		}
	}
	keys := make([]string, 0, len(names))
	for n := range names {
		keys = append(keys, n)
	}
	sort.Strings(keys)
	for _, n := range keys {
		if ps := names[n]; len(ps) > 1 {
			ids := make([]string, len(ps))
			for i, p := range ps {
				ids[i] = p.ID
			}
			add(ps[1].Pos, "name %q is given to %s", n, strings.Join(ids, " and "))
		}
	}
	for key, hs := range k.office {
		r := k.role[key.role]
		if r == nil || !r.Single {
			continue
		}
		for i := 0; i < len(hs); i++ {
			for j := i + 1; j < len(hs); j++ {
				a, b := hs[i], hs[j]
				if a.p == b.p {
					continue
				}
				// A handover written to the month ("to: 2025-10", "from:
				// 2025-10") shares that month: only longer overlaps count.
				limit := 1
				if a.to.Prec() == model.MonthPrec || b.from.Prec() == model.MonthPrec || b.to.Prec() == model.MonthPrec || a.from.Prec() == model.MonthPrec {
					limit = 31
				}
				if overlapDays(a.from, a.to, b.from, b.to) > limit {
					add(b.p.Pos, "%s and %s both %s of %s from %s", a.p.ID, b.p.ID, key.role, key.state, later(a.from, b.from))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.File != out[j].Pos.File {
			return out[i].Pos.File < out[j].Pos.File
		}
		return out[i].Pos.Line < out[j].Pos.Line
	})
	return out
}

func later(a, b model.Point) model.Point {
	if a.Less(b) {
		return b
	}
	return a
}

// overlapDays approximates the days two terms share (0 when they do not).
func overlapDays(af, at, bf, bt model.Point) int {
	end := func(p model.Point) model.Point {
		if p.IsZero() {
			return model.Point{Year: 2999, Month: 12, Day: 31}
		}
		return p
	}
	s, e := later(af, bf), end(at)
	if end(bt).Less(e) {
		e = end(bt)
	}
	if e.Less(s) {
		return 0
	}
	return model.DateRange{From: s, To: e}.Days()
}
