package dates

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"entente/internal/model"
)

var (
	finderOnce sync.Once
	finder     *Finder
	finderErr  error
)

func testFinder(t testing.TB) *Finder {
	t.Helper()
	finderOnce.Do(func() { finder, finderErr = New() })
	if finderErr != nil {
		t.Fatal(finderErr)
	}
	return finder
}

// fmtPoint writes a point like model.Point.String, and a year-less month as --MM.
func fmtPoint(p model.Point) string {
	if p.Year == 0 && p.Month > 0 && p.Day == 0 {
		return fmt.Sprintf("--%02d", p.Month)
	}
	return p.String()
}

// show renders an expression as `text=date`, `text=from/to` or `text=rel`.
func show(e Expr) string {
	switch {
	case e.Relative && e.Value.IsZero():
		return e.Text + "=rel"
	case e.Value.Single():
		return e.Text + "=" + fmtPoint(e.Value.From)
	}
	return e.Text + "=" + fmtPoint(e.Value.From) + "/" + fmtPoint(e.Value.To)
}

func showAll(es []Expr) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = show(e)
	}
	return strings.Join(out, "; ")
}

type findCase struct {
	name string
	text string
	want string // expressions joined by "; "
}

func runFind(t *testing.T, lang string, cases []findCase) {
	f := testFinder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := showAll(f.Find(c.text, 0, lang))
			if got != c.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

func TestFindGerman(t *testing.T) {
	runFind(t, "de", []findCase{
		{"day month", "Das Treffen fand am 26. April statt.", "26. April=--04-26"},
		{"day month year", "Er wurde am 28. Februar 2025 gewählt.", "28. Februar 2025=2025-02-28"},
		{"line break between day and month", "Schon am 28.\nFebruar reiste er ab.", "28.\nFebruar=--02-28"},
		{"numeric full", "Stand: 28.02.2025, 14 Uhr", "28.02.2025=2025-02-28"},
		{"numeric short year", "Gültig ab 1.3.25 für alle.", "1.3.25=2025-03-01"},
		{"numeric without year", "Die Frist endet am 19.03. um Mitternacht.", "19.03.=--03-19"},
		{"iso", "Veröffentlicht 2024-07-08 in Berlin.", "2024-07-08=2024-07-08"},
		{"range bis", "Der Gipfel vom 9. bis 11. Juli in Washington.", "9. bis 11. Juli=--07-09/--07-11"},
		{"range zwischen und", "Zwischen dem 22. und 26. April trafen sie sich.", "22. und 26. April=--04-22/--04-26"},
		{"range dash", "Die Messe läuft 22.-26. April.", "22.-26. April=--04-22/--04-26"},
		{"range months", "Die Offensive dauerte von Januar bis Februar 2025.", "Januar bis Februar 2025=2025-01/2025-02"},
		{"month year", "Seit Juli 2023 ist das Land Mitglied.", "Juli 2023=2023-07"},
		{"month alone after im", "Im Mai soll gewählt werden.", "Mai=--05"},
		{"austrian month", "Am 3. Jänner kam der Brief.", "3. Jänner=--01-03"},
		{"abbreviated month", "Am 3. Okt. 2020 war Feiertag.", "3. Okt. 2020=2020-10-03"},
		{"im Jahr", "Im Jahr 2001 begann der Einsatz.", "2001=2001"},
		{"participle year", "Die 2001 gegründete Organisation wächst.", "2001=2001"},
		{"seit year", "Seit 2014 herrscht Krieg.", "2014=2014"},
		{"counts are no years", "Rund 1000 Soldaten und 2000 Panzer, dazu 1999 Fahrzeuge.", ""},
		{"round year with preposition and noun", "Es kamen bis 2000 Menschen.", ""},
		{"time of day ignored", "Um 16:30 Uhr und um 11.05 Uhr begann es.", ""},
		{"relative days", "Gestern sagte er, heute komme sie, morgen gehe es weiter.", "Gestern=rel; heute=rel; morgen=rel"},
		{"noun Morgen is no date", "Am Morgen trafen sie sich.", ""},
		{"weekday", "Er sagte am Donnerstag in Berlin.", "Donnerstag=rel"},
		{"compound weekday", "Am Donnerstagabend landete er.", "Donnerstagabend=rel"},
		{"weekday with date", "Am Donnerstag, 26. April 2024, landete er.", "Donnerstag, 26. April 2024=2024-04-26"},
		{"last week", "Vergangene Woche und im vergangenen Jahr.", "Vergangene Woche=rel; vergangenen Jahr=rel"},
		{"lone month needs context", "August Bebel war Politiker.", ""},
		{"decimal is no date", "Die Inflation lag bei 2,5 Prozent und 3.5 Punkten.", ""},
	})
}

func TestFindEnglish(t *testing.T) {
	runFind(t, "en", []findCase{
		{"month day", "The talks began on October 10 in Minsk.", "October 10=--10-10"},
		{"month day year", "It was signed on April 26, 2024 in Astana.", "April 26, 2024=2024-04-26"},
		{"day month", "He arrived on 26 April.", "26 April=--04-26"},
		{"day month year", "He arrived on 26 April 2024.", "26 April 2024=2024-04-26"},
		{"ordinal of", "On the 5th of May they met.", "5th of May=--05-05"},
		{"range dash", "The summit on 22-26 April ended.", "22-26 April=--04-22/--04-26"},
		{"range month day dash", "Talks on December 26-27 will follow.", "December 26-27=--12-26/--12-27"},
		{"range month day year", "From May 1-3, 2024 they met.", "May 1-3, 2024=2024-05-01/2024-05-03"},
		{"range months", "Fighting from January to February 2025 was heavy.", "January to February 2025=2025-01/2025-02"},
		{"range between", "It happened between 5 and 9 March.", "5 and 9 March=--03-05/--03-09"},
		{"month year", "Since October 2022 the threat grew.", "October 2022=2022-10"},
		{"in year", "In 2019 the treaty lapsed.", "2019=2019"},
		{"attributive year", "the 2019 election was close", "2019=2019"},
		{"year range", "accepting in 2014-2015 the deal", "2014-2015=2014/2015"},
		{"counts", "3000 troops and 2000 tanks moved.", ""},
		{"May the name", "Theresa May said the vote may happen.", ""},
		{"in May", "Elections are due in May.", "May=--05"},
		{"mid month", "By mid-April the front held.", "April=--04"},
		{"relative", "Yesterday he said that tomorrow is too late.", "Yesterday=rel; tomorrow=rel"},
		{"weekday", "The minister said on Thursday that he would go.", "Thursday=rel"},
		{"possessive weekday", "Wednesday's meeting was short.", "Wednesday's=rel"},
		{"last week", "Last week and next month.", "Last week=rel; next month=rel"},
		{"next weekday", "They meet next Friday.", "next Friday=rel"},
		{"iso", "date 2022-10-10\nRussian forces", "2022-10-10=2022-10-10"},
		{"iso month", "date 2024-07\nSummit", "2024-07=2024-07"},
		{"time ignored", "At 16:30 GMT the vote began.", ""},
	})
}

func TestFindRussian(t *testing.T) {
	runFind(t, "ru", []findCase{
		{"day month", "Встреча состоялась 26 апреля в Москве.", "26 апреля=--04-26"},
		{"day month year marker", "Указ подписан 7 мая 2025 года в Кремле.", "7 мая 2025 года=2025-05-07"},
		{"short year marker", "Договор от 19 июня 2024 г. вступил в силу.", "19 июня 2024 г.=2024-06-19"},
		{"range с по", "Учения пройдут с 22 по 26 апреля.", "22 по 26 апреля=--04-22/--04-26"},
		{"range en dash", "Форум в Ташкенте 28–30 апреля завершился.", "28–30 апреля=--04-28/--04-30"},
		{"range между", "Между 5 и 9 марта шли бои.", "5 и 9 марта=--03-05/--03-09"},
		{"year with marker", "В 2023 году товарооборот вырос.", "2023 году=2023"},
		{"years range", "Знаю, что в 1940–1943 годах здесь был фронт.", "1940–1943 годах=1940/1943"},
		{"month year", "В июле 2023 года страна вступила.", "июле 2023 года=2023-07"},
		{"month alone", "В мае президент посетит Пекин.", "мае=--05"},
		{"beginning of month", "В начале марта начались переговоры.", "марта=--03"},
		{"numeric", "Опубликовано 19.03.2024 в 12:00.", "19.03.2024=2024-03-19"},
		{"count is no year", "Погибли до 2000 человек и 1500 раненых.", ""},
		{"decade is no year", "Это было в 1990-х годах.", ""},
		{"relative", "Вчера он сказал, что сегодня и завтра будут переговоры.", "Вчера=rel; сегодня=rel; завтра=rel"},
		{"накануне", "Министр, который накануне прибыл в Москву.", "накануне=rel"},
		{"weekday", "Переговоры прошли в четверг в Минске.", "четверг=rel"},
		{"environment is no Wednesday", "Охрана окружающей среды важна.", ""},
		{"last week", "На прошлой неделе и в прошлом году.", "прошлой неделе=rel; прошлом году=rel"},
		{"this year", "В этом году исполняется 80 лет.", "этом году=rel"},
		{"ordinal suffix", "Встреча 1-го мая отменена.", "1-го мая=--05-01"},
		{"until year", "План действий до 2026 года.", "2026 года=2026"},
		{"capitalised at sentence start", "Сегодня. Мая нет.", "Сегодня=rel"},
	})
}

func TestFindUkrainian(t *testing.T) {
	runFind(t, "uk", []findCase{
		{"day month", "Зустріч відбулася 26 квітня у Києві.", "26 квітня=--04-26"},
		{"day month year", "Указ підписано 24 лютого 2022 року.", "24 лютого 2022 року=2022-02-24"},
		{"short marker", "Станом на 5 березня 2024 р. ситуація змінилась.", "5 березня 2024 р.=2024-03-05"},
		{"range з по", "Навчання тривали з 22 по 26 квітня.", "22 по 26 квітня=--04-22/--04-26"},
		{"range від до", "Від 5 до 7 березня 2024 р. тривав саміт.", "5 до 7 березня 2024 р.=2024-03-05/2024-03-07"},
		{"month range across words", "Наприкінці березня - на початку квітня 2018 року почали будівництво.", "березня - на початку квітня 2018 року=2018-03/2018-04"},
		{"year", "У 2024 році торгівля зросла.", "2024 році=2024"},
		{"month year", "У липні 2023 року країна вступила.", "липні 2023 року=2023-07"},
		{"month alone", "У травні він поїде до Пекіна.", "травні=--05"},
		{"fierce is no February", "Під час лютого бою війська відійшли.", ""},
		{"weekday with date", "Заявив у понеділок, 19 листопада, міністр.", "понеділок, 19 листопада=--11-19"},
		{"weekday apostrophe", "У п’ятницю та у пʼятницю.", "п’ятницю=rel; пʼятницю=rel"},
		{"relative", "Вчора і учора, сьогодні та завтра.", "Вчора=rel; учора=rel; сьогодні=rel; завтра=rel"},
		{"торік", "Торік обсяги впали.", "Торік=rel"},
		{"last week", "Минулого тижня і минулого року.", "Минулого тижня=rel; минулого року=rel"},
		{"this year", "Цього року планують завершити.", "Цього року=rel"},
		{"until the end of year", "Діятиме до кінця 2020 року.", "2020 року=2020"},
		{"count", "Загинули 1000 солдатів.", ""},
		{"numeric", "Опубліковано 28.02.2025 о 16:30.", "28.02.2025=2025-02-28"},
	})
}

func TestFindOffsets(t *testing.T) {
	f := testFinder(t)
	text := "Am 26. April traf er sie."
	es := f.Find(text, 100, "de")
	if len(es) != 1 {
		t.Fatalf("Find = %v, want one expression", es)
	}
	e := es[0]
	if e.Start != 100+3 || e.End != 100+12 || text[e.Start-100:e.End-100] != e.Text {
		t.Errorf("Find span = [%d,%d) %q", e.Start, e.End, e.Text)
	}
}

func TestFindUnknownLanguage(t *testing.T) {
	got := showAll(testFinder(t).Find("Am 26. April, 28.02.2025.", 0, "xx"))
	if want := "28.02.2025=2025-02-28"; got != want {
		t.Errorf("Find unknown language = %s, want %s", got, want)
	}
}
