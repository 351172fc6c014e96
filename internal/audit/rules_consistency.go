package audit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// maxRelated caps the other places a grouped finding lists.
const maxRelated = 10

// Rules that compare operations with one another. Each reports at most
// once per document, at the first operation concerned, and lists others.
func consistencyRules() []rule {
	return []rule{
		{meta: findings.Rule{ID: "auth-mixed-schemes", Severity: findings.Warning,
			Title: "Operations accept unrelated credentials",
			Description: "Some protected operations accept only schemes that others do " +
				"not accept at all, so one client needs several kinds of credential and " +
				"each is managed separately. Reported once per document.",
			Sources: []string{citeAPI2}},
			advice: "Offer the same scheme (or the same set of alternatives) across the " +
				"API and express differences with scopes; document any deliberate exception.",
			run: mixedSchemes},
		{meta: findings.Rule{ID: "auth-sensitive-not-stronger", Severity: findings.Warning,
			Title: "Sensitive operations protected no more strongly than reads",
			Description: "Deletes, payments, credential or role changes and bulk exports " +
				"accept a credential that a read operation also accepts: whoever can read " +
				"can also do these. Reported once per document.",
			Sources: []string{citeAPI2, "RFC 9470 §3", "RFC 9700 §2.3"}},
			advice: "Require a dedicated scope for each sensitive operation, and a fresh " +
				"or stronger authentication (RFC 9470 step-up, re-authentication or " +
				"transaction signing) before it runs.",
			run: sensitiveNotStronger},
		{meta: findings.Rule{ID: "auth-missing-401-403", Severity: findings.Info,
			Title: "Protected operations document no 401 or 403",
			Description: "Protected operations list neither 401 (missing or invalid " +
				"credentials), 403 (insufficient scope) nor 4XX, so clients cannot tell " +
				"how authentication fails. Reported once per document.",
			Sources: []string{"RFC 6750 §3.1", "RFC 9110 §15.5.2"}},
			advice: "Document 401 with the WWW-Authenticate challenge and 403 for " +
				"insufficient scope on protected operations, for example through shared " +
				"components.responses.",
			run: missing401},
	}
}

// protected returns the operations that require a credential.
func protected(d *Document) []*Operation {
	var out []*Operation
	for _, op := range d.Operations {
		if r := d.effective(op); r != nil && !r.anonymous() {
			out = append(out, op)
		}
	}
	return out
}

func mixedSchemes(c *check) {
	groups := map[string][]*Operation{}
	for _, op := range protected(c.doc) {
		key := strings.Join(schemeSet(c.doc.effective(op)), ", ")
		groups[key] = append(groups[key], op)
	}
	if len(groups) < 2 {
		return
	}
	keys := sortedKeys(groups)
	sort.SliceStable(keys, func(i, j int) bool {
		return len(groups[keys[i]]) > len(groups[keys[j]])
	})
	major := strings.Split(keys[0], ", ")
	var minor []string
	for _, k := range keys[1:] {
		if disjoint(major, strings.Split(k, ", ")) {
			minor = append(minor, k)
		}
	}
	if len(minor) == 0 {
		return
	}
	n := len(groups[keys[0]])
	parts := []string{fmt.Sprintf("%s %s %s", count(n, "operation"),
		verb(n, "accepts", "accept"), keys[0])}
	for _, k := range minor {
		n := len(groups[k])
		parts = append(parts, fmt.Sprintf("%s %s only %s", count(n, "operation"),
			verb(n, "accepts", "accept"), k))
	}
	first := groups[minor[0]][0]
	f := c.add(findings.Warning, first.Loc, "operations accept unrelated credentials: "+
		strings.Join(parts, "; "))
	f.Related = append(f.Related, c.loc(groups[keys[0]][0].Loc, "accepts "+keys[0]))
	for _, k := range minor[1:] {
		f.Related = append(f.Related, c.loc(groups[k][0].Loc, "accepts only "+k))
	}
}

// schemeSet lists the schemes any alternative of a requirement names.
func schemeSet(r *Requirements) []string {
	set := map[string]bool{}
	for _, a := range r.Alts {
		for _, u := range a.Uses {
			set[u.Name] = true
		}
	}
	return sortedKeys(set)
}

func disjoint(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}
