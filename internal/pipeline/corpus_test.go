package pipeline

import (
	"testing"

	"entente/internal/corpus"
	"entente/internal/model"
)

// BenchmarkProcess measures the whole per-document pipeline, without
// fusion, on generated 3 KB articles in four languages.
func BenchmarkProcess(b *testing.B) {
	p := testPipeline(b)
	docs := corpus.Generate(1000, 1)
	bytes := 0
	for _, d := range docs {
		bytes += len(d)
	}
	b.SetBytes(int64(bytes / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := p.Parser.Parse("b.txt", "b.txt", docs[i%len(docs)], model.Point{})
		p.Process(doc)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestCorpusExtracts(t *testing.T) {
	p := testPipeline(t)
	n := 0
	for _, d := range corpus.Generate(8, 1) {
		r := p.Process(p.Parser.Parse("c.txt", "c.txt", d, model.Point{}))
		n += len(r.Events)
	}
	if n == 0 {
		t.Error("no events from the generated corpus")
	}
}
