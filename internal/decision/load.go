package decision

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the default limit on the size of a decision file; the
// command line reads no more than that, or the limit the user sets.
const MaxFileSize = 4 << 20

// Load parses and validates a decision file. name is used in messages;
// templates is where snippet templates are looked up. On failure the error
// is Problems listing everything found, each with file, line and column.
func Load(name string, data []byte, templates fs.FS) (*File, error) {
	f, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if ps := f.Validate(templates); len(ps) > 0 {
		return nil, ps
	}
	return f, nil
}

// Parse reads a decision file without validating its content. Use Load
// unless the file is to be validated separately. The caller bounds the
// size of data (see MaxFileSize).
func Parse(name string, data []byte) (*File, error) {
	root, err := ParseYAML(name, data)
	if err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, Problems{{File: name, Pos: posOf(root),
			Msg: "a decision file is a mapping with questions, schemes, tree and policies"}}
	}
	f := &File{Name: name}
	type plain File
	if err := decodeStrict(root, (*plain)(f)); err != nil {
		return nil, YAMLProblems(name, err)
	}
	f.Name = name
	return f, nil
}

// RejectAliases reports every YAML alias (`*name`) in a document. Inputs
// have no use for them, and refusing them up front keeps a small file from
// expanding into an enormous one ("billion laughs"). The walk visits each
// node once and never follows an alias.
func RejectAliases(name string, doc *yaml.Node) Problems {
	var ps Problems
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if len(ps) < maxProblems {
				ps = append(ps, Problem{File: name, Pos: posOf(n),
					Msg: "YAML aliases (*" + n.Value + ") are not supported; write the value out"})
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	return ps
}

// MaxDepth is how deeply mappings and lists may nest in any YAML input.
// Real inputs stay far below it; refusing deeper ones keeps every walk
// over a tree short.
const MaxDepth = 100

// ParseYAML reads one YAML document and returns its root node. It refuses
// text that is not UTF-8 or holds raw control characters, aliases, merge
// keys, repeated keys, nesting deeper than MaxDepth and a second document,
// each as a problem naming the file and, where there is one, the line and
// column. The caller bounds the size of data.
func ParseYAML(name string, data []byte) (*yaml.Node, error) {
	return parseYAML(name, data, true)
}

// ParseYAMLOwnKeys is ParseYAML for a reader that reports repeated and
// merge keys itself, together with its other problems.
func ParseYAMLOwnKeys(name string, data []byte) (*yaml.Node, error) {
	return parseYAML(name, data, false)
}

func parseYAML(name string, data []byte, keys bool) (*yaml.Node, error) {
	if u := CheckText(data); u != nil {
		return nil, Problems{{File: name, Pos: u.Pos, Msg: u.Msg}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil, Problems{{File: name, Msg: "file is empty"}}
	}
	if err != nil {
		if at, ok := deepFlow(data); ok && strings.Contains(err.Error(), "exceeded max depth") {
			return nil, Problems{{File: name, Pos: at, Msg: fmt.Sprintf(
				"mappings and lists nest more than %d levels deep here", MaxDepth)}}
		}
		return nil, YAMLProblems(name, err)
	}
	if ps := RejectAliases(name, &doc); len(ps) > 0 {
		return nil, ps
	}
	if len(doc.Content) == 0 {
		return nil, Problems{{File: name, Msg: "file is empty"}}
	}
	if ps := checkTree(name, &doc, keys); len(ps) > 0 {
		return nil, ps
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		ps := YAMLProblems(name, err)
		if at, ok := afterFlow(data, doc.Content[0]); ok && len(ps) == 1 {
			ps[0].Pos, ps[0].Msg = at, "text after the end of the document"
		}
		return nil, ps
	case !emptyDocument(&next):
		return nil, Problems{{File: name, Pos: posOf(&next),
			Msg: "a second YAML document starts here; the file must hold one document"}}
	}
	return doc.Content[0], nil
}

// checkTree refuses nesting deeper than MaxDepth and, when keys is set,
// merge keys and keys that appear twice in one mapping: YAML forbids
// duplicates, and parsers disagree on which one wins. The walk never goes
// deeper than MaxDepth.
func checkTree(name string, doc *yaml.Node, keys bool) Problems {
	var ps Problems
	add := func(n *yaml.Node, format string, args ...any) {
		if len(ps) < maxProblems {
			ps = append(ps, Problem{File: name, Pos: posOf(n), Msg: fmt.Sprintf(format, args...)})
		}
	}
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if depth > MaxDepth {
			add(n, "mappings and lists nest more than %d levels deep here", MaxDepth)
			return false
		}
		if keys && n.Kind == yaml.MappingNode {
			checkKeys(n, add)
		}
		for _, c := range n.Content {
			if (c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode) && !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	walk(doc, 0)
	return ps
}

// checkKeys reports merge keys and repeated keys of a mapping.
func checkKeys(m *yaml.Node, add func(*yaml.Node, string, ...any)) {
	var seen map[string]*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			add(k, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		if seen == nil {
			seen = make(map[string]*yaml.Node, len(m.Content)/2)
		}
		if first := seen[k.Value]; first != nil {
			add(k, "key %q appears twice in this mapping (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
	}
}

// deepFlow finds the bracket that opens the flow collection nested more
// than MaxDepth deep, for text the YAML parser refused as too deep without
// saying where. Brackets in quoted scalars and comments are skipped.
func deepFlow(data []byte) (Pos, bool) {
	line, start, depth := 1, 0, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line, start = line+1, i+1
		case '#':
			if i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n' {
				for i < len(data)-1 && data[i+1] != '\n' {
					i++
				}
			}
		case '"', '\'':
			for i++; i < len(data) && data[i] != c; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			if depth++; depth > MaxDepth {
				return Pos{Line: line, Column: utf8.RuneCount(data[start:i]) + 1}, true
			}
		case '}', ']':
			depth = max(depth-1, 0)
		}
	}
	return Pos{}, false
}

// afterFlow returns where the first text after a flow collection (such
// as a JSON object) that starts at root is, for the errors the YAML
// parser gives there without a position.
func afterFlow(data []byte, root *yaml.Node) (Pos, bool) {
	if root.Kind != yaml.MappingNode && root.Kind != yaml.SequenceNode {
		return Pos{}, false
	}
	line, start, i := 1, 0, 0
	for ; i < len(data) && line < root.Line; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	for col := 1; i < len(data) && col < root.Column; col++ {
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	if i >= len(data) || (data[i] != '{' && data[i] != '[') {
		return Pos{}, false
	}
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line, start = line+1, i+1
		case '"', '\'':
			for i++; i < len(data) && data[i] != c; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				for i++; i < len(data) && strings.IndexByte(" \t\r\n", data[i]) >= 0; i++ {
					if data[i] == '\n' {
						line, start = line+1, i+1
					}
				}
				return Pos{Line: line, Column: utf8.RuneCount(data[start:i]) + 1}, i < len(data)
			}
		}
	}
	return Pos{}, false
}

