package analysis

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"
)

// million builds, once, an index of 1,000,000 generated events: 150
// actors whose activity follows a power law, 2 to 4 actors per event, the
// 16 types, spread over three years.
var million = sync.OnceValue(func() *Index {
	const n = 1_000_000
	rnd := rand.New(rand.NewPCG(1, 2))
	codes := make([]string, 150)
	for i := range codes {
		codes[i] = fmt.Sprintf("C%03d", i)
	}
	types := table.Types()
	ix := newIndex(table, n)
	pick := func() string { // Zipf-like: low indices far more often
		return codes[int(float64(len(codes))*rnd.Float64()*rnd.Float64())]
	}
	var cs []string
	for i := range n {
		cs = cs[:0]
		for range 2 + rnd.IntN(3) {
			cs = append(cs, pick())
		}
		ix.add(fmt.Sprintf("ev_%016x", i), monday2024+int32(rnd.IntN(3*365)), types[rnd.IntN(len(types))], "", cs, 1+rnd.IntN(3))
	}
	return ix
})

func BenchmarkSeries1M(b *testing.B) {
	ix := million()
	b.ResetTimer()
	c0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		if _, err := ix.Series(SeriesOptions{Unit: Week, Split: "type", From: NoDay, To: NoDay}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSurges1M(b *testing.B) {
	ix := million()
	b.ResetTimer()
	c0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		if _, err := ix.Surges(SurgeOptions{Unit: Week, At: NoDay}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBlocs1M(b *testing.B) {
	ix := million()
	b.ResetTimer()
	c0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		if _, err := ix.Blocs(BlocOptions{From: NoDay, To: NoDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the process's user and system CPU time: the benchmarks
// report it per operation (cpu-ms/op) besides the wall time, which a busy
// machine inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
