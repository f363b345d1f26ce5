package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// qr is a run of k workers: wall and CPU in seconds, job times.
func qr(k int, wall, cpu, pg float64, extract, wait, store float64, load string) qrun {
	return qrun{
		run: run{wall: time.Duration(wall * float64(time.Second)), cpu: time.Duration(cpu * float64(time.Second)), load: load},
		k:   k, pgCPU: time.Duration(pg * float64(time.Second)),
		extract: extract, wait: wait, store: store,
	}
}

func TestScalingMarkdown(t *testing.T) {
	// Rounds interleaved as scale runs them: 1, 2 | 2, 1 | 1, 2.
	s := &scaling{n: 1000, seed: 1, ks: []int{1, 2}, bins: []string{"entente"}, repeat: 3, runs: []qrun{
		qr(1, 10, 4, 4, 1, 0.1, 8.9, "0.50"),
		qr(2, 6, 4.4, 4.2, 1, 1.1, 9.9, "0.60"),
		qr(2, 5, 4, 4, 1, 1, 10, "0.40"),
		qr(1, 12, 4, 4, 1, 0.1, 8.9, "0.70"),
		qr(1, 11, 4, 4, 1, 0.1, 8.9, "0.80"),
		qr(2, 7, 4, 4, 1, 1.2, 9.8, "0.90"),
	}}
	md := s.markdown()
	for _, want := range []string{
		"| 1 | 11.00 s | 10.00–12.00 s | 91 | 1.00 |",                       // median of 10, 12, 11
		"| 2 | 6.00 s | 5.00–7.00 s | 167 | **1.83×** | 1.67, 2.40, 1.57 |", // 11/6; each round 10/6, 12/5, 11/7
		"8.60 ms (8.00–8.60)",                                               // (4.4 + 4.2) s / 1,000 articles
		"9.2 % (8.3–10.0)",                                                  // 1.1 / 12
		"| ≥ 1.6× one worker | yes |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "busy") {
		t.Errorf("a quiet machine is called busy:\n%s", md)
	}
	s.runs[2].load = "7.5"
	if md := s.markdown(); !strings.Contains(md, "busy (1-minute load up to 7.5") {
		t.Errorf("a busy machine is not called busy:\n%s", md)
	}
	// Two workers slower than 1.6× one: not met.
	for i := range s.runs {
		if s.runs[i].k == 2 {
			s.runs[i].wall *= 2
		}
	}
	if md := s.markdown(); !strings.Contains(md, "| ≥ 1.6× one worker | **no** |") {
		t.Errorf("target met by a slow pair:\n%s", md)
	}
}

func TestQrunUnknown(t *testing.T) {
	q := qrun{pgCPU: -1}
	if q.cpuPerArticle(10) != -1 || q.waitShare() != -1 {
		t.Errorf("unknown PostgreSQL CPU or job times give %v, %v", q.cpuPerArticle(10), q.waitShare())
	}
}

func TestProcStat(t *testing.T) {
	st, ok := procStat(os.Getpid())
	if !ok {
		t.Skip("no /proc")
	}
	if st.ppid != os.Getppid() {
		t.Errorf("ppid %d, want %d", st.ppid, os.Getppid())
	}
	if st.comm == "" {
		t.Error("no command name")
	}
	if _, ok := procStat(-1); ok {
		t.Error("a process that does not exist has a stat")
	}
	if treeCPU(0) != -1 {
		t.Error("no postmaster: CPU must be unknown")
	}
}

func TestParseWorkers(t *testing.T) {
	ks, err := parseWorkers("1, 2,4")
	if err != nil || len(ks) != 3 || ks[0] != 1 || ks[1] != 2 || ks[2] != 4 {
		t.Errorf("parseWorkers: %v, %v", ks, err)
	}
	for _, bad := range []string{"0", "1,x", "-2"} {
		if _, err := parseWorkers(bad); err == nil {
			t.Errorf("parseWorkers(%q) accepted", bad)
		}
	}
	if ks, err := parseWorkers(""); err != nil || len(ks) != 0 {
		t.Errorf("parseWorkers(\"\"): %v, %v", ks, err)
	}
}
