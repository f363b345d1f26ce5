package memo

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
)

func TestGetPut(t *testing.T) {
	tests := []struct {
		name string
		put  []string
		get  string
		want bool
	}{
		{"empty", nil, "a", false},
		{"stored", []string{"a"}, "a", true},
		{"other key", []string{"a"}, "b", false},
		{"empty key", []string{""}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := New[int](16)
			for _, k := range tc.put {
				m.Put(k, len(k)+1)
			}
			v, ok := m.Get(tc.get)
			if ok != tc.want || ok && v != len(tc.get)+1 {
				t.Errorf("Get(%q) = %d, %v; want hit %v", tc.get, v, ok, tc.want)
			}
		})
	}
}

// TestBounded: more keys than slots never grow the table, and every hit is
// the value stored under that very key.
func TestBounded(t *testing.T) {
	m := New[string](64)
	for i := 0; i < 10000; i++ {
		m.Put(strconv.Itoa(i), "v"+strconv.Itoa(i))
	}
	if m.Len() != 64 {
		t.Fatalf("%d slots, want 64", m.Len())
	}
	hits := 0
	for i := 0; i < 10000; i++ {
		if v, ok := m.Get(strconv.Itoa(i)); ok {
			hits++
			if v != "v"+strconv.Itoa(i) {
				t.Fatalf("Get(%d) = %q", i, v)
			}
		}
	}
	if hits == 0 || hits > 64 {
		t.Errorf("%d hits after 10,000 keys in 64 slots", hits)
	}
}

// TestGrows: a table starts small and doubles as it fills, up to its
// maximum.
func TestGrows(t *testing.T) {
	m := New[int](1 << 14)
	if m.Len() != initialSlots {
		t.Fatalf("new table: %d slots, want %d", m.Len(), initialSlots)
	}
	for i := 0; i < 1<<16; i++ {
		m.Put(strconv.Itoa(i), i)
	}
	if m.Len() != 1<<14 {
		t.Errorf("after 65,536 keys: %d slots, want the maximum %d", m.Len(), 1<<14)
	}
	m.Put("x", 1)
	if v, ok := m.Get("x"); !ok || v != 1 {
		t.Errorf("Get after Put = %d, %v", v, ok)
	}
}

// TestConcurrent runs readers and writers at once (go test -race).
func TestConcurrent(t *testing.T) {
	m := New[string](128)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				k := fmt.Sprint(i % 300)
				if v, ok := m.Get(k); ok && v != k+"!" {
					t.Errorf("Get(%s) = %s", k, v)
					return
				}
				m.Put(k, k+"!")
			}
		}()
	}
	wg.Wait()
}

func BenchmarkGetHit(b *testing.B) {
	m := New[int](1 << 16)
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = "слово" + strconv.Itoa(i)
		m.Put(keys[i], i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Get(keys[i%len(keys)])
	}
}

func BenchmarkSyncMapHit(b *testing.B) {
	var m sync.Map
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = "слово" + strconv.Itoa(i)
		m.Store(keys[i], i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Load(keys[i%len(keys)])
	}
}
