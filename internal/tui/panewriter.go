package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// paneWriter builds a pane's text, wrapped to the pane's width, with the
// styles of its kinds of line.
type paneWriter struct {
	st    *Styles
	width int
	b     strings.Builder
}

func (w *paneWriter) line(style lipgloss.Style, prefix, text string) {
	w.b.WriteString(style.Render(indent(prefix, wrap(text, w.width-len([]rune(prefix))))))
	w.b.WriteString("\n")
}

func (w *paneWriter) heading(s string) {
	if w.b.Len() > 0 {
		w.b.WriteString("\n")
	}
	w.line(w.st.Heading, "", s)
}

func (w *paneWriter) text(prefix, s string)    { w.line(w.st.Text, prefix, s) }
func (w *paneWriter) accent(prefix, s string)  { w.line(w.st.Accent, prefix, s) }
func (w *paneWriter) warning(prefix, s string) { w.line(w.st.Warning, prefix, s) }
func (w *paneWriter) muted(s string)           { w.line(w.st.Muted, "", s) }
func (w *paneWriter) good(s string)            { w.line(w.st.Good, "", s) }
func (w *paneWriter) danger(s string)          { w.line(w.st.Danger, "", s) }

// item writes a scheme or anti-pattern with why it is listed and its
// sources; the first choice stands out.
func (w *paneWriter) item(it decision.Item, first bool) {
	title := safetext.Plain(it.Title) + " (" + safetext.Plain(it.ID) + ")"
	if first {
		w.accent("", title)
	} else {
		w.text("• ", title)
	}
	w.body(it.Why, it.Sources)
}

// body writes an item's reason and sources, indented under it.
func (w *paneWriter) body(why string, sources []string) {
	if why != "" {
		w.text("    ", safetext.Plain(why))
	}
	if len(sources) > 0 {
		w.line(w.st.Muted, "    ", "Sources: "+safetext.Plain(strings.Join(sources, "; ")))
	}
}

// section writes a heading and its items, or nothing when there are none.
func (w *paneWriter) section(title string, items []decision.Item) {
	if len(items) == 0 {
		return
	}
	w.heading(title)
	for _, it := range items {
		w.item(it, false)
	}
}

// step writes one step of the decision path with the rule's place in the
// decision file.
func (w *paneWriter) step(prefix string, s decision.Step) {
	title := safetext.Plain(s.Title)
	if title == "" {
		title = safetext.Plain(s.ID)
	}
	if s.Question != "" {
		title += ": " + safetext.Plain(s.Question) + " = " +
			safetext.Plain(strings.Join(s.Answer, ", "))
		if s.Next != "" {
			title += " → " + safetext.Plain(s.Next)
		}
	}
	if s.Kind == decision.StepOutcome {
		w.accent(prefix, title)
	} else {
		w.text(prefix, title)
	}
	where := safetext.Plain(s.File) + ":" + strconv.Itoa(s.Line)
	if len(s.Sources) > 0 {
		where += " · " + safetext.Plain(strings.Join(s.Sources, "; "))
	}
	w.line(w.st.Muted, strings.Repeat(" ", len([]rune(prefix))), where)
}

// file writes a snippet file's name and its content, line by line.
func (w *paneWriter) file(path string, data []byte) {
	w.b.WriteString("\n")
	w.line(w.st.FileName, "── ", safetext.Plain(path))
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		l = safetext.Plain(strings.ReplaceAll(l, "\t", "    "))
		w.b.WriteString(w.st.Code.Render(clip(l, w.width-w.st.Code.GetHorizontalFrameSize())))
		w.b.WriteString("\n")
	}
}
