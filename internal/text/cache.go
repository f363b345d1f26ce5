package text

import "entente/internal/memo"

// analysis is what Tokenize computes for one surface form in one language.
type analysis struct {
	norm, stem, key string
}

// cacheSize is the number of surface forms a language's cache holds at
// most (a direct-mapped memo: a new form takes the slot of an old one).
const cacheSize = 1 << 17

// tokenCache remembers analyses of surface forms per language so that
// frequent words are normalised, stemmed and keyed once: one slot per
// language of the registry (by its index), and a last one for all others.
type tokenCache struct {
	slots []*memo.Table[*analysis]
}

func newTokenCache(langs int) tokenCache {
	c := tokenCache{slots: make([]*memo.Table[*analysis], langs+1)}
	for i := range c.slots {
		c.slots[i] = memo.New[*analysis](cacheSize)
	}
	return c
}

func (c *tokenCache) get(slot int, text string) (*analysis, bool) {
	return c.slots[slot].Get(text)
}

func (c *tokenCache) put(slot int, text string, an *analysis) {
	c.slots[slot].Put(text, an)
}
