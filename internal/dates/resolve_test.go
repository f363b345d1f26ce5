package dates

import (
	"testing"

	"entente/internal/model"
)

func TestResolve(t *testing.T) {
	day := func(y, m, d int) model.Point { return model.Point{Year: y, Month: m, Day: d} }
	cases := []struct {
		name      string
		lang      string
		text      string
		published model.Point
		want      string
	}{
		// Year-less dates with a publication date.
		{"nearest year back over new year", "en", "He left on 28 December.", day(2025, 1, 5), "28 December=2024-12-28"},
		{"nearest year forward over new year", "en", "He will come on 3 January.", day(2024, 12, 20), "3 January=2025-01-03"},
		{"same year", "ru", "Встреча 9 мая в Москве.", day(2025, 5, 7), "9 мая=2025-05-09"},
		{"month-precision publication", "de", "Der Gipfel vom 9. bis 11. Juli.", model.Point{Year: 2024, Month: 7}, "9. bis 11. Juli=2024-07-09/2024-07-11"},
		{"year-precision publication", "de", "Am 26. April.", model.Point{Year: 2023}, "26. April=2023-04-26"},
		{"month alone", "de", "Im Mai wird gewählt.", day(2025, 3, 1), "Mai=2025-05"},
		{"written year kept", "de", "Am 26. April 2019.", day(2025, 3, 1), "26. April 2019=2019-04-26"},
		{"range over new year", "en", "From 28 December to 3 January.", day(2025, 1, 10), "28 December to 3 January=2024-12-28/2025-01-03"},
		// Year-less dates without a publication date.
		{"preceding full date", "ru", "Указ от 4 марта 2025 года. Визит 9 мая.", model.Point{}, "4 марта 2025 года=2025-03-04; 9 мая=2025-05-09"},
		{"following full date", "ru", "Визит 9 мая. Указ от 4 марта 2025 года.", model.Point{}, "9 мая=2025-05-09; 4 марта 2025 года=2025-03-04"},
		{"across new year from full date", "en", "On 28 December 2024 they met, and on 3 January they signed.", model.Point{}, "28 December 2024=2024-12-28; 3 January=2025-01-03"},
		{"after the latest written month", "de", "Am 26. April trafen sie sich, nach dem Beitritt im Juli 2023.", model.Point{}, "26. April=2024-04-26; Juli 2023=2023-07"},
		{"same month as the written month", "de", "Seit Juli 2023 Mitglied, am 10. Juli Gipfel.", model.Point{}, "Juli 2023=2023-07; 10. Juli=2023-07-10"},
		{"nothing to go by", "uk", "Зустріч 19 березня у Москві.", model.Point{}, "19 березня=--03-19"},
		{"bare years are no anchors", "de", "Seit 2014 Krieg; am 26. April Gipfel.", model.Point{}, "2014=2014; 26. April=--04-26"},
		// A weekday before the date decides the year (3 March 2023 was a
		// Friday, 3 March 2024 a Sunday).
		{"weekday picks the year", "en", "On Friday, 3 March, they met.", day(2024, 2, 1), "Friday, 3 March=2023-03-03"},
		{"weekday picks the year, de", "de", "Am Freitag, 3. März, trafen sie sich.", day(2024, 2, 1), "Freitag, 3. März=2023-03-03"},
		{"weekday agrees with the nearest year", "ru", "В пятницу, 10 мая, они встретились.", day(2024, 5, 12), "пятницу, 10 мая=2024-05-10"},
		{"weekday picks the year, uk", "uk", "У п'ятницю, 3 березня, вони зустрілися.", model.Point{Year: 2024}, "п'ятницю, 3 березня=2023-03-03"},
		// Relative expressions.
		{"yesterday", "de", "Gestern sagte er.", day(2025, 3, 1), "Gestern=2025-02-28"},
		{"today and tomorrow", "ru", "Сегодня и завтра.", day(2024, 12, 31), "Сегодня=2024-12-31; завтра=2025-01-01"},
		{"weekday on or before", "de", "Am Donnerstag sagte er.", day(2024, 4, 27), "Donnerstag=2024-04-25"},
		{"weekday same day", "en", "He said on Saturday.", day(2024, 4, 27), "Saturday=2024-04-27"},
		{"last weekday", "en", "He said last Saturday.", day(2024, 4, 27), "last Saturday=2024-04-20"},
		{"next weekday", "de", "Am nächsten Montag.", day(2024, 4, 27), "nächsten Montag=2024-04-29"},
		{"until weekday", "de", "Die Konferenz dauert bis Donnerstag.", day(2024, 7, 2), "Donnerstag=2024-07-04"},
		{"uk weekday", "uk", "Заявив у четвер.", day(2024, 4, 27), "четвер=2024-04-25"},
		{"last week", "ru", "На прошлой неделе.", day(2024, 4, 25), "прошлой неделе=2024-04-15/2024-04-21"},
		{"this week", "en", "This week.", day(2024, 4, 25), "This week=2024-04-22/2024-04-28"},
		{"next month", "en", "Next month.", model.Point{Year: 2024, Month: 12}, "Next month=2025-01"},
		{"last year", "uk", "Торік і минулого року.", model.Point{Year: 2024}, "Торік=2023; минулого року=2023"},
		{"relative needs a day", "de", "Gestern und vergangene Woche.", model.Point{Year: 2024, Month: 7}, "Gestern=rel; vergangene Woche=rel"},
		{"relative without publication", "en", "Yesterday and last year.", model.Point{}, "Yesterday=rel; last year=rel"},
	}
	f := testFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := f.Find(c.text, 0, c.lang)
			Resolve(es, c.published)
			if got := showAll(es); got != c.want {
				t.Errorf("Resolve(%q, %v)\n got %s\nwant %s", c.text, c.published, got, c.want)
			}
		})
	}
}

