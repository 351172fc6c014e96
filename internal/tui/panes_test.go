package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/x/ansi"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/review"
	"github.com/authadvisor/authadvisor/internal/snippet"
	"github.com/authadvisor/authadvisor/templates"
)

// resultModel is a model showing the result for the README's banking SPA
// example, evaluated against the built-in decision file.
func resultModel(t *testing.T) *Model {
	t.Helper()
	f := decisions.Snapshot()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "spa-banking.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Parse("spa-banking.yaml", data, f)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := f.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	files, err := review.Files(f, templates.FS(), rec, snippet.DefaultParams(review.IdP(rec)))
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{File: f, Templates: templates.FS()})
	m.showResult(resultMsg{rec: rec, files: files})
	return m
}

func TestPanesShowTheRecommendation(t *testing.T) {
	m := resultModel(t)
	rec := m.result.rec
	var want [paneCount][]string
	want[0] = append(want[0], "First choice", rec.Primary[0].Title)
	for _, s := range rec.Trace {
		want[1] = append(want[1], fmt.Sprintf("%s:%d", s.File, s.Line))
	}
	want[1] = append(want[1], "Decision path", "Policies that fired")
	for _, s := range rec.Settings {
		want[2] = append(want[2], s.Title)
	}
	for _, c := range rec.Checklists {
		want[2] = append(want[2], c.Title, "[ ] "+c.Items[0])
	}
	for _, s := range rec.Snippets {
		want[3] = append(want[3], "snippets/"+s.Path)
	}
	for _, w := range rec.Warnings {
		want[4] = append(want[4], w.Title)
	}
	if len(want[3]) == 0 || len(want[1]) < 3 {
		t.Fatalf("the example has no snippets or no trace: %+v", want)
	}
	for i := range paneCount {
		// A wide pane, so that no wanted text is wrapped.
		text := ansi.Strip(m.paneContent(i, 400))
		for _, s := range want[i] {
			if !strings.Contains(text, s) {
				t.Errorf("pane %s lacks %q", paneTitle(i), s)
			}
		}
	}
}

func TestPanesFitTheirWidth(t *testing.T) {
	m := resultModel(t)
	for i := range paneCount {
		for n, l := range strings.Split(m.paneContent(i, 50), "\n") {
			if w := ansi.StringWidth(l); w > 50 {
				t.Errorf("pane %s line %d is %d columns wide: %q", paneTitle(i), n, w, l)
			}
		}
	}
}

// hostile is text with terminal escape sequences: a title change, a
// screen clear and a bell.
const hostile = "Evil\x1b]0;owned\a\x1b[2J title"

func checkClean(t *testing.T, where, text string) {
	t.Helper()
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\a"} {
		if strings.Contains(text, bad) {
			t.Errorf("%s draws %q from a file: %q", where, bad, text)
		}
	}
}

func TestTextFromFilesIsMadePlain(t *testing.T) {
	item := decision.Item{ID: "x", Title: hostile, Why: hostile, Sources: []string{hostile},
		Safe: hostile}
	rec := &decision.Recommendation{
		Primary: []decision.Item{item}, Warnings: []decision.Item{item},
		Settings: []decision.Item{item},
		Trace:    []decision.Step{{Kind: decision.StepNode, Title: hostile, File: hostile}},
		Snippets: []decision.SnippetRef{{Title: hostile, Path: "a.go"}},
		Answers:  []decision.Answer{{Question: "q", Title: hostile, Values: []string{hostile}}},
	}
	m := New(Options{File: testFile(t), Templates: templates.FS()})
	m.result = &resultView{rec: rec, vp: viewport.New(80, 20),
		files: []fileout.File{{Path: "snippets/a.go", Data: []byte(hostile)}}}
	for i := range paneCount {
		checkClean(t, "pane "+paneTitle(i), m.paneContent(i, 80))
	}
	checkClean(t, "the header", m.resultHeader())

	q := decision.Question{ID: "q", Title: hostile, Help: hostile,
		Options: []decision.Option{{Value: "a", Title: hostile, Help: hostile}}}
	s := newAnswerState(&decision.File{Questions: []decision.Question{q}}, nil)
	checkClean(t, "the form", buildForm(s, NewStyles(NoColor)).form.View())
}
