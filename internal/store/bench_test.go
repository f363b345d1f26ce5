package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"entente/internal/pipeline"
)

// BenchmarkIngestSQLite measures storing analysed documents (the pipeline's
// work is done before the timer starts) into a SQLite file.
func BenchmarkIngestSQLite(b *testing.B) {
	p := testPipeline(b)
	docs := generated(500)
	res := make([]*pipeline.Result, len(docs))
	for i, d := range docs {
		res[i] = p.Process(p.ParseText(d.name, d.text))
	}
	st, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := res[i%len(res)]
		if i >= len(res) { // a new document each time: vary the text and path
			r.Doc.Text += " "
			r.Doc.Path = fmt.Sprintf("%s#%d", r.Doc.ID, i)
		}
		if _, err := st.Ingest(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
