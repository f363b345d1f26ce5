package clean

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"entente/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// cleanText parses text, cleans it and returns the kept spans' texts.
func cleanText(c *Cleaner, text string) []string {
	doc := parser.Parse("t", "t", text, model.Point{})
	c.Clean(doc)
	var out []string
	for _, s := range doc.Body {
		out = append(out, doc.Text[s.Start:s.End])
	}
	return out
}

func TestClean(t *testing.T) {
	c := newCleaner(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Whole boilerplate lines.
		{"uk comment counter line", "Уряд ухвалив рішення.\nКоментарі — 0", []string{"Уряд ухвалив рішення."}},
		{"ru comment counter with count", "Правительство приняло решение.\n\nКомментарии (3)", []string{"Правительство приняло решение."}},
		{"ru comment button", "Министр заявил об этом во вторник.\nКомментировать", []string{"Министр заявил об этом во вторник."}},
		{"de read also alone", "Der Minister reiste nach Paris.\n\nLesen Sie auch\n\nDort traf er seinen Amtskollegen.", []string{"Der Minister reiste nach Paris.", "Dort traf er seinen Amtskollegen."}},
		{"de read also with headline", "Erster Satz.\nLesen Sie auch: Kanzler reist nach Kiew\nZweiter Satz.", []string{"Erster Satz.", "Zweiter Satz."}},
		{"en read also with headline", "The talks ended.\nRead also: Ministers meet in Brussels\nA deal is expected.", []string{"The talks ended.", "A deal is expected."}},
		{"ru read also", "Переговоры завершились.\nЧитайте также: Лавров прибыл в Анкару", []string{"Переговоры завершились."}},
		{"uk read also", "Переговори завершилися.\nЧитайте також: Кулеба прибув до Варшави", []string{"Переговори завершилися."}},
		{"share buttons in many languages", "Text.\nShare\nTeilen\nПоделиться\nПоділитися\nFacebook Twitter E-Mail", []string{"Text."}},
		{"ru subscribe", "Новость.\nПодписывайтесь на наш канал в Telegram", []string{"Новость."}},
		{"en subscribe", "News.\n\nSubscribe", []string{"News."}},
		{"ru photo credit", "Фото: РИА Новости\nПутин провел встречу.", []string{"Путин провел встречу."}},
		{"de photo credit", "Foto: APA/Hans Muster\nDer Kanzler sprach.", []string{"Der Kanzler sprach."}},
		{"lone video label", "Video\n\nDer Kanzler sprach.", []string{"Der Kanzler sprach."}},
		{"advertisement labels", "Advertisement\nAnzeige\nРеклама\nThe minister spoke.", []string{"The minister spoke."}},
		{"en cookies", "We use cookies to improve your experience. By using this site you agree.\nThe minister spoke.", []string{"The minister spoke."}},
		{"ru cookies", "Мы используем файлы cookie, чтобы сайт работал лучше.\nМинистр выступил.", []string{"Министр выступил."}},
		{"de we reported", "Die Regierung trat zurück.\nWir berichteten.", []string{"Die Regierung trat zurück."}},
		// Teasers pointing to other coverage, and facts that look alike.
		{"ru teaser", "Текст статьи.\nНапомним, ранее мы писали про обсуждение мирного соглашения для Украины.", []string{"Текст статьи."}},
		{"uk teaser", "Текст.\nНагадаємо, раніше ми писали про переговори у Стамбулі.", []string{"Текст."}},
		{"en teaser", "Text.\nEarlier we reported on the summit in Vilnius.", []string{"Text."}},
		{"uk reminder of a fact stays", "Нагадаємо, уряд ухвалив рішення про підвищення тарифів 1 травня.", []string{"Нагадаємо, уряд ухвалив рішення про підвищення тарифів 1 травня."}},
		{"ru we wrote that: a fact stays", "Текст.\nРанее мы писали о том, что Россия передала Ирану ракеты.", []string{"Текст.\nРанее мы писали о том, что Россия передала Ирану ракеты."}},
		{"ru reminder of a fact stays", "Напомним, 12 марта Россия и Китай подписали соглашение.", []string{"Напомним, 12 марта Россия и Китай подписали соглашение."}},
		// Tails and heads inside a line.
		{"uk counter glued to last sentence", "Путін поїде до Китаю у травні. Коментарі — 0", []string{"Путін поїде до Китаю у травні."}},
		{"de share tail after sentence", "Die Gespräche dauern an. Teilen Kommentieren", []string{"Die Gespräche dauern an."}},
		{"ru photo credit after sentence", "Встреча прошла в Кремле. Фото: пресс-служба Кремля", []string{"Встреча прошла в Кремле."}},
		{"en read also after sentence", "The ministers met on Monday. Read also: EU sanctions", []string{"The ministers met on Monday."}},
		{"consent notice inside a line", "Video Ich möchte eingebundene Social Media Inhalte sehen. Hierbei werden Daten übertragen. Inhalt erlauben\n\nDer Gipfel endete.", []string{"Der Gipfel endete."}},
		{"consent notice between sentences", "Der Gipfel begann. Ich möchte eingebundene Inhalte sehen. Inhalt erlauben Er endete am 3. Juli.", []string{"Der Gipfel begann.", "Er endete am 3. Juli."}},
		{"head label before sentence", "Advertisement The ministers met on Monday.", []string{"The ministers met on Monday."}},
		{"dropped line splits a block", "Erste Zeile.\nTeilen\nZweite Zeile.", []string{"Erste Zeile.", "Zweite Zeile."}},
		// Real sentences with pattern words in them stay.
		{"de teilen in a sentence", "Die Minister teilen die Sorge über die Lage.", []string{"Die Minister teilen die Sorge über die Lage."}},
		{"de teilen at sentence end", "Beide Länder wollen die Kosten teilen.", []string{"Beide Länder wollen die Kosten teilen."}},
		{"de Kommentar in a sentence", "In einem Kommentar kritisierte die Zeitung den Kanzler.", []string{"In einem Kommentar kritisierte die Zeitung den Kanzler."}},
		{"de Anzeige as a word", "Anzeige gegen Unbekannt wurde erstattet.", []string{"Anzeige gegen Unbekannt wurde erstattet."}},
		{"en share as a noun", "Share prices fell after the sanctions. Video footage showed the strike.", []string{"Share prices fell after the sanctions. Video footage showed the strike."}},
		{"ru Реклама as a subject", "Реклама в соцсетях запрещена с 1 марта.", []string{"Реклама в соцсетях запрещена с 1 марта."}},
		{"ru attribution stays", "Об этом сообщает «Example» со ссылкой на ISW", []string{"Об этом сообщает «Example» со ссылкой на ISW"}},
		{"uk comments in a sentence", "Коментарі експертів свідчать про зміну курсу.", []string{"Коментарі експертів свідчать про зміну курсу."}},
		{"ru photo in a sentence", "Фото с места событий опубликовал губернатор.", []string{"Фото с места событий опубликовал губернатор."}},
		{"de Foto without colon", "Foto zeigt den Kanzler bei der Ankunft.", []string{"Foto zeigt den Kanzler bei der Ankunft."}},
		{"long line after read also stays", "Читайте также, как министр иностранных дел России Сергей Лавров провел переговоры с коллегами из двенадцати стран региона на форуме в Анкаре.", []string{"Читайте также, как министр иностранных дел России Сергей Лавров провел переговоры с коллегами из двенадцати стран региона на форуме в Анкаре."}},
		{"German date split over lines", "Insbesondere am 28.\nFebruar traf er Xi.", []string{"Insbesondere am 28.\nFebruar traf er Xi."}},
		{"title line without punctuation", "Russland und China vertiefen Beziehungen\nDer Kreml teilte mit.", []string{"Russland und China vertiefen Beziehungen\nDer Kreml teilte mit."}},
		// Edge cases.
		{"empty", "", nil},
		{"only boilerplate", "Teilen\n\nКоментарі — 0", nil},
		{"punctuation line stays", "Erster Satz.\n***\nZweiter Satz.", []string{"Erster Satz.\n***\nZweiter Satz."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(c, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Clean(%q)\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	overlay := fstest.MapFS{File: {Data: []byte("# mine\nde\tline\tMeinung teilen\nen\tregex\t-{3,}\nen\ttail\tThis story was updated\n")}}
	c, err := New(overlay)
	if err != nil {
		t.Fatal(err)
	}
	got := cleanText(c, "Text.\nMeinung teilen\n-----\nThe talks ended. This story was updated at 5 pm.")
	want := []string{"Text.", "The talks ended."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, tt := range []struct{ name, data string }{
		{"unknown kind", "de\tword\tx\n"},
		{"too few columns", "de\tline\n"},
		{"bad regex", "de\tregex\t(\n"},
		{"span without end", "de\tspan\tstart only\n"},
		{"argument on a line", "de\tline\tx\t5\n"},
		{"bad word limit", "de\tprefix\tx y z\t2\n"},
		{"no word", "de\tline\t—\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(fstest.MapFS{File: {Data: []byte(tt.data)}})
			if err == nil || !strings.HasPrefix(err.Error(), "clean: ") {
				t.Errorf("err = %v, want a clean error", err)
			}
		})
	}
}

// TestGolden cleans each testdata/*.txt and compares the kept text, one span
// a paragraph separated by "-----", with the .golden file beside it.
func TestGolden(t *testing.T) {
	c := newCleaner(t)
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := parser.ReadFile(f, model.Point{})
			if err != nil {
				t.Fatal(err)
			}
			c.Clean(doc)
			var b strings.Builder
			for _, s := range doc.Body {
				b.WriteString(doc.Text[s.Start:s.End])
				b.WriteString("\n-----\n")
			}
			got := b.String()
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("cleaned text differs from %s (rerun with -update if intended):\n%s", golden, got)
			}
		})
	}
}

