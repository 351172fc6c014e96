package decision

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// Graph draws the whole tree as a Mermaid flowchart: a diamond per question
// node with an edge per branch labelled with its values, and a box per
// outcome naming its primary schemes.
func (f *File) Graph() string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	for _, n := range f.Tree.Nodes {
		label := n.Title
		if label == "" {
			label = n.ID
		}
		if n.Outcome == nil {
			fmt.Fprintf(&b, "  %s{\"%s\"}\n", n.ID, safetext.MermaidLabel(label))
			continue
		}
		var schemes []string
		for _, r := range n.Outcome.Primary {
			schemes = append(schemes, r.ID)
		}
		fmt.Fprintf(&b, "  %s[\"%s<br/>%s\"]\n", n.ID, safetext.MermaidLabel(label),
			safetext.MermaidLabel(strings.Join(schemes, " + ")))
	}
	for _, n := range f.Tree.Nodes {
		for _, br := range n.Branches {
			fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", n.ID,
				safetext.MermaidLabel(strings.Join(br.Values, ", ")), br.Goto)
		}
		if n.Otherwise != "" {
			fmt.Fprintf(&b, "  %s -->|\"otherwise\"| %s\n", n.ID, n.Otherwise)
		}
	}
	return b.String()
}
