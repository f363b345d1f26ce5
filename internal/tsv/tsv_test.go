package tsv

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEach(t *testing.T) {
	fsys := fstest.MapFS{"a.tsv": {Data: []byte("# header\n\nx\ty\r\n  # indented comment\nz\n")}}
	var got []string
	err := Each(fsys, "a.tsv", func(f []string, line int) error {
		got = append(got, strings.Join(f, "|")+"@"+string(rune('0'+line)))
		return nil
	})
	if err != nil || strings.Join(got, " ") != "x|y@3 z@5" {
		t.Errorf("Each = %v, %v; want [x|y@3 z@5]", got, err)
	}
	if err := Each(fsys, "missing.tsv", nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	stop := errors.New("stop")
	if err := Each(fsys, "a.tsv", func([]string, int) error { return stop }); err != stop {
		t.Errorf("fn error: %v, want it returned as is", err)
	}
}

func TestWords(t *testing.T) {
	var w Words
	fsys := fstest.MapFS{"w.txt": {Data: []byte("# c\nCookie*\nad\n\n")}, "bad.txt": {Data: []byte("*\n")}}
	if err := w.Load(fsys, "w.txt", true); err != nil {
		t.Fatal(err)
	}
	if err := w.Load(fsys, "missing.txt", false); err != nil {
		t.Errorf("optional missing file: %v", err)
	}
	if err := w.Load(fsys, "missing.txt", true); err == nil {
		t.Error("required missing file accepted")
	}
	if err := w.Load(fsys, "bad.txt", true); err == nil {
		t.Error("a bare * accepted")
	}
	for s, want := range map[string]bool{"cookie": true, "cookies": true, "ad": true, "ads": false, "head": false} {
		if w.Match(s) != want {
			t.Errorf("Match(%q) = %v", s, !want)
		}
	}
}
