package corpus

import (
	"strings"
	"testing"
)

// TestRealisticShape: deterministic, unique texts, a share undated near the
// shape's, and a heavy tail: the most reported dyad (Russia–Ukraine) takes
// far more reports than the median one.
func TestRealisticShape(t *testing.T) {
	a, b := Realistic(2000, 3, DefaultShape), Realistic(2000, 3, DefaultShape)
	seen := map[string]bool{}
	undated := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("article %d differs between two runs of one seed", i)
		}
		if seen[a[i]] {
			t.Fatalf("article %d repeats an earlier one", i)
		}
		seen[a[i]] = true
		if !strings.HasPrefix(a[i], "date ") {
			undated++
		}
	}
	if undated < 120 || undated > 280 {
		t.Errorf("%d of 2000 undated, want about 200", undated)
	}
	top := 0
	for _, text := range a {
		for _, pair := range [][2]string{{"Russ", "Ukrain"}, {"Росс", "Украин"}, {"Рос", "Україн"}} {
			if strings.Contains(text, pair[0]) && strings.Contains(text, pair[1]) {
				top++
				break
			}
		}
	}
	if top < 300 {
		t.Errorf("%d of 2000 articles name Russia and Ukraine, want a heavy head (300 or more)", top)
	}
}