// hasPatternWord reports whether any word of text starts a pattern.
func hasPatternWord(c *Cleaner, text string) bool {
	var s scratch
	s.tokenize(c, text, 0)
	for i := range s.words {
		if len(c.candidates(&s, i)) > 0 {
			return true
		}
	}
	return false
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Text.\nTeilen\nMore text.",
		"date 2024-07 Ich möchte eingebundene X. Inhalt erlauben Rest.\n\nVideo Teilen",
		"Путін поїде. Коментарі — 0\n\nФото: ТАСС",
		"Advertisement The talks. Read also: x\r\nShare",
		"Lesen Sie auch: a\n\n\nam 28.\nFebruar.",
		"Ich möchte eingebundene\nInhalt erlauben",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := parser.Parse("f", "f", text, model.Point{})
		orig := append([]model.Span(nil), doc.Body...)
		c.Clean(doc)
		if doc.Text != text {
			t.Fatal("Text changed")
		}
		// Spans are ordered, non-overlapping, non-empty, trimmed and within
		// the old spans.
		prev, o := 0, 0
		for i, s := range doc.Body {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %d %v out of order or bounds", i, s)
			}
			for o < len(orig) && orig[o].End < s.End {
				o++
			}
			if o == len(orig) || s.Start < orig[o].Start {
				t.Fatalf("span %d %v not inside an old span %v", i, s, orig)
			}
			if seg := text[s.Start:s.End]; strings.TrimSpace(seg) != seg {
				t.Fatalf("span %d %q not trimmed", i, seg)
			}
			prev = s.End
		}
		// Idempotent.
		once := append([]model.Span(nil), doc.Body...)
		c.Clean(doc)
		if !slices.Equal(once, doc.Body) {
			t.Fatalf("not idempotent:\n once %v\n twice %v", once, doc.Body)
		}
		// A text without any pattern word loses nothing.
		if !hasPatternWord(c, text) && !slices.Equal(orig, once) {
			t.Fatalf("dropped text that matches no pattern:\n before %v\n after %v", orig, once)
		}
		// A line of a block that has no pattern word stays whole.
		for _, s := range orig {
			for _, line := range strings.Split(text[s.Start:s.End], "\n") {
				line = strings.TrimSpace(line)
				if line == "" || hasPatternWord(c, line) || hasPatternWord(c, text[s.Start:s.End]) {
					continue
				}
				if !strings.Contains(bodyText(doc), line) {
					t.Fatalf("line %q without pattern words was cut", line)
				}
			}
		}
	})
}

