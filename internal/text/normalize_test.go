package text

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii lower", "talks", "talks"},
		{"ascii upper", "NATO Talks", "nato talks"},
		{"backtick apostrophe", "O`Brien", "o'brien"},
		{"german", "Außenminister ÜBER", "außenminister über"},
		{"yo", "Ёлка Фёдоров", "елка федоров"},
		{"uk right quote apostrophe", "прем’єр", "прем'єр"},
		{"uk modifier apostrophe", "Підʼїзд", "під'їзд"},
		{"en dash", "1940–1943", "1940-1943"},
		{"em dash", "Paris — Berlin", "paris - berlin"},
		{"non-breaking hyphen", "Jong‑un", "jong-un"},
		{"guillemets", "«Мир»", "\"мир\""},
		{"german quotes", "„Frieden“", "\"frieden\""},
		{"single low quote", "‚ja‘", "\"ja\""},
		{"nbsp", "5\u00a0000", "5 000"},
		{"decomposed short i", "Маи\u0306дан", "майдан"},
		{"decomposed yo", "Е\u0308лка", "елка"},
		{"cyrillic upper", "КНДР", "кндр"},
		{"ukrainian upper", "ЄС ЇЖАК ҐАНОК", "єс їжак ґанок"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := std().Normalize(tt.in); got != tt.want {
				t.Errorf("std().Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeAllocs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  float64
	}{
		{"ascii lower", "the talks in geneva", 0},
		{"ascii upper", "The Talks in Geneva", 1},
		{"cyrillic lower", "переговоры в москве", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := testing.AllocsPerRun(100, func() { std().Normalize(tt.in) })
			if n > tt.max {
				t.Errorf("std().Normalize(%q): %v allocs, want <= %v", tt.in, n, tt.max)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "NATO", "Ёлка", "прем’єр", "«Мир» — 1940–1943", "e\u0301", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := std().Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("std().Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if n2 := std().Normalize(n); utf8.ValidString(s) && n2 != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, n2)
		}
	})
}
