package pipeline

import "testing"

// BenchmarkNew measures start-up: loading every data file and building the
// indexes (a `entente link` call pays it once).
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