// benchDoc builds a realistic 3 KB article with some boilerplate.
func benchDoc() string {
	var b strings.Builder
	b.WriteString("date 2024-07 Der Außenminister reiste am Montag nach Astana, wo er seinen chinesischen Amtskollegen traf.\n\n")
	paras := []string{
		"Die beiden Minister teilen nach Angaben des Ministeriums die Sorge über die Lage im Nahen Osten. Sie vereinbarten, im Herbst erneut zusammenzukommen, um über Handel und Sicherheit zu beraten.\n\n",
		"Lesen Sie auch\n\n",
		"Министр иностранных дел России Сергей Лавров провел переговоры с коллегой из Китая 26 апреля. Стороны обсудили вопросы безопасности и экономического сотрудничества. Фото: ТАСС\n\n",
		"Міністр закордонних справ України заявив, що Київ розраховує на підтримку партнерів у питанні постачання систем ППО до кінця року.\nКоментарі — 0\n\n",
		"The ministers met on Monday in Brussels to discuss new sanctions against Russia, officials said. Read also: EU leaders meet in Vilnius\n\n",
	}
	for i := 0; b.Len() < 3000; i++ {
		b.WriteString(paras[i%len(paras)])
	}
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	c := newCleaner(b)
	text := benchDoc()
	doc := parser.Parse("b", "b", text, model.Point{})
	body := append([]model.Span(nil), doc.Body...)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc.Body = append(doc.Body[:0], body...)
		c.Clean(doc)
	}
}

func TestLower(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		want := unicode.ToLower(r)
		if r == 'Ё' || r == 'ё' {
			want = 'е'
		}
		if got := lower(r); got != want {
			t.Errorf("lower(%q) = %q, want %q", r, got, want)
		}
		if isWordRune(r) != (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			t.Errorf("isWordRune(%q) disagrees with package unicode", r)
		}
	}
}
