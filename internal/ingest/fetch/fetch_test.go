package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fast is a configuration with test-sized delays.
func fast() Config {
	return Config{UserAgent: "entente-test/1.0 (+tests)", Delay: 5 * time.Millisecond, Timeout: 2 * time.Second,
		MaxBytes: 1 << 20, Retries: 2, Backoff: 5 * time.Millisecond, MaxRetryAfter: 3 * time.Second, MaxRedirects: 3}
}

func TestGet(t *testing.T) {
	var hits sync.Map // path → *atomic.Int64
	count := func(p string) int64 {
		v, _ := hits.LoadOrStore(p, new(atomic.Int64))
		return v.(*atomic.Int64).Load()
	}
	var flaky atomic.Int64
	var last429 atomic.Int64
	mux := http.NewServeMux()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, _ := hits.LoadOrStore(r.URL.Path, new(atomic.Int64))
		v.(*atomic.Int64).Add(1)
		if ua := r.Header.Get("User-Agent"); ua != "entente-test/1.0 (+tests)" {
			t.Errorf("User-Agent %q", ua)
		}
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open$\nDisallow: /*.pdf$\n"))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>page</p>"))
	})
	mux.HandleFunc("/dated", func(w http.ResponseWriter, r *http.Request) {
		const lm = "Tue, 12 Mar 2024 09:30:00 GMT"
		if r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lm)
		w.Write([]byte("dated"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write([]byte(strings.Repeat("zipped ", 1000)))
		gz.Close()
	})
	mux.HandleFunc("/private/open", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("open")) })
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.Write([]byte("mended"))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		now := time.Now().UnixNano()
		if prev := last429.Swap(now); prev == 0 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("served"))
	})
	mux.HandleFunc("/very-busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("<p>more</p>", 1000))
		for i := 0; i < 1<<20; i++ { // bounded: 11 GB at most, stopped by the client long before
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})

	f := New(fast())
	ctx := context.Background()
	get := func(path, etag, lm string) (*Response, error) { return f.Get(ctx, srv.URL+path, etag, lm) }

	t.Run("ETag and 304", func(t *testing.T) {
		r, err := get("/page", "", "")
		if err != nil || string(r.Body) != "<p>page</p>" || r.ETag != `"v1"` || r.ContentType != "text/html; charset=utf-8" {
			t.Fatalf("%+v, %v", r, err)
		}
		r, err = get("/page", r.ETag, "")
		if err != nil || !r.NotModified || len(r.Body) != 0 {
			t.Fatalf("second get: %+v, %v; want not modified", r, err)
		}
	})
	t.Run("Last-Modified and 304", func(t *testing.T) {
		r, _ := get("/dated", "", "")
		r, err := get("/dated", "", r.LastModified)
		if err != nil || !r.NotModified {
			t.Fatalf("%+v, %v", r, err)
		}
	})
	t.Run("gzip", func(t *testing.T) {
		r, err := get("/gzip", "", "")
		if err != nil || string(r.Body) != strings.Repeat("zipped ", 1000) {
			t.Fatalf("%v, body %.40q", err, r.Body)
		}
	})
	t.Run("robots.txt", func(t *testing.T) {
		for _, p := range []string{"/private/secret", "/private/", "/file.pdf"} {
			if _, err := get(p, "", ""); !errors.Is(err, ErrRobots) {
				t.Errorf("%s: %v, want ErrRobots", p, err)
			}
			if count(p) != 0 {
				t.Errorf("%s was requested", p)
			}
		}
		if r, err := get("/private/open", "", ""); err != nil || string(r.Body) != "open" {
			t.Errorf("allowed path: %v", err)
		}
		if n := count("/robots.txt"); n != 1 {
			t.Errorf("robots.txt read %d times, want once", n)
		}
	})
	t.Run("5xx retried with backoff", func(t *testing.T) {
		r, err := get("/flaky", "", "")
		if err != nil || string(r.Body) != "mended" || count("/flaky") != 3 {
			t.Errorf("%v after %d requests", err, count("/flaky"))
		}
		_, err = get("/down", "", "")
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 503 || count("/down") != 3 {
			t.Errorf("%v after %d requests, want 503 after 3", err, count("/down"))
		}
	})
	t.Run("4xx not retried", func(t *testing.T) {
		_, err := get("/missing", "", "")
		if !errors.Is(err, ErrStatus) || count("/missing") != 1 {
			t.Errorf("%v after %d requests", err, count("/missing"))
		}
	})
	t.Run("429 honours Retry-After", func(t *testing.T) {
		start := time.Now()
		r, err := get("/busy", "", "")
		if err != nil || string(r.Body) != "served" {
			t.Fatalf("%v", err)
		}
		if d := time.Since(start); d < time.Second {
			t.Errorf("retried after %s, want the Retry-After of 1s", d)
		}
		start = time.Now()
		if _, err := get("/very-busy", "", ""); err == nil || !strings.Contains(err.Error(), "Retry-After") || time.Since(start) > time.Second {
			t.Errorf("Retry-After of an hour: %v after %s, want a quick error", err, time.Since(start))
		}
	})
	t.Run("redirects followed and capped", func(t *testing.T) {
		r, err := get("/moved", "", "")
		if err != nil || r.URL != srv.URL+"/page" {
			t.Errorf("%+v, %v", r, err)
		}
		if _, err := get("/loop", "", ""); !errors.Is(err, ErrRedirects) {
			t.Errorf("redirect loop: %v, want ErrRedirects", err)
		}
	})
	t.Run("endless body", func(t *testing.T) {
		if _, err := get("/endless", "", ""); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%v, want ErrTooLarge", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		cfg := fast()
		cfg.Timeout = 100 * time.Millisecond
		cfg.Retries = 1
		start := time.Now()
		_, err := New(cfg).Get(ctx, srv.URL+"/hang", "", "")
		if err == nil || time.Since(start) > 2*time.Second {
			t.Errorf("%v after %s", err, time.Since(start))
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := f.Get(c, srv.URL+"/page", "", ""); !errors.Is(err, context.Canceled) {
			t.Errorf("%v", err)
		}
	})
	t.Run("bad URL", func(t *testing.T) {
		if _, err := f.Get(ctx, "ftp://x/", "", ""); err == nil || !strings.HasPrefix(err.Error(), "fetch: ") {
			t.Errorf("%v", err)
		}
	})
}

// TestPoliteness: requests to one host never overlap and keep the delay
// between them; another host is not held up.
func TestPoliteness(t *testing.T) {
	var inFlight, most atomic.Int64
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nCrawl-delay: 0.05\n"))
			return
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(10 * time.Millisecond)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	cfg := fast()
	cfg.Delay = 20 * time.Millisecond
	f := New(cfg)
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), srv.URL+"/a", "", ""); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d requests at once to one host, want 1", most.Load())
	}
	for i := 1; i < len(starts); i++ {
		// Crawl-delay (50 ms) is longer than Delay (20 ms): it wins.
		if gap := starts[i].Sub(starts[i-1]); gap < 50*time.Millisecond {
			t.Errorf("requests %d and %d %s apart, want ≥ 50ms", i-1, i, gap)
		}
	}
}

func TestParseRobots(t *testing.T) {
	txt := "# comment\nUser-agent: entente\nUser-agent: other\nDisallow: /a\nAllow: /a/b\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n"
	r := parseRobots([]byte(txt), "entente")
	if r.delay != 2*time.Second {
		t.Errorf("delay %s", r.delay)
	}
	for path, want := range map[string]bool{"/": true, "/a": false, "/a/c": false, "/a/b": true, "/a/b/c": true, "/x?a=1": true} {
		u := mustURL(t, "https://h.example"+path)
		if got := r.allowed(u); got != want {
			t.Errorf("entente %s: %v, want %v", path, got, want)
		}
	}
	star := parseRobots([]byte(txt), "somebot")
	if star.allowed(mustURL(t, "https://h.example/x")) {
		t.Error("* group not applied")
	}
	for pat, cases := range map[string]map[string]bool{
		"/*.php$":    {"/a.php": true, "/a.php?x": false, "/a/b.php": true, "/php": false},
		"/fish*":     {"/fish": true, "/fishes": true, "/Fish": false},
		"/a*b*c":     {"/abc": true, "/a-b-c-d": true, "/acb": false},
		"/exact$":    {"/exact": true, "/exact/": false},
		"/*/private": {"/x/private": true, "/private": false},
	} {
		for path, want := range cases {
			if got := match(pat, path); got != want {
				t.Errorf("match(%q, %q) = %v, want %v", pat, path, got, want)
			}
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
