package decision

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// CheckSchema checks a decision file against the JSON Schema of decision
// files and reports each violation at the position of the offending value.
// It is a first pass; Validate then checks references between the parts.
func CheckSchema(name string, data, schema []byte) (Problems, error) {
	sch, err := compileSchema(schema)
	if err != nil {
		return nil, fmt.Errorf("decision file schema: %w", err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return YAMLProblems(name, err), nil
	}
	var v any
	if err := doc.Decode(&v); err != nil {
		return YAMLProblems(name, err), nil
	}
	err = sch.Validate(jsonValue(v))
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, err
	}
	printer := message.NewPrinter(language.English)
	var ps Problems
	for _, leaf := range leaves(verr) {
		n := locate(&doc, leaf.InstanceLocation)
		if extra, ok := leaf.ErrorKind.(*kind.AdditionalProperties); ok && len(extra.Properties) > 0 {
			n = keyOf(n, extra.Properties[0])
		}
		at := "/" + strings.Join(leaf.InstanceLocation, "/")
		ps = append(ps, Problem{File: name, Pos: posOf(n),
			Msg: fmt.Sprintf("schema: at %s: %s", at, leaf.ErrorKind.LocalizedString(printer))})
	}
	ps.Sort()
	return ps, nil
}

func compileSchema(schema []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	const url = "decision-file.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

// leaves returns the innermost errors, which name the actual violations.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// locate follows a JSON pointer's tokens through the YAML document to the
// node they name, stopping at the deepest node found.
func locate(doc *yaml.Node, path []string) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, tok := range path {
		next := child(n, tok)
		if next == nil {
			break
		}
		n = next
	}
	return n
}

// keyOf returns the key node of a mapping's entry, or the mapping itself.
func keyOf(n *yaml.Node, key string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i]
			}
		}
	}
	return n
}

func child(n *yaml.Node, tok string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// jsonValue turns what yaml.v3 decodes into the types a JSON validator
// expects: maps with string keys.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = jsonValue(x)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[fmt.Sprint(k)] = jsonValue(x)
		}
		return out
	case []any:
		for i := range v {
			v[i] = jsonValue(v[i])
		}
		return v
	}
	return v
}
