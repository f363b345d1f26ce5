package text

import (
	"strings"
	"testing"

	"entente/internal/model"
)

// split runs Sentences on paragraphs separated by blank lines and returns
// the sentence texts.
func split(lang string, paras ...string) []string {
	doc := &model.Document{Text: strings.Join(paras, "\n\n"), Lang: lang}
	off := 0
	for _, p := range paras {
		doc.Body = append(doc.Body, model.Span{Start: off, End: off + len(p)})
		off += len(p) + 2
	}
	var out []string
	for _, s := range std().Sentences(doc) {
		out = append(out, doc.Text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		paras []string
		want  []string
	}{
		// German.
		{"de simple", "de", []string{"Der Kanzler reiste ab. Die Ministerin blieb."},
			[]string{"Der Kanzler reiste ab.", "Die Ministerin blieb."}},
		{"ru publication stamp glued to the text", "ru", []string{"События Встреча с министром 12 мая 2025 года 14:30 Москва, Кремль Владимир Путин принял министра."},
			[]string{"События Встреча с министром 12 мая 2025 года 14:30", "Москва, Кремль Владимир Путин принял министра."}},
		{"ru a time in running text", "ru", []string{"Встреча началась 12 мая 2025 года в 14:30 по московскому времени."},
			[]string{"Встреча началась 12 мая 2025 года в 14:30 по московскому времени."}},
		{"de ordinal month", "de", []string{"Am 28. Februar traf er den Präsidenten. Danach flog er heim."},
			[]string{"Am 28. Februar traf er den Präsidenten.", "Danach flog er heim."}},
		{"de ordinal noun", "de", []string{"Im 20. Jahrhundert gab es zwei Kriege."},
			[]string{"Im 20. Jahrhundert gab es zwei Kriege."}},
		{"de ordinal sanctions package", "de", []string{"Die EU beschloss das 16. Sanktionspaket."},
			[]string{"Die EU beschloss das 16. Sanktionspaket."}},
		{"de number ends sentence", "de", []string{"Es kamen 50. Die Polizei war vor Ort."},
			[]string{"Es kamen 50.", "Die Polizei war vor Ort."}},
		{"de abbreviations", "de", []string{"Dr. Weber traf u.a. Vertreter der EU, z. B. aus Polen. Sie sprachen bzw. stritten lange."},
			[]string{"Dr. Weber traf u.a. Vertreter der EU, z. B. aus Polen.", "Sie sprachen bzw. stritten lange."}},
		{"de usw ends", "de", []string{"Es ging um Gas, Öl usw. Danach war Schluss."},
			[]string{"Es ging um Gas, Öl usw.", "Danach war Schluss."}},
		{"de St.", "de", []string{"Er war in St. Petersburg. Dann reiste er weiter."},
			[]string{"Er war in St. Petersburg.", "Dann reiste er weiter."}},
		{"de thousands", "de", []string{"Mehr als 1.000 Soldaten kamen. Sie blieben."},
			[]string{"Mehr als 1.000 Soldaten kamen.", "Sie blieben."}},
		{"de date digits", "de", []string{"Am 28.02.2025 begann das Treffen. Es dauerte."},
			[]string{"Am 28.02.2025 begann das Treffen.", "Es dauerte."}},
		{"de quote", "de", []string{"Er sagte: „Wir sind bereit.“ Dann ging er."},
			[]string{"Er sagte: „Wir sind bereit.“", "Dann ging er."}},
		{"de ordinal at line end", "de", []string{"Das Treffen fand am 28.\nFebruar statt."},
			[]string{"Das Treffen fand am 28.\nFebruar statt."}},
		{"de hyphen at line end", "de", []string{"Der Verteidigungs-\nminister kam."},
			[]string{"Der Verteidigungs-\nminister kam."}},
		// English.
		{"en initials", "en", []string{"Indian Foreign Minister S. Jaishankar met Mr. Wang in Beijing. They talked."},
			[]string{"Indian Foreign Minister S. Jaishankar met Mr. Wang in Beijing.", "They talked."}},
		{"en U.S. mid sentence", "en", []string{"The U.S. and China met on Monday."},
			[]string{"The U.S. and China met on Monday."}},
		{"en U.S. at end", "en", []string{"He flew to the U.S. The talks began."},
			[]string{"He flew to the U.S.", "The talks began."}},
		{"en question and exclamation", "en", []string{"Will they meet? Nobody knows! Maybe."},
			[]string{"Will they meet?", "Nobody knows!", "Maybe."}},
		{"en ellipsis lower", "en", []string{"He said... that was all."},
			[]string{"He said... that was all."}},
		{"en parenthesis", "en", []string{"The ministry (it said in a statement. See below) denied it. Others agreed."},
			[]string{"The ministry (it said in a statement. See below) denied it.", "Others agreed."}},
		{"en lower after period", "en", []string{"It was 5 p.m. on Friday."},
			[]string{"It was 5 p.m. on Friday."}},
		{"en url", "en", []string{"See kremlin.ru for details. Done."},
			[]string{"See kremlin.ru for details.", "Done."}},
		// Russian.
		{"ru initial", "ru", []string{"В. Путин провёл переговоры. Встреча прошла в Кремле."},
			[]string{"В. Путин провёл переговоры.", "Встреча прошла в Кремле."}},
		{"ru initial no space", "ru", []string{"В.Путин : Уважаемый господин Президент! Рад встрече."},
			[]string{"В.Путин : Уважаемый господин Президент!", "Рад встрече."}},
		{"ru abbreviations", "ru", []string{"В 2024 г. было подписано соглашение, т.е. договор. Это важно."},
			[]string{"В 2024 г. было подписано соглашение, т.е. договор.", "Это важно."}},
		{"ru им.", "ru", []string{"Он выступил в МГУ им. Ломоносова. Зал был полон."},
			[]string{"Он выступил в МГУ им. Ломоносова.", "Зал был полон."}},
		{"ru т.д. ends", "ru", []string{"Обсуждали газ, нефть и т.д. Потом разошлись."},
			[]string{"Обсуждали газ, нефть и т.д.", "Потом разошлись."}},
		{"ru dialogue dash", "ru", []string{"«Когда?» – спросил он. Никто не ответил."},
			[]string{"«Когда?» – спросил он.", "Никто не ответил."}},
		{"ru dot in short quoted name", "ru", []string{"Прошла выставка «Иннопром. Центральная Азия». Она удалась."},
			[]string{"Прошла выставка «Иннопром. Центральная Азия».", "Она удалась."}},
		{"ru quote close", "ru", []string{"Он сказал: «Мы готовы». Затем ушёл."},
			[]string{"Он сказал: «Мы готовы».", "Затем ушёл."}},
		// Ukrainian.
		{"uk р.", "uk", []string{"У 2022 р. почалася війна. Вона триває."},
			[]string{"У 2022 р. почалася війна.", "Вона триває."}},
		{"uk ст.", "uk", []string{"Згідно зі ст. 5 договору союзники допомагають. Це відомо."},
			[]string{"Згідно зі ст. 5 договору союзники допомагають.", "Це відомо."}},
		{"uk editorial note", "uk", []string{"\"Міністри (члени Ради ЄС. - Ред.) згодні\", - сказав він. Далі було інше."},
			[]string{"\"Міністри (члени Ради ЄС. - Ред.) згодні\", - сказав він.", "Далі було інше."}},
		// Lines and headlines.
		{"headline then body", "uk", []string{"Барньє: ЄС підтримує угоду", "Представники ЄС підтримують проект угоди. Це важливо."},
			[]string{"Барньє: ЄС підтримує угоду", "Представники ЄС підтримують проект угоди.", "Це важливо."}},
		{"headline line in one span", "ru", []string{"Беседа с Президентом Конго\nСобытия Беседа прошла в Кремле."},
			[]string{"Беседа с Президентом Конго", "События Беседа прошла в Кремле."}},
		{"first line forced", "en", []string{"Talks in Geneva\nresumed on Monday after a pause."},
			[]string{"Talks in Geneva", "resumed on Monday after a pause."}},
		{"title line inside", "en", []string{"He spoke first.\nReactions from Europe\nThe EU welcomed the plan."},
			[]string{"He spoke first.", "Reactions from Europe", "The EU welcomed the plan."}},
		{"wrapped line lower", "en", []string{"He spoke first.\nThe minister said that the talks\nwould continue on Monday."},
			[]string{"He spoke first.", "The minister said that the talks\nwould continue on Monday."}},
		{"line end with final punct", "de", []string{"Erste Zeile endet hier.\nzweite Zeile beginnt klein."},
			[]string{"Erste Zeile endet hier.", "zweite Zeile beginnt klein."}},
		{"comma at line end", "en", []string{"He met the ministers of France,\nGermany and Italy."},
			[]string{"He met the ministers of France,\nGermany and Italy."}},
		{"hard wrapped", "de", []string{"Die Bundesregierung hat am Montag neue Sanktionen gegen\nRussland beschlossen und die Lieferung weiterer Waffen an\nKiew angekündigt, wie ein Sprecher in Berlin mitteilte. Die\nOpposition kritisierte den Beschluss als zu spät gefasst."},
			[]string{"Die Bundesregierung hat am Montag neue Sanktionen gegen\nRussland beschlossen und die Lieferung weiterer Waffen an\nKiew angekündigt, wie ein Sprecher in Berlin mitteilte.", "Die\nOpposition kritisierte den Beschluss als zu spät gefasst."}},
		{"empty body", "en", []string{""}, nil},
		{"trailing spaces trimmed", "en", []string{"  Hello there.  "}, []string{"Hello there."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.lang, tt.paras...)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentenceFields(t *testing.T) {
	text := "Заголовок статті\n\nThe EU met. Росія відповіла."
	doc := &model.Document{
		Text:     text,
		Body:     []model.Span{{Start: 0, End: 31}, {Start: 33, End: len(text)}},
		Lang:     "uk",
		ParaLang: []string{"uk", ""},
	}
	got := std().Sentences(doc)
	if len(got) != 3 {
		t.Fatalf("got %d sentences, want 3", len(got))
	}
	tests := []struct {
		name       string
		s          model.Sentence
		text, lang string
		para       int
	}{
		{"headline", got[0], "Заголовок статті", "uk", 0},
		{"english sentence of uk doc", got[1], "The EU met.", "uk", 1},
		{"ukrainian sentence", got[2], "Росія відповіла.", "uk", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if text[tt.s.Start:tt.s.End] != tt.text || tt.s.Lang != tt.lang || tt.s.Para != tt.para {
				t.Errorf("got %q lang %q para %d, want %q %q %d", text[tt.s.Start:tt.s.End], tt.s.Lang, tt.s.Para, tt.text, tt.lang, tt.para)
			}
			if len(tt.s.Tokens) == 0 || tt.s.Tokens[0].Start != tt.s.Start || tt.s.Tokens[len(tt.s.Tokens)-1].End != tt.s.End {
				t.Errorf("tokens do not span the sentence: %+v", tt.s.Tokens)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "Am 28.\nFebruar. Dr. X. Y", "«Иннопром. Азия». В.Путин: Да!", "a\n\nb. C", "(x. Y) z.\n-\nQ"} {
		f.Add(s, "de")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		doc := &model.Document{Text: s, Lang: lang}
		off := 0
		for _, blk := range strings.Split(s, "\n\n") {
			doc.Body = append(doc.Body, model.Span{Start: off, End: off + len(blk)})
			off += len(blk) + 2
		}
		last := 0
		for i, sn := range std().Sentences(doc) {
			if sn.Start < last || sn.End <= sn.Start || sn.End > len(s) {
				t.Fatalf("sentence %d [%d,%d): bad offsets after %d", i, sn.Start, sn.End, last)
			}
			sp := doc.Body[sn.Para]
			if sn.Start < sp.Start || sn.End > sp.End {
				t.Fatalf("sentence %d [%d,%d) outside its span %+v", i, sn.Start, sn.End, sp)
			}
			if len(sn.Tokens) == 0 || sn.Tokens[0].Start != sn.Start || sn.Tokens[len(sn.Tokens)-1].End != sn.End {
				t.Fatalf("sentence %d: tokens do not span it", i)
			}
			for _, tk := range sn.Tokens {
				if s[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %q != text %q", tk.Text, s[tk.Start:tk.End])
				}
			}
			last = sn.End
		}
	})
}
