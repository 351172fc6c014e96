package audit

import (
	"bytes"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// A document is read in one of two ways. The fast way splits the text
// along its structure (the indentation of block YAML, the brackets of
// JSON) without parsing it, and parses only the parts the rules need, one
// at a time, so that memory stays a small multiple of the file. Anything
// the splitter is unsure of makes it give up with errSplit, and the whole
// document is then parsed at once, which is always correct.

// errSplit says the fast reading gave up; the caller reads the whole
// document instead.
var errSplit = errors.New("document cannot be split")

// source is the text of one document and how to reach its parts.
type source struct {
	name  string
	in    *input
	lines lineIndex
	// cont marks the lines that continue an earlier one (see lexer.go).
	cont []bool
	// whole is set when the document was parsed at once.
	whole bool
}

// spanKind says how an unparsed part is laid out.
type spanKind int

const (
	// spanNone marks a part whose value is already parsed.
	spanNone spanKind = iota
	// spanEntry is block YAML lines [lo, hi) holding "key: value".
	spanEntry
	// spanBody is block YAML lines [lo, hi) holding a mapping's entries.
	spanBody
	// spanJSON is bytes [lo, hi) holding a JSON value.
	spanJSON
)

// part is one key of a mapping and its value, parsed on demand.
type part struct {
	key    string
	keyPos Pos
	src    *source
	kind   spanKind
	lo, hi int
	// node is the parsed value, for parts of a parsed tree.
	node *yaml.Node
	// children caches the split of the value.
	children []*part
	split    bool
}

// parseYAML parses text as one YAML document and refuses aliases. It
// returns the document's root node.
func parseYAML(name string, text []byte) (*yaml.Node, error) {
	return decision.ParseYAML(name, text)
}

// openWhole parses the whole document and returns its root part.
func openWhole(name string, in *input) (*part, error) {
	data, err := in.all()
	if err != nil {
		return nil, err
	}
	root, err := parseYAML(name, data)
	if err != nil {
		return nil, err
	}
	src := &source{name: name, in: in, whole: true}
	return &part{src: src, node: root, keyPos: Pos{root.Line, root.Column}}, nil
}

// openSplit prepares the fast reading: one pass indexes the lines and
// finds where the document's mapping starts, parsing nothing yet. JSON is
// held in memory; block YAML is read in pieces.
func openSplit(name string, in *input) (*part, error) {
	sc, err := in.scan()
	if err != nil {
		return nil, err
	}
	if u := sc.unreadable; u != nil {
		return nil, decision.Problems{{File: name, Pos: u.Pos, Msg: u.Msg}}
	}
	if sc.alias {
		return nil, splitProblem("an alias")
	}
	if sc.otherBreaks {
		return nil, splitProblem("line breaks other than LF and CRLF")
	}
	src := &source{name: name, in: in, lines: sc.lines, cont: sc.cont}
	if sc.firstByte == '{' {
		data, err := in.all()
		if err != nil {
			return nil, err
		}
		end := bytes.LastIndexByte(data, '}')
		if end < sc.first || skipSpace(data, end+1) < len(data) {
			return nil, errSplit
		}
		return &part{src: src, kind: spanJSON, lo: sc.first, hi: end + 1,
			keyPos: src.lines.pos(data, sc.first)}, nil
	}
	lo, err := src.bodyStart()
	if err != nil {
		return nil, err
	}
	return &part{src: src, kind: spanBody, lo: lo, hi: src.lines.count(),
		keyPos: Pos{lo + 1, 1}}, nil
}

var bom = []byte("\xef\xbb\xbf")

// value returns the part's parsed value.
func (p *part) value() (*yaml.Node, error) {
	if p.node != nil || p.kind == spanNone {
		return p.node, nil
	}
	switch p.kind {
	case spanEntry:
		return p.src.parseEntry(p)
	case spanJSON:
		return p.src.parseJSON(p.lo, p.hi)
	}
	return nil, errSplit
}

// parts returns the entries of the part's value when it is a mapping, or
// nil when it is not.
func (p *part) parts() ([]*part, error) {
	if p.split {
		return p.children, nil
	}
	var err error
	switch p.kind {
	case spanNone:
		p.children = wrapMapping(p.src, p.node)
	case spanBody:
		p.children, err = p.src.splitBlock(p.lo, p.hi)
	case spanEntry:
		p.children, err = p.src.splitEntry(p)
	case spanJSON:
		p.children, err = p.src.splitJSON(p.lo, p.hi)
	}
	if err != nil {
		return nil, err
	}
	p.split = true
	return p.children, nil
}

// release forgets how the part was split, so that its pieces can be
// collected; a later parts call splits it again.
func (p *part) release() {
	p.children, p.split = nil, false
}

// child returns the entry named key of the part's value, or nil.
func (p *part) child(key string) (*part, error) {
	kids, err := p.parts()
	if err != nil {
		return nil, err
	}
	for _, k := range kids {
		if k.key == key {
			return k, nil
		}
	}
	return nil, nil
}

// wrapMapping turns the entries of a parsed mapping into parts.
func wrapMapping(src *source, n *yaml.Node) []*part {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]*part, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		out = append(out, &part{key: k.Value, keyPos: Pos{k.Line, k.Column}, src: src,
			node: n.Content[i+1]})
	}
	return out
}

// shiftLines moves every node of a tree parsed from a fragment by delta
// lines, and its first line by col columns, to where it is in the file.
func shiftLines(n *yaml.Node, delta, firstLine, col int) {
	if n.Line == firstLine {
		n.Column += col
	}
	n.Line += delta
	for _, c := range n.Content {
		shiftLines(c, delta, firstLine, col)
	}
}

// splitProblem is a reason the fast reading gave up, for debugging.
func splitProblem(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errSplit}, args...)...)
}
