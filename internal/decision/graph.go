package decision

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// GraphFormats lists the formats of Graph.
var GraphFormats = []string{"mermaid", "dot"}

// graphEdge is one branch of the tree.
type graphEdge struct{ from, to, label string }

// Graph draws the whole tree as a Mermaid flowchart or a Graphviz DOT
// digraph: a diamond per question node with an edge per branch labelled with
// its values, and a box per outcome naming its primary schemes. Nodes and
// edges on path, a sequence of node ids such as a trace's, are highlighted.
func (f *File) Graph(format string, path []string) (string, error) {
	taken := map[string]bool{}
	for i, id := range path {
		taken[id] = true
		if i > 0 {
			taken[path[i-1]+">"+id] = true
		}
	}
	switch format {
	case "mermaid":
		return f.mermaid(taken), nil
	case "dot":
		return f.dot(taken), nil
	}
	return "", fmt.Errorf("unknown graph format %q; use mermaid or dot", format)
}

func (f *File) edges() []graphEdge {
	var out []graphEdge
	for _, n := range f.Tree.Nodes {
		for _, br := range n.Branches {
			out = append(out, graphEdge{n.ID, br.Goto, strings.Join(br.Values, ", ")})
		}
		if n.Otherwise != "" {
			out = append(out, graphEdge{n.ID, n.Otherwise, "otherwise"})
		}
	}
	return out
}

// nodeLabel is a node's title, and for an outcome its primary schemes.
func nodeLabel(n Node) (title, schemes string) {
	title = n.Title
	if title == "" {
		title = n.ID
	}
	if n.Outcome == nil {
		return title, ""
	}
	ids := make([]string, len(n.Outcome.Primary))
	for i, r := range n.Outcome.Primary {
		ids[i] = r.ID
	}
	return title, strings.Join(ids, " + ")
}

func (f *File) mermaid(taken map[string]bool) string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	var hot []string
	for _, n := range f.Tree.Nodes {
		title, schemes := nodeLabel(n)
		if n.Outcome == nil {
			fmt.Fprintf(&b, "  %s{\"%s\"}\n", n.ID, safetext.MermaidLabel(title))
		} else {
			fmt.Fprintf(&b, "  %s[\"%s<br/>%s\"]\n", n.ID, safetext.MermaidLabel(title),
				safetext.MermaidLabel(schemes))
		}
		if taken[n.ID] {
			hot = append(hot, n.ID)
		}
	}
	var hotEdges []string
	for i, e := range f.edges() {
		fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", e.from, safetext.MermaidLabel(e.label), e.to)
		if taken[e.from+">"+e.to] {
			hotEdges = append(hotEdges, fmt.Sprint(i))
		}
	}
	if len(hot) > 0 {
		b.WriteString("  classDef taken stroke-width:4px,font-weight:bold\n")
		fmt.Fprintf(&b, "  class %s taken\n", strings.Join(hot, ","))
	}
	if len(hotEdges) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke-width:4px\n", strings.Join(hotEdges, ","))
	}
	return b.String()
}

func (f *File) dot(taken map[string]bool) string {
	var b strings.Builder
	b.WriteString("digraph decisions {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n")
	for _, n := range f.Tree.Nodes {
		title, schemes := nodeLabel(n)
		attrs := "shape=diamond"
		label := dotString(title)
		if n.Outcome != nil {
			attrs = "shape=box"
			label = dotString(title + "\n" + schemes)
		}
		if taken[n.ID] {
			attrs += ", penwidth=3, style=bold"
		}
		fmt.Fprintf(&b, "  %s [%s, label=%s];\n", n.ID, attrs, label)
	}
	for _, e := range f.edges() {
		attrs := "label=" + dotString(e.label)
		if taken[e.from+">"+e.to] {
			attrs += ", penwidth=3, style=bold"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", e.from, e.to, attrs)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotString quotes text as a DOT string; a newline becomes a line break.
func dotString(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = safetext.Plain(l)
		lines[i] = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(l)
	}
	return `"` + strings.Join(lines, `\n`) + `"`
}
