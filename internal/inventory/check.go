package inventory

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/findings"
)

// Verdicts of an integration.
const (
	StatusMatch       = "match"
	StatusAlternative = "alternative"
	StatusMismatch    = "mismatch"
	StatusRejected    = "rejected"
)

// Check evaluates each integration's answers and compares what it uses
// today with the recommendation: one subject per integration with its
// verdict, and findings for anti-patterns, rejected and mismatched
// schemes, acceptable alternatives and credentials shared between
// integrations. Missing answers are problems at the integration.
func Check(inv *Inventory, f *decision.File) ([]findings.Subject, []findings.Finding, error) {
	c := &checker{inv: inv, f: f}
	var ps decision.Problems
	for i := range inv.Integrations {
		if err := c.integration(&inv.Integrations[i]); err != nil {
			var p decision.Problems
			if !errors.As(err, &p) {
				return nil, nil, err
			}
			ps = append(ps, p...)
		}
	}
	if len(ps) > 0 {
		return nil, nil, ps
	}
	c.shared()
	findings.Sort(c.out)
	return c.subjects, c.out, nil
}

type checker struct {
	inv      *Inventory
	f        *decision.File
	subjects []findings.Subject
	out      []findings.Finding
}

func (c *checker) loc(p decision.Pos, note string) findings.Location {
	return findings.Location{File: c.inv.File, Line: p.Line, Column: p.Column, Note: note}
}

// integration evaluates one integration and reports its verdict.
func (c *checker) integration(in *Integration) error {
	a := decision.Answers{}
	for id, v := range in.Answers {
		a[id] = v
	}
	if q := inUseQuestion(c.f); q != nil {
		a[q.ID] = inUse(q, in.Current)
	}
	rec, err := c.f.Evaluate(a)
	var missing *decision.MissingError
	if errors.As(err, &missing) {
		return decision.Problems{{File: c.inv.File, Pos: in.Pos, Msg: fmt.Sprintf(
			"integration %q: missing answers: %s; answer them under `answers` or `defaults`",
			in.Name, strings.Join(questionIDs(missing), ", "))}}
	}
	if err != nil {
		return decision.Problems{{File: c.inv.File, Pos: in.Pos,
			Msg: fmt.Sprintf("integration %q: %v", in.Name, err)}}
	}
	c.antiPatterns(in, rec)
	c.verdict(in, rec)
	return nil
}

// inUse keeps the current ids the in-use question offers, in its order.
func inUse(q *decision.Question, current []Ref) []string {
	out := []string{}
	for _, v := range q.Values() {
		for _, r := range current {
			if r.Value == v && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

func questionIDs(m *decision.MissingError) []string {
	ids := make([]string, len(m.Questions))
	for i, q := range m.Questions {
		ids[i] = q.ID
	}
	return ids
}

// antiPatterns reports each anti-pattern the integration uses, with the
// safe choice the recommendation gives.
func (c *checker) antiPatterns(in *Integration, rec *decision.Recommendation) {
	for _, r := range in.Current {
		if c.kind(r.Value) != decision.KindAntiPattern {
			continue
		}
		e := c.f.Entry(r.Value)
		advice := "Replace it with " + titles(rec.Primary) + "."
		sources := c.cites(e.Source.Items)
		if w := findItem(rec.Warnings, r.Value); w != nil && w.Safe != "" {
			advice, sources = w.Safe, w.Sources
		}
		c.out = append(c.out, findings.Finding{Rule: ruleAntiPattern, Severity: findings.Error,
			Message: fmt.Sprintf("integration %q uses %s: %s", in.Name, e.Title, e.Summary),
			Advice:  advice, Sources: sources, AntiPattern: r.Value,
			Location: c.loc(r.Pos, "")})
	}
}

// kind says whether an id is a scheme or an anti-pattern.
func (c *checker) kind(id string) string {
	for _, e := range c.f.AntiPatterns {
		if e.ID == id {
			return decision.KindAntiPattern
		}
	}
	return decision.KindScheme
}

func (c *checker) cites(items []string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, c.f.Cite(it))
	}
	return out
}

func findItem(items []decision.Item, id string) *decision.Item {
	for i := range items {
		if items[i].ID == id {
			return &items[i]
		}
	}
	return nil
}

func titles(items []decision.Item) string {
	ts := make([]string, len(items))
	for i, it := range items {
		ts[i] = it.Title
	}
	return strings.Join(ts, " + ")
}
