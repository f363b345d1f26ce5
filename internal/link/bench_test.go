package link_test

import (
	"testing"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/link"
	"entente/internal/model"
	"entente/internal/text"
)

// lookupNames is a mix of names as lookups meet them: scripts, cases,
// family names alone, states.
var lookupNames = []struct{ name, lang string }{
	{"Ван И", "ru"}, {"Sergej Lawrow", "de"}, {"Зеленського", "uk"}, {"Kim", "en"},
	{"Russland", "de"}, {"Си Цзиньпин", "ru"}, {"Olaf Scholz", "en"}, {"Медведев", "ru"},
}

// BenchmarkLookup measures `kb lookup` candidates with scores, per name.
func BenchmarkLookup(b *testing.B) {
	l, _ := setup(b)
	on := model.Point{Year: 2024, Month: 6, Day: 1}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := lookupNames[i%len(lookupNames)]
		l.Lookup(n.name, n.lang, on)
	}
}

// BenchmarkKBLoad measures loading the embedded knowledge base.
func BenchmarkKBLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := kb.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndex measures building the linker's indexes (with the generated
// name variants) from a loaded knowledge base.
func BenchmarkIndex(b *testing.B) {
	setup(b)
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	an, err := text.New()
	if err != nil {
		b.Fatal(err)
	}
	lx, err := lexicon.Load(an)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		link.New(k, lx, an)
	}
}
