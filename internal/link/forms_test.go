package link_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"entente/internal/kb"
	"entente/internal/lexicon"
	"entente/internal/link"
	"entente/internal/model"
)

// TestNameForms checks name forms of real news in the four languages: the
// Ukrainian dative in -ові/-еві, lower-case particles opening a family name,
// an initial before a family name (which narrows it to the people whose
// given name it begins), and role phrases whose title is declined. want is
// the id some mention must carry, or "-id" for an id no mention may carry.
func TestNameForms(t *testing.T) {
	tests := []struct {
		name, lang, date, text, want string
	}{
		// The Ukrainian dative of foreign names: -ові, -еві, -єві.
		{"uk dative -ові", "uk", "2024-06-01", "Зеленський подякував Шольцові за підтримку.", "olaf-scholz"},
		{"uk dative title and name", "uk", "2024-06-01", "Зеленський подякував канцлерові Шольцові.", "olaf-scholz"},
		{"uk dative of a president", "uk", "2024-06-01", "Лист надіслали президентові Байденові.", "joe-biden"},
		{"uk dative of a given name -ієві", "uk", "2024-06-01", "Лист надіслали Сергієві Лаврову.", "sergei-lavrov"},
		{"uk dative -ові of a given name", "uk", "2018-06-01", "Слово надали Петрові Порошенку.", "petro-poroshenko"},
		{"uk locative of an -ов name", "uk", "2024-06-01", "Про це сказали Сергієві Лаврові.", "sergei-lavrov"},
		{"ru dative stays", "ru", "2024-06-01", "Зеленский написал Олафу Шольцу.", "olaf-scholz"},
		{"de dative stays", "de", "2024-06-01", "Selenskyj dankte dem Kanzler Olaf Scholz.", "olaf-scholz"},
		{"en name stays", "en", "2024-06-01", "Zelensky thanked Chancellor Olaf Scholz.", "olaf-scholz"},
		// A family name that opens with a lower-case particle.
		{"ru particle first", "ru", "2024-06-01", "Встреча с фон дер Ляйен прошла в Брюсселе.", "ursula-von-der-leyen"},
		{"uk particle first", "uk", "2024-06-01", "Зустріч із фон дер Ляєн відбулася в Брюсселі.", "ursula-von-der-leyen"},
		{"de particle first", "de", "2024-06-01", "Das Treffen mit von der Leyen fand in Brüssel statt.", "ursula-von-der-leyen"},
		{"en particle first", "en", "2024-06-01", "The meeting with von der Leyen took place in Brussels.", "ursula-von-der-leyen"},
		{"ru particle inside a full name", "uk", "2020-06-01", "Президент Австрії Александер Ван дер Беллен прибув.", "alexander-van-der-bellen"},
		// An initial narrows a family name to the people whose given name
		// it begins; the office on the date decides among the rest.
		{"ru initial decides", "ru", "2019-12-01", "Л. Орбан заявил журналистам.", "ludovic-orban"},
		{"ru initial excludes", "ru", "2019-12-01", "Л. Орбан заявил журналистам.", "-viktor-orban"},
		{"uk initial with the leader", "uk", "2019-12-01", "В. Орбан заявив журналістам.", "viktor-orban"},
		{"ru initial on a short family name", "ru", "2025-06-01", "Ж. Аун заявил в Бейруте.", "joseph-aoun"},
		{"ru initial, the other one", "ru", "2016-06-01", "М. Аун заявил в Бейруте.", "michel-aoun"},
		{"ru initial decides a family", "ru", "2023-06-01", "М. Деби заявил журналистам.", "mahamat-deby"},
		{"uk initial in genitive", "uk", "2024-06-01", "Заява О. Шольца пролунала в Берліні.", "olaf-scholz"},
		{"en initial decides", "en", "2019-12-01", "L. Orban told reporters.", "ludovic-orban"},
		{"de initial decides", "de", "2019-12-01", "L. Orban sagte vor Journalisten.", "-viktor-orban"},
		{"ru two initials", "ru", "2024-06-01", "В. В. Путин провёл совещание.", "vladimir-putin"},
		{"en a middle initial is no initial", "en", "2024-06-01", "Gen. Charles Q. Brown met the chiefs.", "charles-q-brown"},
		{"en an abbreviation is no initial", "en", "2024-06-01", "The U.S. Biden administration said.", "joe-biden"},
		{"ru an initial after a title", "ru", "2024-06-01", "Канцлер О. Шольц прибыл в Киев.", "olaf-scholz"},
		// Russian given names in -ий decline in -ия, -ию, -ием, -ии.
		{"ru instrumental of a name in -ий", "ru", "2025-04-22", "Встреча с Патриархом Сербским Порфирием прошла в Кремле.", "porfirije"},
		{"ru genitive of a name in -ий", "ru", "2025-04-22", "Слова Патриарха Порфирия прозвучали в Кремле.", "porfirije"},
		// Given name and patronymic: the address of someone named before.
		{"ru address after the full name", "ru", "2025-03-13", "Рад приветствовать Александра Григорьевича Лукашенко. Это первый визит Александра Григорьевича после выборов.", "alexander-lukashenko"},
		{"ru address is no place", "ru", "2025-03-13", "Рад приветствовать Александра Григорьевича Лукашенко. Это первый визит Александра Григорьевича после выборов.", "-place:alexandria"},
		// A common word that declines like a family name needs context.
		{"uk adjective is no family name", "uk", "2018-11-20", "Головний переговірник ЄС Мішель Барньє заявив це.", "-szymon-holownia"},
		// Cyrillic forms of a KB name.
		{"uk Hebrew name in Cyrillic", "uk", "2021-01-20", "Міністр охорони здоров'я Ізраїлю Йоель Едельштейн спростував інформацію.", "yuli-edelstein"},
		{"ru Hebrew name in Cyrillic", "ru", "2021-01-20", "Министр здравоохранения Израиля Юлий Эдельштейн опроверг это.", "yuli-edelstein"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, all := linksTo(mentions(t, tt.lang, tt.date, tt.text), strings.TrimPrefix(tt.want, "-"))
			if neg := strings.HasPrefix(tt.want, "-"); found == neg {
				t.Errorf("%q on %s: want %s, got %v", tt.text, tt.date, tt.want, all)
			}
		})
	}
}

