package audit

import (
	"bytes"
	"errors"
	"strings"

	"go.yaml.in/yaml/v3"
)

// keyOf reads the key at the start of a block mapping line and returns it
// with its 1-based column within rest.
func keyOf(rest []byte) (string, int, error) {
	raw, _, err := splitKeyLine(rest)
	if err != nil {
		return "", 0, err
	}
	switch rest[0] {
	case '"', '\'':
		key, ok := unquote(raw)
		if !ok {
			return "", 0, errors.New("unreadable quoted key")
		}
		return key, 1, nil
	}
	return string(raw), 1, nil
}

// unquote reads a single-line quoted scalar. Double-quoted text with
// escapes goes through the YAML parser; the rest is unquoted here, which
// is much faster.
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[len(raw)-1] != raw[0] {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	if raw[0] == '\'' {
		return strings.ReplaceAll(string(inner), "''", "'"), true
	}
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner), true
	}
	var s string
	if err := yaml.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// splitKeyLine splits "key: value" into the key as written and whether a
// value follows on the same line. Keys that need the full parser
// (explicit `?` keys, anchors, tags, flow collections) are refused.
func splitKeyLine(rest []byte) (key []byte, inline bool, err error) {
	end, err := keyEnd(rest)
	if err != nil {
		return nil, false, err
	}
	key = bytes.TrimRight(rest[:end], " \t")
	after := rest[end+1:]
	trimmed := bytes.TrimLeft(after, " \t")
	inline = len(trimmed) > 0 && trimmed[0] != '#'
	if len(after) > 0 && after[0] == '#' {
		return nil, false, errors.New("no space between the colon and a comment")
	}
	return key, inline, nil
}

// keyEnd returns the offset of the colon that ends the key.
func keyEnd(rest []byte) (int, error) {
	switch rest[0] {
	case '"':
		return quotedEnd(rest, '"')
	case '\'':
		return quotedEnd(rest, '\'')
	}
	if strings.IndexByte("?&*!|>%@`{[]},#", rest[0]) >= 0 {
		return 0, errors.New("the key needs the full parser")
	}
	for i := 0; i < len(rest); i++ {
		switch {
		case rest[i] == ':' && (i+1 == len(rest) || rest[i+1] == ' ' || rest[i+1] == '\t'):
			if i == 0 {
				return 0, errors.New("empty key")
			}
			return i, nil
		case rest[i] == '#' && i > 0 && (rest[i-1] == ' ' || rest[i-1] == '\t'):
			return 0, errors.New("comment before the colon")
		}
	}
	return 0, errors.New("no key")
}

// quotedEnd finds the colon after a quoted key.
func quotedEnd(rest []byte, q byte) (int, error) {
	i := 1
	for i < len(rest) {
		c := rest[i]
		switch {
		case q == '"' && c == '\\':
			i += 2
			continue
		case c == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i += 2
			continue
		case c == q:
			j := i + 1
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
				j++
			}
			if j < len(rest) && rest[j] == ':' &&
				(j+1 == len(rest) || rest[j+1] == ' ' || rest[j+1] == '\t') {
				return j, nil
			}
			return 0, errors.New("quoted scalar is not a key")
		}
		i++
	}
	return 0, errors.New("quoted key does not end on its line")
}
