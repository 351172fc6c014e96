// Package answers reads answers from flags, `--set` values and answers files
// and checks them against the questions of a decision file.
package answers

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// MaxFileSize is the default limit on the size of an answers file; the
// command line reads no more than that, or the limit the user sets.
const MaxFileSize = 1 << 20

// maxProblems caps the problems reported for one file, so that a hostile
// file cannot flood the terminal.
const maxProblems = 500

// FlagName is the command-line flag for a question: client_type gives
// client-type.
func FlagName(questionID string) string {
	return strings.ReplaceAll(questionID, "_", "-")
}

// Parse reads an answers file: a YAML mapping of question id to a value, or
// to a list of values for multi-choice questions. Every problem is reported
// at once, with file, line and column. The caller bounds the size of
// data (see MaxFileSize).
func Parse(name string, data []byte, f *decision.File) (decision.Answers, error) {
	root, err := decision.ParseYAMLOwnKeys(name, data)
	if err != nil {
		return nil, err
	}
	return ParseNode(name, root, f)
}

// ParseNode reads answers from a YAML mapping node of question ids to
// values, such as one entry of a larger file, and checks them against the
// questions of f. Every problem is reported at once, with file, line and
// column. Aliases must have been refused already.
func ParseNode(name string, root *yaml.Node, f *decision.File) (decision.Answers, error) {
	if root.Kind != yaml.MappingNode {
		return nil, decision.Problems{{File: name, Pos: pos(root),
			Msg: "answers are a mapping of question ids to values"}}
	}
	a := decision.Answers{}
	seen := map[string]bool{}
	var ps decision.Problems
	for i := 0; i+1 < len(root.Content) && len(ps) < maxProblems; i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Tag == "!!merge" {
			ps = append(ps, problem(name, k, "merge keys (<<) are not supported; "+
				"write the answers out"))
			continue
		}
		if seen[k.Value] {
			ps = append(ps, problem(name, k, "question %q is answered twice", k.Value))
			continue
		}
		seen[k.Value] = true
		vals, err := readValue(f, k, v)
		if err != nil {
			ps = append(ps, decision.Problem{File: name, Pos: err.pos, Msg: err.msg})
			continue
		}
		a[k.Value] = vals
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return a, nil
}

type valueError struct {
	pos decision.Pos
	msg string
}

func pos(n *yaml.Node) decision.Pos { return decision.Pos{Line: n.Line, Column: n.Column} }

func problem(name string, n *yaml.Node, format string, args ...any) decision.Problem {
	return decision.Problem{File: name, Pos: pos(n), Msg: fmt.Sprintf(format, args...)}
}

func readValue(f *decision.File, k, v *yaml.Node) ([]string, *valueError) {
	q := f.Question(k.Value)
	if q == nil {
		return nil, &valueError{pos(k), unknownQuestion(f, k.Value)}
	}
	var vals []string
	switch {
	case v.Kind == yaml.ScalarNode && !q.Multi:
		vals = []string{v.Value}
	case v.Kind == yaml.SequenceNode && q.Multi:
		vals = []string{}
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, &valueError{pos(c), "expected a plain value in the list"}
			}
			vals = append(vals, c.Value)
		}
	case q.Multi:
		return nil, &valueError{pos(v), fmt.Sprintf("%s takes a list, such as [%s]",
			q.ID, strings.Join(firstN(q.Values(), 2), ", "))}
	default:
		return nil, &valueError{pos(v), fmt.Sprintf("%s takes one value, not a list", q.ID)}
	}
	if err := Check(q, vals); err != nil {
		return nil, &valueError{pos(v), err.Error()}
	}
	return vals, nil
}

// Check reports a value that is not an option of q, or a repeated one.
func Check(q *decision.Question, vals []string) error {
	seen := map[string]bool{}
	for _, val := range vals {
		if !q.HasOption(val) {
			return fmt.Errorf("%q is not an answer to %s; choose from: %s",
				val, q.ID, strings.Join(q.Values(), ", "))
		}
		if seen[val] {
			return fmt.Errorf("%q is listed twice for %s", val, q.ID)
		}
		seen[val] = true
	}
	return nil
}

func unknownQuestion(f *decision.File, id string) string {
	msg := fmt.Sprintf("unknown question %q", id)
	if near := closest(id, questionIDs(f)); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return msg
}

func questionIDs(f *decision.File) []string {
	ids := make([]string, len(f.Questions))
	for i, q := range f.Questions {
		ids[i] = q.ID
	}
	return ids
}

func firstN(list []string, n int) []string {
	if len(list) < n {
		return list
	}
	return list[:n]
}
