package audit

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// Rules about the kind of credential a scheme uses. A scheme that no
// requirement applies is a latent risk: its findings are one step less
// severe.
func schemeRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-apikey-in-query", Severity: findings.Error,
			Title: "API key sent in the URL",
			Description: "An apiKey scheme reads the key from the query string (or the " +
				"path). URLs are written to server, proxy and browser logs and sent on " +
				"in Referer headers, so the key leaks.",
			Sources:     []string{citeAPI2, citeREST},
			AntiPattern: "credentials_in_url"},
			advice: "Take the key from a request header (such as X-API-Key) and refuse it " +
				"in the query string; better, issue short-lived OAuth 2.0 tokens sent in " +
				"the Authorization header.",
			run: apiKeyInURL},
		{meta: findings.Rule{ID: "auth-apikey-in-cookie", Severity: findings.Warning,
			Title: "API key sent in a cookie",
			Description: "An apiKey scheme reads the key from a cookie. Browsers attach " +
				"cookies to cross-site requests, so the API needs CSRF defences, and a " +
				"cookie is a session, not a client credential.",
			Sources: []string{citeSession, "Browser-apps BCP §6.1"}},
			advice: "Send API keys in a request header; for browser sessions use a " +
				"`__Host-` cookie with Secure, HttpOnly and SameSite, plus a CSRF defence.",
			run: apiKeyInCookie},
		{meta: findings.Rule{ID: "auth-basic", Severity: findings.Warning,
			Title: "HTTP Basic authentication",
			Description: "HTTP Basic (compared case-insensitively) sends the same " +
				"long-lived secret with every request; it carries no scope or expiry and " +
				"cannot be revoked without changing the secret.",
			Sources: []string{"RFC 7617 §4", citeAPI2}},
			advice: "Prefer OAuth 2.0 (client credentials for servers, authorization " +
				"code with PKCE for users) with short-lived tokens; at the least use " +
				"restricted, revocable API keys per client, over TLS only.",
			run: basicAuth},
		{meta: findings.Rule{ID: "auth-weak-scheme", Severity: findings.Error,
			Title: "Weak or obsolete HTTP authentication scheme",
			Description: "The http scheme is digest, negotiate, NTLM or OAuth 1.0: " +
				"password-derived or legacy mechanisms that modern clients and proxies " +
				"handle poorly and that resist neither relay nor offline attacks well.",
			Sources: []string{"RFC 7616 §5", citeAPI2}},
			advice: "Move to OAuth 2.0 bearer or sender-constrained tokens (DPoP, mTLS) " +
				"issued by an authorization server.",
			run: weakScheme},
	}
}

func apiKeyInURL(c *check) {
	for _, s := range c.doc.Schemes {
		in := strings.ToLower(s.In)
		if !strings.EqualFold(s.Type, "apiKey") || (in != "query" && in != "path") {
			continue
		}
		sev, msg := latent(s, findings.Error, fmt.Sprintf(
			"scheme %q takes the API key %q from the %s", s.Name, s.ParamName, in))
		c.add(sev, s.InLoc, msg)
	}
}

func apiKeyInCookie(c *check) {
	for _, s := range c.doc.Schemes {
		if !strings.EqualFold(s.Type, "apiKey") || !strings.EqualFold(s.In, "cookie") {
			continue
		}
		sev, msg := latent(s, findings.Warning, fmt.Sprintf(
			"scheme %q takes the API key from the cookie %q", s.Name, s.ParamName))
		c.add(sev, s.InLoc, msg)
	}
}

func basicAuth(c *check) {
	for _, s := range c.doc.Schemes {
		at := s.HTTPLoc
		switch {
		case strings.EqualFold(s.Type, "basic"):
			at = s.TypeLoc
		case strings.EqualFold(s.Type, "http") && strings.EqualFold(s.HTTP, "basic"):
		default:
			continue
		}
		sev, msg := latent(s, findings.Warning, fmt.Sprintf(
			"scheme %q uses HTTP Basic authentication", s.Name))
		c.add(sev, at, msg)
	}
}

func weakScheme(c *check) {
	for _, s := range c.doc.Schemes {
		if !strings.EqualFold(s.Type, "http") {
			continue
		}
		sev := findings.Error
		switch strings.ToLower(s.HTTP) {
		case "digest":
			sev = findings.Warning
		case "negotiate", "ntlm", "oauth":
		default:
			continue
		}
		sev, msg := latent(s, sev, fmt.Sprintf("scheme %q uses HTTP %s authentication",
			s.Name, s.HTTP))
		c.add(sev, s.HTTPLoc, msg)
	}
}
