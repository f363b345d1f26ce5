// Package canon gives a URL the one spelling entente knows a page by.
//
// In: a URL as a link, a feed or a user wrote it. Out: the same page's
// canonical URL: scheme and host in lower case, the default port, a
// trailing dot of the host and the fragment dropped, an empty path made
// "/", percent-encoding normalised, tracking parameters (utm_* and the
// others of data/clean/tracking_params.txt) removed and the remaining
// query parameters sorted by name (their order keeps the values' order).
package canon

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"entente/data"
	"entente/internal/tsv"
)

// Canon canonicalises URLs with a list of tracking parameters. It is safe
// for concurrent use.
type Canon struct {
	exact    map[string]bool
	prefixes []string
}

const paramsFile = "clean/tracking_params.txt"

// New loads the tracking parameters from the embedded
// data/clean/tracking_params.txt and each overlay's.
func New(overlays ...fs.FS) (*Canon, error) {
	c := &Canon{exact: map[string]bool{}}
	if err := c.load(data.FS, true); err != nil {
		return nil, err
	}
	for _, o := range overlays {
		if err := c.load(o, false); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *Canon) load(fsys fs.FS, required bool) error {
	err := tsv.Each(fsys, paramsFile, func(cols []string, n int) error {
		name := strings.ToLower(strings.TrimSpace(cols[0]))
		if p, ok := strings.CutSuffix(name, "*"); ok {
			if p == "" {
				return fmt.Errorf("%s:%d: a prefix needs letters before *", paramsFile, n)
			}
			c.prefixes = append(c.prefixes, p)
		} else {
			c.exact[name] = true
		}
		return nil
	})
	if !required && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("canon: %w", err)
	}
	return nil
}

// ErrNotHTTP says a URL is not an absolute http or https URL.
var ErrNotHTTP = errors.New("not an absolute http(s) URL")

// tracking reports whether a query parameter is a tracking one.
func (c *Canon) tracking(name string) bool {
	name = strings.ToLower(name)
	if c.exact[name] {
		return true
	}
	for _, p := range c.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// URL returns raw's canonical form; it fails for what is no absolute http
// or https URL.
func (c *Canon) URL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canon: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("canon: %q: %w", raw, ErrNotHTTP)
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	host = strings.TrimRight(host, ".")
	if host == "" {
		return "", fmt.Errorf("canon: %q: %w", raw, ErrNotHTTP)
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	// Re-encode the path from its decoded form: %7E and ~ are one page.
	u.RawPath = ""
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		u.RawQuery = c.query(u.RawQuery)
	}
	u.ForceQuery = false
	return u.String(), nil
}

// query drops tracking parameters and sorts the rest by name, keeping the
// order of a name's values.
func (c *Canon) query(raw string) string {
	type kv struct{ k, v, enc string }
	var kept []kv
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			dk = k
		}
		if c.tracking(dk) {
			continue
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			dv = v
		}
		enc := url.QueryEscape(dk)
		if strings.Contains(part, "=") {
			enc += "=" + url.QueryEscape(dv)
		}
		kept = append(kept, kv{dk, dv, enc})
	}
	slices.SortStableFunc(kept, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.enc
	}
	return strings.Join(parts, "&")
}
