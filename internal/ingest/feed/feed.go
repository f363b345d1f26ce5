// Package feed reads news feeds: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed
// (github.com/mmcdole/gofeed).
//
// In: a feed's bytes. Out: its title and items, each with a key that
// stays the same across polls (its GUID or id, else its link, else its
// title and date), its link, title, publication date (YYYY-MM-DD, "" if
// none) and content (HTML, the item's full content else its summary).
package feed

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	Key       string
	Link      string
	Title     string
	Published string
	Content   string
}

// Parse reads a feed.
func Parse(b []byte) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	out := &Feed{Title: strings.TrimSpace(f.Title)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.Format(time.DateOnly)
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.Format(time.DateOnly)
		}
		item.Content = it.Content
		if strings.TrimSpace(item.Content) == "" {
			item.Content = it.Description
		}
		switch {
		case strings.TrimSpace(it.GUID) != "":
			item.Key = strings.TrimSpace(it.GUID)
		case item.Link != "":
			item.Key = item.Link
		default:
			item.Key = item.Title + "\x00" + item.Published
		}
		if item.Link == "" && strings.TrimSpace(item.Content) == "" {
			continue
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// Sniff reports whether a body (with its Content-Type) looks like a feed.
func Sniff(b []byte, contentType string) bool {
	ct := strings.ToLower(contentType)
	for _, t := range []string{"rss", "atom", "feed+json", "application/xml", "text/xml", "rdf"} {
		if strings.Contains(ct, t) {
			return true
		}
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	if bytes.HasPrefix(head, []byte("<?xml")) {
		return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf"))
	}
	return bytes.HasPrefix(head, []byte("<rss")) || bytes.HasPrefix(head, []byte("<feed")) ||
		bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org"))
}
