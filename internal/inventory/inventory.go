// Package inventory reads an inventory of integrations (what each one is,
// as answers to the decision file's questions, and the credentials it uses
// today) and checks each against the recommendation for it.
package inventory

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// MaxFileSize is the default limit on the size of an inventory; the
// command line reads no more than that, or the limit the user sets.
const MaxFileSize = 4 << 20

// Inventory is a parsed inventory file.
type Inventory struct {
	File         string
	Integrations []Integration
}

// Integration is one client of the API.
type Integration struct {
	Name string
	Pos  decision.Pos
	// Answers are the defaults merged with the integration's own answers.
	Answers decision.Answers
	// Current are the scheme and anti-pattern ids it uses today.
	Current []Ref
	// Credentials identify the credentials it holds, never the secrets.
	Credentials []Ref
}

// Ref is a value and where it is written.
type Ref struct {
	Value string
	Pos   decision.Pos
}

// integrationKeys are the keys an integration may have.
func integrationKeys() []string {
	return []string{"name", "answers", "current", "credential"}
}

// Parse reads an inventory and checks it against the decision file f:
// answers must be valid answers to its questions, and current ids must be
// schemes or anti-patterns of its catalogue. Every problem is reported at
// once as decision.Problems with file, line and column.
func Parse(name string, data []byte, f *decision.File) (*Inventory, error) {
	root, err := decision.ParseYAML(name, data)
	if err != nil {
		return nil, err
	}
	p := &parser{name: name, f: f}
	inv := p.inventory(root)
	if len(p.ps) > 0 {
		p.ps.Sort()
		return nil, p.ps[:min(len(p.ps), maxProblems)]
	}
	return inv, nil
}

// parser collects problems while it reads an inventory.
type parser struct {
	name string
	f    *decision.File
	ps   decision.Problems
}

func (p *parser) addf(n *yaml.Node, format string, args ...any) {
	p.ps = append(p.ps, decision.Problem{File: p.name, Pos: pos(n),
		Msg: fmt.Sprintf(format, args...)})
}

// maxProblems caps the problems reported for one inventory (the first in
// file order), so that a hostile file cannot flood the terminal.
const maxProblems = 500

func pos(n *yaml.Node) decision.Pos { return decision.Pos{Line: n.Line, Column: n.Column} }

func (p *parser) inventory(root *yaml.Node) *Inventory {
	inv := &Inventory{File: p.name}
	if root.Kind != yaml.MappingNode {
		p.addf(root, "an inventory is a mapping with an `integrations` list")
		return inv
	}
	var defaults decision.Answers
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "defaults":
			defaults = p.answers(v)
		case "integrations":
			list = v
		default:
			p.addf(k, "unknown field %q (allowed: defaults, integrations)", k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		p.addf(root, "an inventory needs an `integrations` list with at least one integration")
		return inv
	}
	seen := map[string]*yaml.Node{}
	for _, item := range list.Content {
		in, nameNode := p.integration(item, defaults)
		if nameNode == nil {
			continue
		}
		if first := seen[in.Name]; first != nil {
			p.addf(nameNode, "integration %q is listed twice (first at line %d)", in.Name,
				first.Line)
			continue
		}
		seen[in.Name] = nameNode
		inv.Integrations = append(inv.Integrations, in)
	}
	return inv
}

// answers reads a mapping of answers, reporting its problems.
func (p *parser) answers(n *yaml.Node) decision.Answers {
	a, err := answers.ParseNode(p.name, n, p.f)
	var ps decision.Problems
	if errors.As(err, &ps) {
		p.ps = append(p.ps, ps...)
	}
	return a
}

// integration reads one integration; it returns the name node, or nil
// when the integration has no usable name.
func (p *parser) integration(n *yaml.Node, defaults decision.Answers) (Integration, *yaml.Node) {
	in := Integration{Pos: pos(n), Answers: decision.Answers{}}
	if n.Kind != yaml.MappingNode {
		p.addf(n, "an integration is a mapping with %s", strings.Join(integrationKeys(), ", "))
		return in, nil
	}
	for id, vals := range defaults {
		in.Answers[id] = vals
	}
	var nameNode, current *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "name":
			nameNode = v
		case "answers":
			for id, vals := range p.answers(v) {
				in.Answers[id] = vals
			}
		case "current":
			current = v
		case "credential":
			in.Credentials = p.refs(v, "credential")
		default:
			p.addf(k, "unknown field %q (allowed: %s)", k.Value,
				strings.Join(integrationKeys(), ", "))
		}
	}
	if nameNode == nil || nameNode.Kind != yaml.ScalarNode || nameNode.Value == "" {
		p.addf(n, "an integration needs a `name`")
		return in, nil
	}
	in.Name, in.Pos = nameNode.Value, pos(nameNode)
	p.current(&in, n, current)
	return in, nameNode
}

// current reads the ids in use today and checks them against the
// catalogue, and against an answer to the same question.
func (p *parser) current(in *Integration, n, v *yaml.Node) {
	if v == nil {
		p.addf(n, "integration %q needs `current`: the scheme and anti-pattern ids it "+
			"uses today, such as [api_key]", in.Name)
		return
	}
	in.Current = p.refs(v, "current")
	for _, r := range in.Current {
		if e := p.f.Entry(r.Value); e == nil || isSetting(p.f, r.Value) {
			p.ps = append(p.ps, decision.Problem{File: p.name, Pos: r.Pos,
				Msg: unknownID(p.f, r.Value)})
		}
	}
	if q := inUseQuestion(p.f); q != nil {
		if _, both := in.Answers[q.ID]; both {
			p.addf(v, "integration %q answers %s as well as `current`; keep `current` only",
				in.Name, q.ID)
		}
	}
}

// refs reads a scalar or a list of scalars.
func (p *parser) refs(v *yaml.Node, field string) []Ref {
	var out []Ref
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Value != "" {
			out = append(out, Ref{v.Value, pos(v)})
		}
	case yaml.SequenceNode:
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode || c.Value == "" {
				p.addf(c, "`%s` lists plain values", field)
				continue
			}
			out = append(out, Ref{c.Value, pos(c)})
		}
	default:
		p.addf(v, "`%s` is a value or a list of values", field)
	}
	return out
}

// inUseQuestion returns the question that lists what an API uses today.
func inUseQuestion(f *decision.File) *decision.Question {
	for i := range f.Questions {
		if f.Questions[i].InUse {
			return &f.Questions[i]
		}
	}
	return nil
}

func isSetting(f *decision.File, id string) bool {
	for _, s := range f.Settings {
		if s.ID == id {
			return true
		}
	}
	return false
}

// unknownID explains an id that is not a scheme or anti-pattern, naming
// close ones.
func unknownID(f *decision.File, id string) string {
	var ids []string
	for _, e := range append(append([]decision.Entry{}, f.Schemes...), f.AntiPatterns...) {
		if strings.Contains(e.ID, id) || strings.Contains(id, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	sort.Strings(ids)
	msg := fmt.Sprintf("%q is not a scheme or anti-pattern id of the decision file", id)
	if len(ids) > 0 {
		msg += "; did you mean " + strings.Join(ids, " or ") + "?"
	}
	return msg
}
