package audit

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// Rules about requirements and the schemes and scopes they name.
func referenceRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-scheme-undefined", Severity: findings.Error,
			Title: "Requirement names an undefined scheme",
			Description: "A security requirement names a scheme that the document does " +
				"not define, so tools and readers cannot tell what it requires.",
			Sources: []string{citeOASSecurity}},
			advice: "Define the scheme under components.securitySchemes (securityDefinitions " +
				"in Swagger 2.0), or correct the name.",
			run: schemeUndefined},
		{meta: findings.Rule{ID: "auth-scope-undefined", Severity: findings.Warning,
			Title: "Requirement names an undeclared scope",
			Description: "A requirement asks for an OAuth 2.0 scope that none of the " +
				"scheme's flows declares.",
			Sources: []string{citeOASFlows, "RFC 9700 §2.3"}},
			advice: "Declare the scope in the scheme's flows, or correct its name.",
			run:    scopeUndefined},
		{meta: findings.Rule{ID: "auth-scheme-unused", Severity: findings.Info,
			Title: "Scheme defined but never applied",
			Description: "No security requirement names the scheme: either it is dead, " +
				"or the document fails to say where it applies.",
			Sources: []string{citeOASSecurity}},
			advice: "Apply the scheme where the API accepts it, or remove it.",
			run:    schemeUnused},
	}
}

func schemeUndefined(c *check) {
	for _, r := range allRequirements(c.doc) {
		for _, a := range r.Alts {
			for _, u := range a.Uses {
				if c.doc.scheme(u.Name) == nil && !c.doc.Elsewhere[u.Name] {
					c.add(findings.Error, u.Loc, fmt.Sprintf(
						"security requirement names scheme %q, which is not defined", u.Name))
				}
			}
		}
	}
}

func scopeUndefined(c *check) {
	for _, r := range allRequirements(c.doc) {
		for _, a := range r.Alts {
			for _, u := range a.Uses {
				s := c.doc.scheme(u.Name)
				if s == nil || !strings.EqualFold(s.Type, "oauth2") {
					continue
				}
				declared := map[string]bool{}
				for _, f := range s.Flows {
					for _, sc := range f.Scopes {
						declared[sc] = true
					}
				}
				if len(declared) == 0 {
					continue // auth-oauth2-no-scopes reports the scheme.
				}
				for _, sc := range u.Scopes {
					if !declared[sc.Name] {
						c.add(findings.Warning, sc.Loc, fmt.Sprintf(
							"scope %q is not declared by scheme %q", sc.Name, u.Name))
					}
				}
			}
		}
	}
}

func schemeUnused(c *check) {
	if !applied(c.doc) {
		return // auth-no-security names the schemes.
	}
	for _, s := range c.doc.Schemes {
		if !s.Used {
			c.add(findings.Info, s.Loc, fmt.Sprintf("scheme %q is defined but no "+
				"requirement applies it", s.Name))
		}
	}
}
