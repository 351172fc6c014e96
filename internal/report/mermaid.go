package report

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// Mermaid draws the decision path as a Mermaid flowchart: each question
// node, the answer taken on the edge leaving it, the outcome reached, and
// how many policies applied after it.
func Mermaid(r *decision.Recommendation) string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	prev, label := "", ""
	policies := 0
	for i, s := range r.Trace {
		id := fmt.Sprintf("n%d", i)
		switch s.Kind {
		case decision.StepNode:
			fmt.Fprintf(&b, "  %s{\"%s\"}\n", id, safetext.MermaidLabel(s.Title))
		case decision.StepOutcome:
			fmt.Fprintf(&b, "  %s[\"%s\"]\n", id, safetext.MermaidLabel(s.Title))
		default:
			policies++
			continue
		}
		link(&b, prev, id, label)
		prev, label = id, strings.Join(s.Answer, ", ")
	}
	if policies > 0 {
		fmt.Fprintf(&b, "  policies[[\"%d policies applied\"]]\n", policies)
		link(&b, prev, "policies", "")
	}
	return b.String()
}

func link(b *strings.Builder, from, to, label string) {
	switch {
	case from == "":
	case label == "":
		fmt.Fprintf(b, "  %s --> %s\n", from, to)
	default:
		fmt.Fprintf(b, "  %s -->|\"%s\"| %s\n", from, safetext.MermaidLabel(label), to)
	}
}
