package export

import (
	"io"
	"strconv"

	"entente/internal/model"
)

func init() {
	Register(&Format{Name: "polecat", Short: "POLECAT TSV (its 40 columns; unknown fields empty)",
		Parts: []Part{{Name: "events", Ext: "tsv", Write: writePOLECAT}}})
}

// POLECATColumns are the columns of POLECAT's weekly TSV files, in order.
var POLECATColumns = []string{"Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
	"Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
	"Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
	"Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
	"Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
	"Feature Type", "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
	"Language", "Version"}

// side is the POLECAT columns of one side of an event: names, countries,
// primary sector, all sectors and raw texts, each list joined by "; ".
func side(as []model.Actor) (names, countries, primary, sectors, raw string) {
	var n, c, s, r []string
	for _, a := range as {
		n = append(n, a.Name)
		c = append(c, a.Code)
		s = append(s, a.Sector)
		r = append(r, a.Text)
	}
	names, countries, sectors, raw = joinUniq(n), joinUniq(c), joinUniq(s), joinUniq(r)
	for _, x := range s {
		if x != "" {
			primary = x
			break
		}
	}
	return
}

func writePOLECAT(w io.Writer, evs []model.Event, c *Context) error {
	if err := writeTSV(w, append([]string(nil), POLECATColumns...)); err != nil {
		return err
	}
	for i := range evs {
		e := &evs[i]
		actors, recipients := sides(e)
		an, ac, ap, as, ar := side(actors)
		rn, rc, rp, rs, rr := side(recipients)
		start, _ := dates(e)
		var people, orgs, docs []string
		for _, a := range e.Actors {
			switch a.Kind {
			case string(model.KindPerson):
				people = append(people, a.Name)
			case string(model.KindOrg), string(model.KindBody):
				orgs = append(orgs, a.Name)
			}
		}
		place, country := "", ""
		if e.Location != nil {
			place, country = e.Location.Name, e.Location.Code
		}
		for _, d := range e.Docs() {
			if u := c.Docs[d].URL; u != "" {
				docs = append(docs, u)
			} else {
				docs = append(docs, d)
			}
		}
		row := []string{e.ID, start, e.Type, e.Mode, strconv.FormatFloat(c.Table.Intensity(e.Type, e.Mode), 'f', -1, 64),
			strconv.Itoa(c.Table.Quad(e.Type)), c.Table.Context(e.Status),
			an, ac, "", ap, as, "", ar, "",
			rn, rc, "", rp, rs, "", rr, "",
			place, "", "", "", country, "", "", "", place, "",
			joinUniq(docs), c.published(e), joinUniq(people), joinUniq(orgs), place,
			joinUniq(langs(e)), c.Version}
		if err := writeTSV(w, row); err != nil {
			return err
		}
	}
	return nil
}
