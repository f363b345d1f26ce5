package text

import "sync"

// analysis is what Tokenize computes for one surface form in one language.
type analysis struct {
	norm, stem, key string
}

const (
	cacheShards   = 32
	cacheShardCap = 4096 // entries per shard before it is emptied
)

// Cache slots: one per language code with data, one for all others.
var cacheSlot = map[string]int{"de": 0, "en": 1, "ru": 2, "uk": 3}

const cacheSlots = 5

type cacheShard struct {
	mu sync.RWMutex
	m  map[string]analysis
}

// tokenCache remembers analyses of surface forms per language so that
// frequent words are normalised, stemmed and keyed once. It is bounded: a
// full shard is emptied.
type tokenCache struct {
	shards [cacheSlots][cacheShards]cacheShard
}

func (c *tokenCache) init() {
	for i := range c.shards {
		for j := range c.shards[i] {
			c.shards[i][j].m = make(map[string]analysis, 64)
		}
	}
}

func shardOf(s string) int {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return int(h % cacheShards)
}

func (c *tokenCache) get(slot int, text string) (analysis, bool) {
	sh := &c.shards[slot][shardOf(text)]
	sh.mu.RLock()
	an, ok := sh.m[text]
	sh.mu.RUnlock()
	return an, ok
}

func (c *tokenCache) put(slot int, text string, an analysis) {
	sh := &c.shards[slot][shardOf(text)]
	sh.mu.Lock()
	if len(sh.m) >= cacheShardCap {
		clear(sh.m)
	}
	// Clone the key: text is usually a substring of a whole document.
	sh.m[string([]byte(text))] = an
	sh.mu.Unlock()
}
