package decision

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CheckSchema checks a decision file against the JSON Schema of decision
// files and reports each violation at the position of the offending value.
// It is a first pass; Validate then checks references between the parts.
//
// The checker implements the keywords the decision-file schema uses (type,
// properties, required, additionalProperties, items, minItems, minLength,
// pattern, enum, const, oneOf and local $ref) and walks the YAML nodes
// directly, so every problem keeps its line and column. A general JSON
// Schema library was measured instead: the one we use in tests compiles all
// meta-schemas at package initialisation, which cost 2-4 ms on every start
// of every command. A test checks that both agree on valid and broken files.
func CheckSchema(name string, data, schema []byte) (Problems, error) {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return nil, fmt.Errorf("decision file schema: %w", err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return YAMLProblems(name, err), nil
	}
	if ps := RejectAliases(name, &doc); len(ps) > 0 {
		return ps, nil
	}
	c := &schemaChecker{name: name, root: root, patterns: map[string]*regexp.Regexp{}}
	if len(doc.Content) > 0 {
		c.check(root, doc.Content[0], "")
	}
	c.ps.Sort()
	return c.ps, nil
}

type schemaChecker struct {
	name     string
	root     map[string]any
	patterns map[string]*regexp.Regexp
	ps       Problems
}

func (c *schemaChecker) addf(n *yaml.Node, at, format string, args ...any) {
	if len(c.ps) >= maxProblems {
		return
	}
	if at == "" {
		at = "/"
	}
	c.ps = append(c.ps, Problem{File: c.name, Pos: posOf(n),
		Msg: "schema: at " + at + ": " + fmt.Sprintf(format, args...)})
}

// check validates node n against schema s; at is n's JSON pointer.
func (c *schemaChecker) check(s map[string]any, n *yaml.Node, at string) {
	if ref, ok := s["$ref"].(string); ok {
		s = c.resolve(ref)
	}
	if alts, ok := s["oneOf"].([]any); ok && !c.oneOf(alts, n) {
		c.addf(n, at, "does not match any of the allowed forms")
		return
	}
	if !c.checkType(s, n, at) {
		return
	}
	c.checkScalar(s, n, at)
	switch n.Kind {
	case yaml.MappingNode:
		c.checkObject(s, n, at)
	case yaml.SequenceNode:
		c.checkArray(s, n, at)
	}
}

// resolve follows a local reference such as "#/$defs/question".
func (c *schemaChecker) resolve(ref string) map[string]any {
	var cur any = c.root
	for _, tok := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, _ := cur.(map[string]any)
		cur = m[tok]
	}
	s, _ := cur.(map[string]any)
	return s
}

// oneOf reports whether n matches exactly one of the alternatives.
func (c *schemaChecker) oneOf(alts []any, n *yaml.Node) bool {
	matched := 0
	for _, a := range alts {
		sub := &schemaChecker{name: c.name, root: c.root, patterns: c.patterns}
		sub.check(a.(map[string]any), n, "")
		if len(sub.ps) == 0 {
			matched++
		}
	}
	return matched == 1
}

// nodeType names the JSON type of a YAML node.
func nodeType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.Tag {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	}
	return "string"
}

func (c *schemaChecker) checkType(s map[string]any, n *yaml.Node, at string) bool {
	want, ok := s["type"].(string)
	if !ok {
		return true
	}
	got := nodeType(n)
	if got == want || (want == "number" && got == "integer") {
		return true
	}
	c.addf(n, at, "got %s, want %s", got, want)
	return false
}

func (c *schemaChecker) checkScalar(s map[string]any, n *yaml.Node, at string) {
	if n.Kind != yaml.ScalarNode {
		return
	}
	if want, ok := s["const"]; ok && n.Value != fmt.Sprint(want) {
		c.addf(n, at, "value must be %v", want)
	}
	if enum, ok := s["enum"].([]any); ok && !inEnum(enum, n.Value) {
		c.addf(n, at, "value must be one of %s", quoteAll(enum))
	}
	if min, ok := s["minLength"].(float64); ok && len([]rune(n.Value)) < int(min) {
		c.addf(n, at, "minLength: got %d, want %d", len([]rune(n.Value)), int(min))
	}
	if p, ok := s["pattern"].(string); ok && !c.pattern(p).MatchString(n.Value) {
		c.addf(n, at, "%s does not match pattern %s", strconv.Quote(n.Value), strconv.Quote(p))
	}
}

func (c *schemaChecker) pattern(p string) *regexp.Regexp {
	re, ok := c.patterns[p]
	if !ok {
		re = regexp.MustCompile(p)
		c.patterns[p] = re
	}
	return re
}

func (c *schemaChecker) checkObject(s map[string]any, n *yaml.Node, at string) {
	props, _ := s["properties"].(map[string]any)
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		present[k.Value] = true
		sub := at + "/" + k.Value
		switch p, ok := props[k.Value].(map[string]any); {
		case ok:
			c.check(p, v, sub)
		case s["additionalProperties"] == false:
			c.addf(k, at, "additional properties %s not allowed", strconv.Quote(k.Value))
		default:
			if more, ok := s["additionalProperties"].(map[string]any); ok {
				c.check(more, v, sub)
			}
		}
	}
	req, _ := s["required"].([]any)
	for _, r := range req {
		if !present[r.(string)] {
			c.addf(n, at, "missing property %s", strconv.Quote(r.(string)))
		}
	}
}

func (c *schemaChecker) checkArray(s map[string]any, n *yaml.Node, at string) {
	if min, ok := s["minItems"].(float64); ok && len(n.Content) < int(min) {
		c.addf(n, at, "minItems: got %d, want %d", len(n.Content), int(min))
	}
	items, ok := s["items"].(map[string]any)
	if !ok {
		return
	}
	for i, item := range n.Content {
		c.check(items, item, at+"/"+strconv.Itoa(i))
	}
}

func inEnum(enum []any, v string) bool {
	for _, e := range enum {
		if fmt.Sprint(e) == v {
			return true
		}
	}
	return false
}

func quoteAll(vals []any) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = strconv.Quote(fmt.Sprint(v))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
