package inventory

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/findings"
)

// verdict compares the schemes in use with the recommendation: a match
// when one is a primary scheme, else an alternative, else rejected or a
// mismatch.
func (c *checker) verdict(in *Integration, rec *decision.Recommendation) {
	var schemes []Ref
	for _, r := range in.Current {
		if c.kind(r.Value) == decision.KindScheme {
			schemes = append(schemes, r)
		}
	}
	first := rec.Primary[0]
	want := fmt.Sprintf("recommended: %s (%s)", first.Title, first.ID)
	status, detail := StatusMismatch, "uses no scheme; "+want+": "+first.Why
	at := in.Pos
	if r, it := pick(schemes, rec.Primary); it != nil {
		status, detail, at = StatusMatch, fmt.Sprintf("uses %s, as recommended", it.Title), r.Pos
	} else if r, it := pick(schemes, rec.Alternatives); it != nil {
		status, at = StatusAlternative, r.Pos
		msg := fmt.Sprintf("uses %s, an acceptable alternative; %s", it.Title, want)
		detail = fmt.Sprintf("%s; the alternative fits when: %s", msg, it.Why)
		c.add(ruleAlternative, findings.Info, r, in.Name+" "+msg, first)
	} else if r, it := pick(schemes, rec.Rejected); it != nil {
		status, at = StatusRejected, r.Pos
		msg := fmt.Sprintf("uses %s, which is rejected for it: %s", it.Title,
			strings.TrimSuffix(it.Why, "."))
		detail = msg + "; " + want
		c.add(ruleRejected, findings.Error, r, in.Name+" "+msg, first)
	} else if len(schemes) > 0 {
		r := schemes[0]
		status, at = StatusMismatch, r.Pos
		msg := fmt.Sprintf("uses %s; %s", c.f.Entry(r.Value).Title, want)
		detail = msg + ": " + first.Why
		c.add(ruleMismatch, findings.Warning, r, in.Name+" "+msg, first)
	}
	c.subjects = append(c.subjects, findings.Subject{Name: in.Name, Status: status,
		Detail: detail, Location: c.loc(at, "")})
}

// pick returns the first scheme in use that is among items.
func pick(schemes []Ref, items []decision.Item) (Ref, *decision.Item) {
	for _, r := range schemes {
		if it := findItem(items, r.Value); it != nil {
			return r, it
		}
	}
	return Ref{}, nil
}

// add reports a finding about the scheme r, advising the recommended one.
func (c *checker) add(rule string, sev findings.Severity, r Ref, msg string,
	first decision.Item) {
	c.out = append(c.out, findings.Finding{Rule: rule, Severity: sev, Message: msg,
		Advice:  fmt.Sprintf("Move to %s: %s", first.Title, first.Why),
		Sources: first.Sources, Location: c.loc(r.Pos, "")})
}

// shared reports each credential that several integrations hold.
func (c *checker) shared() {
	type use struct {
		name string
		at   decision.Pos
	}
	uses := map[string][]use{}
	var order []string
	for _, in := range c.inv.Integrations {
		for _, cr := range in.Credentials {
			us := uses[cr.Value]
			if len(us) == 0 {
				order = append(order, cr.Value)
			}
			if len(us) == 0 || us[len(us)-1].name != in.Name {
				uses[cr.Value] = append(us, use{in.Name, cr.Pos})
			}
		}
	}
	for _, id := range order {
		us := uses[id]
		if len(us) < 2 {
			continue
		}
		names := make([]string, len(us))
		for i, u := range us {
			names[i] = u.name
		}
		f := findings.Finding{Rule: ruleShared, Severity: findings.Error,
			Message: fmt.Sprintf("credential %q is shared by %d integrations: %s", id,
				len(us), strings.Join(names, ", ")),
			Advice: "Issue one credential per integration, each restricted to what that " +
				"integration needs and revocable on its own; then retire the shared one.",
			Sources:  c.cites([]string{"owasp_rest", "twilio_keys", "stripe_keys"}),
			Location: c.loc(us[0].at, "")}
		for _, u := range us[1:] {
			f.Related = append(f.Related, c.loc(u.at, "also used by "+u.name))
		}
		c.out = append(c.out, f)
	}
}