// TestTitleTimes checks titles after a time word: "then" names the holder
// on the date the text speaks of when that is not the document's own date,
// and nobody by the title alone otherwise; "former" never names the holder
// on the date. doc is the document's date, speaks the date of the sentence
// (the paragraph's date, as the pipeline sets it).
func TestTitleTimes(t *testing.T) {
	tests := []struct {
		name, lang, doc, speaks, text, want string
	}{
		{"ru then, another time", "ru", "2024-06-01", "2015-07-14", "Тогдашний госсекретарь США прибыл в Вену.", "john-kerry"},
		{"ru then, no other time", "ru", "2024-06-01", "2024-06-01", "Тогдашний госсекретарь США прибыл в Вену.", "-antony-blinken"},
		{"uk then, another time", "uk", "2024-06-01", "2015-07-14", "Тодішній держсекретар США прибув до Відня.", "john-kerry"},
		{"uk then, no other time", "uk", "2024-06-01", "2024-06-01", "Тодішній держсекретар США прибув до Відня.", "-antony-blinken"},
		{"de then, another time", "de", "2024-06-01", "2015-07-14", "Der damalige US-Außenminister kam nach Wien.", "john-kerry"},
		{"de then, no other time", "de", "2024-06-01", "2024-06-01", "Der damalige US-Außenminister kam nach Wien.", "-antony-blinken"},
		{"en then, another time", "en", "2024-06-01", "2015-07-14", "The then US Secretary of State arrived in Vienna.", "john-kerry"},
		{"en then-, no other time", "en", "2024-06-01", "2024-06-01", "Then-US Secretary of State arrived in Vienna.", "-antony-blinken"},
		{"en then with a name", "en", "2024-06-01", "2024-06-01", "The then US Secretary of State John Kerry arrived in Vienna.", "john-kerry"},
		{"en former", "en", "2024-06-01", "2024-06-01", "The former US Secretary of State arrived in Vienna.", "-antony-blinken"},
		{"ru former", "ru", "2024-06-01", "2024-06-01", "Бывший госсекретарь США прибыл в Вену.", "-antony-blinken"},
		{"ru ex- with a name", "ru", "2024-06-01", "2024-06-01", "Экс-госсекретарь США Джон Керри прибыл в Вену.", "john-kerry"},
		{"uk former", "uk", "2024-06-01", "2024-06-01", "Колишній держсекретар США прибув до Відня.", "-antony-blinken"},
		{"de former", "de", "2024-06-01", "2024-06-01", "Der frühere US-Außenminister kam nach Wien.", "-antony-blinken"},
		{"ru no time word", "ru", "2024-06-01", "2024-06-01", "Госсекретарь США прибыл в Вену.", "antony-blinken"},
	}
	l, an := setup(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := model.ParsePoint(tt.doc)
			speaks, _ := model.ParsePoint(tt.speaks)
			ctx := link.NewContext(doc)
			ctx.Date = speaks
			d := &model.Document{ID: "t", Text: tt.text, Body: []model.Span{{Start: 0, End: len(tt.text)}}, Lang: tt.lang}
			var all []string
			found := false
			for _, s := range an.Sentences(d) {
				for _, m := range l.Sentence(&s, ctx) {
					all = append(all, m.Text+"="+m.ID+"/"+m.Code+" ("+strings.Join(m.Why, "; ")+")")
					if m.ID == strings.TrimPrefix(tt.want, "-") {
						found = true
					}
				}
			}
			if neg := strings.HasPrefix(tt.want, "-"); found == neg {
				t.Errorf("%q (document %s, text of %s): want %s, got %v", tt.text, tt.doc, tt.speaks, tt.want, all)
			}
		})
	}
}

