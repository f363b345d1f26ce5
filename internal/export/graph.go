package export

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"

	"entente/internal/analysis"
	"entente/internal/model"
)

func init() {
	Register(&Format{Name: "graphml", Short: "GraphML actor network (weights, cooperation, conflict, alignment, blocs)",
		Parts: []Part{{Name: "graph", Ext: "graphml", Write: writeGraphML}}})
	Register(&Format{Name: "gexf", Short: "GEXF 1.2 actor network for Gephi (weights, alignment, blocs)",
		Parts: []Part{{Name: "graph", Ext: "gexf", Write: writeGEXF}}})
}

// network is the actor graph of a set of events: a node per actor code, an
// edge per pair that shares an event of a known quad category.
type network struct {
	nodes []netNode
	edges []analysis.Pair
}

type netNode struct {
	Code, Label string
	Bloc        int
	Events      int
}

func buildNetwork(evs []model.Event, c *Context) (network, error) {
	ix := analysis.NewIndex(c.Table, evs)
	rep, err := ix.Blocs(analysis.BlocOptions{From: analysis.NoDay, To: analysis.NoDay, Cite: 1})
	if err != nil {
		return network{}, err
	}
	count := map[string]int{}
	for i := range evs {
		for _, code := range evs[i].Codes() {
			count[code]++
		}
	}
	var n network
	for code, k := range count {
		n.nodes = append(n.nodes, netNode{Code: code, Label: ix.Name(code), Bloc: rep.BlocOf(code), Events: k})
	}
	sort.Slice(n.nodes, func(a, b int) bool { return n.nodes[a].Code < n.nodes[b].Code })
	n.edges = append(n.edges, rep.Pairs...)
	sort.Slice(n.edges, func(a, b int) bool {
		if n.edges[a].A != n.edges[b].A {
			return n.edges[a].A < n.edges[b].A
		}
		return n.edges[a].B < n.edges[b].B
	})
	return n, nil
}

func itoa(i int) string     { return strconv.Itoa(i) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
func xmlHeader(w io.Writer) error {
	_, err := io.WriteString(w, xml.Header)
	return err
}

// GraphML

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	} `xml:"graph"`
}

func writeGraphML(w io.Writer, evs []model.Event, c *Context) error {
	n, err := buildNetwork(evs, c)
	if err != nil {
		return err
	}
	g := graphML{XMLNS: "http://graphml.graphdrawing.org/xmlns", Keys: []gmlKey{
		{"label", "node", "label", "string"}, {"bloc", "node", "bloc", "int"}, {"events", "node", "events", "int"},
		{"weight", "edge", "weight", "double"}, {"cooperation", "edge", "cooperation", "int"},
		{"conflict", "edge", "conflict", "int"}, {"alignment", "edge", "alignment", "double"},
	}}
	g.Graph.ID, g.Graph.EdgeDefault = "entente", "undirected"
	for _, nd := range n.nodes {
		g.Graph.Nodes = append(g.Graph.Nodes, gmlNode{ID: nd.Code, Data: []gmlData{
			{"label", nd.Label}, {"bloc", itoa(nd.Bloc)}, {"events", itoa(nd.Events)}}})
	}
	for i, e := range n.edges {
		g.Graph.Edges = append(g.Graph.Edges, gmlEdge{ID: "e" + itoa(i), Source: e.A, Target: e.B, Data: []gmlData{
			{"weight", itoa(e.Coop + e.Conflict)}, {"cooperation", itoa(e.Coop)}, {"conflict", itoa(e.Conflict)},
			{"alignment", ftoa(e.Alignment)}}})
	}
	return writeXML(w, g)
}

func writeXML(w io.Writer, v any) error {
	if err := xmlHeader(w); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// GEXF 1.2

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfAttrs struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Weight string      `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexf struct {
	XMLName xml.Name `xml:"gexf"`
	XMLNS   string   `xml:"xmlns,attr"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		Mode        string      `xml:"mode,attr"`
		DefaultEdge string      `xml:"defaultedgetype,attr"`
		Attrs       []gexfAttrs `xml:"attributes"`
		Nodes       []gexfNode  `xml:"nodes>node"`
		Edges       []gexfEdge  `xml:"edges>edge"`
	} `xml:"graph"`
}

func writeGEXF(w io.Writer, evs []model.Event, c *Context) error {
	n, err := buildNetwork(evs, c)
	if err != nil {
		return err
	}
	var g gexf
	g.XMLNS, g.Version = "http://www.gexf.net/1.2draft", "1.2"
	g.Meta.Creator = c.Version
	g.Meta.Description = "actor network: an edge per pair of actors that share events; bloc from Louvain on cooperation and conflict layers"
	g.Graph.Mode, g.Graph.DefaultEdge = "static", "undirected"
	g.Graph.Attrs = []gexfAttrs{
		{Class: "node", Attrs: []gexfAttr{{"bloc", "bloc", "integer"}, {"events", "events", "integer"}}},
		{Class: "edge", Attrs: []gexfAttr{{"cooperation", "cooperation", "integer"}, {"conflict", "conflict", "integer"},
			{"alignment", "alignment", "double"}}},
	}
	for _, nd := range n.nodes {
		g.Graph.Nodes = append(g.Graph.Nodes, gexfNode{ID: nd.Code, Label: nd.Label, Values: []gexfValue{
			{"bloc", itoa(nd.Bloc)}, {"events", itoa(nd.Events)}}})
	}
	for i, e := range n.edges {
		g.Graph.Edges = append(g.Graph.Edges, gexfEdge{ID: itoa(i), Source: e.A, Target: e.B, Weight: itoa(e.Coop + e.Conflict),
			Values: []gexfValue{{"cooperation", itoa(e.Coop)}, {"conflict", itoa(e.Conflict)}, {"alignment", ftoa(e.Alignment)}}})
	}
	return writeXML(w, g)
}
