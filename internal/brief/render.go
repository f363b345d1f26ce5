package brief

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Markdown writes the brief as Markdown: a section per heading, a bullet
// per statement, and under it a bullet per citation: [document, date,
// language] and the source sentence as written.
func (br *Brief) Markdown(w io.Writer) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: %s to %s\n", br.Title, br.From, br.To)
	if len(br.Focus) > 0 {
		fmt.Fprintf(&sb, "\nFocus: %s.\n", strings.Join(br.Focus, ", "))
	}
	for _, s := range br.Sections {
		fmt.Fprintf(&sb, "\n## %s\n\n", s.Title)
		if len(s.Statements) == 0 {
			sb.WriteString("Nothing to report.\n")
		}
		if s.Chart != nil && len(s.Chart.Labels) > 0 {
			fmt.Fprintf(&sb, "%s (cooperation / conflict): ", s.Chart.Title)
			var parts []string
			for i, l := range s.Chart.Labels {
				if s.Chart.Coop[i]+s.Chart.Conflict[i] > 0 {
					parts = append(parts, fmt.Sprintf("%s %d/%d", l, s.Chart.Coop[i], s.Chart.Conflict[i]))
				}
			}
			sb.WriteString(strings.Join(parts, ", ") + ".\n\n")
		}
		for _, st := range s.Statements {
			fmt.Fprintf(&sb, "- %s\n", st.Text)
			for _, c := range st.Cites {
				fmt.Fprintf(&sb, "  - [%s, %s, %s] “%s”\n", c.Doc, orDash(c.Date), orDash(c.Lang), c.Sentence)
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}

// svgBars draws a chart as grouped bars: cooperation and conflict per
// period.
func svgBars(c *Chart) template.HTML {
	if c == nil || len(c.Labels) == 0 {
		return ""
	}
	const h, top, bottom, left = 160, 10, 40, 30
	bw := 14
	gap := 6
	width := left + len(c.Labels)*(2*bw+gap) + 10
	mx := 1
	for i := range c.Labels {
		mx = max(mx, c.Coop[i], c.Conflict[i])
	}
	plot := h - top - bottom
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="%s">`, width, h, template.HTMLEscapeString(c.Title))
	fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="10">%d</text>`, 2, top+8, mx)
	fmt.Fprintf(&sb, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, left, h-bottom, width-5, h-bottom)
	for i, l := range c.Labels {
		x := left + i*(2*bw+gap)
		for j, v := range []int{c.Coop[i], c.Conflict[i]} {
			bh := v * plot / mx
			color := "#2b7bb9"
			what := "cooperation"
			if j == 1 {
				color, what = "#c0392b", "conflict"
			}
			fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s %s: %d</title></rect>`,
				x+j*bw, h-bottom-bh, bw-1, bh, color, template.HTMLEscapeString(l), what, v)
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="9" transform="rotate(45 %d %d)">%s</text>`, x, h-bottom+12, x, h-bottom+12, template.HTMLEscapeString(l))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

var page = template.Must(template.New("brief").Funcs(template.FuncMap{"svg": svgBars, "orDash": orDash}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}: {{.From}} to {{.To}}</title>
<style>
body { font-family: sans-serif; max-width: 58em; margin: 2em auto; line-height: 1.4; }
ul.cites { font-size: 0.85em; color: #444; }
ul.cites q { font-style: italic; }
.legend span { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 1em; }
</style>
</head>
<body>
<h1>{{.Title}}: {{.From}} to {{.To}}</h1>
{{if .Focus}}<p>Focus: {{range $i, $f := .Focus}}{{if $i}}, {{end}}{{$f}}{{end}}.</p>{{end}}
{{range .Sections}}<section>
<h2>{{.Title}}</h2>
{{with .Chart}}<figure>{{svg .}}<figcaption>{{.Title}} <span class="legend"><span style="background:#2b7bb9"></span>cooperation<span style="background:#c0392b"></span>conflict</span></figcaption></figure>{{end}}
{{if not .Statements}}<p>Nothing to report.</p>{{end}}
<ul>
{{range .Statements}}<li>{{.Text}}
<ul class="cites">{{range .Cites}}<li>[{{if .URL}}<a href="{{.URL}}">{{.Doc}}</a>{{else}}{{.Doc}}{{end}}, {{orDash .Date}}, {{orDash .Lang}}] <q lang="{{.Lang}}">{{.Sentence}}</q></li>{{end}}</ul>
</li>
{{end}}</ul>
</section>
{{end}}</body>
</html>
`))

// HTML writes the brief as one HTML page with inline SVG charts.
func (br *Brief) HTML(w io.Writer) error { return page.Execute(w, br) }
