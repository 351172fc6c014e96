package tui

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// BenchmarkFirstFrame measures the review's share of the first frame: the
// built-in decision file, the form generated from it, and the first view
// at the terminal's size. README.md gives the figures.
func BenchmarkFirstFrame(b *testing.B) {
	for b.Loop() {
		m := New(Options{File: decisions.Snapshot(), Templates: templates.FS(),
			Styles: NewStyles(Dark)})
		m.Init()
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if m.View() == "" {
			b.Fatal("empty first frame")
		}
	}
}

// BenchmarkKeyPress measures one key press on the form: the update and
// the view drawn after it. The keys walk down the first question's
// options and back, so some presses change which questions apply.
func BenchmarkKeyPress(b *testing.B) {
	f := decisions.Snapshot()
	m := New(Options{File: f, Templates: templates.FS(), Styles: NewStyles(Dark)})
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	n := len(f.Questions[0].Options) - 1
	i := 0
	for b.Loop() {
		k := tea.KeyMsg{Type: tea.KeyDown}
		if i%(2*n) >= n {
			k.Type = tea.KeyUp
		}
		m.Update(k)
		i++
		_ = m.View()
	}
}

// BenchmarkPreviewWorstCase measures the slowest preview the built-in
// file needs: every multi-choice question open. It runs off the update
// loop, so a key press never waits for it.
func BenchmarkPreviewWorstCase(b *testing.B) {
	f := decisions.Snapshot()
	known := decision.Answers{}
	for _, q := range f.Questions {
		if q.Default == nil && !q.Multi {
			known[q.ID] = []string{q.Options[0].Value}
		}
	}
	if p := computePreview(context.Background(), f, known); p.Open {
		b.Fatal("the preview gave up")
	}
	for b.Loop() {
		computePreview(context.Background(), f, known)
	}
}
