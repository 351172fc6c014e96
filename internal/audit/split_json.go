package audit

import (
	"encoding/json"

	"go.yaml.in/yaml/v3"
)

// Splitting JSON by its brackets: the members of an object are found by
// skipping strings and nested brackets, without decoding values.

// splitJSON splits the JSON value in bytes [lo, hi). A value that is not
// an object has no parts.
func (s *source) splitJSON(lo, hi int) ([]*part, error) {
	d := s.in.data[:hi]
	i := skipSpace(d, lo)
	if i >= hi || d[i] != '{' {
		return nil, nil
	}
	var out []*part
	i = skipSpace(d, i+1)
	if i < hi && d[i] == '}' {
		return out, nil
	}
	for i < hi {
		p, next, err := s.jsonMember(d, i)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
		i = skipSpace(d, next)
		switch {
		case i < hi && d[i] == ',':
			i = skipSpace(d, i+1)
		case i+1 == hi && d[i] == '}':
			return out, checkDuplicates(out)
		case i < hi && d[i] == '}':
			return nil, splitProblem("text after the object at offset %d", i+1)
		default:
			return nil, splitProblem("expected , or } at offset %d", i)
		}
	}
	return nil, splitProblem("object at offset %d does not end", lo)
}

// jsonMember reads `"key": value` at offset i and returns it as a part and
// the offset after the value.
func (s *source) jsonMember(d []byte, i int) (*part, int, error) {
	if d[i] != '"' {
		return nil, 0, splitProblem("expected a key at offset %d", i)
	}
	kend, err := skipString(d, i)
	if err != nil {
		return nil, 0, err
	}
	var key string
	if err := json.Unmarshal(d[i:kend], &key); err != nil {
		return nil, 0, splitProblem("bad key at offset %d", i)
	}
	j := skipSpace(d, kend)
	if j >= len(d) || d[j] != ':' {
		return nil, 0, splitProblem("expected : at offset %d", j)
	}
	vlo := skipSpace(d, j+1)
	vhi, err := skipValue(d, vlo)
	if err != nil {
		return nil, 0, err
	}
	return &part{key: key, keyPos: s.lines.pos(s.in.data, i), src: s, kind: spanJSON,
		lo: vlo, hi: vhi}, vhi, nil
}

// parseJSON parses the JSON value in bytes [lo, hi) with positions as in
// the file.
func (s *source) parseJSON(lo, hi int) (*yaml.Node, error) {
	n, err := parseYAML(s.name, s.in.data[lo:hi])
	if err != nil {
		return nil, splitProblem("value at offset %d does not parse alone", lo)
	}
	at := s.lines.pos(s.in.data, lo)
	shiftLines(n, at.Line-1, 1, at.Col-1)
	return n, nil
}

func skipSpace(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the offset after the string starting at i.
func skipString(d []byte, i int) (int, error) {
	for j := i + 1; j < len(d); j++ {
		switch d[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		case '\n':
			return 0, splitProblem("string at offset %d runs past its line", i)
		}
	}
	return 0, splitProblem("string at offset %d does not end", i)
}

// skipValue returns the offset after the value starting at i.
func skipValue(d []byte, i int) (int, error) {
	if i >= len(d) {
		return 0, splitProblem("missing value")
	}
	switch d[i] {
	case '"':
		return skipString(d, i)
	case '{', '[':
		return skipNested(d, i)
	}
	j := i
	for j < len(d) && d[j] != ',' && d[j] != '}' && d[j] != ']' &&
		d[j] != ' ' && d[j] != '\n' && d[j] != '\r' && d[j] != '\t' {
		j++
	}
	if j == i {
		return 0, splitProblem("missing value at offset %d", i)
	}
	return j, nil
}

// skipNested returns the offset after the object or array starting at i.
func skipNested(d []byte, i int) (int, error) {
	depth := 0
	for j := i; j < len(d); j++ {
		switch d[j] {
		case '"':
			end, err := skipString(d, j)
			if err != nil {
				return 0, err
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, splitProblem("value at offset %d does not end", i)
}
