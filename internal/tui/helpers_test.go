package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// waitLimit bounds every wait for the screen; generous, as a slow machine
// only makes the wait longer, never the test fail.
const waitLimit = 15 * time.Second

// testFile loads testdata/review.yaml, a small decision file with its own
// questions: the review is generated from whatever file it is given.
func testFile(t testing.TB) *decision.File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := decision.Load("review.yaml", data, templates.FS())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// testOptions are the options of a review of testdata/review.yaml that
// writes into a fresh folder.
func testOptions(t testing.TB) Options {
	return Options{
		File: testFile(t), Templates: templates.FS(), Dir: t.TempDir(),
		Date:   time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		Styles: NewStyles(NoColor),
	}
}

// session is a review running in a virtual terminal.
type session struct {
	t    *testing.T
	tm   *teatest.TestModel
	w, h int
}

func start(t *testing.T, o Options, w, h int) *session {
	t.Helper()
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(w, h))
	s := &session{t: t, tm: tm, w: w, h: h}
	t.Cleanup(func() { _ = tm.Quit() })
	return s
}

// keys sends key presses: names such as "enter", "down", "esc",
// "ctrl+c", "tab", or single characters.
func (s *session) keys(names ...string) {
	for _, n := range names {
		s.tm.Send(keyMsg(n))
	}
}

func keyMsg(name string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "down": tea.KeyDown, "up": tea.KeyUp, "esc": tea.KeyEsc,
		"ctrl+c": tea.KeyCtrlC, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"space": tea.KeySpace, "left": tea.KeyLeft, "right": tea.KeyRight,
	}
	if kt, ok := types[name]; ok {
		return tea.KeyMsg{Type: kt}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// typeText types text into the focused input.
func (s *session) typeText(text string) { s.tm.Type(text) }

// waitFor waits until everything drawn since the last wait, with colour
// and cursor movements stripped, contains every one of texts, and returns
// that text.
func (s *session) waitFor(texts ...string) string {
	s.t.Helper()
	var seen string
	teatest.WaitFor(s.t, s.tm.Output(), func(b []byte) bool {
		seen = ansi.Strip(string(b))
		for _, want := range texts {
			if !strings.Contains(seen, want) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	return seen
}

// focused waits until the field titled title has the focus: huh marks
// it with a bar. Keys sent before a field has the focus would go to the
// field before it.
func (s *session) focused(title string) {
	s.t.Helper()
	s.waitFor("┃ " + title)
}

// resize tells the review the terminal has a new size.
func (s *session) resize(w, h int) {
	s.w, s.h = w, h
	s.tm.Send(tea.WindowSizeMsg{Width: w, Height: h})
}

// final quits the review the way a reviewer would not (so that its last
// screen is kept) and returns the model as it ended.
func (s *session) final() *Model {
	s.t.Helper()
	_ = s.tm.Quit()
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(waitLimit)).(*Model)
}

// finished waits for the review to end by itself and returns its model.
func (s *session) finished() *Model {
	s.t.Helper()
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(waitLimit)).(*Model)
}

// shown is what the model shows now, colour stripped.
func shown(m *Model) string { return ansi.Strip(m.View()) }

// dirEntries lists every file under dir, relative to it.
func dirEntries(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
