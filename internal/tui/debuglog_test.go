package tui

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestDebugLinesGoToTheLogNotTheScreen(t *testing.T) {
	var log bytes.Buffer
	o := testOptions(t)
	o.Log = slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := start(t, o, 100, 30)
	s.waitFor("Which channel calls the API?")
	s.keys("down", "down", "enter")
	screen := s.waitFor("How risky are the operations?")
	s.keys("ctrl+c")
	s.finished()

	for _, want := range []string{"msg=start questions=5", "msg=answer question=channel " +
		"values=[machine]", "msg=abort"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		if !strings.HasPrefix(line, "time=") || !strings.Contains(line, " msg=") {
			t.Errorf("not a key=value line: %q", line)
		}
	}
	if strings.Contains(screen, "msg=") {
		t.Errorf("log lines reached the screen:\n%s", screen)
	}
}
