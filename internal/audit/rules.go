package audit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// rule is one check: what the outputs say about it, and the function that
// runs it on a document.
type rule struct {
	meta findings.Rule
	// advice is what to do, unless a finding says something more precise.
	advice string
	run    func(c *check)
}

// check collects the findings of one rule on one document.
type check struct {
	doc  *Document
	rule *rule
	out  []findings.Finding
}

// add reports a finding at a location with the rule's advice.
func (c *check) add(sev findings.Severity, at Loc, msg string) *findings.Finding {
	c.out = append(c.out, findings.Finding{
		Rule: c.rule.meta.ID, Severity: sev, Message: msg, Advice: c.rule.advice,
		Sources: c.rule.meta.Sources, AntiPattern: c.rule.meta.AntiPattern,
		Location: c.loc(at, ""),
	})
	return &c.out[len(c.out)-1]
}

// loc turns a document location into a finding location.
func (c *check) loc(at Loc, note string) findings.Location {
	return findings.Location{File: c.doc.File, Line: at.Line, Column: at.Col,
		Pointer: string(at.Ptr), Note: note}
}

// Rules describes every rule audit has, in a stable order.
func Rules() []findings.Rule {
	cat := catalogue()
	out := make([]findings.Rule, len(cat))
	for i, r := range cat {
		out[i] = r.meta
	}
	return out
}

// catalogue builds the rules, in the order the outputs list them.
func catalogue() []rule {
	var all []rule
	for _, family := range [][]rule{coverageRules(), schemeRules(), oauthRules(),
		urlRules(), referenceRules(), consistencyRules()} {
		all = append(all, family...)
	}
	for i := range all {
		m := &all[i].meta
		if len(m.Sources) > 0 {
			m.HelpURL = sourceURL(m.Sources[0])
		}
	}
	return all
}

// Selection is the set of rule ids to run.
type Selection map[string]bool

// Select returns the rules to run: those named in only (every rule when
// it is empty) minus those in skip. Unknown ids are an error that lists
// the known ones.
func Select(only, skip []string) (Selection, error) {
	known := map[string]bool{}
	var ids []string
	for _, r := range Rules() {
		known[r.ID] = true
		ids = append(ids, r.ID)
	}
	for _, id := range append(append([]string{}, only...), skip...) {
		if !known[id] {
			return nil, fmt.Errorf("unknown rule %q; rules are: %s", id, strings.Join(ids, ", "))
		}
	}
	sel := Selection{}
	for _, id := range ids {
		sel[id] = len(only) == 0
	}
	for _, id := range only {
		sel[id] = true
	}
	for _, id := range skip {
		sel[id] = false
	}
	return sel, nil
}

// Result is what auditing one document found.
type Result struct {
	Findings []findings.Finding
	// Notes are what could not be read or checked, for stderr.
	Notes []string
	// Operations counts the operations audited.
	Operations int
}

// Audit runs the selected rules on a document and leaves out findings
// that an `x-authadvisor-ignore` switches off.
func Audit(doc *Document, sel Selection) Result {
	markUsed(doc)
	res := Result{Notes: append([]string{}, doc.Notes...), Operations: len(doc.Operations)}
	cat := catalogue()
	for i := range cat {
		if !sel[cat[i].meta.ID] {
			continue
		}
		c := &check{doc: doc, rule: &cat[i]}
		cat[i].run(c)
		res.Findings = append(res.Findings, c.out...)
	}
	res.Notes = append(res.Notes, unknownIgnores(doc, cat)...)
	res.Findings = applyIgnores(doc, res.Findings)
	findings.Sort(res.Findings)
	return res
}

// markUsed marks the schemes some requirement names.
func markUsed(doc *Document) {
	for _, r := range allRequirements(doc) {
		for _, a := range r.Alts {
			for _, u := range a.Uses {
				if s := doc.scheme(u.Name); s != nil {
					s.Used = true
				}
			}
		}
	}
}

// allRequirements lists the global requirement and every operation's own.
func allRequirements(doc *Document) []*Requirements {
	var out []*Requirements
	if doc.Security != nil {
		out = append(out, doc.Security)
	}
	for _, op := range doc.Operations {
		if op.Security != nil {
			out = append(out, op.Security)
		}
	}
	return out
}

// applied reports whether any requirement names a scheme.
func applied(doc *Document) bool {
	for _, r := range allRequirements(doc) {
		for _, a := range r.Alts {
			if len(a.Uses) > 0 {
				return true
			}
		}
	}
	return false
}

// lower softens a severity by one step, for what is defined but not used.
func lower(s findings.Severity) findings.Severity {
	if s > findings.Info {
		return s - 1
	}
	return s
}

// latent lowers the severity of a finding about a scheme no requirement
// applies, and says so.
func latent(s *Scheme, sev findings.Severity, msg string) (findings.Severity, string) {
	if s.Used {
		return sev, msg
	}
	return lower(sev), msg + " (defined, but no operation applies it)"
}

// opName names an operation in messages: "DELETE /pets/{id}".
func opName(op *Operation) string {
	return strings.ToUpper(op.Method) + " " + op.Path
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
