package audit

import (
	"fmt"
	"net"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// Rules about what travels in URLs and over plain HTTP.
func urlRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-credential-in-url", Severity: findings.Error,
			Title: "Credential in a URL parameter",
			Description: "A query or path parameter carries a password, secret, token or " +
				"key. URLs are logged and sent on in Referer headers. Names that are " +
				"certainly secrets (password, client_secret, access_token) are errors; " +
				"bare token or key in the query is a warning; path parameters named token " +
				"or key, and names ending in id or name, are identifiers and not reported.",
			Sources:     []string{"RFC 9700 §4.3.2", "OAuth 2.1 §5.1", citeAPI2},
			AntiPattern: "credentials_in_url"},
			advice: "Move the credential to a header (Authorization for tokens) or the " +
				"request body, and refuse it in URLs.",
			run: credentialInURL},
		{meta: findings.Rule{ID: "auth-insecure-transport", Severity: findings.Error,
			Title: "Credentials over plain HTTP",
			Description: "A server (or Swagger scheme) is plain http or ws while the API " +
				"takes credentials, or an OAuth or OpenID Connect endpoint is plain http. " +
				"Loopback servers are information only; without any credential it is a " +
				"warning.",
			Sources: []string{"RFC 9700 §2.6", citeREST}},
			advice: "Serve the API and its authorization endpoints over HTTPS only, and " +
				"drop the http entries from servers and schemes.",
			run: insecureTransport},
	}
}

func credentialInURL(c *check) {
	seen := map[Pointer]bool{}
	for _, op := range c.doc.Operations {
		for _, p := range op.Params {
			in := strings.ToLower(p.In)
			if seen[p.Ptr] || (in != "query" && in != "path") {
				continue
			}
			certain, ambiguous := credential(p.Name)
			switch {
			case certain:
				c.add(findings.Error, p.Loc, fmt.Sprintf("%s parameter %q carries a credential",
					in, p.Name))
			case ambiguous && in == "query" && !describesIdentifier(p.Description):
				c.add(findings.Warning, p.Loc, fmt.Sprintf("query parameter %q looks like "+
					"a credential", p.Name))
			default:
				continue
			}
			seen[p.Ptr] = true
		}
	}
	for _, s := range allServers(c.doc) {
		if _, user, _, ok := splitURL(s.URL); ok && strings.Contains(user, ":") {
			c.add(findings.Error, s.Loc, "server URL contains a user name and password")
		}
	}
}

func insecureTransport(c *check) {
	creds := len(c.doc.Schemes) > 0
	for _, s := range allServers(c.doc) {
		scheme, host := schemeHost(s.URL)
		if scheme != "http" && scheme != "ws" {
			continue
		}
		switch {
		case loopback(host):
			c.add(findings.Info, s.Loc, fmt.Sprintf("server %s is plain %s on a loopback "+
				"address; fine for development only", s.URL, scheme))
		case creds:
			c.add(findings.Error, s.Loc, fmt.Sprintf("credentials travel over plain %s to %s",
				scheme, s.URL))
		default:
			c.add(findings.Warning, s.Loc, fmt.Sprintf("server %s is plain %s", s.URL, scheme))
		}
	}
	for _, sc := range c.doc.Schemes {
		for _, u := range sc.URLs {
			if scheme, host := schemeHost(u.Value); scheme == "http" && !loopback(host) {
				c.add(findings.Error, u.Loc, fmt.Sprintf("%s of scheme %q is plain http",
					u.Field, sc.Name))
			}
		}
	}
}

// allServers lists the document's servers and those operations override,
// each once.
func allServers(d *Document) []Server {
	seen := map[Pointer]bool{}
	var out []Server
	add := func(list []Server) {
		for _, s := range list {
			if !seen[s.Ptr] {
				seen[s.Ptr] = true
				out = append(out, s)
			}
		}
	}
	add(d.Servers)
	for _, op := range d.Operations {
		add(op.Servers)
	}
	return out
}

// schemeHost returns the lower-case scheme and the host of a URL, which
// may hold server variables such as {region}; relative URLs have neither.
func schemeHost(raw string) (string, string) {
	scheme, _, host, ok := splitURL(raw)
	if !ok {
		return "", ""
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.ToLower(scheme), strings.Trim(host, "[]")
}

// splitURL splits an absolute URL into scheme, user information and host
// with port, without rejecting server variables as url.Parse would.
func splitURL(raw string) (scheme, user, host string, ok bool) {
	scheme, rest, ok := strings.Cut(strings.TrimSpace(raw), "://")
	if !ok {
		return "", "", "", false
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		user, rest = rest[:i], rest[i+1:]
	}
	return scheme, user, rest, true
}

// loopback reports whether a host is this machine.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
