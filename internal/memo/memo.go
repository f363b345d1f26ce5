// Package memo is a bounded, lock-free memo of a pure function of strings,
// shared by goroutines: the analyses of words (normalised form, stem, Latin
// key) that every worker looks up for every token.
//
// In: a key and the value a pure function gives for it (Put); out: that
// value again (Get), or a miss. A Table is direct-mapped, like a CPU cache:
// each key has one slot, picked by its hash, and a new key takes the slot
// from the one before. Misses only cost recomputing, and a hit is a hash,
// an atomic load and a string comparison — several times cheaper than
// sync.Map, whose interface keys are hashed through their type and whose
// stores contend.
//
// A table starts small and doubles (starting empty again) whenever it has
// taken as many values as half its slots, up to its maximum: its slots are
// pointers that every garbage collection scans, so a short run (one
// `entente link`) should not pay for the table a long one needs.
package memo

import (
	"hash/maphash"
	"sync/atomic"
)

// Table memoizes values of type V by string key. The zero Table is not
// usable; make one with New.
type Table[V any] struct {
	seed maphash.Seed
	max  int
	cur  atomic.Pointer[slots[V]]
	puts atomic.Int64 // Puts into cur
}

type slots[V any] struct {
	mask uint64
	s    []atomic.Pointer[entry[V]]
}

type entry[V any] struct {
	key string
	val V
}

// initialSlots is the size a table starts at.
const initialSlots = 1 << 10

// New returns a table that grows to at most max slots (rounded up to a
// power of two).
func New[V any](max int) *Table[V] {
	t := &Table[V]{seed: maphash.MakeSeed(), max: pow2(max)}
	t.cur.Store(newSlots[V](min(initialSlots, t.max)))
	return t
}

func pow2(n int) int {
	p := 1
	for p < n {
		p <<= 1
	}
	return p
}

func newSlots[V any](n int) *slots[V] {
	return &slots[V]{mask: uint64(n - 1), s: make([]atomic.Pointer[entry[V]], n)}
}

// Get returns the value stored under key, if its slot still holds it.
func (t *Table[V]) Get(key string) (V, bool) {
	sl := t.cur.Load()
	e := sl.s[maphash.String(t.seed, key)&sl.mask].Load()
	if e == nil || e.key != key {
		var zero V
		return zero, false
	}
	return e.val, true
}

// Put stores val under key, replacing whatever held its slot. The key is
// copied: it is often a substring of a whole document.
func (t *Table[V]) Put(key string, val V) {
	sl := t.cur.Load()
	sl.s[maphash.String(t.seed, key)&sl.mask].Store(&entry[V]{key: string([]byte(key)), val: val})
	if n := len(sl.s); n < t.max && t.puts.Add(1) > int64(n/2) {
		if t.cur.CompareAndSwap(sl, newSlots[V](2*n)) {
			t.puts.Store(0)
		}
	}
}

// Len returns the number of slots the table has now.
func (t *Table[V]) Len() int { return len(t.cur.Load().s) }
