package link

import (
	"sort"
	"strings"
	"testing"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/text"
)

// TestVariantCoverage measures what generation adds: how many typed names
// of persons the Latin key of the canonical name already covers, how many
// more the generated variants cover, and how many generated names bring keys
// no typed name has (by scheme). It fails only if generation covers less
// than the key alone.
func TestVariantCoverage(t *testing.T) {
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	l := New(k, lx, an)
	sig := func(n string) string {
		lang := "en"
		if !isLatin(n) {
			lang = "ru"
		}
		s := strings.Join(l.nameKeys(n, lang, 2), "\x00")
		if !isLatin(n) {
			s = "cyr:" + s
		}
		return s
	}
	var typed, byKey, byGen int
	for _, p := range k.Persons {
		canon := map[string]bool{sig(p.Name): true}
		gen := map[string]bool{sig(p.Name): true}
		for _, v := range l.variants(p) {
			gen[sig(v.text)] = true
		}
		seen := map[string]bool{}
		for _, n := range p.Names.All() {
			s := sig(n)
			if seen[s] {
				continue
			}
			seen[s] = true
			typed++
			if canon[s] {
				byKey++
			}
			if gen[s] {
				byGen++
			}
		}
	}
	added := l.VariantsAdded()
	schemes := make([]string, 0, len(added))
	for s := range added {
		schemes = append(schemes, s)
	}
	sort.Strings(schemes)
	var b strings.Builder
	for _, s := range schemes {
		b.WriteString(" " + s + "=")
		b.WriteString(strings.TrimSpace(strings.Repeat(" ", 0)) + itoa(added[s]))
	}
	t.Logf("typed person names (distinct keys): %d; covered by the canonical name's key: %d; by it and generated variants: %d", typed, byKey, byGen)
	t.Logf("generated names with new keys, by scheme:%s", b.String())
	if byGen < byKey {
		t.Errorf("generation covers %d typed names, less than the key alone (%d)", byGen, byKey)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}
