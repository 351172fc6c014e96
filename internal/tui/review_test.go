package tui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/report"
)

// answerWebSignedIn answers testdata/review.yaml's form: a web app with a
// person signed in, high risk, the audit extra, and the region's default.
func answerWebSignedIn(s *session) {
	s.t.Helper()
	s.focused("Which channel calls the API?")
	s.keys("enter")
	s.focused("Is a person signed in?")
	s.keys("enter")
	s.focused("How risky are the operations?")
	s.keys("down", "enter")
	s.focused("Which extras apply?")
	s.keys("x", "enter")
	s.focused("Where is the API hosted?")
	s.keys("enter")
}

// answerRest confirms the last three questions as they are.
func answerRest(s *session) {
	s.t.Helper()
	s.focused("How risky are the operations?")
	s.keys("enter")
	s.focused("Which extras apply?")
	s.keys("enter")
	s.focused("Where is the API hosted?")
	s.keys("enter")
}

func TestFullRunToDecisionRecord(t *testing.T) {
	o := testOptions(t)
	s := start(t, o, 110, 36)
	answerWebSignedIn(s)
	s.waitFor("recommendation: Session cookie", "[1 Recommendation]",
		"A person signs in to our own pages.", "q quit")

	s.keys("a")
	s.focused("Title of the decision record")
	s.typeText("Use session cookies")
	s.keys("enter")
	s.focused("Status")
	s.keys("down", "enter")
	s.waitFor("exported ADR-0001: docs/decisions/0001-use-session-cookies.md")
	s.keys("q")

	m := s.finished()
	written, err := m.Outcome()
	if err != nil {
		t.Fatalf("Outcome: %v", err)
	}
	want := filepath.Join("docs", "decisions", "0001-use-session-cookies.md")
	if !slices.Equal(written, []string{want}) {
		t.Errorf("written = %q, want %q", written, want)
	}
	record := string(readFile(t, filepath.Join(o.Dir, want)))
	for _, part := range []string{`status: "accepted"`, "# Use session cookies", "Session cookie"} {
		if !strings.Contains(record, part) {
			t.Errorf("record lacks %q:\n%s", part, record)
		}
	}
}

func TestSkipsQuestionsThatDoNotApply(t *testing.T) {
	t.Run("hidden on the page", func(t *testing.T) {
		s := start(t, testOptions(t), 110, 36)
		s.waitFor("Which channel calls the API?", "Is a person signed in?")
		s.keys("down", "down") // Machine: nobody signs in.
		s.waitFor("> Machine")
		if view := shown(s.final()); strings.Contains(view, "Is a person signed in?") {
			t.Errorf("the sign-in question is shown for a machine client:\n%s", view)
		}
	})
	t.Run("not asked", func(t *testing.T) {
		s := start(t, testOptions(t), 110, 36)
		s.focused("Which channel calls the API?")
		s.keys("down", "down", "enter")
		answerRest(s)
		s.waitFor("recommendation: Restricted API key")
		for _, a := range s.final().result.rec.Answers {
			if a.Question == "signed_in" {
				t.Errorf("a question that does not apply was answered: %+v", a)
			}
		}
	})
}

func TestEditingAnAnswerChangesTheRecommendation(t *testing.T) {
	s := start(t, testOptions(t), 110, 36)
	answerWebSignedIn(s)
	s.waitFor("recommendation: Session cookie")

	s.keys("e")
	s.waitFor("editing the answers")
	s.keys("down") // Mobile app: the preview follows the edited answer.
	s.waitFor("Code flow with PKCE")
	s.keys("enter")
	s.focused("Is a person signed in?")
	s.keys("enter")
	answerRest(s)
	s.waitFor("recommendation: Code flow with PKCE", "A public client acts for a person.")

	m := s.final()
	if got := m.result.rec.Primary[0].ID; got != "s_pkce" {
		t.Errorf("first choice after the edit = %s, want s_pkce", got)
	}
}

