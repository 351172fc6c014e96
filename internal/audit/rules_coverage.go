package audit

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// Rules about which operations require credentials at all.
func coverageRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-no-security", Severity: findings.Error,
			Title: "The document declares no security at all",
			Description: "No security requirement applies a scheme anywhere in the " +
				"document, so nothing tells callers how to authenticate. Reported once " +
				"per document, not once per operation.",
			Sources: []string{citeAPI2, citeOASSecurity}},
			advice: "Declare the schemes the API accepts (components.securitySchemes, or " +
				"securityDefinitions in Swagger 2.0), apply them with a top-level `security` " +
				"requirement, and mark operations that are public on purpose with `security: []`.",
			run: noSecurity},
		{meta: findings.Rule{ID: "auth-operation-unprotected", Severity: findings.Error,
			Title: "Operation without a security requirement",
			Description: "The operation has no security requirement of its own and none " +
				"is declared globally. An error for operations that change data, a warning " +
				"for safe methods (GET, HEAD, OPTIONS, TRACE).",
			Sources: []string{citeAPI2}},
			advice: "Apply a security requirement to the operation or globally; if the " +
				"operation is public on purpose, say so with `security: []`.",
			run: unprotected},
		{meta: findings.Rule{ID: "auth-operation-public", Severity: findings.Info,
			Title: "Operation declared public with `security: []`",
			Description: "The operation opts out of authentication explicitly. That is " +
				"right for sign-up, login and public data; confirm it is meant.",
			Sources: []string{citeAPI2}},
			advice: "Keep `security: []` only where anyone may call the operation; " +
				"rate-limit it and protect sign-up, login and password reset like " +
				"authentication itself.",
			run: public},
		{meta: findings.Rule{ID: "auth-operation-optional", Severity: findings.Warning,
			Title: "Operation also accepts anonymous callers (`{}`)",
			Description: "An empty security requirement among the alternatives makes " +
				"credentials optional. A warning for operations that change data, " +
				"information for safe methods.",
			Sources: []string{citeAPI2, citeOASSecurity}},
			advice: "Remove the empty requirement `{}` unless anonymous access is " +
				"intended; operations that change data should require credentials.",
			run: optional},
	}
}

func noSecurity(c *check) {
	d := c.doc
	if applied(d) || len(d.Operations) == 0 {
		return
	}
	msg := fmt.Sprintf("the document defines no security scheme and no requirement: "+
		"nothing says how callers authenticate to its %s", count(len(d.Operations), "operation"))
	if len(d.Schemes) > 0 {
		names := make([]string, len(d.Schemes))
		for i, s := range d.Schemes {
			names[i] = s.Name
		}
		msg = fmt.Sprintf("the document defines security schemes (%s) but no requirement "+
			"applies them, so its %s are documented as open",
			strings.Join(names, ", "), count(len(d.Operations), "operation"))
	}
	c.add(findings.Error, d.Root, msg)
}

func unprotected(c *check) {
	if !applied(c.doc) {
		return
	}
	for _, op := range c.doc.Operations {
		if c.doc.effective(op) != nil {
			continue
		}
		sev, what := findings.Error, "changes data"
		if safeMethod(op.Method) {
			sev, what = findings.Warning, "reads data"
		}
		c.add(sev, op.Loc, fmt.Sprintf("%s %s without any security requirement, "+
			"while other operations require credentials", opName(op), what))
	}
}

func public(c *check) {
	if !applied(c.doc) {
		return
	}
	var inherited []*Operation
	for _, op := range c.doc.Operations {
		r := c.doc.effective(op)
		switch {
		case r == nil || len(r.Alts) > 0:
		case op.Security == nil:
			inherited = append(inherited, op)
		default:
			msg := opName(op) + " is declared public (`security: []`)"
			if !safeMethod(op.Method) {
				msg += "; anyone may call this write"
			}
			c.add(findings.Info, r.Loc, msg)
		}
	}
	if len(inherited) > 0 {
		c.add(findings.Info, c.doc.Security.Loc, fmt.Sprintf("the global `security: []` "+
			"declares %s public", count(len(inherited), "operation")))
	}
}

func optional(c *check) {
	var inherited []*Operation
	writes := 0
	for _, op := range c.doc.Operations {
		r := c.doc.effective(op)
		if r == nil || len(r.Alts) == 0 || !r.anonymous() {
			continue
		}
		if op.Security == nil {
			inherited = append(inherited, op)
			if !safeMethod(op.Method) {
				writes++
			}
			continue
		}
		sev := findings.Warning
		if safeMethod(op.Method) {
			sev = findings.Info
		}
		c.add(sev, emptyAlt(r).Loc, opName(op)+
			" also accepts callers without credentials (`{}`)")
	}
	if len(inherited) > 0 {
		sev := findings.Info
		if writes > 0 {
			sev = findings.Warning
		}
		c.add(sev, emptyAlt(c.doc.Security).Loc, fmt.Sprintf("the global requirement's `{}` "+
			"lets callers without credentials use %s, %d of which change data",
			count(len(inherited), "operation"), writes))
	}
}

// emptyAlt returns the anonymous alternative of a requirement.
func emptyAlt(r *Requirements) Alternative {
	for _, a := range r.Alts {
		if len(a.Uses) == 0 {
			return a
		}
	}
	return r.Alts[0]
}

// verb picks the singular or plural form for n.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count writes "1 operation" or "873 operations".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
