// Package corpus generates news-like articles for benchmarks and tests:
// four languages, about 3 KB each, with a realistic density of officials,
// capitals, dates and event triggers. The templates were written for
// entente; the output is deterministic for a seed.
package corpus

import (
	"fmt"
	"math/rand"
	"strings"
)

// Templates for generated articles, written for the benchmark: %[1]s and
// %[2]s are officials, %[3]s a day of the month, %[4]s a capital.
var templates = map[string][]string{
	"de": {
		"Der Außenminister %[1]s ist am %[3]s. März in %[4]s mit %[2]s zusammengetroffen.",
		"Die beiden Politiker berieten über die Zusammenarbeit ihrer Länder und die Lage in der Region.",
		"%[1]s warf der Regierung in %[4]s vor, die Gespräche zu verzögern.",
		"Am %[3]s. März unterzeichneten %[1]s und %[2]s ein Abkommen über wirtschaftliche Zusammenarbeit.",
		"Beobachter erwarten, dass %[2]s im Mai zu einem Gegenbesuch reisen wird.",
	},
	"en": {
		"Foreign minister %[1]s met %[2]s in %[4]s on March %[3]s.",
		"The two officials discussed trade, energy and the security situation in the region.",
		"%[1]s accused the government in %[4]s of delaying the talks.",
		"On March %[3]s, %[1]s and %[2]s signed an agreement on economic cooperation.",
		"Analysts expect %[2]s to pay a return visit in May.",
	},
	"ru": {
		"Министр иностранных дел %[1]s %[3]s марта в %[4]s провел переговоры с %[2]s.",
		"Стороны обсудили сотрудничество в области торговли и энергетики.",
		"%[1]s обвинил власти в затягивании переговоров.",
		"%[3]s марта %[1]s и %[2]s подписали соглашение об экономическом сотрудничестве.",
		"Ожидается, что %[2]s посетит страну с ответным визитом в мае.",
	},
	"uk": {
		"Міністр закордонних справ %[1]s %[3]s березня у %[4]s провів переговори з %[2]s.",
		"Сторони обговорили співпрацю у сфері торгівлі та енергетики.",
		"%[1]s звинуватив владу у затягуванні переговорів.",
		"%[3]s березня %[1]s та %[2]s підписали угоду про економічну співпрацю.",
		"Очікується, що %[2]s відвідає країну з візитом у травні.",
	},
}

var officials = map[string][]string{
	"de": {"Sergej Lawrow", "Wang Yi", "Annalena Baerbock", "Antony Blinken", "Hakan Fidan", "Abbas Araghchi"},
	"en": {"Sergei Lavrov", "Wang Yi", "Annalena Baerbock", "Antony Blinken", "Hakan Fidan", "Abbas Araghchi"},
	"ru": {"Сергей Лавров", "Ван И", "Анналена Бербок", "Энтони Блинкен", "Хакан Фидан", "Аббас Аракчи"},
	"uk": {"Сергій Лавров", "Ван І", "Анналена Бербок", "Ентоні Блінкен", "Хакан Фідан", "Аббас Аракчі"},
}

var capitals = map[string][]string{
	"de": {"Moskau", "Peking", "Berlin", "Ankara"},
	"en": {"Moscow", "Beijing", "Berlin", "Ankara"},
	"ru": {"Москве", "Пекине", "Берлине", "Анкаре"},
	"uk": {"Москві", "Пекіні", "Берліні", "Анкарі"},
}

// fill puts args into a template's %[1]s, %[2]s, …: a template may leave
// some of them out, where fmt would append "%!(EXTRA …)" to the text.
func fill(t string, args ...string) string {
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		pairs = append(pairs, fmt.Sprintf("%%[%d]s", i+1), a)
	}
	return strings.NewReplacer(pairs...).Replace(t)
}

// Generate returns n generated articles of about 3 KB, deterministic for a
// seed. Each starts with a "date" metadata line.
func Generate(n int, seed int64) []string {
	r := rand.New(rand.NewSource(seed))
	langs := []string{"de", "en", "ru", "uk"}
	out := make([]string, n)
	for i := range out {
		lang := langs[i%4]
		var b strings.Builder
		fmt.Fprintf(&b, "date 2024-03-%02d\n", 20+r.Intn(9))
		for b.Len() < 3000 {
			for _, t := range templates[lang] {
				os := officials[lang]
				a, c := os[r.Intn(len(os))], os[r.Intn(len(os))]
				b.WriteString(fill(t, a, c, fmt.Sprint(1+r.Intn(19)), capitals[lang][r.Intn(4)]))
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		out[i] = b.String()
	}
	return out
}