func TestEscAtFirstQuestionOfAnEditKeepsTheResult(t *testing.T) {
	s := start(t, testOptions(t), 110, 36)
	answerWebSignedIn(s)
	s.waitFor("recommendation: Session cookie")
	s.keys("e")
	s.waitFor("editing the answers")
	s.keys("down", "esc")
	s.waitFor("recommendation: Session cookie")
	m := s.final()
	if _, err := m.Outcome(); err != nil {
		t.Errorf("Outcome: %v", err)
	}
}

func TestAbortWritesNothing(t *testing.T) {
	for _, k := range []string{"esc", "ctrl+c"} {
		t.Run(k, func(t *testing.T) {
			o := testOptions(t)
			s := start(t, o, 100, 30)
			s.waitFor("Which channel calls the API?")
			s.keys("down", k)
			m := s.finished()
			if _, err := m.Outcome(); !errors.Is(err, ErrAborted) {
				t.Errorf("Outcome error = %v, want ErrAborted", err)
			}
			if files := dirEntries(t, o.Dir); len(files) > 0 {
				t.Errorf("files written after an abort: %v", files)
			}
		})
	}
}

func TestEscGoesBackAQuestion(t *testing.T) {
	s := start(t, testOptions(t), 110, 36)
	s.focused("Which channel calls the API?")
	s.keys("enter")
	s.focused("Is a person signed in?")
	s.keys("esc")
	s.focused("Which channel calls the API?")
	s.keys("down", "enter")
	s.focused("Is a person signed in?")
	m := s.final()
	if m.aborted {
		t.Fatal("esc after the first question aborted the review")
	}
	if got := *m.answers.single["channel"]; got != "mobile" {
		t.Errorf("channel = %q after going back and changing it, want mobile", got)
	}
}

func TestSavedAnswersGiveTheSameReport(t *testing.T) {
	o := testOptions(t)
	s := start(t, o, 110, 36)
	answerWebSignedIn(s)
	s.waitFor("recommendation: Session cookie")
	s.keys("s")
	s.waitFor("Save the answers to")
	s.typeText("saved.yaml")
	s.keys("enter")
	s.waitFor("saved the answers: saved.yaml")
	s.keys("w")
	s.waitFor("Write the report folder to")
	s.keys("enter")
	s.waitFor("wrote the report folder review")
	s.keys("q")
	s.finished()

	saved := readFile(t, filepath.Join(o.Dir, "saved.yaml"))
	a, err := answers.Parse("saved.yaml", saved, o.File)
	if err != nil {
		t.Fatalf("the saved answers do not parse: %v\n%s", err, saved)
	}
	rec, err := o.File.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	again, err := report.Render(o.Templates, "markdown", rec)
	if err != nil {
		t.Fatal(err)
	}
	written := readFile(t, filepath.Join(o.Dir, "review", "report.md"))
	if string(again) != string(written) {
		t.Errorf("the saved answers give another report:\n--- written\n%s\n--- again\n%s",
			written, again)
	}
}

func TestNoOverwriteWithoutYes(t *testing.T) {
	o := testOptions(t)
	old := filepath.Join(o.Dir, "review", "report.md")
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t, o, 110, 36)
	answerWebSignedIn(s)
	s.waitFor("recommendation: Session cookie")

	s.keys("w", "enter")
	s.waitFor("review already holds report.md. Overwrite")
	s.keys("enter")
	s.waitFor("kept the existing files; nothing written")
	if got := string(readFile(t, old)); got != "keep me\n" {
		t.Fatalf("report.md was overwritten without a yes: %q", got)
	}
	if files := dirEntries(t, o.Dir); len(files) != 1 {
		t.Fatalf("files written after a no: %v", files)
	}

	// Left and right, which flip a yes/no toggle, leave the choice alone.
	s.keys("w", "enter")
	s.waitFor("Overwrite them")
	s.keys("right", "left", "right", "enter")
	s.waitFor("kept the existing files; nothing written")
	if got := string(readFile(t, old)); got != "keep me\n" {
		t.Fatalf("report.md was overwritten after arrow keys: %q", got)
	}

	s.keys("w", "enter")
	s.waitFor("Overwrite them")
	s.keys("down", "enter")
	s.waitFor("wrote the report folder review")
	if got := string(readFile(t, old)); !strings.Contains(got, "Session cookie") {
		t.Errorf("report.md after a yes:\n%s", got)
	}
}
