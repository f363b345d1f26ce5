package model

import (
	"slices"
	"strings"
)

// Direction writes who acts on whom: the source codes, arrow, the target
// codes ("RUS>UKR" with arrow ">", "RUS → UKR" with " → "), and then the
// participants joined by eq ("CHN=RUS", "CHN = RUS"). Codes are sorted
// and written once per role; several sources or targets are joined by "+".
// An event with sources but no targets ends in the arrow ("RUS>").
func (e *Event) Direction(arrow, eq string) string {
	var src, tgt, par []string
	for _, a := range e.Actors {
		if a.Code == "" {
			continue
		}
		list := &par
		switch a.Role {
		case RoleSource:
			list = &src
		case RoleTarget:
			list = &tgt
		}
		if !slices.Contains(*list, a.Code) {
			*list = append(*list, a.Code)
		}
	}
	slices.Sort(src)
	slices.Sort(tgt)
	slices.Sort(par)
	var parts []string
	if len(src)+len(tgt) > 0 {
		parts = append(parts, strings.Join(src, "+")+arrow+strings.Join(tgt, "+"))
	}
	if len(par) > 0 {
		parts = append(parts, strings.Join(par, eq))
	}
	return strings.Join(parts, " ")
}

// Line writes an event on one line for tests and logs: direction, type
// (with its mode), status and date, e.g. "RUS>CHN ACCUSE reported
// 2024-05-06" or "CHN=RUS CONSULT/visit planned".
func (e *Event) Line() string {
	var b strings.Builder
	b.WriteString(e.Direction(">", "="))
	b.WriteByte(' ')
	b.WriteString(e.Type)
	if e.Mode != "" {
		b.WriteString("/" + e.Mode)
	}
	b.WriteString(" " + e.Status)
	if !e.Date.IsZero() {
		b.WriteString(" " + e.Date.From.String())
		if !e.Date.Single() {
			b.WriteString(".." + e.Date.To.String())
		}
	}
	return b.String()
}
