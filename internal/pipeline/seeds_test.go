package pipeline

import (
	"os"
	"testing"
)

const seeds = "../../../shared/seeds"

// TestSeedsFuseAcrossLanguages reads the real seed articles: the German and
// the Russian report of one meeting must come out as one event citing both.
func TestSeedsFuseAcrossLanguages(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed articles not found at %s (they live beside the repository in shared/): %v", seeds, err)
	}
	p := testPipeline(t)
	evs, errs := run(t, p, seeds)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	for _, e := range evs {
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.Doc] = true
		}
		if e.Type == "CONSULT" && docs["002_91bb576ac60766d9.txt"] && docs["003_722a788562515175.txt"] {
			if got := e.Date.From.String(); got != "2025-02-28" {
				t.Errorf("fused meeting dated %q, want 2025-02-28 from the German report", got)
			}
			return
		}
	}
	t.Errorf("no CONSULT event cites both 002 (de) and 003 (ru); %d events", len(evs))
}
