package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"entente/internal/model"
)

func utf16Bytes(s string, bigEndian, mark bool) []byte {
	units := utf16.Encode([]rune(s))
	if mark {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func legacy(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

func TestDecode(t *testing.T) {
	const ru = "Россия и Китай подписали соглашение о сотрудничестве в понедельник."
	const de = "Die Türkei gab ihren Widerstand auf."
	tests := []struct {
		name    string
		in      []byte
		want    string
		enc     string
		wantErr error
	}{
		// normal
		{"UTF-8 as it is", []byte(ru), ru, "", nil},
		{"UTF-8 byte order mark kept", []byte(bom + ru), bom + ru, "", nil},
		{"UTF-16LE with a mark", utf16Bytes(ru, false, true), ru, EncUTF16LE, nil},
		{"UTF-16BE with a mark", utf16Bytes(de, true, true), de, EncUTF16BE, nil},
		{"UTF-16LE without a mark", utf16Bytes(de, false, false), de, EncUTF16LE, nil},
		{"UTF-16BE Cyrillic without a mark", utf16Bytes("Привет, мир. Это Москва.", true, false), "Привет, мир. Это Москва.", EncUTF16BE, nil},
		{"windows-1251", legacy(t, charmap.Windows1251, ru), ru, EncWindows1251, nil},
		{"KOI8-R", legacy(t, charmap.KOI8R, ru), ru, EncKOI8R, nil},
		{"windows-1251 Ukrainian", legacy(t, charmap.Windows1251, "Україна та Польща поглиблять співпрацю."), "Україна та Польща поглиблять співпрацю.", EncWindows1251, nil},
		{"empty", nil, "", "", nil},
		// errors
		{"binary", []byte("abc\x00\x01\x02def\x00"), "", "", ErrBinary},
		{"Latin-1 German", legacy(t, charmap.ISO8859_1, de), "", "", ErrNotUTF8},
		{"UTF-8 cut inside a letter", []byte(ru)[:len(ru)-6], "", "", ErrNotUTF8},
		{"UTF-8 with one broken byte", append([]byte(ru[:20]), append([]byte{0xff}, ru[20:]...)...), "", "", ErrNotUTF8},
		{"UTF-16 with a NUL character", utf16Bytes("ab\x00cd", false, true), "", "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

// TestReadDecodesAndLimits: ReadFile names a decoded encoding in Meta,
// keeps a byte order mark out of the body, and refuses a document over
// MaxBytes with ErrTooLarge, reading a stream no further than the limit.
func TestReadDecodesAndLimits(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, legacy(t, charmap.Windows1251, "date 2024-05-10\n\nРоссия и Китай."), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.ReadFile(path, model.Point{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["encoding"] != EncWindows1251 || doc.Published.String() != "2024-05-10" || doc.Text[doc.Body[0].Start:doc.Body[0].End] != "Россия и Китай." {
		t.Errorf("doc = %+v", doc)
	}
	bomDoc := p.Parse("b", "b", bom+"Hallo.", model.Point{})
	if len(bomDoc.Body) != 1 || bomDoc.Body[0].Start != len(bom) {
		t.Errorf("body after a byte order mark: %+v", bomDoc.Body)
	}

	p.MaxBytes = 10
	if _, err := p.ReadFile(path, model.Point{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-size") {
		t.Errorf("ReadFile over the limit: %v", err)
	}
	r := &countingReader{r: strings.NewReader(strings.Repeat("x", 1000))}
	if _, err := p.Read(r, "s", "-", model.Point{}); !errors.Is(err, ErrTooLarge) || r.n > 11 {
		t.Errorf("Read over the limit: %v after %d bytes", err, r.n)
	}
	if _, err := p.Read(strings.NewReader("Kurz."), "s", "-", model.Point{}); err != nil {
		t.Errorf("Read under the limit: %v", err)
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += n
	return n, err
}

// FuzzDecode: Decode never panics, gives valid UTF-8 without NUL bytes,
// and keeps valid UTF-8 without NUL bytes as it is.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Россия и Китай."))
	f.Add(utf16Bytes("Talks in Kyiv.", false, true))
	f.Add([]byte{0xd0, 0xee, 0xf1, 0xf1, 0xe8, 0xff})
	f.Add([]byte("a\x00b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			t.Fatalf("Decode(%q) = %q (%s): invalid UTF-8 or NUL", b, s, enc)
		}
		if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 && (s != string(b) || enc != "") {
			t.Fatalf("Decode changed UTF-8 %q into %q (%s)", b, s, enc)
		}
	})
}
