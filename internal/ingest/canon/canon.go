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
	tracking tsv.Words
}

// paramsFile is the path of the tracking parameters in data.FS and overlays.
const paramsFile = "clean/tracking_params.txt"

// New loads the tracking parameters from the embedded
// data/clean/tracking_params.txt and each overlay's.
func New(overlays ...fs.FS) (*Canon, error) {
	c := &Canon{}
	for i, fsys := range append([]fs.FS{data.FS}, overlays...) {
		if err := c.tracking.Load(fsys, paramsFile, i == 0); err != nil {
			return nil, fmt.Errorf("canon: %w", err)
		}
	}
	return c, nil
}

// ErrNotHTTP says a URL is not an absolute http or https URL.
var ErrNotHTTP = errors.New("not an absolute http(s) URL")

// isTracking reports whether a query parameter is a tracking one.
func (c *Canon) isTracking(name string) bool { return c.tracking.Match(strings.ToLower(name)) }

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
		if c.isTracking(dk) {
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