// emptyDocument reports a document with no content, such as the one a
// trailing `---` opens.
func emptyDocument(doc *yaml.Node) bool {
	if len(doc.Content) == 0 {
		return true
	}
	c := doc.Content[0]
	return len(doc.Content) == 1 && c.Kind == yaml.ScalarNode && c.Tag == "!!null" &&
		c.Value == ""
}

// Unreadable is the problem of text a YAML parser refuses before
// parsing: bytes that are not UTF-8, and control characters written raw.
type Unreadable struct {
	// Pos is the line and column (in characters, from 1) of the first.
	Pos Pos
	// Msg says what is there.
	Msg string
}

// CheckText returns the first byte that is not UTF-8, or the first raw
// control character YAML does not allow (only tab, line feed and
// carriage return are), or nil when the text is readable.
func CheckText(data []byte) *Unreadable {
	line, start := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, start = line+1, i+1
			case (c < ' ' && c != '\t' && c != '\r') || c == 0x7f:
				return unreadable(data, line, start, i, fmt.Sprintf(
					"the control character %s must not be written raw; "+
						"use an escape such as \\x%02x in a double-quoted string",
					strconv.QuoteRune(rune(c)), c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return unreadable(data, line, start, i,
				"not UTF-8 text: the first invalid byte is here")
		case (r >= 0x80 && r < 0xa0 && r != 0x85) || r == 0xfffe || r == 0xffff:
			return unreadable(data, line, start, i, fmt.Sprintf(
				"the control character %s must not be written raw; "+
					"use an escape in a double-quoted string", strconv.QuoteRune(r)))
		}
		i += size
	}
	return nil
}

func unreadable(data []byte, line, start, i int, msg string) *Unreadable {
	return &Unreadable{Pos: Pos{Line: line, Column: utf8.RuneCount(data[start:i]) + 1},
		Msg: msg}
}
