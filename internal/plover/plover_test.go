package plover

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTables(t *testing.T) {
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, typ, mode string
		quad            int
		intensity       float64
		cameo           string
		goldstein       float64
		rootQuad        int
	}{
		{"meeting", "CONSULT", "", 1, 2.1, "040", 1.0, 1},
		{"visit", "CONSULT", "visit", 1, 3.0, "042", 1.9, 1},
		{"military aid", "AID", "military", 2, 8.7, "072", 8.3, 2},
		{"demand as REQUEST", "REQUEST", "", 3, -5.0, "100", -5.0, 3},
		{"sanction is material conflict", "SANCTION", "", 4, -5.2, "160", -4.0, 4},
		{"unknown mode falls back to the type", "ASSAULT", "no-such-mode", 4, -9.3, "190", -10, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if q := tb.Quad(tt.typ); q != tt.quad {
				t.Errorf("Quad = %d, want %d", q, tt.quad)
			}
			if in := tb.Intensity(tt.typ, tt.mode); in != tt.intensity {
				t.Errorf("Intensity = %v, want %v", in, tt.intensity)
			}
			code := tb.CAMEO(tt.typ, tt.mode)
			if code != tt.cameo {
				t.Errorf("CAMEO = %q, want %q", code, tt.cameo)
			}
			if g, ok := tb.Goldstein(code); !ok || g != tt.goldstein {
				t.Errorf("Goldstein(%s) = %v, %v; want %v", code, g, ok, tt.goldstein)
			}
			if q := tb.RootQuad(code); q != tt.rootQuad {
				t.Errorf("RootQuad(%s) = %d, want %d", code, q, tt.rootQuad)
			}
		})
	}
	if c := tb.Context("planned"); c != "future" {
		t.Errorf("Context(planned) = %q", c)
	}
	if !tb.Cooperative(2) || tb.Cooperative(3) {
		t.Error("quads 1-2 cooperate, 3-4 conflict")
	}
}

// Every CAMEO code the tables hand out has a Goldstein value and a root.
func TestTablesComplete(t *testing.T) {
	tb := MustLoad()
	if len(tb.Types()) != 16 {
		t.Errorf("%d types, want 16", len(tb.Types()))
	}
	check := func(what, code string) {
		if _, ok := tb.Goldstein(code); !ok {
			t.Errorf("%s: CAMEO %s has no Goldstein value in cameo.tsv", what, code)
		}
		if tb.RootQuad(code) == 0 {
			t.Errorf("%s: CAMEO %s has no root in cameo_roots.tsv", what, code)
		}
	}
	for _, name := range tb.Types() {
		ty, _ := tb.Type(name)
		check(name, ty.CAMEO)
	}
	for k, m := range tb.modes {
		check(k[0]+"/"+k[1], m.CAMEO)
		if m.Intensity < -10 || m.Intensity > 10 {
			t.Errorf("%s/%s: intensity %v outside -10…10", k[0], k[1], m.Intensity)
		}
	}
}

func TestUserOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "plover"), 0o755)
	os.WriteFile(filepath.Join(dir, "plover", "types.tsv"), []byte("CONSULT\t1\t3.3\t043\n"), 0o644)
	tb, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if in := tb.Intensity("CONSULT", ""); in != 3.3 {
		t.Errorf("user intensity not read: %v", in)
	}
	if len(tb.Types()) != 16 {
		t.Errorf("override added a type: %v", tb.Types())
	}
	os.WriteFile(filepath.Join(dir, "plover", "types.tsv"), []byte("CONSULT\t9\t3.3\t043\n"), 0o644)
	if _, err := Load(dir); err == nil {
		t.Error("quad 9 accepted")
	}
}
