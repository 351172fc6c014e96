package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// lineIndex returns the index of the first line containing s, or -1.
func lineIndex(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func TestResizeReflows(t *testing.T) {
	tests := []struct {
		name  string
		sizes [][2]int
		// beside is whether the preview is drawn beside the form.
		beside bool
	}{
		{"wide", [][2]int{{120, 40}}, true},
		{"narrow", [][2]int{{70, 40}}, false},
		{"shrunk", [][2]int{{120, 40}, {70, 30}}, false},
		{"shrunk then grown", [][2]int{{120, 40}, {60, 12}, {130, 44}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := tt.sizes[0]
			s := start(t, testOptions(t), first[0], first[1])
			s.waitFor("Which channel calls the API?")
			for _, size := range tt.sizes[1:] {
				s.resize(size[0], size[1])
				s.waitFor("Which channel calls the API?")
			}
			view := shown(s.final())
			checkLayout(t, view, s.w, s.h, tt.beside)
		})
	}
}

// checkLayout checks that the form screen fills the terminal without
// spilling over, shows every option of the first question, and puts the
// preview beside or below the form.
func checkLayout(t *testing.T, view string, w, h int, beside bool) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%d lines on a terminal %d high", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line %d is %d columns on a terminal %d wide: %q", i, ansi.StringWidth(l), w, l)
		}
	}
	for _, opt := range []string{"Web app", "Mobile app", "Machine — A job with no user."} {
		if !strings.Contains(view, opt) {
			t.Errorf("option %q is not shown:\n%s", opt, view)
		}
	}
	question, preview := lineIndex(lines, "Which channel"), lineIndex(lines, "Preview")
	if question < 0 || preview < 0 {
		t.Fatalf("question at line %d, preview at line %d:\n%s", question, preview, view)
	}
	if gotBeside := preview < question; gotBeside != beside {
		t.Errorf("preview beside the form = %v, want %v:\n%s", gotBeside, beside, view)
	}
}

func TestTinyTerminal(t *testing.T) {
	s := start(t, testOptions(t), 24, 8)
	s.waitFor("authadvisor")
	s.resize(10, 3)
	s.keys("down", "enter")
	s.resize(100, 30)
	s.waitFor("Which channel calls the API?")
	if m := s.final(); m.fatal != nil || m.aborted {
		t.Errorf("the review ended: fatal=%v aborted=%v", m.fatal, m.aborted)
	}
}
