package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
	"github.com/authadvisor/authadvisor/internal/snippet"
)

// noteGatewayWithoutFiles says on stderr when an answer names a snippet
// target, such as `gateway: envoy`, but the recommendation lists no
// snippet of that target, and with which schemes or settings the decision
// file would write one; otherwise the missing folder goes unexplained.
func noteGatewayWithoutFiles(io *IO, f *decision.File, rec *decision.Recommendation) {
	for _, a := range rec.Answers {
		for _, target := range a.Values {
			if target == "go" || !slices.Contains(snippet.Targets(), target) ||
				slices.ContainsFunc(rec.Snippets, func(s decision.SnippetRef) bool {
					return s.Target == target
				}) {
				continue
			}
			with := entriesWriting(f, target)
			if len(with) == 0 {
				continue
			}
			fmt.Fprintf(io.Err, "note: `%s: %s` adds no %s configuration to this "+
				"recommendation: %s cannot check its schemes' credentials itself, and the "+
				"Go snippets do; %s configuration comes with %s\n",
				safetext.Plain(a.Question), target, target, target, target,
				safetext.Plain(orList(with)))
		}
	}
}

// entriesWriting lists the titles of the schemes and settings whose
// snippets include one of target.
func entriesWriting(f *decision.File, target string) []string {
	ofTarget := map[string]bool{}
	for _, s := range f.Snippets {
		if s.Target == target {
			ofTarget[s.ID] = true
		}
	}
	var titles []string
	for _, list := range [2][]decision.Entry{f.Schemes, f.Settings} {
		for _, e := range list {
			if slices.ContainsFunc(e.Snippets, func(id string) bool { return ofTarget[id] }) {
				titles = append(titles, e.Title)
			}
		}
	}
	return titles
}

// orList joins items as "a, b or c".
func orList(items []string) string { return joinLast(items, " or ") }

// andList joins items as "a, b and c".
func andList(items []string) string { return joinLast(items, " and ") }

func joinLast(items []string, last string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}
