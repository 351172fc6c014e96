package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The interactive review run as the real binary in a real terminal: tmux
// runs it, send-keys types, capture-pane reads the screen.

// screenWait bounds each wait for the screen; generous, so that a slow
// machine only waits longer.
const screenWait = 20 * time.Second

// buildBinary builds authadvisor into a fresh folder.
func buildBinary(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "authadvisor")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// needTmux finds tmux: without it the test fails in CI, where
// scripts/install-test-deps installs it, and is skipped elsewhere.
func needTmux(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatal("tmux is not installed; scripts/install-test-deps installs it")
	}
	t.Skip("tmux is not installed; run scripts/install-test-deps to run this test")
	return ""
}

// terminal is a tmux server of the test's own, running one command in a
// window of a fixed size.
type terminal struct {
	t      *testing.T
	tmux   string
	socket string
	status string
}

// openTerminal runs command in dir under tmux; the command's exit status
// is written to a file once it ends.
func openTerminal(t *testing.T, dir string, command ...string) *terminal {
	t.Helper()
	tm := &terminal{t: t, tmux: needTmux(t),
		socket: filepath.Join(t.TempDir(), "tmux.sock"),
		status: filepath.Join(t.TempDir(), "status")}
	shell := fmt.Sprintf("env AUTHADVISOR_DATE=2026-01-15 %s; echo $? > %s; sleep 600",
		strings.Join(command, " "), tm.status)
	tm.run("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-c", dir, shell)
	t.Cleanup(func() { _ = exec.Command(tm.tmux, "-S", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *terminal) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command(tm.tmux, append([]string{"-S", tm.socket}, args...)...).
		CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is what the terminal shows now.
func (tm *terminal) screen() string { return tm.run("capture-pane", "-p") }

// waitFor waits until the screen shows every one of texts.
func (tm *terminal) waitFor(texts ...string) string {
	tm.t.Helper()
	var s string
	for deadline := time.Now().Add(screenWait); time.Now().Before(deadline); {
		s = tm.screen()
		if containsAll(s, texts) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q:\n%s", texts, s)
	return ""
}

// waitChange waits until the screen differs from before.
func (tm *terminal) waitChange(before string) string {
	tm.t.Helper()
	for deadline := time.Now().Add(screenWait); time.Now().Before(deadline); {
		if s := tm.screen(); s != before {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("the screen did not change:\n%s", before)
	return ""
}

func containsAll(s string, texts []string) bool {
	for _, x := range texts {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// key presses one key, by tmux's name for it.
func (tm *terminal) key(name string) { tm.run("send-keys", name) }

// text types text as it is.
func (tm *terminal) text(s string) { tm.run("send-keys", "-l", s) }

// exitStatus waits for the command to end and returns its exit status.
func (tm *terminal) exitStatus() string {
	tm.t.Helper()
	for deadline := time.Now().Add(screenWait); time.Now().Before(deadline); {
		if data, err := os.ReadFile(tm.status); err == nil && len(data) > 0 {
			return strings.TrimSpace(string(data))
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the command did not end:\n%s", tm.screen())
	return ""
}

// TestTUIEndToEnd runs the built binary: a whole review with `tui` in a
// terminal, aborts of `authadvisor` with no arguments in a terminal, and
// both without a terminal.
func TestTUIEndToEnd(t *testing.T) {
	bin := buildBinary(t)
	t.Run("review", func(t *testing.T) { testReview(t, bin) })
	t.Run("abort", func(t *testing.T) { testAbort(t, bin) })
	t.Run("no terminal", func(t *testing.T) { testNoTerminal(t, bin) })
}

// testReview answers every question with the highlighted choice, the
// first pre-filled by its flag, writes the report folder, a decision
// record and the answers file, and checks the files; the saved answers
// must give the same report.
func testReview(t *testing.T, bin string) {
	dir := t.TempDir()
	tm := openTerminal(t, dir, bin, "tui", "--client-type", "spa_browser")
	screen := tm.waitFor("authadvisor · how should this API", "Preview")
	for i := 0; !strings.Contains(screen, "authadvisor · recommendation"); i++ {
		if i == 60 {
			t.Fatalf("no result after 60 answers:\n%s", screen)
		}
		tm.key("Enter")
		screen = tm.waitChange(screen)
	}
	tm.waitFor("[1 Recommendation]", "q quit")

	tm.key("w")
	tm.waitFor("Write the report folder to")
	tm.key("Enter")
	tm.waitFor("wrote the report folder review")
	tm.key("a")
	tm.waitFor("Title of the decision record")
	tm.text("Authenticate partner calls")
	tm.key("Enter")
	tm.waitFor("┃ Status")
	tm.key("Enter")
	tm.waitFor("exported ADR-0001")
	tm.key("s")
	tm.waitFor("Save the answers to")
	tm.key("Enter")
	tm.waitFor("saved the answers: answers.yaml")
	tm.key("q")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s:\n%s", status, tm.screen())
	}
	tm.waitFor("wrote review/report.md", "wrote docs/decisions/0001-authenticate-partner-calls.md")

	checkReviewFiles(t, bin, dir)
}

func checkReviewFiles(t *testing.T, bin, dir string) {
	t.Helper()
	for _, f := range []string{"review/report.md", "review/answers.yaml", "answers.yaml",
		"docs/decisions/0001-authenticate-partner-calls.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s was not written: %v", f, err)
		}
	}
	saved, _ := os.ReadFile(filepath.Join(dir, "answers.yaml"))
	if !bytes.Contains(saved, []byte(`client_type: "spa_browser"`)) {
		t.Errorf("the answer given by its flag was not kept:\n%s", saved)
	}
	inFolder, _ := os.ReadFile(filepath.Join(dir, "review", "answers.yaml"))
	if !bytes.Equal(saved, inFolder) {
		t.Errorf("answers.yaml differs from review/answers.yaml:\n%s\n---\n%s", saved, inFolder)
	}
	cmd := exec.Command(bin, "recommend", "--answers", "answers.yaml")
	cmd.Dir = dir
	again, err := cmd.Output()
	if err != nil {
		t.Fatalf("recommend --answers answers.yaml: %v", err)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "review", "report.md"))
	if !bytes.Equal(again, report) {
		t.Errorf("the saved answers give another report:\n--- review/report.md\n%s\n--- "+
			"recommend --answers answers.yaml\n%s", report, again)
	}
	record, _ := os.ReadFile(filepath.Join(dir, "docs/decisions/0001-authenticate-partner-calls.md"))
	if !bytes.Contains(record, []byte("# Authenticate partner calls")) ||
		!bytes.Contains(record, []byte("date: 2026-01-15")) {
		t.Errorf("the decision record:\n%s", record)
	}
}

// testAbort leaves at the first question: exit status 130 and nothing
// written.
func testAbort(t *testing.T, bin string) {
	for _, k := range []string{"Escape", "C-c"} {
		t.Run(k, func(t *testing.T) {
			dir := t.TempDir()
			tm := openTerminal(t, dir, bin) // no arguments: the review
			tm.waitFor("authadvisor · how should this API", "Preview")
			tm.key(k)
			if status := tm.exitStatus(); status != "130" {
				t.Errorf("exit status %s, want 130", status)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("files written after an abort: %v", entries)
			}
		})
	}
}

// testNoTerminal runs the binary without a terminal: it must not wait
// for input, but exit 2 and name the flags to pass.
func testNoTerminal(t *testing.T, bin string) {
	for _, args := range [][]string{nil, {"tui"}} {
		t.Run(strings.Join(append([]string{"authadvisor"}, args...), " "), func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			cmd.Dir = t.TempDir()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Fatalf("exit: %v, want status 2", err)
			}
			for _, want := range []string{"no terminal", "`--client-type`", "`--answers FILE`",
				"`authadvisor tui --accessible`"} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
		})
	}
}
