// Package memo is a bounded, lock-free memo of a pure function of strings,
// shared by goroutines: the analyses of words (normalised form, stem, Latin
// key) that every worker looks up for every token.
//
// In: a key and the value a pure function gives for it (Put); out: that
// value again (Get), or a miss. A Table is direct-mapped, like a CPU cache:
// each key has one slot, picked by its hash, and a new key takes the slot
// from the one before. Misses only cost recomputing, memory stays fixed,
// and a hit is a hash, an atomic load and a string comparison — several
// times cheaper than sync.Map, whose interface keys are hashed through
// their type and whose stores contend.
package memo

import (
	"hash/maphash"
	"sync/atomic"
)

// Table memoizes values of type V by string key. The zero Table is not
// usable; make one with New.
type Table[V any] struct {
	seed  maphash.Seed
	mask  uint64
	slots []atomic.Pointer[entry[V]]
}

type entry[V any] struct {
	key string
	val V
}

// New returns a table of at least size slots (rounded up to a power of two).
func New[V any](size int) *Table[V] {
	n := 1
	for n < size {
		n <<= 1
	}
	return &Table[V]{seed: maphash.MakeSeed(), mask: uint64(n - 1), slots: make([]atomic.Pointer[entry[V]], n)}
}

// Get returns the value stored under key, if its slot still holds it.
func (t *Table[V]) Get(key string) (V, bool) {
	e := t.slots[maphash.String(t.seed, key)&t.mask].Load()
	if e == nil || e.key != key {
		var zero V
		return zero, false
	}
	return e.val, true
}

// Put stores val under key, replacing whatever held its slot. The key is
// copied: it is often a substring of a whole document.
func (t *Table[V]) Put(key string, val V) {
	t.slots[maphash.String(t.seed, key)&t.mask].Store(&entry[V]{key: string([]byte(key)), val: val})
}
