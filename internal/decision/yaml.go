package decision

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decodeStrict decodes a mapping node into v, a pointer to a struct, and
// refuses keys that the struct does not declare. yaml.v3 forgets
// KnownFields inside custom unmarshalers, so each type checks its own keys.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind != yaml.MappingNode {
		return &yaml.TypeError{Errors: []string{
			fmt.Sprintf("line %d:%d: expected a mapping, found %s", n.Line, n.Column, kindName(n)),
		}}
	}
	allowed := yamlKeys(reflect.TypeOf(v).Elem())
	var unknown []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !allowed[k.Value] {
			unknown = append(unknown, fmt.Sprintf(
				"line %d:%d: unknown field %q (allowed: %s)",
				k.Line, k.Column, k.Value, strings.Join(sortedKeys(allowed), ", ")))
		}
	}
	if len(unknown) > 0 {
		return &yaml.TypeError{Errors: unknown}
	}
	return n.Decode(v)
}

func yamlKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			keys[name] = true
		}
	}
	return keys
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "a mapping"
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

// UnmarshalYAML records the source's position.
func (s *Source) UnmarshalYAML(n *yaml.Node) error {
	type plain Source
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

// UnmarshalYAML records the question's position.
func (q *Question) UnmarshalYAML(n *yaml.Node) error {
	type plain Question
	q.Pos = posOf(n)
	return decodeStrict(n, (*plain)(q))
}

// UnmarshalYAML records the option's position.
func (o *Option) UnmarshalYAML(n *yaml.Node) error {
	type plain Option
	o.Pos = posOf(n)
	return decodeStrict(n, (*plain)(o))
}

// UnmarshalYAML records the entry's position.
func (e *Entry) UnmarshalYAML(n *yaml.Node) error {
	type plain Entry
	e.Pos = posOf(n)
	return decodeStrict(n, (*plain)(e))
}

// UnmarshalYAML records the snippet's position.
func (s *SnippetSpec) UnmarshalYAML(n *yaml.Node) error {
	type plain SnippetSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

// UnmarshalYAML records the tree's position.
func (t *Tree) UnmarshalYAML(n *yaml.Node) error {
	type plain Tree
	t.Pos = posOf(n)
	return decodeStrict(n, (*plain)(t))
}

// UnmarshalYAML records the node's position.
func (nd *Node) UnmarshalYAML(n *yaml.Node) error {
	type plain Node
	nd.Pos = posOf(n)
	return decodeStrict(n, (*plain)(nd))
}

// UnmarshalYAML records the branch's position.
func (b *Branch) UnmarshalYAML(n *yaml.Node) error {
	type plain Branch
	b.Pos = posOf(n)
	return decodeStrict(n, (*plain)(b))
}

// UnmarshalYAML records the policy's position.
func (p *Policy) UnmarshalYAML(n *yaml.Node) error {
	type plain Policy
	p.Pos = posOf(n)
	return decodeStrict(n, (*plain)(p))
}

// UnmarshalYAML records the effects' position.
func (e *Effects) UnmarshalYAML(n *yaml.Node) error {
	type plain Effects
	e.Pos = posOf(n)
	return decodeStrict(n, (*plain)(e))
}

// UnmarshalYAML records the rule's position.
func (r *Rule) UnmarshalYAML(n *yaml.Node) error {
	type plain Rule
	r.Pos = posOf(n)
	return decodeStrict(n, (*plain)(r))
}

// UnmarshalYAML reads a scalar or a list of scalars.
func (v *Value) UnmarshalYAML(n *yaml.Node) error {
	v.Pos = posOf(n)
	items, list, err := scalars(n)
	v.Items, v.List = items, list
	return err
}

// UnmarshalYAML reads one citation or a list of them.
func (c *Cites) UnmarshalYAML(n *yaml.Node) error {
	c.Pos = posOf(n)
	items, _, err := scalars(n)
	c.Items = items
	return err
}

// scalars reads a scalar or a sequence of scalars.
func scalars(n *yaml.Node) (items []string, list bool, err error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, false, nil
	case yaml.SequenceNode:
		items = []string{}
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, true, &yaml.TypeError{Errors: []string{
					fmt.Sprintf("line %d:%d: expected a plain value, found %s",
						c.Line, c.Column, kindName(c)),
				}}
			}
			items = append(items, c.Value)
		}
		return items, true, nil
	}
	return nil, false, &yaml.TypeError{Errors: []string{
		fmt.Sprintf("line %d:%d: expected a value or a list of values, found %s",
			n.Line, n.Column, kindName(n)),
	}}
}

// Reserved keys of a condition; every other key names a question.
const (
	condAny     = "any"
	condAll     = "all"
	condNot     = "not"
	condPrimary = "primary"
)

// UnmarshalYAML reads a condition mapping.
func (c *Condition) UnmarshalYAML(n *yaml.Node) error {
	c.Pos = posOf(n)
	if n.Kind != yaml.MappingNode {
		return &yaml.TypeError{Errors: []string{
			fmt.Sprintf("line %d:%d: a condition is a mapping of question ids to values, found %s",
				n.Line, n.Column, kindName(n)),
		}}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := c.readKey(n.Content[i], n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

func (c *Condition) readKey(k, v *yaml.Node) error {
	switch k.Value {
	case condAny:
		return v.Decode(&c.Any)
	case condAll:
		return v.Decode(&c.All)
	case condNot:
		c.Not = &Condition{}
		return v.Decode(c.Not)
	}
	items, _, err := scalars(v)
	if err != nil {
		return err
	}
	if k.Value == condPrimary {
		c.Primary = items
		return nil
	}
	if c.Answers == nil {
		c.Answers = map[string][]string{}
		c.KeyPos = map[string]Pos{}
	}
	if _, dup := c.Answers[k.Value]; dup {
		return &yaml.TypeError{Errors: []string{
			fmt.Sprintf("line %d:%d: question %q appears twice in one condition",
				k.Line, k.Column, k.Value),
		}}
	}
	c.Answers[k.Value] = items
	c.Order = append(c.Order, k.Value)
	c.KeyPos[k.Value] = posOf(k)
	return nil
}
