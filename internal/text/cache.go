package text

import "entente/internal/memo"

// analysis is what Tokenize computes for one surface form in one language.
type analysis struct {
	norm, stem, key string
}

// cacheSize is the number of surface forms a language's cache holds at
// most (a direct-mapped memo: a new form takes the slot of an old one).
const cacheSize = 1 << 17

// Cache slots: one per language code with data, one for all others.
var cacheSlot = map[string]int{"de": 0, "en": 1, "ru": 2, "uk": 3}

const cacheSlots = 5

// tokenCache remembers analyses of surface forms per language so that
// frequent words are normalised, stemmed and keyed once. Its tables are
// made on first use (newTokenCache).
type tokenCache struct {
	slots [cacheSlots]*memo.Table[*analysis]
}

func newTokenCache() tokenCache {
	var c tokenCache
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
