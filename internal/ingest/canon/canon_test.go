package canon

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// URL canonicalises with the embedded tracking parameters.
func URL(raw string) (string, error) {
	c, err := New()
	if err != nil {
		panic(err)
	}
	return c.URL(raw)
}

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example.COM/Politik/Artikel?utm_source=rss&utm_medium=feed#kommentare", "https://news.example.com/Politik/Artikel"},
		{"http://news.example:80", "http://news.example/"},
		{"https://news.example:443/a", "https://news.example/a"},
		{"https://news.example:8443/a", "https://news.example:8443/a"},
		{"https://news.example./a/%7Ex", "https://news.example/a/~x"},
		{"https://news.example/a?b=2&a=1&fbclid=xyz&a=0", "https://news.example/a?a=1&a=0&b=2"},
		{"https://news.example/a?UTM_Campaign=x&id=7&gclid=1", "https://news.example/a?id=7"},
		{"https://news.example/a?", "https://news.example/a"},
		{"https://user:pw@news.example/a", "https://news.example/a"},
		{"https://news.example/поиск?q=мир", "https://news.example/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=%D0%BC%D0%B8%D1%80"},
		{"  https://news.example/a  ", "https://news.example/a"},
	}
	for _, tt := range tests {
		got, err := URL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("URL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		// Canonical is a fixed point.
		if again, _ := URL(got); again != got {
			t.Errorf("URL(URL(%q)) = %q, want %q", tt.in, again, got)
		}
	}
	for _, bad := range []string{"", "news.example/a", "ftp://news.example/a", "mailto:a@b", "https:///a", "http://[::1"} {
		if got, err := URL(bad); err == nil {
			t.Errorf("URL(%q) = %q, want an error", bad, got)
		} else if !strings.HasPrefix(err.Error(), "canon: ") {
			t.Errorf("error %q without prefix", err)
		}
	}
	if _, err := URL("ftp://x/"); !errors.Is(err, ErrNotHTTP) {
		t.Errorf("ftp: %v, want ErrNotHTTP", err)
	}
}

func TestOverlay(t *testing.T) {
	c, err := New(fstest.MapFS{"clean/tracking_params.txt": {Data: []byte("# site\nsessionid\nx_*\n")}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := c.URL("https://a.example/p?sessionid=1&x_y=2&utm_term=3&keep=4")
	if got != "https://a.example/p?keep=4" {
		t.Errorf("got %q", got)
	}
	if _, err := New(fstest.MapFS{"clean/tracking_params.txt": {Data: []byte("*\n")}}); err == nil {
		t.Error("a bare * was accepted")
	}
}

func FuzzURL(f *testing.F) {
	f.Add("HTTPS://a.EXAMPLE:443/x/../y?utm_source=1&b=2&a=%zz#f")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := URL(s)
		if err != nil {
			return
		}
		if !strings.HasPrefix(c, "http://") && !strings.HasPrefix(c, "https://") || strings.Contains(c, "#") {
			t.Fatalf("URL(%q) = %q", s, c)
		}
		if again, err := URL(c); err != nil || again != c {
			t.Fatalf("not a fixed point: %q -> %q -> %q, %v", s, c, again, err)
		}
	})
}
