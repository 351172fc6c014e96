package decision

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with an input file, at a position.
type Problem struct {
	File string
	Pos  Pos
	Msg  string
}

// String formats the problem as "file:line:col: message".
func (p Problem) String() string {
	switch {
	case p.Pos.Line == 0:
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	case p.Pos.Column == 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Pos.Line, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Pos.Line, p.Pos.Column, p.Msg)
}

// maxProblems caps how many problems one input reports, so that a hostile
// file cannot turn its report into a flood.
const maxProblems = 500

// Problems is every problem found in one input; it is an error.
type Problems []Problem

// Error lists the problems, one a line, in file order.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file and position, keeping equal ones stable.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Column < b.Pos.Column
	})
}

var yamlLine = lazyRegexp(`^(?:yaml: )?line (\d+)(?::(\d+))?: (.*)$`)

// YAMLProblems turns an error from go.yaml.in/yaml/v3 into problems that
// name the file and line.
func YAMLProblems(file string, err error) Problems {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	var ps Problems
	for _, m := range msgs {
		ps = append(ps, yamlProblem(file, m))
	}
	return ps
}

func yamlProblem(file, msg string) Problem {
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := yamlLine().FindStringSubmatch(msg)
	if m == nil {
		return Problem{File: file, Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	return Problem{File: file, Pos: Pos{Line: line, Column: col}, Msg: m[3]}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
