package adr

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// because formats a MADR argument such as "Good, because …" from a reason
// written as a sentence.
func because(kind, reason string) string {
	return kind + ", because " + inline(lcFirst(period(reason)))
}

// consequences lists what follows from the decision: the reasons for the
// further primary schemes are good; each warning, each migration and the
// work the decision adds are bad. Settings are listed under More
// Information rather than repeated here.
func consequences(rec *decision.Recommendation) []string {
	var out []string
	for i, p := range rec.Primary {
		if i > 0 && strings.TrimSpace(p.Why) != "" {
			out = append(out, because("Good", p.Why))
		}
	}
	for _, w := range rec.Warnings {
		out = append(out, warningLine(w))
	}
	for _, m := range rec.Migration {
		out = append(out, "Bad, because "+inline(m.Title)+" is in use today and must be "+
			"migrated."+mitigation(m.Safe))
	}
	return append(out, costs(rec)...)
}

func warningLine(w decision.Item) string {
	reason := w.Why
	if strings.TrimSpace(reason) == "" {
		reason = w.Title + " is a risk for these answers"
	}
	return because("Bad", reason) + mitigation(w.Safe)
}

// mitigation is the safe choice that answers a warning, as a trailing
// clause; it is empty when there is none.
func mitigation(safe string) string {
	if strings.TrimSpace(safe) == "" {
		return ""
	}
	return " Instead: " + inline(period(safe))
}

// costs are the known costs of any recommendation: more schemes to run and
// more settings to keep right.
func costs(rec *decision.Recommendation) []string {
	var out []string
	if n := len(rec.Primary); n > 1 {
		out = append(out, fmt.Sprintf("Bad, because the chosen option combines %d schemes, "+
			"each of which must be built, run and kept up to date.", n))
	}
	if n := len(rec.Settings); n > 0 {
		out = append(out, fmt.Sprintf("Bad, because %d %s must be applied and re-checked "+
			"whenever the deployment changes.", n, plural(n, "setting", "settings")))
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checklists turns the recommendation's checklists into groups of bullets.
func checklists(lists []decision.Checklist) []group {
	var out []group
	for _, c := range lists {
		g := group{Title: inline(c.Title)}
		for _, item := range c.Items {
			g.Items = append(g.Items, inline(item))
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// checks are the tool-driven checks that confirm the decision holds.
func checks(withAnswers bool) []string {
	replay := "`authadvisor recommend --answers answers.yaml` reproduces this decision."
	if withAnswers {
		replay = "`authadvisor recommend --answers answers.yaml`, given the answers listed " +
			"under More Information, reproduces this decision."
	}
	return []string{
		"The API's OpenAPI document declares only the chosen schemes, and every " +
			"operation names its security requirement.",
		replay,
	}
}

// prosCons describes each primary scheme and each alternative. The
// recommendation gives one reason per option and no list of pros and cons,
// so the reason becomes the Good (or, for an alternative, Neutral) argument
// and the warnings that concern the option become its Bad arguments.
func prosCons(rec *decision.Recommendation) []group {
	primary := uniqueItems(rec.Primary)
	var out []group
	for _, it := range uniqueItems(rec.Primary, rec.Alternatives) {
		g := group{Title: heading(it.Title)}
		isPrimary := containsItem(primary, it.ID)
		switch {
		case strings.TrimSpace(it.Why) == "":
		case isPrimary:
			g.Items = append(g.Items, because("Good", it.Why))
		default:
			g.Items = append(g.Items, "Neutral, because it is an alternative to the chosen "+
				"option: "+inline(lcFirst(period(it.Why))))
		}
		if isPrimary && len(primary) > 1 {
			g.Items = append(g.Items, "Neutral, because it is one part of the chosen option.")
		}
		for _, w := range rec.Warnings {
			if concerns(w, it) {
				g.Items = append(g.Items, warningLine(w))
			}
		}
		out = append(out, g)
	}
	return out
}

func containsItem(items []decision.Item, id string) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// concerns reports whether warning w is about option it: the same rule
// added both, or the warning's reason names the option. Its safe choice
// is left out: that names the cure, not the option at fault.
func concerns(w, it decision.Item) bool {
	if r := ruleID(w.Rule); r != "" && r == ruleID(it.Rule) {
		return true
	}
	title := strings.ToLower(strings.TrimSpace(it.Title))
	text := strings.ToLower(w.Why)
	return title != "" && strings.Contains(text, title)
}

// ruleID is the rule name of an item's "id (file:line)" reference.
func ruleID(rule string) string {
	id, _, _ := strings.Cut(rule, " (")
	return strings.TrimSpace(id)
}