// TestTitleAroundAdjective checks titles of several words with the state's
// adjective inside ("глава Российского государства").
func TestTitleAroundAdjective(t *testing.T) {
	tests := []struct{ name, lang, date, text, want string }{
		{"ru head of the Russian state", "ru", "2025-04-11", "Глава Российского государства провёл встречу в Кремле.", "vladimir-putin"},
		{"ru genitive", "ru", "2025-04-11", "Встреча главы Российского государства прошла в Кремле.", "vladimir-putin"},
		{"uk head of the Ukrainian state", "uk", "2024-06-01", "Глава української держави провів зустріч у Києві.", "volodymyr-zelensky"},
		{"ru head of the French state", "ru", "2024-06-01", "Глава французского государства прибыл в Берлин.", "emmanuel-macron"},
		{"ru adjective before the title stays", "ru", "2024-06-01", "Российский министр обороны прибыл в Минск.", "andrei-belousov"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, all := linksTo(mentions(t, tt.lang, tt.date, tt.text), tt.want)
			if !found {
				t.Errorf("%q on %s: want %s, got %v", tt.text, tt.date, tt.want, all)
			}
		})
	}
}

// TestLatinOnlyEntry checks that a person whom a knowledge-base overlay
// names only in Latin letters is found in Cyrillic text: German st, sp,
// ei and eu are written шт, шп, ай and ой there.
func TestLatinOnlyEntry(t *testing.T) {
	dir := t.TempDir()
	overlay := filepath.Join(dir, "people.yaml")
	entry := `- id: test-steinwald
  name: Gerhard Steinwald
  state: DEU
  names:
    en: [Gerhard Steinwald]
- id: test-edelsheim
  name: Ruth Edelsheim
  state: ISR
  names:
    en: [Ruth Edelsheim]
`
	if err := os.WriteFile(overlay, []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load(overlay)
	if err != nil {
		t.Fatal(err)
	}
	_, an := setup(t)
	lx, err := lexicon.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	l := link.New(k, lx, an)
	tests := []struct{ lang, text, want string }{
		{"ru", "Министр Герхард Штайнвальд прибыл в Вену.", "test-steinwald"},
		{"uk", "Міністр Герхард Штайнвальд прибув до Відня.", "test-steinwald"},
		{"ru", "Рут Эдельсхайм прибыла в Вену.", "test-edelsheim"},
		{"de", "Gerhard Steinwald kam nach Wien.", "test-steinwald"},
	}
	for _, tt := range tests {
		d := &model.Document{ID: "t", Text: tt.text, Body: []model.Span{{Start: 0, End: len(tt.text)}}, Lang: tt.lang}
		var all []string
		found := false
		for _, s := range an.Sentences(d) {
			for _, m := range l.Sentence(&s, link.NewContext(model.Point{Year: 2030})) {
				all = append(all, m.Text+"="+m.ID)
				found = found || m.ID == strings.TrimPrefix(tt.want, "-")
			}
		}
		if neg := strings.HasPrefix(tt.want, "-"); found == neg {
			t.Errorf("%q: want %s, got %v", tt.text, tt.want, all)
		}
	}
}

// TestDeclinedKBNames declines every two-word Russian and Ukrainian name
// of the knowledge base whose words end in a consonant (given name and
// family name of the masculine declension, family names in -ов, -ев, -ин
// aside) into the genitive, dative, instrumental and locative, and checks
// that each form links to its person: "Джимом Мэттисом" is Jim Mattis,
// though "Джим" ends in the instrumental -им.
func TestDeclinedKBNames(t *testing.T) {
	l, an := setup(t)
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	const consonants = "бвгджзклмнпрстфхцчшщ"
	total := 0
	for _, p := range k.Persons {
		for _, lang := range []string{"ru", "uk"} {
			for _, n := range p.Names[lang] {
				w := strings.Fields(n)
				if len(w) != 2 || strings.ToLower(w[0]) == w[0] {
					continue
				}
				g, f := w[0], w[1]
				lg, _ := utf8.DecodeLastRuneInString(g)
				lf, _ := utf8.DecodeLastRuneInString(f)
				if !strings.ContainsRune(consonants, lg) || !strings.ContainsRune(consonants, lf) {
					continue
				}
				if strings.HasSuffix(f, "ов") || strings.HasSuffix(f, "ев") || strings.HasSuffix(f, "ин") || strings.HasSuffix(f, "ін") {
					continue
				}
				forms := []string{g + "а " + f + "а", g + "у " + f + "у", g + "ом " + f + "ом", g + "е " + f + "е"}
				if lang == "uk" {
					forms = []string{g + "а " + f + "а", g + "ові " + f + "ові", g + "ом " + f + "ом", g + "у " + f + "у"}
				}
				for _, form := range forms {
					total++
					txt := "Встреча с " + form + " прошла."
					d := &model.Document{ID: "t", Text: txt, Body: []model.Span{{Start: 0, End: len(txt)}}, Lang: lang}
					found := false
					for _, s := range an.Sentences(d) {
						for _, m := range l.Sentence(&s, link.NewContext(model.Point{Year: 2024, Month: 6, Day: 1})) {
							found = found || m.ID == p.ID
						}
					}
					if !found {
						t.Errorf("%s %q: not linked to %s", lang, form, p.ID)
					}
				}
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d forms tried", total)
	}
}

// linksTo reports whether one of the mentions links to the entity id, and
// lists them all for the failure message.
func linksTo(ms []model.Mention, id string) (bool, []string) {
	var all []string
	found := false
	for _, m := range ms {
		all = append(all, m.Text+"="+m.ID+"/"+m.Code+" ("+strings.Join(m.Why, "; ")+")")
		if m.ID == id {
			found = true
		}
	}
	return found, all
}

// TestUnknownNameNominative: a person the knowledge base does not know is
// named in the nominative where the text's ending is one only masculine
// names have; a known given name and a different family name are not a
// known person; "-ая" of a state in -ай is its genitive ("Парагвая").
func TestUnknownNameNominative(t *testing.T) {
	tests := []struct {
		lang, text, wantName string
	}{
		{"ru", "с министром иностранных дел Парагвая Рубеном Рамиресом", "Рубен Рамирес"},
		{"uk", "з міністром закордонних справ Парагваю Рубеном Раміресом", "Рубен Рамірес"},
		{"uk", "з послом Польщі Ярославом Ковальським", "Ярослав Ковальський"},
		{"ru", "с послом Польши Ярославом Ковальским", "Ярослав Ковальский"},
		// Endings that nominatives have too stay as written.
		{"ru", "министра иностранных дел Парагвая Рубена Рамиреса", "Рубена Рамиреса"},
	}
	for _, tt := range tests {
		ms := mentions(t, tt.lang, "2024-05-10", tt.text)
		found := false
		for _, m := range ms {
			if m.Kind == model.KindPerson {
				found = true
				if m.ID != "" || m.Name != tt.wantName {
					t.Errorf("%q: person %q (id %q, %v), want unknown %q", tt.text, m.Name, m.ID, m.Why, tt.wantName)
				}
			}
		}
		if !found {
			_, all := linksTo(ms, "")
			t.Errorf("%q: no person; mentions %v", tt.text, all)
		}
	}
	for s, id := range map[string]string{"переговоры с делегацией Парагвая": "state:PRY", "посол Уругвая": "state:URY"} {
		if ok, all := linksTo(mentions(t, "ru", "2024-05-10", s), id); !ok {
			t.Errorf("%q: %s not linked: %v", s, id, all)
		}
	}
}

// TestPastTenseIsNoTitle: a title's word plus a past-tense ending is a
// verb ("Україна послала": sent), not the title ("посла", the
// ambassador's genitive); the title's own cases still are titles.
func TestPastTenseIsNoTitle(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		person     bool
	}{
		{"uk", "Україна послала гуманітарну допомогу до Туреччини.", false},
		{"uk", "Росія послала війська до Сирії.", false},
		{"ru", "Россия послала войска в Сирию.", false},
		{"uk", "Зустріч із послом Польщі відбулася.", true},
		{"ru", "Встреча с послом Польши состоялась.", true},
	} {
		ms := mentions(t, tt.lang, "2024-05-10", tt.text)
		got := false
		for _, m := range ms {
			got = got || m.Kind == model.KindPerson
		}
		if got != tt.person {
			_, all := linksTo(ms, "")
			t.Errorf("%q: a person = %v, want %v: %v", tt.text, got, tt.person, all)
		}
	}
}

// TestClosestLengthAlias: "Нигерии" shares its key with Niger and Nigeria;
// the alias as long as the word (Нигерия) is meant, the clearly shorter
// one (Нигер) is not; where both are as near ("Нигера") nothing is linked.
func TestClosestLengthAlias(t *testing.T) {
	for _, tt := range []struct{ text, id string }{
		{"министры Нигерии", "state:NGA"},
		{"министры Нигерия", "state:NGA"},
		{"министры Нигер", "state:NER"},
		{"министри Нігерії", "state:NGA"},
	} {
		if ok, all := linksTo(mentions(t, "ru", "2024-05-10", tt.text), tt.id); !ok {
			t.Errorf("%q: %s not linked: %v", tt.text, tt.id, all)
		}
	}
	ms := mentions(t, "ru", "2024-05-10", "министры Нигера")
	if ok, all := linksTo(ms, "state:NGA"); ok {
		t.Errorf("\"министры Нигера\" (Niger's genitive) linked to Nigeria: %v", all)
	}
}

// TestDeclinedStateNames: cases of state names whose stems differ from the
// nominative's ("Вьетнам" stems to "вьетн", its cases to "вьетнам") link.
func TestDeclinedStateNames(t *testing.T) {
	for text, id := range map[string]string{
		"министры Вьетнама":       "state:VNM",
		"переговоры с Вьетнамом":  "state:VNM",
		"міністри В'єтнаму":       "state:VNM",
		"министры Новой Зеландии": "state:NZL",
		"посол Южной Кореи":       "state:KOR",
		"визит в Южную Корею":     "state:KOR",
		// A nominative ending in the letters of an oblique ending
		// ("Газпром": -ом) keeps the word whole in its other cases.
		"у Газпромі заявили": "body:gazprom",
		"в Газпроме заявили": "body:gazprom",
		"с Газпромом":        "body:gazprom",
	} {
		if ok, all := linksTo(mentions(t, "ru", "2024-05-10", text), id); !ok {
			t.Errorf("%q: %s not linked: %v", text, id, all)
		}
	}
}
