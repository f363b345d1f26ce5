package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"entente/internal/ingest/webtest"
)

// The tests below run watch in a child process (this test binary again,
// with ENTENTE_WATCH_CHILD set) to kill or stop it mid-poll.
func init() {
	if args := os.Getenv("ENTENTE_WATCH_CHILD"); args != "" {
		os.Exit(Run(strings.Split(args, "\x1f"), strings.NewReader(""), os.Stdout, os.Stderr))
	}
}

// startWatch starts watch in a child process; its stderr goes to log.
func startWatch(t *testing.T, log *strings.Builder, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_WATCH_CHILD="+strings.Join(args, "\x1f"))
	cmd.Stderr = &syncWriter{b: log}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// TestWatchKilledAndStopped kills a watch (SIGKILL) while it fetches the
// second page, and stops another (SIGTERM) at the same point; each restart
// ends with every item stored once.
func TestWatchKilledAndStopped(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			site := webtest.New()
			defer site.Close()
			db := filepath.Join(t.TempDir(), "w.db")
			args := []string{"watch", "--once", "--feeds", writeFeeds(t, site.URL+"/rss.xml"), "--db", db, "--delay", "1ms", "--user-agent", "entente-test/1.0"}
			var log strings.Builder
			var child *exec.Cmd
			hit := make(chan struct{})
			var once sync.Once
			release := make(chan struct{})
			site.OnRequest(func(path string) {
				if path == "/news/"+webtest.Articles[1].Slug {
					once.Do(func() { close(hit) })
					<-release // hold the page until the child is signalled
				}
			})
			child = startWatch(t, &log, args...)
			select {
			case <-hit:
			case <-time.After(60 * time.Second):
				child.Process.Kill()
				t.Fatalf("the child never asked for the second page; log %q", log.String())
			}
			// The first document is committed before the second page is
			// asked for (one worker keeps the order), unless the writer is
			// still at it: give it a moment.
			time.Sleep(300 * time.Millisecond)
			child.Process.Signal(sig)
			close(release)
			err := child.Wait()
			site.OnRequest(nil)
			if sig == syscall.SIGTERM {
				if err != nil || !strings.Contains(log.String(), "poll stopped") {
					t.Errorf("SIGTERM: %v, log %q: want a clean stop", err, log.String())
				}
			}
			code, _, errs := run(t, "", args...)
			if code != 0 {
				t.Fatalf("restart: exit %d, %s", code, errs)
			}
			got := storedDocs(t, db)
			if len(got) != len(webtest.Articles) {
				t.Errorf("stored %v, want the %d articles", got, len(webtest.Articles))
			}
			for u, n := range got {
				if n != 1 {
					t.Errorf("%s stored %d times", u, n)
				}
			}
			if !strings.Contains(errs, "documents") {
				t.Errorf("restart log %q", errs)
			}
		})
	}
}
