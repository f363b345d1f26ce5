package lexicon

import (
	"strings"
	"testing"
)

func TestTrieLongest(t *testing.T) {
	var tr Trie[string]
	tr.Add([]string{"провел"}, "short")
	tr.Add([]string{"провел", "переговор"}, "long")
	tr.Add([]string{"a", "b", "c"}, "abc")
	tests := []struct {
		name    string
		seq     string
		start   int
		wantEnd int
		want    string
	}{
		{"longest wins", "провел переговор с", 0, 2, "long"},
		{"shorter when the longer breaks", "провел встречу", 0, 1, "short"},
		{"no partial entry", "a b x", 0, 0, ""},
		{"from the middle", "x a b c", 1, 4, "abc"},
		{"nothing", "x y", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys := strings.Fields(tt.seq)
			end, vals := tr.Longest(tt.start, len(keys), func(i int) string { return keys[i] })
			got := ""
			if len(vals) > 0 {
				got = vals[0]
			}
			if got != tt.want || (tt.want != "" && end != tt.wantEnd) {
				t.Errorf("Longest = %d %q, want %d %q", end, got, tt.wantEnd, tt.want)
			}
		})
	}
	if tr.Len() != 3 {
		t.Errorf("Len = %d, want 3", tr.Len())
	}
}
