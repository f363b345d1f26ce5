package langs

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbedded(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Help(); got != "de, en, ru, uk" {
		t.Errorf("codes %q, want de, en, ru, uk", got)
	}
	if d := r.Default(Latin); d == nil || d.Code != "en" {
		t.Errorf("Latin default %v, want en", d)
	}
	if d := r.Default(Cyrillic); d == nil || d.Code != "ru" {
		t.Errorf("Cyrillic default %v, want ru", d)
	}
	if uk, _ := r.Get("uk"); uk.Letters == "" || uk.Stemmer == "" || uk.Index != 3 {
		t.Errorf("uk = %+v", uk)
	}
}

func TestCheck(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check("ru"); err != nil {
		t.Errorf("ru: %v", err)
	}
	for _, code := range []string{"pl", "xx", "", "RU", "ukr"} {
		err := r.Check(code)
		var ue *UnsupportedError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "supported: de, en, ru, uk") {
			t.Errorf("Check(%q) = %v, want an UnsupportedError listing the languages", code, err)
		}
	}
}

func TestOverlay(t *testing.T) {
	tests := []struct {
		name, file, want, wantErr string
	}{
		// normal
		{"adds a language", "fr\tFrench\tlatin\tsnowball-french\n", "de, en, ru, uk, fr", ""},
		{"rooted at text/", "", "de, en, ru, uk", ""},
		{"replaces a row in place", "de\tDeutsch\tlatin\tnone\n", "de, en, ru, uk", ""},
		{"moves the default", "de\tGerman\tlatin\tsnowball-german\tyes\n", "de, en, ru, uk", ""},
		// errors
		{"bad code", "pol\tPolish\tlatin\tnone\n", "", "two lower-case letters"},
		{"bad script", "el\tGreek\tgreek\tnone\n", "", "script"},
		{"no stemmer", "fr\tFrench\tlatin\n", "", "want code"},
		{"bad default", "fr\tFrench\tlatin\tnone\tmaybe\n", "", "default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			if tt.name == "rooted at text/" {
				fsys["languages.tsv"] = &fstest.MapFile{Data: []byte("# nothing new\n")}
			} else {
				fsys["text/languages.tsv"] = &fstest.MapFile{Data: []byte(tt.file)}
			}
			r, err := Load(fsys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "langs: ") {
					t.Fatalf("err %v, want one about %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Help(); got != tt.want {
				t.Errorf("codes %q, want %q", got, tt.want)
			}
			if tt.name == "moves the default" {
				if d := r.Default(Latin); d.Code != "de" {
					t.Errorf("Latin default %s, want de", d.Code)
				}
			}
		})
	}
}
