// Package findings holds what `authadvisor audit` and `authadvisor check`
// report: rules, findings with their positions, the failure threshold,
// baselines, and the text, JSON, Markdown and SARIF renderings.
package findings

import (
	"fmt"
	"sort"
	"strings"
)

// Severity rates a finding. The zero value is no severity.
type Severity int

// Severities, from the least to the most serious.
const (
	Info Severity = iota + 1
	Warning
	Error
	// Never is a threshold above every severity: `--fail-on none`.
	Never
)

// Severities lists the names `--fail-on` accepts, most serious first.
var Severities = []string{"error", "warning", "info", "none"}

// String returns the severity's name as the outputs write it.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Never:
		return "none"
	}
	return "unknown"
}

// ParseSeverity reads a severity name: error, warning, info, or none for
// a threshold that nothing reaches.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	case "none":
		return Never, nil
	}
	return 0, fmt.Errorf("unknown severity %q; use one of %s", s, strings.Join(Severities, ", "))
}

// MarshalText writes the severity's name, for JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Location is a place in an input file: the line and column of a node and
// its JSON pointer, which stays the same when lines move.
type Location struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Pointer string `json:"pointer"`
	// Note says what a related location is.
	Note string `json:"note,omitempty"`
}

// String formats the location as file:line:col.
func (l Location) String() string {
	if l.Line == 0 {
		return l.File
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column)
}

// Finding is one thing a rule found wrong, at one place.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Advice says what to do instead; Sources are the citations behind
	// it, such as "RFC 9700 §2.1.2".
	Advice  string   `json:"advice"`
	Sources []string `json:"sources"`
	// AntiPattern is the vocabulary id of the anti-pattern the finding is
	// about, such as implicit_grant, when there is one.
	AntiPattern string `json:"anti_pattern,omitempty"`
	Location
	// Related are further places the same finding concerns, such as the
	// other operations of a grouped finding.
	Related []Location `json:"related,omitempty"`
}

// Sort orders findings by file, line, column and rule, so that outputs are
// stable.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Rule describes a rule in outputs: its id, default severity, what it
// checks and the sources behind it.
type Rule struct {
	ID       string
	Severity Severity
	// Title is a one-line summary; Description explains the rule.
	Title       string
	Description string
	Sources     []string
	AntiPattern string
	// HelpURL points to the first source.
	HelpURL string
}
