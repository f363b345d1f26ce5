package pipeline

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"entente/internal/output"
)

// evalDir is the evaluation kit beside the repository.
const evalDir = "../../../shared/eval"

// qualityMargin is how far F1 may fall below its recorded floor.
const qualityMargin = 0.02

// f1Line finds the F1 of score.py's headline.
var f1Line = regexp.MustCompile(`^events: P=\S+ R=\S+ F1=([0-9.]+)`)

// readFloors reads testdata/quality.txt: corpus name → recorded F1.
func readFloors(t *testing.T) map[string]float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "quality.txt"))
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{}
	for n, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if len(f) != 2 || err != nil {
			t.Fatalf("quality.txt:%d: want corpus<TAB>F1", n+1)
		}
		floors[f[0]] = v
	}
	return floors
}

// TestQualityFloors extracts the seeds and the dev set as the command line
// reports them (DefaultMinConfidence), scores them with the evaluation kit's score.py and fails when event F1 falls more than
// 0.02 below testdata/quality.txt. It skips where ../shared or python3 is
// absent.
func TestQualityFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and scores two corpora")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the scorer cannot run")
	}
	score := filepath.Join(evalDir, "score.py")
	if _, err := os.Stat(score); err != nil {
		t.Skipf("evaluation kit not found at %s (it lives beside the repository in shared/): %v", evalDir, err)
	}
	corpora := []struct{ name, docs, gold string }{
		{"seeds", seeds, filepath.Join(evalDir, "seeds.gold.jsonl")},
		{"dev", filepath.Join(evalDir, "dev", "docs"), filepath.Join(evalDir, "dev", "dev.gold.jsonl")},
	}
	floors := readFloors(t)
	// Scored as the command line reports: without events of confidence
	// below its default cut.
	p, err := New(Config{Workers: 2, MinConfidence: DefaultMinConfidence})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			floor, ok := floors[c.name]
			if !ok {
				t.Fatalf("quality.txt has no figure for %s", c.name)
			}
			evs, errs := run(t, p, c.docs)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			sys := filepath.Join(t.TempDir(), "events.jsonl")
			var buf bytes.Buffer
			if err := output.Write(&buf, "jsonl", evs); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(sys, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(python, score, c.gold, sys).CombinedOutput()
			if err != nil {
				t.Fatalf("score.py: %v\n%s", err, out)
			}
			f1 := -1.0
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				if m := f1Line.FindStringSubmatch(sc.Text()); m != nil {
					f1, _ = strconv.ParseFloat(m[1], 64)
				}
			}
			if f1 < 0 {
				t.Fatalf("no F1 in score.py's output:\n%s", out)
			}
			t.Logf("%s: F1 %.3f (floor %.3f)", c.name, f1, floor)
			if f1 < floor-qualityMargin {
				t.Errorf("%s: event F1 %.3f is more than %.2f below the recorded %.3f", c.name, f1, qualityMargin, floor)
			}
			if f1 > floor+qualityMargin {
				t.Logf("%s: F1 %.3f beats the record %.3f: raise it in testdata/quality.txt", c.name, f1, floor)
			}
		})
	}
}
