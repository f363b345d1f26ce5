package export

import (
	"encoding/json"
	"io"

	"entente/internal/model"
)

func init() {
	Register(&Format{Name: "plover", Short: "PLOVER JSON lines (the PLOVER manual's field names)",
		Parts: []Part{{Name: "events", Ext: "jsonl", Write: writePLOVER}}})
}

// ploverEvent is one event in the PLOVER manual's JSON field names.
type ploverEvent struct {
	ID         string         `json:"id"`
	Date       string         `json:"date,omitempty"`
	EndDate    string         `json:"enddate,omitempty"`
	Actor      []ploverEntity `json:"actor"`
	Recipient  []ploverEntity `json:"recipient"`
	Event      []string       `json:"event"`
	Mode       []string       `json:"mode,omitempty"`
	Context    []string       `json:"context,omitempty"`
	EventLoc   *ploverLoc     `json:"event_loc,omitempty"`
	EventText  []string       `json:"event_text"`
	QuadCode   int            `json:"quad_code"`
	EventScale float64        `json:"event_scale"`
	TextInfo   []ploverText   `json:"text_info"`
	CiteInfo   []ploverCite   `json:"cite_info"`
	Coder      string         `json:"coder"`
	CodedDate  string         `json:"coded_date,omitempty"`
	// Fields of our own, beyond the manual's.
	Status     string  `json:"status"`
	Confidence float64 `json:"confidence"`
}

type ploverEntity struct {
	Code           string `json:"code"`
	Sector         string `json:"sector,omitempty"`
	EntityText     string `json:"entity_text,omitempty"`
	IdentifierID   string `json:"identifier_id,omitempty"`
	IdentifierText string `json:"identifier_text,omitempty"`
	Kind           string `json:"kind,omitempty"`
}

type ploverLoc struct {
	Name string `json:"name"`
	CC3  string `json:"cc3,omitempty"`
}

type ploverText struct {
	Doc         string `json:"doc"`
	Language    string `json:"language,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Attribution string `json:"attribution,omitempty"`
}

type ploverCite struct {
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`
	Language string `json:"language,omitempty"`
	Date     string `json:"date,omitempty"`
	Coder    string `json:"coder"`
	Codebook string `json:"codebook"`
}

func entities(as []model.Actor) []ploverEntity {
	out := []ploverEntity{}
	for _, a := range as {
		out = append(out, ploverEntity{Code: a.Code, Sector: a.Sector, EntityText: a.Text, IdentifierID: a.ID,
			IdentifierText: a.Name, Kind: a.Kind})
	}
	return out
}

// PLOVER converts an event to its PLOVER record.
func (c *Context) PLOVER(e *model.Event) any {
	start, end := dates(e)
	actors, recipients := sides(e)
	p := ploverEvent{ID: e.ID, Date: start, Actor: entities(actors), Recipient: entities(recipients),
		Event: []string{e.Type}, QuadCode: c.Table.Quad(e.Type), EventScale: c.Table.Intensity(e.Type, e.Mode),
		EventText: []string{}, TextInfo: []ploverText{}, CiteInfo: []ploverCite{}, Coder: c.Version, CodedDate: c.Coded,
		Status: e.Status, Confidence: float64(int(e.Confidence*100+0.5)) / 100}
	if end != start {
		p.EndDate = end
	}
	if e.Mode != "" {
		p.Mode = []string{e.Mode}
	}
	if ctx := c.Table.Context(e.Status); ctx != "" {
		p.Context = []string{ctx}
	}
	if e.Location != nil {
		p.EventLoc = &ploverLoc{Name: e.Location.Name, CC3: e.Location.Code}
	}
	for _, s := range e.Sources {
		p.EventText = append(p.EventText, s.Sentence)
		p.TextInfo = append(p.TextInfo, ploverText{Doc: s.Doc, Language: s.Lang, Start: s.Start, End: s.End, Attribution: s.Attribution})
	}
	for _, d := range e.Docs() {
		doc := c.Docs[d]
		lang := doc.Lang
		if lang == "" {
			for _, s := range e.Sources {
				if s.Doc == d {
					lang = s.Lang
					break
				}
			}
		}
		p.CiteInfo = append(p.CiteInfo, ploverCite{Citation: d, URL: doc.URL, Title: doc.Title, Language: lang,
			Date: doc.Published, Coder: c.Version, Codebook: "PLOVER"})
	}
	return p
}

func writePLOVER(w io.Writer, evs []model.Event, c *Context) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range evs {
		if err := enc.Encode(c.PLOVER(&evs[i])); err != nil {
			return err
		}
	}
	return nil
}
