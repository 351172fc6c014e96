package audit

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Splitting block YAML by indentation: the entries of a block mapping all
// start at the same indentation, and everything deeper belongs to the
// entry above it. Comments and blank lines may sit anywhere. A block
// sequence may start at its key's own indentation. Anything else (tabs,
// explicit keys, document markers, less-indented lines) gives up.

// bodyStart skips directives, comments and a leading `---` and returns the
// first line of the document's content.
func (s *source) bodyStart() (int, error) {
	start := s.lines.count()
	err := s.eachLine(0, s.lines.count(), func(i int, l []byte) error {
		if i == 0 {
			l = bytes.TrimPrefix(l, bom)
		}
		_, rest := indentOf(l)
		switch {
		case isBlankOrComment(rest) || rest[0] == '%':
			return nil
		case isDocMarker(l):
			if !isBlankOrComment(bytes.TrimLeft(l[3:], " \t")) {
				return splitProblem("content after --- at line %d", i+1)
			}
			start = i + 1
		default:
			start = i
		}
		return errStop
	})
	return start, err
}

// splitBlock splits lines [lo, hi), which hold the entries of one block
// mapping, into parts. It returns nil parts for a value that is not a
// block mapping, such as a sequence.
func (s *source) splitBlock(lo, hi int) ([]*part, error) {
	b := &blockSplit{src: s, k: -1, hi: hi}
	if err := s.eachLine(lo, hi, b.line); err != nil {
		return nil, err
	}
	if b.notMapping {
		return nil, nil
	}
	return b.out, checkDuplicates(b.out)
}

// blockSplit collects the entries of a block mapping line by line.
type blockSplit struct {
	src        *source
	k, hi      int
	out        []*part
	notMapping bool
}

func (b *blockSplit) line(i int, l []byte) error {
	if b.src.cont[i] {
		return nil
	}
	if i == 0 {
		l = bytes.TrimPrefix(l, bom)
	}
	ind, rest := indentOf(l)
	switch {
	case isBlankOrComment(rest):
		return nil
	case rest[0] == '\t' || isDocMarker(l):
		return splitProblem("tab or document marker at line %d", i+1)
	case b.k < 0:
		b.k = ind
	}
	switch {
	case ind > b.k:
		return nil
	case ind < b.k:
		return splitProblem("line %d is less indented than its mapping", i+1)
	case isSeqItem(rest) && len(b.out) == 0:
		b.notMapping = true
		return errStop
	case isSeqItem(rest):
		return nil
	}
	key, col, err := keyOf(rest)
	if err != nil {
		return splitProblem("line %d: %v", i+1, err)
	}
	if len(b.out) > 0 {
		b.out[len(b.out)-1].hi = i
	}
	b.out = append(b.out, &part{key: key, keyPos: Pos{i + 1, ind + col}, src: b.src,
		kind: spanEntry, lo: i, hi: b.hi})
	return nil
}

// splitEntry splits the value of a "key: value" entry. A value written on
// the key's line (a flow mapping, a scalar) is parsed instead.
func (s *source) splitEntry(p *part) ([]*part, error) {
	l, err := s.lineAt(p.lo)
	if err != nil {
		return nil, err
	}
	_, rest := indentOf(l)
	if _, inline, err := splitKeyLine(rest); err != nil || inline {
		n, err := p.value()
		if err != nil {
			return nil, err
		}
		return wrapMapping(s, n), nil
	}
	kids, err := s.splitBlock(p.lo+1, p.hi)
	if err != nil {
		return nil, err
	}
	if kids == nil {
		n, err := p.value()
		if err != nil {
			return nil, err
		}
		return wrapMapping(s, n), nil
	}
	return kids, nil
}

// parseEntry parses the lines of one entry and returns its value, with
// positions as in the file.
func (s *source) parseEntry(p *part) (*yaml.Node, error) {
	text, err := s.in.text(s.lines.start(p.lo), s.lines.start(p.hi))
	if err != nil {
		return nil, err
	}
	if n := quickScalar(text, p.lo); n != nil {
		return n, nil
	}
	root, err := parseYAML(s.name, text)
	if err != nil || root.Kind != yaml.MappingNode || len(root.Content) != 2 ||
		root.Content[0].Value != p.key {
		return nil, splitProblem("entry %q at line %d does not parse alone", p.key, p.lo+1)
	}
	shiftLines(root, p.lo, 0, 0)
	return root.Content[1], nil
}

func checkDuplicates(parts []*part) error {
	seen := make(map[string]bool, len(parts))
	for _, p := range parts {
		if seen[p.key] {
			return splitProblem("key %q appears twice", p.key)
		}
		seen[p.key] = true
	}
	return nil
}

// indentOf returns the number of leading spaces and the rest of the line.
func indentOf(l []byte) (int, []byte) {
	n := 0
	for n < len(l) && l[n] == ' ' {
		n++
	}
	return n, l[n:]
}

func isBlankOrComment(rest []byte) bool {
	for _, c := range rest {
		switch c {
		case ' ', '\t':
			continue
		case '#':
			return true
		}
		return false
	}
	return true
}

func isDocMarker(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) && !bytes.HasPrefix(l, []byte("...")) {
		return false
	}
	return len(l) == 3 || l[3] == ' ' || l[3] == '\t'
}

func isSeqItem(rest []byte) bool {
	return rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t')
}
