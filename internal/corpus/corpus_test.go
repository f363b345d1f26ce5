package corpus

import (
	"strings"
	"testing"
)

// TestGenerateFilled: every template placeholder is filled and nothing of
// fmt's complaints ("%!(EXTRA …)", "%!s(MISSING)") reaches the articles.
func TestGenerateFilled(t *testing.T) {
	for i, a := range Generate(40, 1) {
		if strings.Contains(a, "%!") || strings.Contains(a, "%[") {
			t.Fatalf("article %d carries a template artefact: %q", i, a[:min(len(a), 300)])
		}
		if !strings.HasPrefix(a, "date 2024-03-") || len(a) < 3000 {
			t.Fatalf("article %d: want a date line and 3,000 bytes, got %d bytes: %q", i, len(a), a[:min(len(a), 80)])
		}
	}
	if got := fill("%[2]s met %[1]s.", "A", "B"); got != "B met A." {
		t.Errorf("fill = %q, want %q", got, "B met A.")
	}
}
