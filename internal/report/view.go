// Package report renders a recommendation as Markdown, JSON or plain text.
// Renderers know nothing of the decision tree: they read only the
// Recommendation value.
package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// view is what the report templates see: every field is already formatted
// for the output format, so templates only arrange.
type view struct {
	Decisions    string
	Answers      []answerRow
	Headline     string
	Primary      []itemRow
	Alternatives []itemRow
	Rejected     []itemRow
	Settings     []itemRow
	Warnings     []itemRow
	Migration    []itemRow
	Checklists   []checklistRow
	Path         []string
	Policies     []string
	Mermaid      string
	Snippets     []snippetRow
	Sources      []sourceRow
}

type answerRow struct{ Question, Title, Values string }

type itemRow struct {
	ID, Title, Why, Value, Safe, Sources, Rule string
}

type checklistRow struct {
	ID, Title string
	Items     []string
}

type snippetRow struct{ Path, Title, Target string }

type sourceRow struct{ Text, URL string }

// esc formats text read from a decision file for one output format.
type esc func(string) string

func newView(r *decision.Recommendation, e, cell esc) view {
	v := view{Decisions: e(r.Decisions), Mermaid: Mermaid(r)}
	v.Answers = answerRows(r.Answers, cell)
	titles := make([]string, len(r.Primary))
	for i, it := range r.Primary {
		titles[i] = e(it.Title)
	}
	v.Headline = strings.Join(titles, " + ")
	v.Primary = rows(r.Primary, e)
	v.Alternatives = rows(r.Alternatives, e)
	v.Rejected = rows(r.Rejected, e)
	v.Settings = rows(r.Settings, cell)
	v.Warnings = rows(r.Warnings, e)
	v.Migration = rows(r.Migration, e)
	for _, c := range r.Checklists {
		v.Checklists = append(v.Checklists, checklistRow{ID: c.ID, Title: e(c.Title), Items: mapAll(c.Items, e)})
	}
	v.Path, v.Policies = trace(r.Trace, e)
	for _, s := range r.Snippets {
		v.Snippets = append(v.Snippets, snippetRow{
			Path: cell("snippets/" + s.Path), Title: cell(s.Title), Target: s.Target,
		})
	}
	for _, s := range r.Sources {
		v.Sources = append(v.Sources, sourceLine(s, e))
	}
	return v
}

func answerRows(answers []decision.Answer, cell esc) []answerRow {
	out := make([]answerRow, len(answers))
	for i, a := range answers {
		vals := strings.Join(a.Values, ", ")
		if vals == "" {
			vals = "(none)"
		}
		if a.Defaulted {
			vals += " (default)"
		}
		out[i] = answerRow{cell(a.Question), cell(a.Title), cell(vals)}
	}
	return out
}

func rows(items []decision.Item, e esc) []itemRow {
	out := make([]itemRow, len(items))
	for i, it := range items {
		out[i] = itemRow{
			ID: it.ID, Title: e(it.Title), Why: e(it.Why), Value: e(it.Value),
			Safe: e(it.Safe), Sources: e(strings.Join(it.Sources, "; ")), Rule: e(it.Rule),
		}
	}
	return out
}

func mapAll(in []string, e esc) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = e(s)
	}
	return out
}

// trace splits the evaluation steps into the tree path and the policies.
func trace(steps []decision.Step, e esc) (path, policies []string) {
	for _, s := range steps {
		at := fmt.Sprintf("%s:%d", s.File, s.Line)
		switch s.Kind {
		case decision.StepNode:
			path = append(path, e(fmt.Sprintf("%s: %s = %s (%s)",
				s.Title, s.Question, strings.Join(s.Answer, ", "), at)))
		case decision.StepOutcome:
			path = append(path, e(fmt.Sprintf("Outcome: %s (%s)", s.Title, at)))
		case decision.StepPolicy:
			policies = append(policies, e(fmt.Sprintf("%s (%s, %s)", s.Title, s.ID, at)))
		}
	}
	return path, policies
}

func sourceLine(s decision.SourceRef, e esc) sourceRow {
	sections := append([]string(nil), s.Sections...)
	sort.Slice(sections, func(i, j int) bool { return sectionLess(sections[i], sections[j]) })
	line := e(s.Title)
	if len(sections) > 0 {
		line += ": " + e(strings.Join(sections, ", "))
	}
	return sourceRow{Text: line, URL: mdURL(s.URL)}
}

// sectionLess orders "§2.10" after "§2.9".
func sectionLess(a, b string) bool {
	pa := strings.Split(strings.TrimPrefix(a, "§"), ".")
	pb := strings.Split(strings.TrimPrefix(b, "§"), ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errA := sectionNumber(pa[i])
		y, errB := sectionNumber(pb[i])
		if errA != nil || errB != nil {
			if pa[i] != pb[i] {
				return pa[i] < pb[i]
			}
			continue
		}
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

// sectionNumber reads a number as fmt.Sscan does, reading plain decimals
// such as "10" directly since Sscan is slow and reports sort many sections.
func sectionNumber(s string) (int, error) {
	if len(s) > 0 && len(s) < 10 && s[0] != '0' && strings.Trim(s, "0123456789") == "" {
		return strconv.Atoi(s)
	}
	var n int
	_, err := fmt.Sscan(s, &n)
	return n, err
}
