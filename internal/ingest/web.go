package ingest

import (
	"context"
	"fmt"

	"entente/internal/ingest/feed"
	"entente/internal/ingest/fetch"
	"entente/internal/ingest/html"
	"entente/internal/model"
)

// Web reads documents from URLs: web pages, and the items of feeds.
type Web struct {
	Parser  *Parser
	Fetcher *fetch.Fetcher
	// Feeds says that every URL is a feed; otherwise a URL whose answer
	// looks like a feed (feed.Sniff) is read as one, and any other as a
	// page.
	Feeds bool
	// Published is the publication date of documents that carry none.
	Published model.Point
}

// Fetch reads one URL and calls fn with its document, or with each of its
// items' documents for a feed, or with the error. It is an Options.Fetch.
func (w *Web) Fetch(ctx context.Context, rawURL string, fn func(*model.Document, error) error) error {
	resp, err := w.Fetcher.Get(ctx, rawURL, "", "")
	if err != nil {
		return fn(nil, fmt.Errorf("ingest: %w", err))
	}
	if w.Feeds || feed.Sniff(resp.Body, resp.ContentType) {
		f, err := feed.Parse(resp.Body)
		if err != nil {
			return fn(nil, fmt.Errorf("ingest: %s: %w", rawURL, err))
		}
		for i := range f.Items {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := fn(w.Item(ctx, &f.Items[i])); err != nil {
				return err
			}
		}
		return nil
	}
	return fn(w.page(resp, nil))
}

// Item fetches a feed item's page and makes its document; the item's
// title and date stand in for what the page's metadata lacks. An item
// without a link, or whose page holds no text, is read from the feed's own
// content.
func (w *Web) Item(ctx context.Context, it *feed.Item) (*model.Document, error) {
	if it.Link == "" {
		return w.fromContent(it, "")
	}
	resp, err := w.Fetcher.Get(ctx, it.Link, "", "")
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	doc, err := w.page(resp, it)
	if err != nil && it.Content != "" {
		return w.fromContent(it, resp.URL)
	}
	return doc, err
}

// page makes the document of a fetched page.
func (w *Web) page(resp *fetch.Response, it *feed.Item) (*model.Document, error) {
	pg, err := w.Parser.html.Extract(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", resp.URL, err)
	}
	return w.doc(pg, it, resp.URL), nil
}

// fromContent makes a document of an item's own content.
func (w *Web) fromContent(it *feed.Item, pageURL string) (*model.Document, error) {
	if pageURL == "" {
		pageURL = it.Link
	}
	pg, err := w.Parser.html.Extract([]byte("<html><body><article>"+it.Content+"</article></body></html>"), "text/html; charset=utf-8", pageURL)
	if err != nil {
		return nil, fmt.Errorf("ingest: feed item %q: %w", it.Key, err)
	}
	return w.doc(pg, it, pageURL), nil
}

// doc fills in from the item what the page lacks and builds the document,
// known and cited by its canonical URL.
func (w *Web) doc(pg *html.Page, it *feed.Item, fetched string) *model.Document {
	if it != nil {
		if pg.Date == "" {
			pg.Date = it.Published
		}
		if pg.Title == "" && it.Title != "" {
			pg.Title = it.Title
			pg.Paragraphs = append([]string{it.Title}, pg.Paragraphs...)
		}
	}
	id := pg.URL
	if id == "" {
		if c, err := w.Parser.canon.URL(fetched); err == nil {
			id, pg.URL = c, c
		} else {
			id = fetched
		}
	}
	return w.Parser.Parse(id, id, pg.Text(), w.Published)
}
