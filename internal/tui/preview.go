package tui

import (
	"context"
	"maps"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// previewLimit caps the answer combinations the preview evaluates; past it
// the preview says the first choice depends on the remaining answers.
const previewLimit = 1024

// preview is what the live preview shows: the first choices still possible
// given the answers so far, and the warnings every one of them carries.
type preview struct {
	// First lists the possible first-choice schemes: one when settled.
	First []string
	// Warnings are the titles of warnings raised whatever the remaining
	// answers are.
	Warnings []string
	// Open is set when too many answers remain to work the result out.
	Open bool
	// Defaults counts unanswered questions assumed to keep their default.
	Defaults int
	// Err is an evaluation error, shown instead of a result.
	Err string
}

// previewMsg carries a preview worked out in the background.
type previewMsg struct {
	seq int
	p   preview
}

// previewCmd works the preview out for the known answers off the update
// loop; seq lets the model drop results overtaken by later answers, and
// cancelling ctx stops the work.
func previewCmd(ctx context.Context, f *decision.File, known decision.Answers,
	seq int) tea.Cmd {
	return func() tea.Msg {
		p := computePreview(ctx, f, known)
		if ctx.Err() != nil {
			return nil
		}
		return previewMsg{seq: seq, p: p}
	}
}

// computePreview evaluates every combination of the answers still open.
// A question still open is one not answered that has no default and may
// apply; a question with a default keeps it until it is answered. When
// every combination gives the same first choice, the preview is settled.
func computePreview(ctx context.Context, f *decision.File, known decision.Answers) preview {
	var open []*decision.Question
	var p preview
	for i := range f.Questions {
		q := &f.Questions[i]
		if _, ok := known[q.ID]; ok || !mayApply(f, q, known) {
			continue
		}
		if q.Default != nil {
			p.Defaults++
			continue
		}
		open = append(open, q)
	}
	if combinations(open) > previewLimit {
		p.Open = true
		return p
	}
	var recs []*decision.Recommendation
	a := maps.Clone(known)
	err := eachCombination(open, a, func(a decision.Answers) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := f.Evaluate(a)
		recs = append(recs, rec)
		return err
	})
	if err != nil {
		p.Err = safetext.Plain(err.Error())
		return p
	}
	p.First, p.Warnings = summarise(recs)
	return p
}

// mayApply reports whether q can apply: exactly, when its condition names
// only answered questions, else conservatively yes.
func mayApply(f *decision.File, q *decision.Question, known decision.Answers) bool {
	if q.When == nil {
		return true
	}
	ids, exact := conditionRefs(q.When)
	for _, id := range ids {
		if _, ok := known[id]; !ok {
			exact = false
		}
	}
	return !exact || f.Applies(q, known)
}

// conditionRefs lists the questions a condition names; exact is false when
// it also depends on the primary schemes, which answers alone do not fix.
func conditionRefs(c *decision.Condition) (ids []string, exact bool) {
	ids, exact = slices.Clone(c.Order), len(c.Primary) == 0
	subs := append(slices.Clone(c.Any), c.All...)
	if c.Not != nil {
		subs = append(subs, *c.Not)
	}
	for i := range subs {
		more, ok := conditionRefs(&subs[i])
		ids, exact = append(ids, more...), exact && ok
	}
	return ids, exact
}

// combinations counts the answer combinations of the questions, stopping
// once past the limit.
func combinations(qs []*decision.Question) int {
	n := 1
	for _, q := range qs {
		n *= choices(q)
		if n > previewLimit {
			return n
		}
	}
	return n
}

// choices is the number of answers to q: its options, or for a
// multi-choice question every subset of them.
func choices(q *decision.Question) int {
	if !q.Multi {
		return len(q.Options)
	}
	if len(q.Options) >= 30 {
		return previewLimit + 1
	}
	return 1 << len(q.Options)
}

// eachCombination calls fn with a set to every combination of answers to
// qs, stopping at the first error.
func eachCombination(qs []*decision.Question, a decision.Answers,
	fn func(decision.Answers) error) error {
	if len(qs) == 0 {
		return fn(a)
	}
	q := qs[0]
	for c := range choices(q) {
		a[q.ID] = answerAt(q, c)
		if err := eachCombination(qs[1:], a, fn); err != nil {
			return err
		}
	}
	delete(a, q.ID)
	return nil
}

// answerAt is the c-th answer to q: an option, or the subset of options
// whose bits are set in c.
func answerAt(q *decision.Question, c int) []string {
	if !q.Multi {
		return []string{q.Options[c].Value}
	}
	vals := []string{}
	for i, o := range q.Options {
		if c&(1<<i) != 0 {
			vals = append(vals, o.Value)
		}
	}
	return vals
}

// summarise lists the distinct first choices, in order of appearance, and
// the warnings common to every recommendation.
func summarise(recs []*decision.Recommendation) (first, warnings []string) {
	if len(recs) == 0 {
		return nil, nil
	}
	count := map[string]int{}
	for i, rec := range recs {
		title := "no scheme"
		if len(rec.Primary) > 0 {
			title = safetext.Plain(rec.Primary[0].Title)
		}
		if !slices.Contains(first, title) {
			first = append(first, title)
		}
		for _, w := range rec.Warnings {
			if count[w.ID] == i {
				count[w.ID]++
			}
		}
	}
	for _, w := range recs[0].Warnings {
		if count[w.ID] == len(recs) {
			warnings = append(warnings, safetext.Plain(w.Title))
		}
	}
	return first, warnings
}
