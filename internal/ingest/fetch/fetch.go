// Package fetch gets web pages and feeds the way a site's operator would
// accept.
//
// In: an http(s) URL, optionally with the validators (ETag, Last-Modified)
// of the copy fetched before. Out: the body (decompressed, at most
// Config.MaxBytes), its Content-Type and the final URL, or "not modified".
//
// The fetcher says who it is (Config.UserAgent), obeys robots.txt (its
// Disallow and Allow lines for the fetcher's name or *, and a Crawl-delay
// longer than Config.Delay), sends one request at a time to a host with
// Config.Delay between them, asks for gzip, gives up a request after
// Config.Timeout, caps redirects (Config.MaxRedirects), and retries 5xx
// answers, 429 and failed connections up to Config.Retries times with
// exponential backoff from Config.Backoff, honouring Retry-After up to
// Config.MaxRetryAfter.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config says how to fetch. Zero fields take the defaults of Defaults.
type Config struct {
	// UserAgent names the fetcher; its first word (before "/") is the name
	// matched against robots.txt groups.
	UserAgent string
	// Delay is the least time between two requests to one host.
	Delay time.Duration
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// MaxBytes is the largest body read (after decompression).
	MaxBytes int64
	// Retries is how often a 5xx, 429 or failed connection is tried again.
	Retries int
	// Backoff is the wait before the first retry; it doubles each time.
	Backoff time.Duration
	// MaxRetryAfter is the longest Retry-After waited for; a longer one
	// fails the fetch.
	MaxRetryAfter time.Duration
	// MaxRedirects caps the redirects followed.
	MaxRedirects int
	// Transport, when set, replaces http.DefaultTransport (tests).
	Transport http.RoundTripper
}

// Defaults are the values of zero Config fields.
var Defaults = Config{
	UserAgent:     "entente/1.0 (political event extraction; +https://github.com/entente)",
	Delay:         2 * time.Second,
	Timeout:       30 * time.Second,
	MaxBytes:      10 << 20,
	Retries:       3,
	Backoff:       2 * time.Second,
	MaxRetryAfter: 2 * time.Minute,
	MaxRedirects:  5,
}

// Errors a fetch can end with; test with errors.Is.
var (
	ErrRobots    = errors.New("disallowed by robots.txt")
	ErrTooLarge  = errors.New("body too large")
	ErrRedirects = errors.New("too many redirects")
	ErrStatus    = errors.New("bad status")
)

// StatusError is an HTTP answer that is no success; it matches ErrStatus.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string        { return fmt.Sprintf("%s: %s", ErrStatus, e.Status) }
func (e *StatusError) Is(target error) bool { return target == ErrStatus }

// Response is a fetched resource.
type Response struct {
	// URL is where the body came from, after redirects.
	URL string
	// Status is the HTTP status code of the last answer.
	Status int
	// NotModified says the server has nothing newer than the validators
	// sent (304); Body is then empty.
	NotModified bool
	Body        []byte
	ContentType string
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
}

// Fetcher fetches politely. It is safe for concurrent use; requests to one
// host wait for each other.
type Fetcher struct {
	cfg    Config
	client *http.Client
	name   string // the User-Agent's product name, lower case

	mu    sync.Mutex
	hosts map[string]*host
}

// host is what the fetcher keeps per scheme and host.
type host struct {
	mu     sync.Mutex // held for a whole request: one at a time
	last   time.Time  // when the last request to it ended
	robots *robots    // nil until read
}

// New makes a fetcher.
func New(cfg Config) *Fetcher {
	d := Defaults
	orDefault(&cfg.UserAgent, d.UserAgent)
	orDefault(&cfg.Delay, d.Delay)
	orDefault(&cfg.Timeout, d.Timeout)
	orDefault(&cfg.MaxBytes, d.MaxBytes)
	orDefault(&cfg.Retries, d.Retries)
	orDefault(&cfg.Backoff, d.Backoff)
	orDefault(&cfg.MaxRetryAfter, d.MaxRetryAfter)
	orDefault(&cfg.MaxRedirects, d.MaxRedirects)
	tr := cfg.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	f := &Fetcher{cfg: cfg, hosts: map[string]*host{}}
	f.name = strings.ToLower(strings.TrimSpace(strings.SplitN(strings.SplitN(cfg.UserAgent, "/", 2)[0], " ", 2)[0]))
	f.client = &http.Client{
		Transport: tr,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("%w (%d)", ErrRedirects, cfg.MaxRedirects)
			}
			return nil
		},
	}
	return f
}

// orDefault sets *v to d when it is the zero value.
func orDefault[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// Config returns the fetcher's configuration with defaults filled in.
func (f *Fetcher) Config() Config { return f.cfg }

func (f *Fetcher) host(u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = &host{}
		f.hosts[key] = h
	}
	return h
}

// Get fetches rawURL, sending etag and lastModified (either may be "") as
// validators. It fails with ErrRobots when robots.txt disallows the URL,
// ErrTooLarge past Config.MaxBytes, ErrRedirects past the redirect cap and
// ErrStatus for a 4xx or a 5xx that retries did not mend.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch: %s: not an http(s) URL", rawURL)
	}
	h := f.host(u)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.robots == nil {
		h.robots = f.readRobots(ctx, h, u)
	}
	if !h.robots.allowed(u) {
		if h.robots.err != nil {
			return nil, fmt.Errorf("fetch: %s: %w (robots.txt unreadable: %v)", rawURL, ErrRobots, h.robots.err)
		}
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, ErrRobots)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.8")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.do(ctx, h, req, h.robots.delay)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	return resp, nil
}

// do sends req with the host's politeness and retries.
func (f *Fetcher) do(ctx context.Context, h *host, req *http.Request, crawlDelay time.Duration) (*Response, error) {
	delay := max(f.cfg.Delay, crawlDelay)
	backoff := f.cfg.Backoff
	for attempt := 0; ; attempt++ {
		if err := sleep(ctx, time.Until(h.last.Add(delay))); err != nil {
			return nil, err
		}
		resp, retryAfter, err := f.once(req)
		h.last = time.Now()
		if err == nil {
			return resp, nil
		}
		var re retryable
		if !errors.As(err, &re) || attempt >= f.cfg.Retries || ctx.Err() != nil {
			return nil, err
		}
		wait := backoff
		backoff *= 2
		if retryAfter > 0 {
			if retryAfter > f.cfg.MaxRetryAfter {
				return nil, fmt.Errorf("%w (Retry-After %s is longer than %s)", err, retryAfter, f.cfg.MaxRetryAfter)
			}
			wait = max(wait, retryAfter)
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryable marks an error worth another try.
type retryable struct{ error }

func (r retryable) Unwrap() error { return r.error }

// once sends one request and reads its answer.
func (f *Fetcher) once(req *http.Request) (*Response, time.Duration, error) {
	resp, err := f.client.Do(req.Clone(req.Context()))
	if err != nil {
		if errors.Is(err, ErrRedirects) || req.Context().Err() != nil {
			return nil, 0, err
		}
		return nil, 0, retryable{err}
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"), ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), retryable{&StatusError{resp.StatusCode, resp.Status}}
	case resp.StatusCode >= 300:
		return nil, 0, &StatusError{resp.StatusCode, resp.Status}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, 0, retryable{err}
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, f.cfg.MaxBytes)
	}
	out.Body = body
	return out, 0, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
