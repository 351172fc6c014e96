package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/authadvisor/authadvisor/internal/audit"
)

// counterparts maps each of their authentication and credential rules to
// the rules of ours that report the same thing. Their other rules (rate
// limits, schema limits, numeric ids, CORS...) are not about
// authentication and are left out.
func counterparts() map[string][]string {
	refresh := []string{"auth-oauth2-no-refresh-url", "auth-oauth2-implicit",
		"auth-oauth2-password"}
	unprotected := []string{"auth-no-security", "auth-operation-unprotected",
		"auth-operation-public", "auth-operation-optional"}
	transport := []string{"auth-insecure-transport"}
	return map[string][]string{
		"owasp:api2:2023-no-http-basic":              {"auth-basic", "auth-weak-scheme"},
		"owasp:api2:2023-no-api-keys-in-url":         {"auth-apikey-in-query"},
		"owasp:api2:2023-no-credentials-in-url":      {"auth-credential-in-url"},
		"owasp:api2:2023-auth-insecure-schemes":      {"auth-weak-scheme"},
		"owasp:api2:2023-jwt-best-practices":         nil,
		"owasp:api2:2023-short-lived-access-tokens":  refresh,
		"owasp:api2:2023-write-restricted":           unprotected,
		"owasp:api2:2023-read-restricted":            unprotected,
		"owasp:api5:2023-admin-security-unique":      {"auth-sensitive-not-stronger"},
		"owasp:api8:2023-no-scheme-http":             transport,
		"owasp:api8:2023-no-server-http":             transport,
		"owasp:api8:2023-define-error-responses-401": {"auth-missing-401-403"},
		"owasp-no-http-basic":                        {"auth-basic", "auth-weak-scheme"},
		"owasp-no-api-keys-in-url":                   {"auth-apikey-in-query"},
		"owasp-no-credentials-in-url":                {"auth-credential-in-url"},
		"owasp-auth-insecure-schemes":                {"auth-weak-scheme"},
		"owasp-jwt-best-practices":                   nil,
		"owasp-protection-global-unsafe":             unprotected,
		"owasp-protection-global-unsafe-strict":      unprotected,
		"owasp-protection-global-safe":               unprotected,
		"owasp-security-hosts-https-oas3":            transport,
		"owasp-define-error-responses-401":           {"auth-missing-401-403"},
	}
}

// grouped are our rules that report once per document for many places.
func grouped(rule string) bool {
	switch rule {
	case "auth-no-security", "auth-missing-401-403", "auth-sensitive-not-stronger",
		"auth-mixed-schemes":
		return true
	}
	return false
}

// findingRow counts, for one document, tool and rule of theirs, how their
// findings fared.
type findingRow struct {
	doc, tool, rule string
	total, matched  int
	// disagree counts findings per reason of a deliberate disagreement.
	disagree map[string]int
	// missed are findings neither matched nor explained.
	missed int
}

// compare classifies every authentication finding of each tool and
// writes one line per finding to details.
func (d *document) compare(details io.Writer) []findingRow {
	var rows []findingRow
	for _, tool := range tools() {
		byRule := map[string]*findingRow{}
		var order []string
		for _, f := range d.theirs[tool] {
			ours, ok := counterparts()[f.Code]
			if !ok {
				continue
			}
			row := byRule[f.Code]
			if row == nil {
				row = &findingRow{doc: d.name, tool: tool, rule: f.Code, disagree: map[string]int{}}
				byRule[f.Code] = row
				order = append(order, f.Code)
			}
			row.total++
			verdict := d.classify(f, ours, row)
			fmt.Fprintf(details, "%s\t%s\t%s\t%s\t%s\n", d.name, tool, f.Code, f.pointer(),
				verdict)
		}
		for _, r := range order {
			rows = append(rows, *byRule[r])
		}
		if len(order) == 0 {
			rows = append(rows, findingRow{doc: d.name, tool: tool,
				rule: d.nothing(tool), disagree: map[string]int{}})
		}
	}
	return rows
}

// nothing says why a tool reported no authentication finding: the codes
// it did report, when they are not about authentication.
func (d *document) nothing(tool string) string {
	codes := map[string]int{}
	for _, f := range d.theirs[tool] {
		codes[f.Code]++
	}
	if len(codes) == 0 {
		return "(no findings)"
	}
	var parts []string
	for _, c := range sortedKeys(codes) {
		if strings.Contains(c, "ref") {
			parts = append(parts, fmt.Sprintf("%d %s", codes[c], c))
		}
	}
	if len(parts) > 0 {
		return "(no authentication findings; only " + strings.Join(parts, ", ") + ")"
	}
	return "(no authentication findings)"
}

