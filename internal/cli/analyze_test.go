package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entente/internal/analysis"
	"entente/internal/seedstest"
)

func TestAnalyzeAndExportSeeds(t *testing.T) {
	db := seedstest.DB(t)
	code, out, errs := run(t, "", "analyze", "series", "--db", db, "--focus", "CHN", "--period", "month", "--split", "type", "--format", "json")
	if code != 0 {
		t.Fatalf("series: exit %d: %s", code, errs)
	}
	var sr analysis.SeriesResult
	if err := json.Unmarshal([]byte(out), &sr); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sr.Series {
		for _, b := range s.Buckets {
			if s.Key == "CHN-RUS" && s.Group == "CONSULT" && b.Period == "2025-02" && b.Count >= 1 && len(b.Events) == b.Count {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no CHN-RUS CONSULT bucket in 2025-02 (the Shoigu–Xi meeting): %s", out)
	}
	code, out, errs = run(t, "", "analyze", "surges", "--db", db, "--period", "month", "--at", "2024-04", "--format", "json")
	var rep analysis.SurgeReport
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Period != "2024-04" || len(rep.NewDyads) == 0 {
		t.Errorf("surges: exit %d, %s, %+v", code, errs, rep)
	}
	code, out, _ = run(t, "", "analyze", "blocs", "--db", db, "--from", "2024", "--to", "2024", "--vs-from", "2025", "--vs-to", "2025")
	if code != 0 || !strings.Contains(out, "bloc 1:") || !strings.Contains(out, "continues earlier bloc") {
		t.Errorf("blocs: exit %d:\n%s", code, out)
	}
	dir := t.TempDir()
	code, _, errs = run(t, "", "export", "--db", db, "--format", "gdelt", "--out", dir, "--coded", "2026-01-01")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	for _, name := range []string{"events.tsv", "mentions.tsv"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || len(b) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	code, out, errs = run(t, "", "brief", "--db", db, "--from", "2024-04", "--to", "2025-03", "--focus", "RUS,CHN")
	if code != 0 || !strings.Contains(out, "Focus: RUS, CHN.") || !strings.Contains(out, "Сергей Шойгу") || !strings.Contains(out, "Xi Jinping") {
		t.Errorf("brief: exit %d, %s\n%s", code, errs, out)
	}
	code, out, _ = run(t, "", "brief", "--db", db, "--from", "2025-02", "--to", "2025-02", "--format", "html")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<svg") {
		t.Errorf("brief html: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "export", "--db", db, "--format", "csv", "--part", "sources", "--lang", "ru")
	if code != 0 || !strings.HasPrefix(out, "event_id,doc,lang") || strings.Count(out, ",ru,") == 0 {
		t.Errorf("export csv sources --lang ru: exit %d\n%s", code, out)
	}
}

func TestAnalyzeBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "series", "--period", "year"},
		{"analyze", "series", "--by", "country"},
		{"analyze", "series", "--from", "2024-13"},
		{"analyze", "surges", "--alpha", "2"},
		{"analyze", "blocs", "--vs-from", "yesterday"},
		{"analyze", "blocs", "--format", "xml"},
		{"export", "--format", "xlsx"},
		{"export", "--format", "gdelt", "--part", "gkg"},
		{"export", "--coded", "01/02/2026"},
		{"brief", "--from", "2024"},
		{"brief", "--from", "2025", "--to", "2024"},
		{"brief", "--from", "2024", "--to", "2025", "--format", "pdf"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, errs := run(t, "", append(args, "--db", filepath.Join(t.TempDir(), "none.db"))...)
			if code != 2 || errs == "" {
				t.Errorf("exit %d, stderr %q; want 2 and a message", code, errs)
			}
		})
	}
}
