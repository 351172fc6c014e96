package audit

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// maxRefHops bounds a chain of references that lead to references.
const maxRefHops = 32

// errExternal marks a reference to another file or a URL; audit reads one
// document at a time and does not follow them.
var errExternal = errors.New("reference to another document")

// resolver follows local $refs within one document.
type resolver struct {
	root  *part
	cache map[string]*yaml.Node
}

func newResolver(root *part) *resolver {
	return &resolver{root: root, cache: map[string]*yaml.Node{}}
}

// follow returns n or, when n is a reference, what its chain of
// references leads to, with the pointer of the node returned. A cycle or
// a reference to nothing is a problem at the reference.
func (r *resolver) follow(n *yaml.Node, at Pointer) (*yaml.Node, Pointer, error) {
	var chain []string
	for hops := 0; ; hops++ {
		ref, refNode := refOf(n)
		if refNode == nil {
			return n, at, nil
		}
		toks, ok := refTokens(ref)
		if !ok {
			return nil, "", errExternal
		}
		if hops > maxRefHops || slices.Contains(chain, ref) {
			return nil, "", r.problem(refNode, "$ref cycle: %s -> %s",
				strings.Join(chain, " -> "), ref)
		}
		chain = append(chain, ref)
		target, err := r.lookup(ref, toks)
		if err != nil {
			return nil, "", err
		}
		if target == nil {
			return nil, "", r.problem(refNode, "$ref %q points to nothing in this document", ref)
		}
		n, at = target, refPointer(toks)
	}
}

// refOf returns the value and node of a mapping's $ref key.
func refOf(n *yaml.Node) (string, *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return "", nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value, n.Content[i+1]
		}
	}
	return "", nil
}

// lookup finds the node a local reference names, or nil.
func (r *resolver) lookup(ref string, toks []string) (*yaml.Node, error) {
	if n, ok := r.cache[ref]; ok {
		return n, nil
	}
	cur := r.root
	for i, tok := range toks {
		if cur.node != nil {
			n := walkNode(cur.node, toks[i:])
			r.cache[ref] = n
			return n, nil
		}
		kids, err := cur.parts()
		if err != nil {
			return nil, err
		}
		if kids == nil {
			n, err := cur.value()
			if err != nil {
				return nil, err
			}
			r.cache[ref] = walkNode(n, toks[i:])
			return r.cache[ref], nil
		}
		if cur, err = cur.child(tok); err != nil || cur == nil {
			return nil, err
		}
	}
	n, err := cur.value()
	if err == nil {
		r.cache[ref] = n
	}
	return n, err
}

// walkNode follows reference tokens through a parsed tree.
func walkNode(n *yaml.Node, toks []string) *yaml.Node {
	for _, tok := range toks {
		switch n.Kind {
		case yaml.MappingNode:
			n = mapGet(n, tok)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// problem is an input problem at a node when the whole document was
// parsed; in the fast reading it sends the caller to the whole document,
// whose positions and content are certain.
func (r *resolver) problem(n *yaml.Node, format string, args ...any) error {
	if !r.root.src.whole {
		return splitProblem(format, args...)
	}
	return decision.Problems{{File: r.root.src.name,
		Pos: decision.Pos{Line: n.Line, Column: n.Column}, Msg: fmt.Sprintf(format, args...)}}
}
