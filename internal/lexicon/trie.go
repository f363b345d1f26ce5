package lexicon

// Trie maps sequences of token keys (stems, Latin keys) to values. It finds
// the longest entry that starts at a token. The zero value is empty and ready;
// a nil *Trie reads as empty (a language without entries).
// A Trie is not safe for concurrent writes; reads after building are safe.
type Trie[V any] struct {
	root node[V]
	size int
}

type node[V any] struct {
	next map[string]*node[V]
	vals []V
}

// Add stores v under the key sequence. Empty sequences are ignored.
func (t *Trie[V]) Add(keys []string, v V) {
	if len(keys) == 0 {
		return
	}
	n := &t.root
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*node[V]{}
		}
		c := n.next[k]
		if c == nil {
			c = &node[V]{}
			n.next[k] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
	t.size++
}

// Len returns the number of entries added.
func (t *Trie[V]) Len() int {
	if t == nil {
		return 0
	}
	return t.size
}

// Longest returns the end (exclusive) and values of the longest entry that
// starts at index start of a sequence of n keys, where key(i) gives key i.
// It returns start, nil when no entry starts there. key may return "" for a
// token that can never be part of an entry.
func (t *Trie[V]) Longest(start, n int, key func(i int) string) (int, []V) {
	if t == nil {
		return start, nil
	}
	return t.root.longest(start, n, start, nil, key)
}

// longest walks on from node cur, which the keys before index from
// reached, and returns the end and values of the longest entry found,
// (end, vals) when none is longer.
func (cur *node[V]) longest(from, n, end int, vals []V, key func(i int) string) (int, []V) {
	for i := from; i < n && cur.next != nil; i++ {
		k := key(i)
		if k == "" {
			break
		}
		c := cur.next[k]
		if c == nil {
			break
		}
		cur = c
		if len(c.vals) > 0 {
			end, vals = i+1, c.vals
		}
	}
	return end, vals
}

// Each calls fn for every entry that starts at index start, shortest first.
func (t *Trie[V]) Each(start, n int, key func(i int) string, fn func(end int, vals []V)) {
	if t == nil {
		return
	}
	cur := &t.root
	for i := start; i < n && cur.next != nil; i++ {
		k := key(i)
		if k == "" {
			return
		}
		c := cur.next[k]
		if c == nil {
			return
		}
		cur = c
		if len(c.vals) > 0 {
			fn(i+1, c.vals)
		}
	}
}

// Singles calls fn with each one-key entry's key and values.
func (t *Trie[V]) Singles(fn func(key string, vals []V)) {
	if t == nil {
		return
	}
	for k, n := range t.root.next {
		if len(n.vals) > 0 {
			fn(k, n.vals)
		}
	}
}
