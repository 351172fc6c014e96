package tui

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/safetext"
)

// maxRemainingShown is how many unanswered questions the preview lists.
const maxRemainingShown = 4

// previewView draws the live preview in a box of the given size.
func (m *Model) previewView(width, height int) string {
	w := &paneWriter{st: m.st, width: width - m.st.Preview.GetHorizontalFrameSize()}
	w.line(m.st.Heading, "", "Preview")
	m.writeFirstChoice(w)
	m.writeWarningsSoFar(w)
	m.writeRemaining(w)
	return boxed(m.st.Preview, strings.TrimRight(w.b.String(), "\n"), width, height)
}

// writeFirstChoice says what the first choice is, or what it depends on.
func (m *Model) writeFirstChoice(w *paneWriter) {
	p := m.preview
	switch {
	case p.Err != "":
		w.danger(p.Err)
	case p.Open:
		w.text("", "First choice: depends on the remaining answers")
	case len(p.First) == 0:
		w.muted("First choice: working it out…")
	case len(p.First) > 1:
		w.text("", "First choice: one of")
		w.accent("", strings.Join(p.First, " · "))
	default:
		w.text("", "First choice:")
		w.accent("", p.First[0])
		if len(m.answers.unanswered()) > 0 {
			w.muted("settled: no answer to the questions left changes it")
		}
	}
	switch {
	case p.Open || p.Defaults == 0:
	case p.Defaults == 1:
		w.muted("(an unanswered question with a default counts as its default)")
	default:
		w.muted(fmt.Sprintf("(%d unanswered questions with a default count as their "+
			"defaults)", p.Defaults))
	}
}

// writeWarningsSoFar lists the warnings raised whatever the remaining
// answers are.
func (m *Model) writeWarningsSoFar(w *paneWriter) {
	p := m.preview
	w.b.WriteString("\n")
	switch {
	case p.Open || p.Err != "" || len(p.First) == 0:
		w.muted("Warnings so far: not known yet")
	case len(p.Warnings) == 0:
		w.good("Warnings so far: none")
	default:
		w.warning("", fmt.Sprintf("Warnings so far (%d):", len(p.Warnings)))
		for _, t := range p.Warnings {
			w.warning("! ", t)
		}
	}
}

// writeRemaining lists the questions that still need an answer.
func (m *Model) writeRemaining(w *paneWriter) {
	left := m.answers.unanswered()
	w.b.WriteString("\n")
	if len(left) == 0 {
		w.good("Every question is answered; confirm the last page to see the result.")
		return
	}
	w.text("", fmt.Sprintf("Still to answer (%d):", len(left)))
	for i, q := range left {
		if i == maxRemainingShown {
			w.muted(fmt.Sprintf("  … and %d more", len(left)-maxRemainingShown))
			return
		}
		w.line(m.st.Muted, "• ", safetext.Plain(q.Title))
	}
}
