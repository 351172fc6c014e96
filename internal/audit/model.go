package audit

// Document is what audit reads from one OpenAPI or Swagger document: only
// what the rules need, each part with its position and JSON pointer.
type Document struct {
	File string
	// Version is the value of `openapi` or `swagger`; Swagger is set for
	// Swagger 2.0.
	Version string
	Swagger bool
	// Root is the version key, where document-wide findings point.
	Root Loc

	// Schemes are the security schemes defined, in file order, and
	// SchemesKey is where they are defined (nil when nowhere).
	Schemes    []*Scheme
	SchemesKey *Loc
	// Elsewhere names the schemes defined by a reference to another
	// document, which audit does not follow: they exist, unread.
	Elsewhere map[string]bool
	// Security is the global security requirement; nil when absent.
	Security *Requirements
	// Servers are where the API is served: OpenAPI 3 `servers`, or
	// Swagger 2.0 `schemes` with `host` and `basePath`.
	Servers    []Server
	Operations []*Operation
	// Ignores are the rules `x-authadvisor-ignore` switches off, and where.
	Ignores []Ignore
	// Notes are what audit could not read, such as references to other
	// files; they are shown on stderr.
	Notes []string
}

// Loc is where something is: its position and JSON pointer.
type Loc struct {
	Pos
	Ptr Pointer
}

// Scheme is a security scheme (OpenAPI 3) or security definition
// (Swagger 2.0).
type Scheme struct {
	Name string
	Loc
	// Type is as written: apiKey, http, oauth2, openIdConnect,
	// mutualTLS, or Swagger's basic.
	Type    string
	TypeLoc Loc
	// In and InLoc are an API key's location: query, header or cookie.
	In        string
	InLoc     Loc
	ParamName string
	// HTTP is an http scheme's `scheme`, such as basic or bearer.
	HTTP    string
	HTTPLoc Loc
	Flows   []*Flow
	// URLs are the OAuth and OpenID Connect endpoints it names.
	URLs []URLRef
	// Used is set when some security requirement names the scheme.
	Used bool
}

// Flow is one OAuth 2.0 flow of a scheme.
type Flow struct {
	// Kind is the OpenAPI 3 name: implicit, password, clientCredentials,
	// authorizationCode or deviceAuthorization (Swagger's application and
	// accessCode are mapped to these).
	Kind string
	Loc
	Refresh   bool
	Scopes    []string
	ScopesLoc Loc
}

// URLRef is a URL field of a scheme.
type URLRef struct {
	Field, Value string
	Loc
}

// Requirements is a `security` list: alternatives, any one of which
// grants access.
type Requirements struct {
	Loc
	Alts []Alternative
}

// Alternative is one security requirement object; none of its schemes
// means anonymous access (`{}`).
type Alternative struct {
	Loc
	Uses []SchemeUse
}

// SchemeUse names a scheme in a requirement, with the scopes required.
type SchemeUse struct {
	Name string
	Loc
	Scopes []Scope
}

// Scope is one scope named in a requirement.
type Scope struct {
	Name string
	Loc
}

// Operation is one method of one path.
type Operation struct {
	Path, Method string
	// Loc is the method's key.
	Loc
	ID     string
	Params []Param
	// Security is the operation's own requirement; nil when it inherits
	// the global one.
	Security *Requirements
	// Responses are the status codes documented.
	Responses []string
	// Servers override the document's servers when not nil.
	Servers []Server
}

// Param is a parameter of an operation, after following references.
type Param struct {
	Name, In, Description string
	Loc
}

// Server is a URL the API is served at.
type Server struct {
	URL string
	Loc
}

// Ignore switches rules off at a pointer and everything below it.
type Ignore struct {
	Rules []string
	Loc
}

// effective returns the security requirement that applies to op.
func (d *Document) effective(op *Operation) *Requirements {
	if op.Security != nil {
		return op.Security
	}
	return d.Security
}

// scheme returns the scheme with the given name, or nil.
func (d *Document) scheme(name string) *Scheme {
	for _, s := range d.Schemes {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// servers returns the servers that serve op.
func (d *Document) servers(op *Operation) []Server {
	if op.Servers != nil {
		return op.Servers
	}
	return d.Servers
}

// anonymous reports whether the requirement lets a caller in without
// credentials: an empty list, or an empty alternative.
func (r *Requirements) anonymous() bool {
	if len(r.Alts) == 0 {
		return true
	}
	for _, a := range r.Alts {
		if len(a.Uses) == 0 {
			return true
		}
	}
	return false
}

// safeMethod reports whether an HTTP method only reads (RFC 9110 §9.2.1).
func safeMethod(m string) bool {
	switch m {
	case "get", "head", "options", "trace":
		return true
	}
	return false
}
