package adr

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// moreInformation gathers the evidence behind the decision: the settings
// to apply, the answers, the sources cited and how the decision file
// reached the outcome. Empty groups are left out.
func moreInformation(rec *decision.Recommendation) []group {
	groups := []group{
		{Title: "Settings that go with the decision:", Items: settingLines(rec.Settings)},
		{Title: "Answers this decision rests on:", Items: answerLines(rec.Answers)},
		{Title: "Sources:", Items: sourceLines(rec.Sources)},
		{Title: "How the decision was reached:", Items: traceLines(rec)},
	}
	var out []group
	for _, g := range groups {
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func settingLines(settings []decision.Item) []string {
	var out []string
	for _, s := range settings {
		line := inline(s.Title)
		if v := strings.TrimSpace(s.Value); v != "" {
			line += ": " + inline(v)
		}
		out = append(out, line)
	}
	return out
}

func answerLines(answers []decision.Answer) []string {
	var out []string
	for _, a := range answers {
		title := strings.TrimSpace(a.Title)
		if title == "" {
			title = a.Question
		}
		line := inline(title) + " " + valuesOrNone(a.Values)
		if a.Defaulted {
			line += " (default)"
		}
		out = append(out, line)
	}
	return out
}

// sourceLines links each cited document and names the sections cited.
func sourceLines(sources []decision.SourceRef) []string {
	var out []string
	for _, s := range sources {
		title := strings.TrimSpace(s.Title)
		if title == "" {
			title = s.ID
		}
		line := inline(title)
		if u := linkURL(s.URL); u != "" {
			line = "[" + linkText(title) + "](" + u + ")"
		}
		if len(s.Sections) > 0 {
			line += ", " + inline(strings.Join(s.Sections, ", "))
		}
		out = append(out, line)
	}
	return out
}

// traceLines names the decision file, the rule behind the chosen option,
// the path through the tree and the policies that fired.
func traceLines(rec *decision.Recommendation) []string {
	var out []string
	if rec.Decisions != "" {
		out = append(out, "Decision file: "+code(rec.Decisions))
	}
	if len(rec.Primary) > 0 && rec.Primary[0].Rule != "" {
		out = append(out, "Rule behind the chosen option: "+code(rec.Primary[0].Rule))
	}

	var path, policies []string
	for _, s := range rec.Trace {
		switch s.Kind {
		case decision.StepNode, decision.StepOutcome:
			path = append(path, code(s.ID))
		case decision.StepPolicy:
			policies = append(policies, code(s.ID)+lineRef(s, rec.Decisions))
		}
		if s.Kind == decision.StepOutcome {
			out = append(out, "Outcome: "+code(s.ID)+lineRef(s, rec.Decisions))
		}
	}
	if len(path) > 0 {
		out = append(out, "Path through the tree: "+strings.Join(path, " → "))
	}
	if len(policies) > 0 {
		out = append(out, "Policies applied: "+strings.Join(policies, ", "))
	}
	return out
}

// lineRef names where a step is declared, as " (line N)" in the decision
// file named above or " (file:line)" in another, or is empty when the step
// carries no position.
func lineRef(s decision.Step, decisions string) string {
	switch {
	case s.Line == 0:
		return ""
	case s.File == "" || s.File == decisions:
		return fmt.Sprintf(" (line %d)", s.Line)
	}
	return " " + inline(fmt.Sprintf("(%s:%d)", s.File, s.Line))
}

// supersedesLine links the record this one replaces, or is empty.
func supersedesLine(meta Meta) string {
	if meta.Supersedes == 0 {
		return ""
	}
	id := fmt.Sprintf("ADR-%04d", meta.Supersedes)
	if meta.SupersedesFile == "" {
		return "Supersedes " + id
	}
	return "Supersedes [" + id + "](" + linkPath(meta.SupersedesFile) + ")"
}
