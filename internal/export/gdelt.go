package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"entente/internal/model"
)

func init() {
	Register(&Format{Name: "gdelt", Short: "GDELT 2.0-style events (61 columns) and mentions (16 columns) TSV, no header",
		Parts: []Part{{Name: "events", Ext: "tsv", Write: writeGDELTEvents}, {Name: "mentions", Ext: "tsv", Write: writeGDELTMentions}}})
}

// GDELTEventColumns and GDELTMentionColumns name the columns of GDELT 2.0's
// event and mention tables, in order. GDELT's files have no header row, and
// neither have ours.
var (
	GDELTEventColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
		"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
		"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
		"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
		"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
		"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
		"NumMentions", "NumSources", "NumArticles", "AvgTone",
		"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
		"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
		"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
		"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
		"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
		"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"}
	GDELTMentionColumns = []string{"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
		"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
		"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
		"MentionDocTranslationInfo", "Extras"}
)

// GlobalEventID derives GDELT's numeric event id from an entente id: the
// first 13 hex digits after "ev_" (52 bits), stable for the same event.
func GlobalEventID(id string) string {
	h := strings.TrimPrefix(id, "ev_")
	if len(h) > 13 {
		h = h[:13]
	}
	if n, err := strconv.ParseUint(h, 16, 64); err == nil {
		return strconv.FormatUint(n, 10)
	}
	return id
}

// gdeltPair picks GDELT's two actors: Actor1 is the first acting actor
// (source or participant), Actor2 the first target of another code, else
// the next acting actor of another code.
func gdeltPair(e *model.Event) (a1, a2 *model.Actor) {
	actors, recipients := sides(e)
	if len(actors) > 0 {
		a1 = &actors[0]
	} else if len(recipients) > 0 {
		a1 = &recipients[0]
		recipients = recipients[1:]
	}
	if a1 == nil {
		return nil, nil
	}
	for _, list := range [][]model.Actor{recipients, actors} {
		for i := range list {
			if list[i].Code != a1.Code {
				return a1, &list[i]
			}
		}
	}
	return a1, nil
}

// gdeltActor returns the ten actor columns.
func gdeltActor(a *model.Actor) []string {
	cols := make([]string, 10)
	if a == nil {
		return cols
	}
	cols[0] = a.Code + a.Sector
	cols[1] = strings.ToUpper(a.Name)
	if a.Kind == string(model.KindOrg) {
		cols[3] = a.Code
	} else {
		cols[2] = a.Code
	}
	cols[7] = a.Sector
	return cols
}

// sqlDate returns the event's first day as YYYYMMDD (a month or year's
// first day), "" without a year.
func sqlDate(e *model.Event) (string, time.Time) {
	p := e.Date.From
	if e.Date.IsZero() || p.Year == 0 {
		return "", time.Time{}
	}
	t := time.Date(p.Year, time.Month(max(p.Month, 1)), max(p.Day, 1), 0, 0, 0, 0, time.UTC)
	return t.Format("20060102"), t
}

func writeGDELTEvents(w io.Writer, evs []model.Event, c *Context) error {
	added := strings.ReplaceAll(c.Coded, "-", "") + "000000"
	if c.Coded == "" {
		added = ""
	}
	for i := range evs {
		e := &evs[i]
		a1, a2 := gdeltPair(e)
		row := []string{GlobalEventID(e.ID)}
		if d, t := sqlDate(e); d != "" {
			frac := float64(t.Year()) + float64(t.YearDay()-1)/365
			row = append(row, d, d[:6], d[:4], strconv.FormatFloat(float64(int(frac*10000))/10000, 'f', 4, 64))
		} else {
			row = append(row, "", "", "", "")
		}
		row = append(row, gdeltActor(a1)...)
		row = append(row, gdeltActor(a2)...)
		code := c.Table.CAMEO(e.Type, e.Mode)
		base, root := code, code
		if len(code) > 3 {
			base = code[:3]
		}
		if len(code) > 2 {
			root = code[:2]
		}
		gold := ""
		if g, ok := c.Table.Goldstein(code); ok {
			gold = strconv.FormatFloat(g, 'f', 1, 64)
		}
		quad := ""
		if q := c.Table.RootQuad(code); q > 0 {
			quad = strconv.Itoa(q)
		}
		docs := len(e.Docs())
		row = append(row, "0", code, base, root, quad, gold,
			strconv.Itoa(len(e.Sources)), strconv.Itoa(docs), strconv.Itoa(docs), "")
		empty := make([]string, 8)
		row = append(row, empty...) // Actor1Geo
		row = append(row, empty...) // Actor2Geo
		geo := make([]string, 8)
		if e.Location != nil {
			geo[0], geo[1], geo[2] = "4", e.Location.Name, e.Location.Code
			if e.Location.Code == "" {
				geo[0] = "0"
			}
		}
		row = append(row, geo...)
		src := ""
		if ds := e.Docs(); len(ds) > 0 {
			src = c.Docs[ds[0]].URL
			if src == "" {
				src = ds[0]
			}
		}
		row = append(row, added, src)
		if len(row) != len(GDELTEventColumns) {
			return fmt.Errorf("export: gdelt: %d columns, want %d", len(row), len(GDELTEventColumns))
		}
		if err := writeTSV(w, row); err != nil {
			return err
		}
	}
	return nil
}

// charOffset returns the byte offset in the document of an actor's text
// within a source sentence, -1 when the sentence does not contain it.
func charOffset(a *model.Actor, s *model.Source) string {
	if a == nil || a.Text == "" {
		return "-1"
	}
	if i := strings.Index(s.Sentence, a.Text); i >= 0 {
		return strconv.Itoa(s.Start + i)
	}
	return "-1"
}

func writeGDELTMentions(w io.Writer, evs []model.Event, c *Context) error {
	for i := range evs {
		e := &evs[i]
		a1, a2 := gdeltPair(e)
		evTime := ""
		if d, _ := sqlDate(e); d != "" {
			evTime = d + "000000"
		}
		for j := range e.Sources {
			s := &e.Sources[j]
			doc := c.Docs[s.Doc]
			mTime := ""
			if p, err := model.ParsePoint(doc.Published); err == nil && p.Year > 0 {
				mTime = fmt.Sprintf("%04d%02d%02d000000", p.Year, max(p.Month, 1), max(p.Day, 1))
			}
			name, ident := s.Doc, s.Doc
			if doc.URL != "" {
				ident = doc.URL
				if h := host(doc.URL); h != "" {
					name = h
				}
			}
			extras := fmt.Sprintf("<EVENT>%s</EVENT><LANG>%s</LANG><SENTENCE start=\"%d\" end=\"%d\"/>", e.ID, s.Lang, s.Start, s.End)
			row := []string{GlobalEventID(e.ID), evTime, mTime, "1", name, ident, "",
				charOffset(a1, s), charOffset(a2, s), "-1", "1", strconv.Itoa(int(e.Confidence*100 + 0.5)), "", "", "", extras}
			if err := writeTSV(w, row); err != nil {
				return err
			}
		}
	}
	return nil
}
