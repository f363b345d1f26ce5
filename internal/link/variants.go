package link

import (
	"strings"
	"unicode"

	"entente/internal/kb"
)

// Generated name variants. From a person's native name (Russian or
// Ukrainian, without the patronymic) the linker indexes the other
// language's form of the given name (Сергей → Сергій, data/text/
// given_names.tsv) and the Latin spellings of each in the schemes of
// data/text/romanize.tsv (BGN/PCGN, ISO 9, scholarly, German Duden,
// French); from a Chinese person's pinyin name, its Palladius Cyrillic in
// Russian and Ukrainian (data/text/zh_palladius.tsv); from a Korean
// person's Hangul name, its Kontsevich Cyrillic (data/text/ko_kontsevich.tsv).
// A generated name whose
// keys a typed one already has adds nothing (addList): many spellings meet
// in the Latin key anyway.

// slavicLetters are the letters of Russian and Ukrainian: natives written
// with others (Kazakh Қ, Ұ) are not romanised by these tables.
const slavicLetters = "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя'’-"

// variants returns the generated names of a person.
func (l *Linker) variants(p *kb.Person) []named {
	lang := l.kb.Naming.NativeLanguages[p.State]
	if p.Native == "" || lang == "" {
		return nil
	}
	if lang == "zh" {
		if !hasHan(p.Native) {
			return nil
		}
		if ru, uk, ok := l.an.Palladius(p.Name); ok {
			return []named{{text: ru, gen: "palladius"}, {text: uk, gen: "palladius-uk"}}
		}
		return nil
	}
	if lang == "ko" {
		if ru, uk, ok := l.an.Kontsevich(p.Native); ok {
			return []named{{text: ru, gen: "kontsevich"}, {text: uk, gen: "kontsevich-uk"}}
		}
		return nil
	}
	native, ok := l.slavicNative(p.Native)
	if !ok {
		return nil
	}
	schemes := l.an.RomanSchemes()
	out := []named{{text: native, gen: "native"}}
	if addr, ok := l.address(p.Native); ok {
		// "Александр Григорьевич": the polite address of someone named
		// before, never a name by itself.
		out = append(out, named{text: addr, gen: "address", short: true})
	}
	for i, r := range l.an.Romanize(native, lang) {
		out = append(out, named{text: r, gen: schemes[i]})
	}
	words := strings.Fields(native)
	if len(words) < 2 {
		return out
	}
	other := "uk"
	if lang == "uk" {
		other = "ru"
	}
	o, ok := l.an.OtherGiven(words[0], lang)
	if !ok {
		return out
	}
	form := o + " " + strings.Join(words[1:], " ")
	out = append(out, named{text: form, gen: "given-" + other})
	if other == "ru" {
		// Ukrainians named with the Russian form of their given name in Latin
		// ("Vladimir Zelenskiy"); Russians' Ukrainian forms are Cyrillic only.
		for i, r := range l.an.Romanize(form, "ru") {
			out = append(out, named{text: r, gen: "given-ru " + schemes[i]})
		}
	}
	return out
}

// address returns the given name and patronymic of a native name of three
// words written in Russian or Ukrainian letters ("Александр Григорьевич
// Лукашенко" → "Александр Григорьевич").
func (l *Linker) address(n string) (string, bool) {
	words := strings.Fields(n)
	if len(words) != 3 {
		return "", false
	}
	if _, ok := l.slavicNative(n); !ok {
		return "", false
	}
	for _, e := range l.kb.Naming.PatronymicEndings {
		if strings.HasSuffix(words[1], e) {
			return words[0] + " " + words[1], true
		}
	}
	return "", false
}

// slavicNative returns a native name without its patronymic, when it is
// written in Russian or Ukrainian letters.
func (l *Linker) slavicNative(n string) (string, bool) {
	n = strings.TrimSpace(n)
	hasCyr := false
	for _, r := range strings.ToLower(n) {
		if unicode.IsSpace(r) {
			continue
		}
		if !strings.ContainsRune(slavicLetters, r) {
			return "", false
		}
		hasCyr = true
	}
	if !hasCyr {
		return "", false
	}
	words := strings.Fields(n)
	if len(words) == 3 {
		for _, e := range l.kb.Naming.PatronymicEndings {
			if strings.HasSuffix(words[1], e) {
				words = []string{words[0], words[2]}
				break
			}
		}
	}
	return strings.Join(words, " "), true
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// VariantsAdded counts, by scheme, the generated names the index holds
// because no typed name had their keys.
func (l *Linker) VariantsAdded() map[string]int {
	out := make(map[string]int, len(l.genNew))
	for k, v := range l.genNew {
		out[k] = v
	}
	return out
}
