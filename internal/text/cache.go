package text

import (
	"sync"
	"sync/atomic"
)

// analysis is what Tokenize computes for one surface form in one language.
type analysis struct {
	norm, stem, key string
}

// cacheCap is how many surface forms a language's cache holds before it is
// emptied.
const cacheCap = 1 << 17

// Cache slots: one per language code with data, one for all others.
var cacheSlot = map[string]int{"de": 0, "en": 1, "ru": 2, "uk": 3}

const cacheSlots = 5

// slotCache is one language's cache: a concurrent map with lock-free reads.
type slotCache struct {
	m sync.Map // string -> *analysis
	n atomic.Int64
}

// tokenCache remembers analyses of surface forms per language so that
// frequent words are normalised, stemmed and keyed once. It is bounded: a
// full language cache is emptied.
type tokenCache struct {
	slots [cacheSlots]slotCache
}

func (c *tokenCache) get(slot int, text string) (*analysis, bool) {
	v, ok := c.slots[slot].m.Load(text)
	if !ok {
		return nil, false
	}
	return v.(*analysis), true
}

func (c *tokenCache) put(slot int, text string, an *analysis) {
	sc := &c.slots[slot]
	if sc.n.Add(1) > cacheCap {
		sc.m.Clear()
		sc.n.Store(0)
	}
	// Clone the key: text is usually a substring of a whole document.
	sc.m.Store(string([]byte(text)), an)
}
