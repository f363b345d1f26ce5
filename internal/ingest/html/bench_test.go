package html

import (
	"os"
	"strings"
	"testing"
)

// page50k grows a test page to about 50 KB the way real pages are large:
// a longer menu and list of links, a longer article and a large script.
func page50k(tb testing.TB, name string) []byte {
	b, err := os.ReadFile("testdata/pages/" + name + ".html")
	if err != nil {
		tb.Fatal(err)
	}
	s := string(b)
	var menu strings.Builder
	for menu.Len() < 16000 {
		menu.WriteString(`<li><a href="/section/world/europe">Europe and the world</a></li>`)
	}
	s = strings.Replace(s, "</ul>", menu.String()+"</ul>", 1)
	var para strings.Builder
	for para.Len() < 14000 {
		para.WriteString("<p>The minister said the talks had been constructive and that both governments would continue to work together on trade, energy and security in the coming months.</p>\n")
	}
	s = strings.Replace(s, "</p>", "</p>"+para.String(), 1)
	s = strings.Replace(s, "</body>", "<script>"+strings.Repeat("var a=1;function f(){return a+1}", 300)+"</script></body>", 1)
	return []byte(s)
}

// BenchmarkExtract50KB extracts 50 KB pages, one of each layout in turn
// (two are found by semantic markup, three by Readability); pages/s is
// the throughput on the CPUs given (-cpu 1 for one core).
func BenchmarkExtract50KB(b *testing.B) {
	var pages [][]byte
	size := 0
	for _, name := range []string{"en_01", "en_02", "en_03", "en_04", "en_05"} {
		p := page50k(b, name)
		pages = append(pages, p)
		size += len(p)
	}
	x := Default()
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := x.Extract(pages[i%len(pages)], "text/html; charset=utf-8", "https://news.example/en/page"); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
