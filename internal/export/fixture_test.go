package export

import (
	"testing"

	"entente/internal/model"
	"entente/internal/plover"
)

// fixture is a small event set in our own words that covers what the
// writers handle: several sources and documents, targets, a place, modes,
// planned and month-precision dates, an organisation, an undated event and a
// value with a tab and quotes.
func fixture() ([]model.Event, *Context) {
	day := func(y, m, d int) model.DateRange { return model.PointRange(model.Point{Year: y, Month: m, Day: d}) }
	evs := []model.Event{
		{ID: "ev_00a1b2c3d4e5f607", Type: "CONSULT", Mode: "visit", Status: "reported", Date: day(2024, 4, 9),
			Location: &model.Location{Name: "Beijing", Code: "CHN"}, Confidence: 0.91,
			Actors: []model.Actor{
				{Code: "RUS", Name: "Sergei Lavrov", Kind: "person", Role: "source", Sector: "GOV", ID: "sergei-lavrov", Text: "Lawrow"},
				{Code: "CHN", Name: "Wang Yi", Kind: "person", Role: "target", Sector: "GOV", ID: "wang-yi", Text: "Wang Yi"}},
			Sources: []model.Source{
				{Doc: "a.txt", Lang: "de", Start: 10, End: 60, Sentence: "Lawrow traf in Peking seinen Kollegen Wang Yi."},
				{Doc: "b.txt", Lang: "ru", Start: 0, End: 70, Sentence: "Лавров провёл переговоры с Ван И в Пекине.", Attribution: "TASS"}}},
		{ID: "ev_01ffeeddccbbaa99", Type: "AID", Mode: "military", Status: "planned", Date: model.PointRange(model.Point{Year: 2024, Month: 6}),
			Confidence: 0.5,
			Actors: []model.Actor{
				{Code: "DEU", Name: "Germany", Kind: "state", Role: "source", Sector: "GOV", ID: "state:DEU", Text: "Deutschland"},
				{Code: "UKR", Name: "Ukraine", Kind: "state", Role: "target", Sector: "GOV", ID: "state:UKR", Text: "der Ukraine"}},
			Sources: []model.Source{{Doc: "a.txt", Lang: "de", Start: 61, End: 120, Sentence: "Deutschland will der Ukraine im Juni \"weitere\"\tSysteme liefern."}}},
		{ID: "ev_02aa", Type: "ACCUSE", Status: "reported", Confidence: 0.7,
			Actors: []model.Actor{
				{Code: "SCO", Name: "Shanghai Cooperation Organisation", Kind: "org", Role: "source", Sector: "IGO", Text: "SCO"},
				{Code: "USA", Name: "United States", Kind: "state", Role: "target", Sector: "GOV", Text: "USA"}},
			Sources: []model.Source{{Doc: "c.txt", Lang: "en", Start: 5, End: 40, Sentence: "The SCO criticised the USA."}}},
		{ID: "ev_03bb", Type: "SANCTION", Status: "denied", Date: day(2025, 1, 31), Confidence: 0.66,
			Actors: []model.Actor{
				{Code: "RUS", Name: "Russia", Kind: "state", Role: "source", Text: "Russia"},
				{Code: "DEU", Name: "Germany", Kind: "state", Role: "target", Text: "German"}},
			Sources: []model.Source{{Doc: "c.txt", Lang: "en", Start: 41, End: 90, Sentence: "Russia denied expelling German diplomats."}}},
	}
	c := &Context{Table: plover.MustLoad(), Coded: "2026-01-01", Version: "entente", Docs: map[string]Doc{
		"a.txt": {Name: "a.txt", URL: "https://www.example.org/news/a", Title: "Lawrow in Peking", Lang: "de", Published: "2024-04-10"},
		"b.txt": {Name: "b.txt", Lang: "ru", Published: "2024-04-09"},
		"c.txt": {Name: "c.txt", Lang: "en"}}}
	return evs, c
}

// TestGoldenFixture diffs every export of the fixture against its golden
// file; unlike the seeds, its input never changes, so the diff always runs.
func TestGoldenFixture(t *testing.T) {
	evs, c := fixture()
	outs := renderAs(t, "fixture", evs, c)
	golden(t, outs)
	mentions := tsvRows(t, outs["fixture.gdelt.mentions.tsv"], len(GDELTMentionColumns))
	if len(mentions) != 5 || mentions[0][4] != "example.org" || mentions[0][7] != "10" || mentions[0][8] != "48" {
		t.Errorf("first mention %q: want host example.org, Lawrow at 10 and Wang Yi at 48", mentions[0])
	}
	events := tsvRows(t, outs["fixture.gdelt.events.tsv"], len(GDELTEventColumns))
	if got := events[0][:8]; got[1] != "20240409" || got[5] != "RUSGOV" {
		t.Errorf("first gdelt event %q", got)
	}
	if events[0][26] != "042" || events[0][29] != "1" || events[0][30] != "1.9" || events[1][26] != "072" || events[1][1] != "20240601" {
		t.Errorf("CAMEO codes: %q / %q", events[0][26:31], events[1][26:31])
	}
	if events[2][1] != "" || events[2][8] != "SCO" {
		t.Errorf("undated org event: %q", events[2][:10])
	}
	rows := tsvRows(t, outs["fixture.polecat.events.tsv"], len(POLECATColumns))
	if rows[2][6] != "future" || rows[4][6] != "negation" || rows[2][3] != "military" || rows[2][4] != "8.7" {
		t.Errorf("polecat contexts/modes: %q, %q", rows[2][:8], rows[4][:8])
	}
}
