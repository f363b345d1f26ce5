package link

import (
	"strings"
	"unicode/utf8"
)

// nominativeStem is how many letters a word keeps before an oblique
// ending that nominative replaces.
const nominativeStem = 3

// nominative returns a Russian or Ukrainian name the knowledge base does
// not know in the nominative where its words end in an oblique ending that
// only masculine names and adjectival surnames have ("Рубеном Рамиресом"
// → "Рубен Рамирес"; naming.yaml nominative_endings); other words, and
// names in other languages, stay as written.
func (l *Linker) nominative(name, lang string) string {
	ends := l.kb.Naming.NominativeEndings[lang]
	if len(ends) == 0 || isLatin(name) {
		return name
	}
	words := strings.Split(name, " ")
	changed := false
	for k, w := range words {
		lower := strings.ToLower(w)
		best := ""
		for end := range ends {
			if len(end) > len(best) && strings.HasSuffix(lower, end) &&
				utf8.RuneCountInString(lower)-utf8.RuneCountInString(end) >= nominativeStem {
				best = end
			}
		}
		if best != "" {
			words[k] = w[:len(w)-len(best)] + ends[best]
			changed = true
		}
	}
	if !changed {
		return name
	}
	return strings.Join(words, " ")
}
