package audit

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// methods returns the operations of a path item, in the order the
// outputs list them.
func methods() []string {
	return []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}
}

// servers reads OpenAPI 3 `servers`, or Swagger 2.0 `schemes`, `host`
// and `basePath`.
func (x *extractor) servers() error {
	if !x.doc.Swagger {
		n, err := x.value("servers")
		if err != nil {
			return err
		}
		x.doc.Servers = serversOf(n, "/servers")
		return nil
	}
	n, err := x.value("schemes")
	if err != nil || n == nil {
		return err
	}
	x.doc.Servers = x.swaggerServers(n, "/schemes")
	return nil
}

func serversOf(n *yaml.Node, at Pointer) []Server {
	var out []Server
	for i, s := range items(n) {
		if u := mapGet(s, "url"); u != nil {
			out = append(out, Server{URL: u.Value, Loc: Loc{posOf(u), at.add(itoa(i), "url")}})
		}
	}
	return out
}

// swaggerServers turns Swagger 2.0 `schemes` into server URLs on the
// document's host.
func (x *extractor) swaggerServers(schemes *yaml.Node, at Pointer) []Server {
	h := ""
	if host, err := x.value("host"); err == nil && host != nil {
		h = host.Value
	}
	var out []Server
	for i, s := range scalarList(schemes) {
		out = append(out, Server{URL: strings.ToLower(s.Value) + "://" + h,
			Loc: Loc{posOf(s), at.add(itoa(i))}})
	}
	return out
}

// paths reads every operation, one path item at a time. Only the fields
// the rules need are parsed: descriptions, request bodies and response
// contents are skipped unread.
func (x *extractor) paths() error {
	p := x.top["paths"]
	if p == nil {
		return nil
	}
	kids, err := p.parts()
	if err != nil {
		return err
	}
	for _, k := range kids {
		if !strings.HasPrefix(k.key, "/") {
			continue
		}
		if err := x.pathItem(k, Pointer("/paths").add(k.key)); err != nil {
			return err
		}
		// What the path item was split into is not needed again.
		k.release()
	}
	return nil
}

func (x *extractor) pathItem(p *part, ptr Pointer) error {
	fields, err := fieldsOf(p)
	if err != nil {
		return err
	}
	if ref := fields["$ref"]; ref != nil {
		if p, ptr, err = x.followPart(p, ptr); err != nil || p == nil {
			return err
		}
		if fields, err = fieldsOf(p); err != nil {
			return err
		}
	}
	if err := x.ignoreIn(fields, ptr); err != nil {
		return err
	}
	shared, err := x.paramsIn(fields, ptr, nil)
	if err != nil {
		return err
	}
	servers, err := x.serversIn(fields, ptr)
	if err != nil {
		return err
	}
	for _, m := range methods() {
		if fields[m] == nil {
			continue
		}
		o := &Operation{Path: p.key, Method: m, Loc: Loc{fields[m].keyPos, ptr.add(m)},
			Servers: servers}
		if err := x.operation(o, fields[m], shared); err != nil {
			return err
		}
		x.doc.Operations = append(x.doc.Operations, o)
	}
	return nil
}

// followPart resolves a path item that is a reference, and returns it as
// a part of a parsed tree.
func (x *extractor) followPart(p *part, ptr Pointer) (*part, Pointer, error) {
	raw, err := p.value()
	if err != nil {
		return nil, "", err
	}
	n, at, err := x.follow(raw, ptr)
	if err != nil || n == nil {
		return nil, "", err
	}
	return &part{key: p.key, keyPos: p.keyPos, src: p.src, node: n}, at, nil
}

// fieldsOf maps the keys of a part's value to their parts.
func fieldsOf(p *part) (map[string]*part, error) {
	kids, err := p.parts()
	if err != nil {
		return nil, err
	}
	m := make(map[string]*part, len(kids))
	for _, k := range kids {
		m[k.key] = k
	}
	return m, nil
}

// valueOf returns the parsed value of a field, or nil when it is absent.
func valueOf(fields map[string]*part, key string) (*yaml.Node, error) {
	if p := fields[key]; p != nil {
		return p.value()
	}
	return nil, nil
}

func (x *extractor) operation(o *Operation, p *part, shared []Param) error {
	fields, err := fieldsOf(p)
	if err != nil {
		return err
	}
	if err := x.ignoreIn(fields, o.Ptr); err != nil {
		return err
	}
	if id, err := valueOf(fields, "operationId"); err != nil {
		return err
	} else if id != nil {
		o.ID = id.Value
	}
	if o.Params, err = x.paramsIn(fields, o.Ptr, shared); err != nil {
		return err
	}
	if sec, err := valueOf(fields, "security"); err != nil {
		return err
	} else if sec != nil {
		if o.Security, err = x.requirements(sec, o.Ptr.add("security")); err != nil {
			return err
		}
	}
	if r := fields["responses"]; r != nil {
		codes, err := r.parts()
		if err != nil {
			return err
		}
		for _, c := range codes {
			o.Responses = append(o.Responses, c.key)
		}
	}
	servers, err := x.serversIn(fields, o.Ptr)
	if servers != nil {
		o.Servers = servers
	}
	return err
}

// ignoreIn records the `x-authadvisor-ignore` among an object's fields.
func (x *extractor) ignoreIn(fields map[string]*part, ptr Pointer) error {
	p := fields[ignoreKey]
	if p == nil {
		return nil
	}
	v, err := p.value()
	if err != nil {
		return err
	}
	x.doc.Ignores = append(x.doc.Ignores, ignoreOf(v, Loc{p.keyPos, ptr}))
	return nil
}

// paramsIn reads the `parameters` among an object's fields.
func (x *extractor) paramsIn(fields map[string]*part, ptr Pointer,
	shared []Param) ([]Param, error) {
	list, err := valueOf(fields, "parameters")
	if err != nil {
		return nil, err
	}
	return x.params(list, ptr.add("parameters"), shared)
}

// serversIn reads the servers a path item or operation overrides; nil
// when it does not.
func (x *extractor) serversIn(fields map[string]*part, ptr Pointer) ([]Server, error) {
	key := "servers"
	if x.doc.Swagger {
		key = "schemes"
	}
	n, err := valueOf(fields, key)
	if err != nil || n == nil {
		return nil, err
	}
	if x.doc.Swagger {
		return x.swaggerServers(n, ptr.add(key)), nil
	}
	return append([]Server{}, serversOf(n, ptr.add(key))...), nil
}

// params reads a parameter list, following references; an operation's
// parameters replace the path item's of the same name and location.
func (x *extractor) params(list *yaml.Node, at Pointer, shared []Param) ([]Param, error) {
	var own []Param
	for i, raw := range items(list) {
		n, ptr, err := x.follow(raw, at.add(itoa(i)))
		if err != nil {
			return nil, err
		}
		if n == nil {
			continue
		}
		own = append(own, Param{Name: text(n, "name"), In: text(n, "in"),
			Description: text(n, "description"), Loc: Loc{posOf(n), ptr}})
	}
	out := own
	for _, s := range shared {
		if !hasParam(own, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

func hasParam(list []Param, p Param) bool {
	for _, q := range list {
		if q.Name == p.Name && q.In == p.In {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }
