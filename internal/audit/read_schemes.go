package audit

import (
	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// schemes reads components.securitySchemes (OpenAPI 3) or
// securityDefinitions (Swagger 2.0).
func (x *extractor) schemes() error {
	holder, base := x.top["securityDefinitions"], Pointer("/securityDefinitions")
	if !x.doc.Swagger {
		comp := x.top["components"]
		if comp == nil {
			return nil
		}
		var err error
		if holder, err = comp.child("securitySchemes"); err != nil {
			return err
		}
		base = "/components/securitySchemes"
	}
	if holder == nil {
		return nil
	}
	x.doc.SchemesKey = &Loc{holder.keyPos, base}
	kids, err := holder.parts()
	if err != nil {
		return err
	}
	if len(kids) == 0 {
		n, err := holder.value()
		if err != nil {
			return err
		}
		if n != nil && !isNull(n) && n.Kind != yaml.MappingNode {
			return x.badShape(n, "`"+holder.key+"` is a mapping of scheme names to schemes")
		}
	}
	for _, k := range kids {
		if err := x.scheme(k, base.add(k.key)); err != nil {
			return err
		}
	}
	return nil
}

func (x *extractor) scheme(p *part, ptr Pointer) error {
	raw, err := p.value()
	if err != nil {
		return err
	}
	n, at, err := x.follow(raw, ptr)
	if err != nil {
		return err
	}
	if n == nil {
		if x.doc.Elsewhere == nil {
			x.doc.Elsewhere = map[string]bool{}
		}
		x.doc.Elsewhere[p.key] = true
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return x.badShape(n, "a security scheme is a mapping with `type` and its settings")
	}
	x.addIgnore(n, at)
	s := &Scheme{Name: p.key, Loc: Loc{p.keyPos, ptr}, Type: text(n, "type"),
		In: text(n, "in"), ParamName: text(n, "name"), HTTP: text(n, "scheme")}
	s.TypeLoc = fieldLoc(n, "type", at)
	s.InLoc = fieldLoc(n, "in", at)
	s.HTTPLoc = fieldLoc(n, "scheme", at)
	if at != ptr {
		// A scheme that refers to another is reported at its own name;
		// the one it refers to is reported where it is defined.
		s.TypeLoc, s.InLoc, s.HTTPLoc = s.Loc, s.Loc, s.Loc
	}
	for _, f := range []string{"openIdConnectUrl", "authorizationUrl", "tokenUrl", "refreshUrl"} {
		if v := text(n, f); v != "" {
			s.URLs = append(s.URLs, URLRef{Field: f, Value: v, Loc: fieldLoc(n, f, at)})
		}
	}
	if x.doc.Swagger {
		x.swaggerFlow(s, n, at)
	} else {
		x.flows(s, n, at)
	}
	x.doc.Schemes = append(x.doc.Schemes, s)
	return nil
}

// fieldLoc is where a field's value is, or the object itself when the
// field is absent.
func fieldLoc(n *yaml.Node, key string, at Pointer) Loc {
	if v := mapGet(n, key); v != nil {
		return Loc{posOf(v), at.add(key)}
	}
	return Loc{posOf(n), at}
}

// flows reads the `flows` of an OpenAPI 3 oauth2 scheme.
func (x *extractor) flows(s *Scheme, n *yaml.Node, at Pointer) {
	flows := mapGet(n, "flows")
	pairs(flows, func(k, v *yaml.Node) {
		ptr := at.add("flows", k.Value)
		f := &Flow{Kind: k.Value, Loc: Loc{posOf(k), ptr}, Refresh: text(v, "refreshUrl") != ""}
		f.Scopes, f.ScopesLoc = scopesOf(v, ptr)
		for _, fld := range []string{"authorizationUrl", "tokenUrl", "refreshUrl"} {
			if u := text(v, fld); u != "" {
				s.URLs = append(s.URLs, URLRef{Field: fld, Value: u, Loc: fieldLoc(v, fld, ptr)})
			}
		}
		s.Flows = append(s.Flows, f)
	})
}

// swaggerFlow reads the single flow of a Swagger 2.0 oauth2 definition.
func (x *extractor) swaggerFlow(s *Scheme, n *yaml.Node, at Pointer) {
	v := mapGet(n, "flow")
	if v == nil {
		return
	}
	kind := map[string]string{"application": "clientCredentials",
		"accessCode": "authorizationCode"}[v.Value]
	if kind == "" {
		kind = v.Value
	}
	f := &Flow{Kind: kind, Loc: Loc{posOf(v), at.add("flow")}}
	f.Scopes, f.ScopesLoc = scopesOf(n, at)
	s.Flows = append(s.Flows, f)
}

// scopesOf returns the scope names an object declares and where.
func scopesOf(n *yaml.Node, at Pointer) ([]string, Loc) {
	sc := mapGet(n, "scopes")
	loc := fieldLoc(n, "scopes", at)
	var names []string
	pairs(sc, func(k, _ *yaml.Node) { names = append(names, k.Value) })
	return names, loc
}

// globalSecurity reads the top-level `security`.
func (x *extractor) globalSecurity() error {
	n, err := x.value("security")
	if err != nil || n == nil {
		return err
	}
	x.doc.Security, err = x.requirements(n, "/security")
	return err
}

// requirements reads a `security` list. A value of another shape is an
// input problem: read as no requirement, it would make protected
// operations look public.
func (x *extractor) requirements(n *yaml.Node, at Pointer) (*Requirements, error) {
	r := &Requirements{Loc: Loc{posOf(n), at}, Alts: []Alternative{}}
	if isNull(n) {
		return r, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, x.badShape(n, "`security` is a list of requirements, such as "+
			"[{bearer: []}]")
	}
	for i, item := range items(n) {
		ptr := at.add(itoa(i))
		alt := Alternative{Loc: Loc{posOf(item), ptr}}
		if item.Kind != yaml.MappingNode {
			return nil, x.badShape(item, "a security requirement is a mapping of scheme "+
				"names to scopes, such as {bearer: []}")
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			if v := item.Content[j+1]; !isNull(v) && (v.Kind != yaml.SequenceNode ||
				len(scalarList(v)) != len(v.Content)) {
				return nil, x.badShape(v, "the scopes of a requirement are a list, "+
					"such as [read, write]")
			}
		}
		pairs(item, func(k, v *yaml.Node) {
			use := SchemeUse{Name: k.Value, Loc: Loc{posOf(k), ptr.add(k.Value)}}
			for j, sc := range items(v) {
				use.Scopes = append(use.Scopes, Scope{Name: sc.Value,
					Loc: Loc{posOf(sc), ptr.add(k.Value, itoa(j))}})
			}
			alt.Uses = append(alt.Uses, use)
		})
		r.Alts = append(r.Alts, alt)
	}
	return r, nil
}

// isNull reports an empty or null value.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// badShape is the input problem of a value that does not have the shape
// the specification gives it. Like other input problems, it sends the
// fast reading to the whole document, which may hold an earlier problem.
func (x *extractor) badShape(n *yaml.Node, want string) error {
	if !x.root.src.whole {
		return splitProblem("%s at line %d", want, n.Line)
	}
	return decision.Problems{{File: x.doc.File, Pos: decision.Pos{Line: n.Line, Column: n.Column},
		Msg: want + "; found " + shapeOf(n)}}
}

// shapeOf names what a node is, for messages.
func shapeOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a plain value"
}
