package audit

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quickScalar reads the value of a one-line "key: value" entry, given as
// the text of the entry starting at line lo, when the value is a simple
// scalar (an operationId, a version), without starting the YAML parser.
// It returns nil when the value needs the parser.
func quickScalar(text []byte, lo int) *yaml.Node {
	l, more, _ := bytes.Cut(text, []byte{'\n'})
	for _, m := range bytes.Split(more, []byte{'\n'}) {
		if _, rest := indentOf(trimBreak(m)); !isBlankOrComment(rest) {
			return nil
		}
	}
	l = bytes.TrimSuffix(l, []byte{'\r'})
	ind, rest := indentOf(l)
	end, err := keyEnd(rest)
	if err != nil {
		return nil
	}
	after := rest[end+1:]
	v := bytes.TrimLeft(after, " \t")
	off := ind + end + 1 + len(after) - len(v)
	v = bytes.TrimRight(v, " \t")
	if len(v) == 0 {
		return nil
	}
	value, ok := simpleScalar(v)
	if !ok {
		return nil
	}
	col := utf8.RuneCount(l[:off]) + 1
	return &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: lo + 1, Column: col}
}

// simpleScalar reads a scalar that is plain text without indicators, or a
// quoted string without escapes. Control characters and invalid UTF-8 are
// left to the parser, which refuses them.
func simpleScalar(v []byte) (string, bool) {
	for _, c := range v {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			return "", false
		}
	}
	if !utf8.Valid(v) {
		return "", false
	}
	switch v[0] {
	case '\'', '"':
		if len(v) < 2 || v[len(v)-1] != v[0] {
			return "", false
		}
		inner := v[1 : len(v)-1]
		if bytes.IndexByte(inner, v[0]) >= 0 || bytes.IndexByte(inner, '\\') >= 0 {
			return "", false
		}
		return string(inner), true
	}
	if bytes.IndexByte([]byte("-?:,[]{}#&*!|>%@`"), v[0]) >= 0 ||
		bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) ||
		bytes.Contains(v, []byte("\t#")) || v[len(v)-1] == ':' {
		return "", false
	}
	return string(v), true
}
