package text

import (
	"strings"
	"testing"
)

func TestRomanize(t *testing.T) {
	a := std()
	tests := []struct {
		name, lang string
		want       map[string]string // scheme → form
	}{
		{"Сергей Шойгу", "ru", map[string]string{"bgn": "Sergey Shoygu", "iso9": "Sergej Šojgu", "duden": "Sergej Schoigu", "french": "Sergueï Choïgou"}},
		{"Михаил Мишустин", "ru", map[string]string{"french": "Mikhaïl Michoustine", "duden": "Michail Mischustin"}},
		{"Владимир Путин", "ru", map[string]string{"french": "Vladimir Poutine", "duden": "Wladimir Putin"}},
		{"Сергей Лавров", "ru", map[string]string{"bgn": "Sergey Lavrov", "duden": "Sergej Lawrow"}},
		{"Дмитрий Медведев", "ru", map[string]string{"bgn": "Dmitriy Medvedev", "duden": "Dmitri Medwedew", "scholarly": "Dmitrij Medvedev"}},
		{"Михаил Горбачёв", "ru", map[string]string{"bgn": "Mikhail Gorbachev", "duden": "Michail Gorbatschow", "scholarly": "Mixail Gorbačëv"}},
		{"Володимир Зеленський", "uk", map[string]string{"bgn": "Volodymyr Zelenskyy", "duden": "Wolodymyr Selenskyj", "iso9": "Volodimir Zelenskij"}},
		{"Алексей Оверчук", "ru", map[string]string{"duden": "Alexej Owertschuk", "bgn": "Aleksey Overchuk"}},
		{"Мария Захарова", "ru", map[string]string{"bgn": "Mariya Zakharova", "duden": "Marija Sacharowa"}},
	}
	schemes := a.RomanSchemes()
	for _, tt := range tests {
		got := a.Romanize(tt.name, tt.lang)
		if len(got) != len(schemes) {
			t.Fatalf("Romanize(%q): %d forms for %d schemes", tt.name, len(got), len(schemes))
		}
		for k, s := range schemes {
			if w, ok := tt.want[s]; ok && got[k] != w {
				t.Errorf("Romanize(%q, %s) %s = %q, want %q", tt.name, tt.lang, s, got[k], w)
			}
		}
	}
	if got := a.Romanize("Olaf Scholz", "ru"); got != nil {
		t.Errorf("Romanize(Latin) = %q, want nil", got)
	}
}

func TestOtherGiven(t *testing.T) {
	a := std()
	for _, tt := range []struct{ in, from, want string }{
		{"Сергей", "ru", "Сергій"}, {"Сергій", "uk", "Сергей"}, {"Владимир", "ru", "Володимир"},
		{"Олександр", "uk", "Александр"}, {"Андрей", "ru", "Андрій"},
	} {
		if got, ok := a.OtherGiven(tt.in, tt.from); !ok || got != tt.want {
			t.Errorf("OtherGiven(%q, %s) = %q, %v; want %q", tt.in, tt.from, got, ok, tt.want)
		}
	}
	if _, ok := a.OtherGiven("Максим", "ru"); ok {
		t.Errorf("OtherGiven(Максим): same in both languages, want false")
	}
}

func TestPalladius(t *testing.T) {
	a := std()
	tests := []struct{ pinyin, ru, uk string }{
		{"Xi Jinping", "Си Цзиньпин", "Сі Цзіньпін"},
		{"Wang Yi", "Ван И", "Ван І"},
		{"Dong Jun", "Дун Цзюнь", "Дун Цзюнь"},
		{"Li Keqiang", "Ли Кэцян", "Лі Кецян"},
		{"Lin Jian", "Линь Цзянь", "Лінь Цзянь"},
		{"Hu Jintao", "Ху Цзиньтао", "Ху Цзіньтао"},
		{"Qin Gang", "Цинь Ган", "Цінь Ган"},
		{"Zhao Leji", "Чжао Лэцзи", "Чжао Лецзі"},
		{"Wang Wenbin", "Ван Вэньбинь", "Ван Веньбінь"},
		{"Mao Ning", "Мао Нин", "Мао Нін"},
		{"Liu Jieyi", "Лю Цзеи", "Лю Цзеі"},
		{"Wáng Yì", "Ван И", "Ван І"},
	}
	for _, tt := range tests {
		ru, uk, ok := a.Palladius(tt.pinyin)
		if !ok || ru != tt.ru || uk != tt.uk {
			t.Errorf("Palladius(%q) = %q, %q, %v; want %q, %q", tt.pinyin, ru, uk, ok, tt.ru, tt.uk)
		}
	}
	for _, bad := range []string{"Olaf Scholz", "Kim Jong Un"} {
		if ru, _, ok := a.Palladius(bad); ok && !strings.Contains(bad, "Kim") {
			t.Errorf("Palladius(%q) = %q: not pinyin, want false", bad, ru)
		}
	}
}

func TestKontsevich(t *testing.T) {
	a := std()
	tests := []struct{ hangul, ru, uk string }{
		{"김정은", "Ким Чон Ын", "Кім Чон Ин"},
		{"김여정", "Ким Ё Чжон", "Кім Йо Чжон"},
		{"최룡해", "Чхве Рён Хэ", "Чхве Рьон Хе"},
		{"박봉주", "Пак Пон Чжу", "Пак Пон Чжу"},
		{"김영남", "Ким Ён Нам", "Кім Йон Нам"},
		{"윤석열", "Юн Сок Ёль", "Юн Сок Йоль"},
		{"박근혜", "Пак Кын Хе", "Пак Кин Хе"},
	}
	for _, tt := range tests {
		ru, uk, ok := a.Kontsevich(tt.hangul)
		if !ok || ru != tt.ru || uk != tt.uk {
			t.Errorf("Kontsevich(%q) = %q, %q, %v; want %q, %q", tt.hangul, ru, uk, ok, tt.ru, tt.uk)
		}
	}
	if _, _, ok := a.Kontsevich("Kim Jong Un"); ok {
		t.Errorf("Kontsevich(Latin): want false")
	}
}
