package api

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"entente/internal/plover"
	"entente/internal/servetest"
	"entente/internal/store"
)

// benchEvents is the size of the benchmarks' database (issue 14's latency
// targets are for 100,000 events).
const benchEvents = 100_000

// benchStore opens a SQLite database of benchEvents generated events,
// built once and kept in the temporary folder for later runs.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("entente-api-bench-%d-v5.db", benchEvents))
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".tmp"
		os.Remove(tmp)
		st, err := store.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := servetest.Generate(ctx, st, benchEvents, servetest.Codes); err != nil {
			b.Fatal(err)
		}
		st.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d events into %s in %v", benchEvents, path, time.Since(start).Round(time.Second))
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// benchRequests times requests made by next, in process (the handler and
// the store, without a network), and reports their p50 and p95.
func benchRequests(b *testing.B, next func(rng *rand.Rand) string) {
	st := benchStore(b)
	mux := http.NewServeMux()
	New(Config{Store: st, Sign: Signs(plover.MustLoad())}).Register(mux)
	rng := rand.New(rand.NewPCG(1, 2))
	var times []time.Duration
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		url := next(rng)
		req := httptest.NewRequest(http.MethodGet, url, nil)
		rec := httptest.NewRecorder()
		t0 := time.Now()
		mux.ServeHTTP(rec, req)
		times = append(times, time.Since(t0))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", url, rec.Code, rec.Body)
		}
	}
	cpu := cpuTime() - cpu0
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	pct := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	// The process's CPU time per request: what a request costs when the
	// machine is busy with other work and wall times stretch.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "cpu-ms/op")
}

// cpuTime returns the CPU time the process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEventsDyadDate: a page of /events for a dyad and a quarter
// (target p95 ≤ 50 ms).
func BenchmarkEventsDyadDate(b *testing.B) {
	benchRequests(b, func(rng *rand.Rand) string {
		a, c := servetest.Codes[rng.IntN(10)], servetest.Codes[rng.IntN(10)]
		for c == a {
			c = servetest.Codes[rng.IntN(10)]
		}
		y, q := 2020+rng.IntN(6), rng.IntN(4)
		return fmt.Sprintf("/api/v1/events?dyad=%s-%s&from=%d-%02d&to=%d-%02d", a, c, y, 3*q+1, y, 3*q+3)
	})
}

// BenchmarkNetworkYear: /network for one year, about 16,700 events
// (target p95 ≤ 200 ms).
func BenchmarkNetworkYear(b *testing.B) {
	benchRequests(b, func(rng *rand.Rand) string {
		y := 2020 + rng.IntN(6)
		return fmt.Sprintf("/api/v1/network?from=%d&to=%d", y, y)
	})
}

// BenchmarkSeriesDyad: /series of a dyad per week over six years (target
// p95 ≤ 50 ms).
func BenchmarkSeriesDyad(b *testing.B) {
	benchRequests(b, func(rng *rand.Rand) string {
		a, c := servetest.Codes[rng.IntN(10)], servetest.Codes[rng.IntN(10)]
		for c == a {
			c = servetest.Codes[rng.IntN(10)]
		}
		return fmt.Sprintf("/api/v1/series?dyad=%s-%s&interval=week", a, c)
	})
}
