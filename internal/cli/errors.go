// Package cli builds authadvisor's commands. Each command has an options
// struct holding its dependencies and flag values, and a run function that
// tests call directly.
package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitAborted  = 130
)

// ErrAborted is returned when the user aborts an interactive session.
var ErrAborted = errors.New("aborted")

// FindingsError reports findings at or above the failure threshold.
type FindingsError struct{ Count int }

func (e *FindingsError) Error() string {
	if e.Count == 1 {
		return "1 finding at or above the threshold"
	}
	return fmt.Sprintf("%d findings at or above the threshold", e.Count)
}

// usageError marks bad flags, arguments or input files.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usage error with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// ExitCode maps an error from a command to the process exit code.
func ExitCode(err error) int {
	var findings *FindingsError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrAborted):
		return ExitAborted
	case errors.As(err, &findings):
		return ExitFindings
	}
	return ExitUsage
}

// escapeControls shows control characters, the ESC of terminal escape
// sequences among them, and Unicode line separators and direction marks
// as Go escapes (\x1b), so that text from a file or a flag reaches the
// terminal as inert, visible characters. Line breaks are kept when
// keepLines is set.
func escapeControls(s string, keepLines bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' && keepLines:
			b.WriteRune(r)
		case r == '\t':
			b.WriteRune(' ')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
			unicode.Is(unicode.Bidi_Control, r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