// TestAhead checks the forward reading of weekdays that planned events use.
func TestAhead(t *testing.T) {
	day := func(y, m, d int) model.Point { return model.Point{Year: y, Month: m, Day: d} }
	cases := []struct {
		name, lang, text string
		published        model.Point
		want             string // the first expression's range, or "-" when Ahead declines
	}{
		{"plain weekday looks ahead", "en", "He will travel on Wednesday.", day(2024, 6, 10), "2024-06-12"},
		{"the same weekday is today", "de", "Er reist am Montag.", day(2024, 6, 10), "2024-06-10"},
		{"uk weekday", "uk", "Зустрінеться у середу.", day(2024, 6, 10), "2024-06-12"},
		{"last weekday stays behind", "en", "He travelled last Wednesday.", day(2024, 6, 10), "-"},
		{"a written date is no weekday", "en", "He will travel on 14 June.", day(2024, 6, 10), "-"},
	}
	f := testFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := f.Find(c.text, 0, c.lang)
			Resolve(es, c.published)
			if len(es) == 0 {
				t.Fatalf("no date found in %q", c.text)
			}
			v, ok := es[0].Ahead(c.published)
			got := "-"
			if ok {
				got = v.From.String()
			}
			if got != c.want {
				t.Errorf("Ahead(%q) = %s, want %s", c.text, got, c.want)
			}
		})
	}
}

func TestOnWeekday(t *testing.T) {
	r := model.DateRange{From: model.Point{Year: 2017, Month: 11, Day: 19}, To: model.Point{Year: 2017, Month: 11, Day: 19}}
	got := OnWeekday(r, 1) // 19 November is a Monday in 2018
	if got.From.Year != 2018 || got.To.Year != 2018 {
		t.Errorf("OnWeekday(2017-11-19, Monday) = %v, want 2018-11-19", got)
	}
	if same := OnWeekday(r, 7); same.From.Year != 2017 {
		t.Errorf("OnWeekday(2017-11-19, Sunday) = %v, want 2017 kept", same)
	}
	if none := OnWeekday(model.DateRange{From: model.Point{Month: 11, Day: 19}}, 1); none.From.Year != 0 {
		t.Errorf("a year-less range got year %d", none.From.Year)
	}
}
