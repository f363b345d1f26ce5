package corpus

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"
)

// The realistic corpus (Realistic) has the shape of a news archive rather
// than of one busy week: reports fall on dyads with a heavy tail (a few
// pairs of states take thousands of reports, most a handful), over eight
// years of publication dates, and a share of the articles carries no date at
// all. The texts are short and plain; the shape is what the benchmark needs.

// states are the parties of the realistic corpus, most reported first, with
// their names in de, en, ru, uk (the knowledge base's nominatives; the
// matcher stems oblique uses).
var states = []struct {
	code  string
	names [4]string // de, en, ru, uk
}{
	{"RUS", [4]string{"Russland", "Russia", "Россия", "Росія"}},
	{"UKR", [4]string{"Ukraine", "Ukraine", "Украина", "Україна"}},
	{"USA", [4]string{"USA", "United States", "США", "США"}},
	{"CHN", [4]string{"China", "China", "Китай", "Китай"}},
	{"DEU", [4]string{"Deutschland", "Germany", "Германия", "Німеччина"}},
	{"ISR", [4]string{"Israel", "Israel", "Израиль", "Ізраїль"}},
	{"IRN", [4]string{"Iran", "Iran", "Иран", "Іран"}},
	{"TUR", [4]string{"Türkei", "Turkey", "Турция", "Туреччина"}},
	{"FRA", [4]string{"Frankreich", "France", "Франция", "Франція"}},
	{"POL", [4]string{"Polen", "Poland", "Польша", "Польща"}},
	{"BLR", [4]string{"Belarus", "Belarus", "Белоруссия", "Білорусь"}},
	{"GBR", [4]string{"Großbritannien", "United Kingdom", "Великобритания", "Велика Британія"}},
	{"SYR", [4]string{"Syrien", "Syria", "Сирия", "Сирія"}},
	{"JPN", [4]string{"Japan", "Japan", "Япония", "Японія"}},
	{"IND", [4]string{"Indien", "India", "Индия", "Індія"}},
	{"KOR", [4]string{"Südkorea", "South Korea", "Южная Корея", "Південна Корея"}},
	{"PRK", [4]string{"Nordkorea", "North Korea", "Северная Корея", "Північна Корея"}},
	{"ARM", [4]string{"Armenien", "Armenia", "Армения", "Вірменія"}},
	{"AZE", [4]string{"Aserbaidschan", "Azerbaijan", "Азербайджан", "Азербайджан"}},
	{"HUN", [4]string{"Ungarn", "Hungary", "Венгрия", "Угорщина"}},
	{"EGY", [4]string{"Ägypten", "Egypt", "Египет", "Єгипет"}},
	{"SAU", [4]string{"Saudi-Arabien", "Saudi Arabia", "Саудовская Аравия", "Саудівська Аравія"}},
	{"QAT", [4]string{"Katar", "Qatar", "Катар", "Катар"}},
	{"GEO", [4]string{"Georgien", "Georgia", "Грузия", "Грузія"}},
	{"KAZ", [4]string{"Kasachstan", "Kazakhstan", "Казахстан", "Казахстан"}},
	{"ITA", [4]string{"Italien", "Italy", "Италия", "Італія"}},
	{"PAK", [4]string{"Pakistan", "Pakistan", "Пакистан", "Пакистан"}},
	{"MDA", [4]string{"Moldau", "Moldova", "Молдавия", "Молдова"}},
	{"SRB", [4]string{"Serbien", "Serbia", "Сербия", "Сербія"}},
	{"LTU", [4]string{"Litauen", "Lithuania", "Литва", "Литва"}},
	{"FIN", [4]string{"Finnland", "Finland", "Финляндия", "Фінляндія"}},
	{"NOR", [4]string{"Norwegen", "Norway", "Норвегия", "Норвегія"}},
	{"CAN", [4]string{"Kanada", "Canada", "Канада", "Канада"}},
	{"BRA", [4]string{"Brasilien", "Brazil", "Бразилия", "Бразилія"}},
	{"VEN", [4]string{"Venezuela", "Venezuela", "Венесуэла", "Венесуела"}},
	{"CUB", [4]string{"Kuba", "Cuba", "Куба", "Куба"}},
}

// ministers name a state's foreign minister for some of its reports, so that
// events also carry named persons (index 0 of officials: de, en, ru, uk).
var ministers = map[string]int{"RUS": 0, "CHN": 1, "DEU": 2, "USA": 3, "TUR": 4, "IRN": 5}

var realLangs = []string{"de", "en", "ru", "uk"}

// storyTemplates are one report each: %[1]s and %[2]s the parties, %[3]s
// the day ("" when the article's date stands for it).
var storyTemplates = map[string][]string{
	"de": {
		"%[1]s und %[2]s führten %[3]s Gespräche.",
		"%[1]s und %[2]s unterzeichneten %[3]s ein Abkommen über wirtschaftliche Zusammenarbeit.",
		"%[1]s warf %[2]s %[3]s vor, die Waffenruhe zu verletzen.",
		"%[1]s schickte %[3]s humanitäre Hilfe nach %[2]s.",
		"%[1]s drohte %[2]s %[3]s mit Sanktionen.",
	},
	"en": {
		"%[1]s and %[2]s held talks %[3]s.",
		"%[1]s and %[2]s signed an agreement on economic cooperation %[3]s.",
		"%[1]s accused %[2]s of violating the ceasefire %[3]s.",
		"%[1]s sent humanitarian aid to %[2]s %[3]s.",
		"%[1]s threatened %[2]s with sanctions %[3]s.",
	},
	"ru": {
		"%[1]s и %[2]s %[3]s провели переговоры.",
		"%[1]s и %[2]s %[3]s подписали соглашение об экономическом сотрудничестве.",
		"%[1]s %[3]s обвинила %[2]s в нарушении перемирия.",
		"%[1]s %[3]s направила гуманитарную помощь в %[2]s.",
		"%[1]s %[3]s пригрозила %[2]s санкциями.",
	},
	"uk": {
		"%[1]s та %[2]s %[3]s провели переговори.",
		"%[1]s та %[2]s %[3]s підписали угоду про економічну співпрацю.",
		"%[1]s %[3]s звинуватила %[2]s у порушенні перемир'я.",
		"%[1]s %[3]s направила гуманітарну допомогу до %[2]s.",
		"%[1]s %[3]s пригрозила %[2]s санкціями.",
	},
}

