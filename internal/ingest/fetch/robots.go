package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robots is what a site's robots.txt says to this fetcher.
type robots struct {
	rules []robotsRule // of the group that applies, longest pattern first wins
	delay time.Duration
	all   bool  // disallow everything: robots.txt could not be read
	err   error // why it could not
}

type robotsRule struct {
	allow   bool
	pattern string
}

// readRobots fetches and parses the host's robots.txt; the caller holds
// h.mu. As RFC 9309 says, a robots.txt that is not there (4xx) allows
// everything, and one that cannot be read (5xx after retries, no
// connection) disallows everything until the fetcher is made anew.
func (f *Fetcher) readRobots(ctx context.Context, h *host, u *url.URL) *robots {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return &robots{}
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	resp, err := f.do(ctx, h, req, 0)
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Code < 500:
		return &robots{}
	case err != nil:
		return &robots{all: true, err: err}
	}
	return parseRobots(resp.Body, f.name)
}

// parseRobots reads robots.txt for the fetcher called name: the group
// naming it, else the * group.
func parseRobots(b []byte, name string) *robots {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(v))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if v == "" { // "Disallow:" allows all
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 && s < 3600 {
					cur.delay = time.Duration(s * float64(time.Second))
				}
			}
		default:
			inAgents = false
		}
	}
	var star, mine *group
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				if star == nil {
					star = g
				}
			case a != "" && name != "" && strings.HasPrefix(name, a):
				if mine == nil {
					mine = g
				}
			}
		}
	}
	if mine == nil {
		mine = star
	}
	if mine == nil {
		return &robots{}
	}
	return &robots{rules: mine.rules, delay: mine.delay}
}

// allowed reports whether u may be fetched: the longest matching pattern
// decides, Allow winning a tie; no match allows.
func (r *robots) allowed(u *url.URL) bool {
	if r.all {
		return u.Path == "/robots.txt"
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rl := range r.rules {
		if n := len(rl.pattern); n >= best && match(rl.pattern, path) {
			if n > best || rl.allow {
				allow = rl.allow
			}
			best = n
		}
	}
	return allow
}

// match matches a robots.txt path pattern: a prefix, with * for any run of
// characters and a final $ anchoring the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}
