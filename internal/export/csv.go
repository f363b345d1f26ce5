package export

import (
	"encoding/csv"
	"io"
	"strconv"

	"entente/internal/model"
)

func init() {
	Register(&Format{Name: "csv", Short: "CSV: one row per event, and one per source sentence",
		Parts: []Part{{Name: "events", Ext: "csv", Write: writeCSVEvents}, {Name: "sources", Ext: "csv", Write: writeCSVSources}}})
}

// CSVEventColumns and CSVSourceColumns are the header rows of the csv parts.
var (
	CSVEventColumns = []string{"id", "type", "mode", "status", "quad", "intensity", "date_start", "date_end",
		"codes", "source_codes", "target_codes", "participant_codes", "actors", "persons", "location", "location_code",
		"confidence", "sources", "documents", "languages"}
	CSVSourceColumns = []string{"event_id", "doc", "lang", "start", "end", "attribution", "sentence", "url", "published"}
)

func codesOf(e *model.Event, role string) string {
	var out []string
	for _, a := range e.Actors {
		if role == "" || a.Role == role {
			out = append(out, a.Code)
		}
	}
	return joinUniq(out)
}

func writeCSVEvents(w io.Writer, evs []model.Event, c *Context) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVEventColumns)
	for i := range evs {
		e := &evs[i]
		start, end := dates(e)
		var names, persons []string
		for _, a := range e.Actors {
			names = append(names, a.Name)
			if a.Kind == string(model.KindPerson) {
				persons = append(persons, a.Name)
			}
		}
		loc, locCode := "", ""
		if e.Location != nil {
			loc, locCode = e.Location.Name, e.Location.Code
		}
		cw.Write([]string{e.ID, e.Type, e.Mode, e.Status, strconv.Itoa(c.Table.Quad(e.Type)),
			strconv.FormatFloat(c.Table.Intensity(e.Type, e.Mode), 'f', -1, 64), start, end,
			codesOf(e, ""), codesOf(e, model.RoleSource), codesOf(e, model.RoleTarget), codesOf(e, model.RoleParticipant),
			joinUniq(names), joinUniq(persons), loc, locCode, strconv.FormatFloat(e.Confidence, 'f', 2, 64),
			strconv.Itoa(len(e.Sources)), strconv.Itoa(len(e.Docs())), joinUniq(langs(e))})
	}
	cw.Flush()
	return cw.Error()
}

func writeCSVSources(w io.Writer, evs []model.Event, c *Context) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVSourceColumns)
	for i := range evs {
		e := &evs[i]
		for _, s := range e.Sources {
			d := c.Docs[s.Doc]
			cw.Write([]string{e.ID, s.Doc, s.Lang, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Attribution,
				s.Sentence, d.URL, d.Published})
		}
	}
	cw.Flush()
	return cw.Error()
}
