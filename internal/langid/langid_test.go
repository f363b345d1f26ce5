package langid

import (
	"strings"
	"testing"
	"testing/fstest"

	"entente/internal/model"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"digits only", "2025 12:30", ""},
		{"uk short", "Зустріч відбулася у Києві", "uk"},
		{"ru short", "Встреча прошла в Москве", "ru"},
		{"ru with ы", "Мы были там", "ru"},
		{"uk apostrophe", "прем'єр", "uk"},
		{"uk modifier apostrophe", "Підʼїзд", "uk"},
		{"uk words only", "Він сказав, що це так", "uk"},
		{"ru words only", "Он сказал, что это так", "ru"},
		{"de umlaut", "Gespräche über Frieden", "de"},
		{"de function words", "Der Kanzler und die Minister", "de"},
		{"en", "The minister said that talks will continue", "en"},
		{"en short", "Talks in Kyiv", "en"},
		{"de by endings", "Peking dementierte Waffenlieferungen an Russland.", "de"},
		{"de in and an cancel", "Israel griff in der Nacht Ziele in Syrien an.", "de"},
		{"en names in -ing", "Xi Jinping visited Beijing.", "en"},
		{"en ending", "Hungary backed the sovereignty of Serbia.", "en"},
		{"de ending in a long word", "Sicherheitszusammenarbeitsvereinbarungsverhandlungen", "de"},
		{"de headline -ht", "Putin droht Polen", "de"},
		{"en headline -ght", "Russia might fight tonight", "en"},
		{"uk past -ув", "Кулеба прибув до Анкари", "uk"},
		{"uk past -ив", "Сибіга заявив про це", "uk"},
		{"ru past -ил", "Лавров заявил про это", "ru"},
		{"ru против", "Россия против санкций", "ru"},
		{"de sentence", "Am Montag traf sich der Kanzler mit dem Präsidenten.", "de"},
		{"uk sentence", "Президент України провів переговори з канцлером Німеччини.", "uk"},
		{"ru sentence", "Президент России провёл переговоры с канцлером Германии.", "ru"},
		{"mixed mostly cyrillic", "Агентство Reuters сообщило об этом", "ru"},
		{"mixed mostly latin", "Reuters quoted the word «переговоры» twice in the report", "en"},
		{"upper case uk", "ЗЕЛЕНСЬКИЙ ЗУСТРІВСЯ З ПРЕЗИДЕНТОМ", "uk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := std().Detect(tt.in)
			if got != tt.want {
				t.Errorf("std().Detect(%q) = %q (%.2f), want %q", tt.in, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("confidence %v out of range", conf)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		wantLang string
		wantPara []string
	}{
		{
			name:     "uk document",
			paras:    []string{"Барньє заявив про підтримку угоди.", "Переговори тривали у Брюсселі до вечора."},
			wantLang: "uk",
			wantPara: []string{"uk", "uk"},
		},
		{
			name:     "en document with russian quote",
			paras:    []string{"The Kremlin said that the talks were useful and that more would follow.", "Песков заявил, что переговоры были полезными."},
			wantLang: "en",
			wantPara: []string{"en", "ru"},
		},
		{
			name:     "short paragraph follows document",
			paras:    []string{"Die Regierung in Berlin hat die Sanktionen gegen Russland verlängert.", "Moskau, 5 May"},
			wantLang: "de",
			wantPara: []string{"de", "de"},
		},
		{
			name:     "no body",
			wantLang: "",
			wantPara: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Text: strings.Join(tt.paras, "\n\n")}
			off := 0
			for _, p := range tt.paras {
				doc.Body = append(doc.Body, model.Span{Start: off, End: off + len(p)})
				off += len(p) + 2
			}
			std().Annotate(doc)
			if doc.Lang != tt.wantLang {
				t.Errorf("Lang = %q, want %q", doc.Lang, tt.wantLang)
			}
			if strings.Join(doc.ParaLang, ",") != strings.Join(tt.wantPara, ",") {
				t.Errorf("ParaLang = %v, want %v", doc.ParaLang, tt.wantPara)
			}
		})
	}
}

func TestNewExtra(t *testing.T) {
	if _, err := New(); err != nil {
		t.Fatal(err)
	}
}

var benchText = strings.Repeat("Президент України провів переговори з канцлером Німеччини у Берліні. ", 40)

func BenchmarkDetect(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		std().Detect(benchText)
	}
}

var benchShort = "Кулеба прибув до Анкари на переговори з Фіданом."

// BenchmarkDetectShort detects one short sentence, where word endings
// count.
func BenchmarkDetectShort(b *testing.B) {
	b.SetBytes(int64(len(benchShort)))
	b.ReportAllocs()
	for b.Loop() {
		std().Detect(benchShort)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown language", "fr\tword\tle\t1\n", "unknown language"},
		{"unknown kind", "de\tbigram\tch\t1\n", "unknown kind"},
		{"bad weight", "de\tword\tder\tx\n", "bad weight"},
		{"two letters as char", "de\tchar\tae\t1\n", "not one letter"},
		{"too few fields", "de\tword\n", "want lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(fstest.MapFS{"langid.tsv": {Data: []byte(tt.data)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "langid: ") {
				t.Errorf("New: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestNewExtraWord(t *testing.T) {
	id, err := New(fstest.MapFS{"text/langid.tsv": {Data: []byte("de\tword\tbitte\t5\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := id.Detect("bitte bitte"); got != "de" {
		t.Errorf("Detect = %q, want de", got)
	}
}

func TestScript(t *testing.T) {
	tests := []struct {
		in, script string
		share      float64
	}{
		{"Lavrov met Wang Yi.", "latin", 1},
		{"Лавров встретился с Ван И.", "cyrillic", 1},
		{"Reuters: Лавров встретился", "cyrillic", 17.0 / 24},
		{"2024, …", "", 0},
	}
	for _, tt := range tests {
		script, share := Script(tt.in)
		if script != tt.script || (tt.share == 1 && share != 1) {
			t.Errorf("Script(%q) = %s %.2f, want %s", tt.in, script, share, tt.script)
		}
	}
}