// fillers are sentences without parties, dates or triggers.
var fillers = map[string][]string{
	"de": {"Beobachter nannten den Schritt wichtig für die Region.", "Die Lage blieb angespannt.", "Weitere Einzelheiten wurden nicht bekannt."},
	"en": {"Observers called the step important for the region.", "The situation remained tense.", "No further details were given."},
	"ru": {"Наблюдатели назвали этот шаг важным для региона.", "Обстановка оставалась напряженной.", "Подробности не сообщаются."},
	"uk": {"Спостерігачі назвали цей крок важливим для регіону.", "Ситуація залишалася напруженою.", "Подробиці не повідомляються."},
}

var monthNames = map[string][12]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	"uk": {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
}

// dayPhrase writes a day of the month in a language ("on March 5").
func dayPhrase(lang string, d time.Time) string {
	m := monthNames[lang][d.Month()-1]
	switch lang {
	case "de":
		return fmt.Sprintf("am %d. %s", d.Day(), m)
	case "en":
		return fmt.Sprintf("on %s %d", m, d.Day())
	}
	return fmt.Sprintf("%d %s", d.Day(), m)
}

// Shape describes a realistic corpus (Realistic).
type Shape struct {
	From    time.Time // first publication day
	Years   int       // publication days spread over this many years
	Undated float64   // share of articles without a date line
	Zipf    float64   // exponent of the dyads' heavy tail (> 1)
}

// DefaultShape is the benchmark's: 2018 to 2025, one article in ten
// undated, dyads drawn with Zipf exponent 1.2 (the first dyad takes about
// one report in seven).
var DefaultShape = Shape{From: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), Years: 8, Undated: 0.1, Zipf: 1.2}

// dyads returns every pair of states, the most reported first (by the
// product of their ranks).
func dyads() [][2]int {
	var out [][2]int
	for i := range states {
		for j := i + 1; j < len(states); j++ {
			out = append(out, [2]int{i, j})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		return (out[a][0]+1)*(out[a][1]+1) < (out[b][0]+1)*(out[b][1]+1)
	})
	return out
}

// Realistic returns n short news articles of the given shape, deterministic
// for a seed: each reports one to four events between two states of a
// heavy-tailed dyad distribution, in one of four languages, published on a
// day of the shape's years (its "date" line) or undated. About one party in
// five of the six states with a known foreign minister is that minister.
// Each article is unique (its last line numbers it).
func Realistic(n int, seed int64, sh Shape) []string {
	out := make([]string, 0, n)
	EachRealistic(n, seed, sh, func(_ int, text string) { out = append(out, text) })
	return out
}

// EachRealistic hands Realistic's articles to fn one at a time, in order,
// holding none of them: a million articles need no more memory than one.
func EachRealistic(n int, seed int64, sh Shape, fn func(i int, text string)) {
	EachRealisticDated(n, seed, sh, func(i int, _ time.Time, text string) { fn(i, text) })
}

// EachRealisticDated is EachRealistic that also gives each article's
// publication day, the one its date line names (an undated article has
// one too, which its text does not say): to lay a corpus out by date.
func EachRealisticDated(n int, seed int64, sh Shape, fn func(i int, pub time.Time, text string)) {
	r := rand.New(rand.NewSource(seed))
	pairs := dyads()
	zipf := rand.NewZipf(r, sh.Zipf, 1, uint64(len(pairs)-1))
	days := int(sh.From.AddDate(sh.Years, 0, 0).Sub(sh.From).Hours() / 24)
	for i := range n {
		lang := realLangs[r.Intn(4)]
		li := map[string]int{"de": 0, "en": 1, "ru": 2, "uk": 3}[lang]
		pub := sh.From.AddDate(0, 0, r.Intn(days))
		var b strings.Builder
		if r.Float64() >= sh.Undated {
			fmt.Fprintf(&b, "date %s\n\n", pub.Format("2006-01-02"))
		}
		stories := 1 + r.Intn(4)
		for range stories {
			p := pairs[zipf.Uint64()]
			a, c := p[0], p[1]
			if r.Intn(2) == 0 {
				a, c = c, a
			}
			name := func(s int) string {
				if k, ok := ministers[states[s].code]; ok && r.Intn(5) == 0 {
					return officials[lang][k]
				}
				return states[s].names[li]
			}
			day := ""
			if r.Intn(2) == 0 {
				day = dayPhrase(lang, pub.AddDate(0, 0, -r.Intn(3)))
			}
			ts := storyTemplates[lang]
			s := fmt.Sprintf(ts[r.Intn(len(ts))], name(a), name(c), day)
			b.WriteString(strings.ReplaceAll(strings.Join(strings.Fields(s), " "), " .", "."))
			b.WriteByte(' ')
			fs := fillers[lang]
			b.WriteString(fs[r.Intn(len(fs))])
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%s %d.\n", map[string]string{"de": "Meldung", "en": "Item", "ru": "Сообщение", "uk": "Повідомлення"}[lang], i+1)
		fn(i, pub, b.String())
	}
}