// classify finds our finding for theirs, or the reason we disagree.
func (d *document) classify(f theirFinding, ours []string, row *findingRow) string {
	ptr := f.pointer()
	if strings.HasSuffix(f.Code, "define-error-responses-401") {
		// Our rule covers protected operations only: say why first.
		if reason := d.reason401(ptr); reason != "" {
			row.disagree[reason]++
			return "disagree: " + reason
		}
	}
	for _, o := range d.ours {
		if contains(ours, o.Rule) && (grouped(o.Rule) || related(o, ptr)) {
			row.matched++
			return fmt.Sprintf("matched %s (%s) at %s", o.Rule, o.Severity, o.Pointer)
		}
	}
	if reason := d.reason(f, ptr); reason != "" {
		row.disagree[reason]++
		return "disagree: " + reason
	}
	row.missed++
	return "MISSED"
}

// related reports whether our finding concerns the same place as a
// pointer of theirs: one contains the other, or both are in the same
// operation.
func related(o ourFinding, ptr string) bool {
	ptrs := []string{o.Pointer}
	for _, r := range o.Related {
		ptrs = append(ptrs, r.Pointer)
	}
	for _, p := range ptrs {
		sameOp := operation(p) != "" && operation(p) == operation(ptr)
		if within(p, ptr) || within(ptr, p) || sameOp {
			return true
		}
	}
	return false
}

func within(inner, outer string) bool {
	return inner == outer || strings.HasPrefix(inner, outer+"/")
}

// operation returns /paths/{path}/{method} of a pointer inside an
// operation, or "".
func operation(ptr string) string {
	parts := strings.SplitN(ptr, "/", 5)
	if len(parts) < 4 || parts[1] != "paths" {
		return ""
	}
	return strings.Join(parts[:4], "/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// reason explains a finding of theirs that none of ours matches, when the
// difference is deliberate; "" means it is not.
func (d *document) reason(f theirFinding, ptr string) string {
	switch {
	case strings.HasSuffix(f.Code, "jwt-best-practices"):
		return "doc-text"
	case strings.HasSuffix(f.Code, "define-error-responses-401"):
		return d.reason401(ptr)
	case strings.HasSuffix(f.Code, "no-credentials-in-url"):
		return d.reasonParam(f)
	case strings.Contains(f.Code, "https") || strings.Contains(f.Code, "server-http"):
		if u := d.server(ptr); u != "" && !strings.Contains(u, "://") {
			return "relative-server"
		}
	case strings.Contains(f.Code, "restricted") || strings.Contains(f.Code, "protection"):
		if op := d.op(ptr); op != nil && d.model.Security != nil && op.Security == nil {
			return "inherits-global"
		}
	}
	return ""
}

// reason401 explains a missing-401 finding we do not share.
func (d *document) reason401(ptr string) string {
	op := d.op(ptr)
	if op == nil {
		return "not-an-operation"
	}
	r := op.Security
	if r == nil {
		r = d.model.Security
	}
	if r == nil || len(r.Alts) == 0 {
		return "401-on-public"
	}
	for _, a := range r.Alts {
		if len(a.Uses) == 0 {
			return "401-on-public"
		}
	}
	for _, c := range op.Responses {
		if c == "401" || c == "403" || strings.EqualFold(c, "4XX") {
			return "401-documented"
		}
	}
	return ""
}

// reasonParam explains a credential-in-URL finding we do not share: a
// path parameter named token or key is an identifier, and a name such as
// secret_name or key_id names a credential without carrying it.
func (d *document) reasonParam(f theirFinding) string {
	ptr := strings.TrimSuffix(f.pointer(), "/name")
	for _, op := range d.model.Operations {
		for _, p := range op.Params {
			if string(p.Ptr) != ptr {
				continue
			}
			name := strings.ToLower(p.Name)
			for _, suffix := range []string{"_name", "_type", "_id", "name", "type"} {
				if strings.HasSuffix(name, suffix) && name != suffix {
					return "names-a-secret"
				}
			}
			if p.In == "path" {
				return "path-identifier"
			}
		}
	}
	return ""
}

// server returns the URL of the server a pointer names, or "".
func (d *document) server(ptr string) string {
	for _, s := range d.model.Servers {
		if within(ptr, string(s.Ptr)) || within(string(s.Ptr), ptr) {
			return s.URL
		}
	}
	return ""
}

// op returns the operation a pointer is in, or nil.
func (d *document) op(ptr string) *audit.Operation {
	want := operation(ptr)
	if want == "" {
		return nil
	}
	for _, op := range d.model.Operations {
		if string(op.Ptr) == want {
			return op
		}
	}
	return nil
}
