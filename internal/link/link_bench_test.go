package link_test

import (
	"testing"

	"entente/internal/corpus"
	"entente/internal/link"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// linkBenchDoc is one generated article ready for the linker: its sentences
// (cleaned, language set, tokenised) and its publication date.
type linkBenchDoc struct {
	sents []model.Sentence
	date  model.Point
}

// BenchmarkSentence measures Linker.Sentence over every sentence of
// generated 3 KB articles in four languages (internal/corpus), one article
// per op with a fresh Context, as the pipeline links them. The pipeline only
// prepares the sentences; the linker is built with link.New.
func BenchmarkSentence(b *testing.B) {
	p, err := pipeline.New(pipeline.Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	l := link.New(p.KB, p.Lex, p.Text)
	var docs []linkBenchDoc
	nsent, bytes := 0, 0
	for _, a := range corpus.Generate(200, 1) {
		doc := p.Parser.Parse("b.txt", "b.txt", a, model.Point{})
		p.Clean.Clean(doc)
		p.Lang.Annotate(doc)
		d := linkBenchDoc{sents: p.Text.Sentences(doc), date: doc.Published}
		docs = append(docs, d)
		nsent += len(d.sents)
		bytes += len(a)
	}
	b.SetBytes(int64(bytes / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	mentions := 0
	for i := 0; i < b.N; i++ {
		d := &docs[i%len(docs)]
		ctx := link.NewContext(d.date)
		for j := range d.sents {
			mentions += len(l.Sentence(&d.sents[j], ctx))
		}
	}
	if mentions == 0 {
		b.Fatal("no mentions in the generated articles")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e9/(float64(b.N)*float64(nsent)/float64(len(docs))), "ns/sentence")
}
