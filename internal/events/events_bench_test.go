package events_test

import (
	"testing"

	"entente/internal/corpus"
	"entente/internal/events"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// eventsBenchDoc is one generated article with every input of the event
// extractor: sentences, their mentions and their resolved dates.
type eventsBenchDoc struct {
	doc *model.Document
	in  []events.Input
}

// BenchmarkDocument measures Extractor.Document on generated 3 KB articles
// in four languages (internal/corpus), one article per op. The pipeline
// prepares the inputs (sentences, mentions, dates) once, outside the timer.
func BenchmarkDocument(b *testing.B) {
	p, err := pipeline.New(pipeline.Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	x := events.New(p.Lex, p.KB, events.Options{})
	var docs []eventsBenchDoc
	bytes := 0
	for _, a := range corpus.Generate(200, 1) {
		r := p.Process(p.Parser.Parse("b.txt", "b.txt", a, model.Point{}))
		in := make([]events.Input, len(r.Sentences))
		for i := range r.Sentences {
			in[i] = events.Input{Sent: &r.Sentences[i], Mentions: r.Mentions[i], Dates: r.Dates[i]}
		}
		docs = append(docs, eventsBenchDoc{r.Doc, in})
		bytes += len(a)
	}
	b.SetBytes(int64(bytes / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		d := &docs[i%len(docs)]
		n += len(x.Document(d.doc, d.in))
	}
	if n == 0 {
		b.Fatal("no events in the generated articles")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
