package text

import (
	"strings"
	"testing"

	"entente/internal/model"
)

// benchText is about 3 KB of invented German news prose in the layout of
// real articles: a headline line, then paragraphs one per line.
var benchText = func() string {
	para := []string{
		"Kanzler trifft Präsidenten in Paris",
		"Berlin – Der Bundeskanzler ist am 28. Februar zu Gesprächen mit dem französischen Präsidenten nach Paris gereist. Dabei ging es u.a. um die Unterstützung der Ukraine, die Sanktionen gegen Russland und die Lage im Nahen Osten.",
		"Nach Angaben eines Regierungssprechers sagte Dr. Weber, man habe sich auf ein neues Hilfspaket über 1.000 Millionen Euro verständigt. Die Minister beider Länder sollen die Einzelheiten bis zum 15. März ausarbeiten.",
		"Der russische Außenminister warf dem Westen am Montag vor, den Konflikt zu verlängern. Moskau werde auf neue Strafmaßnahmen „angemessen“ reagieren, sagte er in einer Pressekonferenz.",
		"Die Außenministerin kündigte an, im 2. Quartal nach Kiew zu reisen. Dort will sie mit dem ukrainischen Präsidenten über Luftverteidigung, z. B. weitere Patriot-Systeme, sprechen.",
		"Auch der US-Präsident hatte zuvor weitere Hilfen zugesagt. Washington stelle bis Ende 2025 rund 3,5 Milliarden Dollar bereit, teilte das Weiße Haus mit.",
		"In Brüssel berieten die Botschafter der EU-Staaten unterdessen über das 16. Sanktionspaket. Ungarn und die Slowakei äußerten Bedenken, weil sie Nachteile für ihre Energieversorgung fürchten.",
		"China rief beide Seiten zu Verhandlungen auf. Ein Sprecher des Außenministeriums in Peking sagte, sein Land unterstütze alle Bemühungen, die zu einem dauerhaften Frieden führten.",
		"Der türkische Präsident bot erneut an, Gespräche in Istanbul auszurichten. Die Türkei hatte bereits im Jahr 2022 Verhandlungen zwischen Moskau und Kiew vermittelt.",
		"Die Nato wird ihre Präsenz an der Ostflanke nach Angaben des Generalsekretärs weiter verstärken. Die Verteidigungsminister wollen darüber am 12. Juni in Brüssel beraten.",
	}
	var sb strings.Builder
	for sb.Len() < 3000 {
		for _, p := range para {
			sb.WriteString(p)
			sb.WriteByte('\n')
		}
	}
	return sb.String()[:3000]
}()

func BenchmarkTokenize(b *testing.B) {
	a := std()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		a.Tokenize(benchText, 0, "de")
	}
}

func BenchmarkSentences(b *testing.B) {
	a := std()
	doc := &model.Document{Text: benchText, Body: []model.Span{{Start: 0, End: len(benchText)}}, Lang: "de"}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		a.Sentences(doc)
	}
}

func BenchmarkLatinKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		std().LatinKey("Зеленський")
	}
}

func BenchmarkStemUk(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		std().Stem("uk", "російського")
	}
}

func BenchmarkStemRu(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		std().Stem("ru", "переговорах")
	}
}
