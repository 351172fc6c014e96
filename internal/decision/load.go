package decision

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest decision file Load accepts.
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
// unless the file is to be validated separately.
func Parse(name string, data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, Problems{{File: name, Msg: fmt.Sprintf(
			"file is %d bytes; the limit is %d", len(data), MaxFileSize)}}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Problems{{File: name, Msg: "file is empty"}}
		}
		return nil, YAMLProblems(name, err)
	}
	if ps := RejectAliases(name, &doc); len(ps) > 0 {
		return nil, ps
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, Problems{{File: name, Pos: Pos{Line: 1, Column: 1},
			Msg: "a decision file is a mapping with questions, schemes, tree and policies"}}
	}
	f := &File{Name: name}
	type plain File
	if err := decodeStrict(doc.Content[0], (*plain)(f)); err != nil {
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

// ParseYAML reads one YAML document, refuses aliases, and returns its root
// node. Problems name the file and, where yaml.v3 gives one, the position.
func ParseYAML(name string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil, Problems{{File: name, Msg: "file is empty"}}
	}
	if err != nil {
		return nil, YAMLProblems(name, err)
	}
	if ps := RejectAliases(name, &doc); len(ps) > 0 {
		return nil, ps
	}
	if len(doc.Content) == 0 {
		return nil, Problems{{File: name, Msg: "file is empty"}}
	}
	return doc.Content[0], nil
}
