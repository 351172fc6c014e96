package tui

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// paneCount is the number of panes of the result view.
const paneCount = 5

// paneTitle names pane i, in tab order.
func paneTitle(i int) string {
	return [paneCount]string{"Recommendation", "Why", "Settings", "Snippets", "Warnings"}[i]
}

// paneContent draws pane i for a width; text from the decision file and
// the templates passes through safetext.Plain first.
func (m *Model) paneContent(i, width int) string {
	w := &paneWriter{st: m.st, width: width}
	rec := m.result.rec
	switch i {
	case 0:
		writeRecommendation(w, rec)
	case 1:
		writeWhy(w, rec)
	case 2:
		writeSettings(w, rec)
	case 3:
		writeSnippets(w, m.result)
	case 4:
		writeWarnings(w, rec)
	}
	return strings.TrimRight(w.b.String(), "\n")
}

func writeRecommendation(w *paneWriter, rec *decision.Recommendation) {
	if len(rec.Primary) == 0 {
		w.muted("The decision file recommends no scheme for these answers.")
	}
	for i, it := range rec.Primary {
		if i == 0 {
			w.heading("First choice")
		} else if i == 1 {
			w.heading("Also recommended")
		}
		w.item(it, i == 0)
	}
	w.section("Alternatives", rec.Alternatives)
	w.section("Rejected", rec.Rejected)
	w.section("Migration from what the API uses today", rec.Migration)
}

func writeWhy(w *paneWriter, rec *decision.Recommendation) {
	w.heading("Answers")
	for _, a := range rec.Answers {
		val := strings.Join(a.Values, ", ")
		if val == "" {
			val = "none"
		}
		if a.Defaulted {
			val += " (default)"
		}
		w.text("• ", safetext.Plain(a.Title)+" "+safetext.Plain(val))
	}
	w.heading("Decision path")
	n := 0
	for _, s := range rec.Trace {
		if s.Kind == decision.StepPolicy {
			continue
		}
		n++
		w.step(fmt.Sprintf("%d. ", n), s)
	}
	w.heading("Policies that fired")
	fired := 0
	for _, s := range rec.Trace {
		if s.Kind == decision.StepPolicy {
			fired++
			w.step("• ", s)
		}
	}
	if fired == 0 {
		w.muted("none")
	}
}

func writeSettings(w *paneWriter, rec *decision.Recommendation) {
	w.heading("Settings")
	if len(rec.Settings) == 0 {
		w.muted("none")
	}
	for _, it := range rec.Settings {
		title := safetext.Plain(it.Title)
		if it.Value != "" {
			title += " = " + safetext.Plain(it.Value)
		}
		w.accent("• ", title)
		w.body(it.Why, it.Sources)
	}
	w.heading("Checklists")
	if len(rec.Checklists) == 0 {
		w.muted("none")
	}
	for _, c := range rec.Checklists {
		w.accent("", safetext.Plain(c.Title))
		for _, item := range c.Items {
			w.text("  [ ] ", safetext.Plain(item))
		}
	}
}

func writeSnippets(w *paneWriter, r *resultView) {
	if len(r.rec.Snippets) == 0 {
		w.muted("No starter configuration comes with this recommendation.")
		return
	}
	w.heading("Starter configuration")
	for _, s := range r.rec.Snippets {
		w.text("• ", safetext.Plain(s.Title)+" → snippets/"+safetext.Plain(s.Path))
	}
	if r.filesErr != nil {
		w.danger(safetext.Plain(r.filesErr.Error()))
		return
	}
	w.muted("Press w to write them with the report.")
	for _, f := range r.files {
		if !strings.HasPrefix(f.Path, "snippets/") {
			continue
		}
		w.file(f.Path, f.Data)
	}
}

func writeWarnings(w *paneWriter, rec *decision.Recommendation) {
	if len(rec.Warnings) == 0 {
		w.good("No warnings: the answers ask for nothing unsafe.")
		return
	}
	for _, it := range rec.Warnings {
		w.warning("! ", safetext.Plain(it.Title))
		w.body(it.Why, it.Sources)
		if it.Safe != "" {
			w.text("    ", "Safe choice: "+safetext.Plain(it.Safe))
		}
	}
}
