package decision

import (
	"fmt"
	"strings"
)

// MissingError lists questions that apply to the answers given but were
// neither answered nor have a default.
type MissingError struct {
	Questions []*Question
}

func (e *MissingError) Error() string {
	ids := make([]string, len(e.Questions))
	for i, q := range e.Questions {
		ids[i] = q.ID
	}
	return "missing answers: " + strings.Join(ids, ", ")
}

// Applies reports whether q is asked, given the answers so far.
func (f *File) Applies(q *Question, a Answers) bool {
	return q.When == nil || q.When.match(a, nil)
}

// Resolve fills in defaults and checks that every question that applies
// has an answer. Answers to questions that do not apply are dropped. The
// answers must already be valid values; see the answers package.
func (f *File) Resolve(given Answers) (Answers, []Answer, error) {
	resolved := Answers{}
	var shown []Answer
	var missing []*Question
	for i := range f.Questions {
		q := &f.Questions[i]
		if !f.Applies(q, resolved) {
			continue
		}
		vals, ok := given[q.ID]
		defaulted := false
		if !ok && q.Default != nil {
			vals, ok, defaulted = q.Default.Items, true, true
		}
		if !ok {
			missing = append(missing, q)
			continue
		}
		resolved[q.ID] = vals
		shown = append(shown, Answer{
			Question: q.ID, Title: q.Title, Values: vals, Defaulted: defaulted,
		})
	}
	if len(missing) > 0 {
		return nil, nil, &MissingError{Questions: missing}
	}
	return resolved, shown, nil
}

// Evaluate walks the tree for the answers, applies the policies and returns
// the recommendation with the trace of how it was reached. It is
// deterministic: the same file and answers give the same result.
func (f *File) Evaluate(given Answers) (*Recommendation, error) {
	f.ix()
	a, shown, err := f.Resolve(given)
	if err != nil {
		return nil, err
	}
	b := newBuilder(f, a)
	b.rec.Answers = shown

	outcome, err := b.walk()
	if err != nil {
		return nil, err
	}
	b.apply(outcome.ID, outcome.Outcome)
	for i := range f.Policies {
		p := &f.Policies[i]
		if p.When != nil && !p.When.match(a, b.primaryIDs()) {
			continue
		}
		b.step(Step{Kind: StepPolicy, ID: p.ID, Title: p.Title,
			Sources: b.cites(p.Add.Source), Line: p.Pos.Line})
		b.apply(p.ID, &p.Add)
	}
	b.inUse()
	return b.finish()
}

// walk follows the tree from its start to an outcome node.
func (b *builder) walk() (*Node, error) {
	ix := b.f.index
	n := ix.nodes[b.f.Tree.Start]
	for steps := 0; n != nil; steps++ {
		if steps > len(b.f.Tree.Nodes) {
			return nil, fmt.Errorf("%s: the tree loops at node %q", b.f.Name, n.ID)
		}
		if n.Outcome != nil {
			b.step(Step{Kind: StepOutcome, ID: n.ID, Title: n.Title,
				Sources: b.cites(n.Outcome.Source), Line: n.Pos.Line})
			return n, nil
		}
		ans := b.a[n.Question]
		next := n.Otherwise
		for _, br := range n.Branches {
			if len(ans) == 1 && contains(br.Values, ans[0]) {
				next = br.Goto
				break
			}
		}
		b.step(Step{Kind: StepNode, ID: n.ID, Title: n.Title, Question: n.Question,
			Answer: ans, Next: next, Line: n.Pos.Line})
		n = ix.nodes[next]
	}
	return nil, fmt.Errorf("%s: the tree ends without an outcome", b.f.Name)
}

// match reports whether the answers, and the primary schemes chosen so far,
// satisfy the condition.
func (c *Condition) match(a Answers, primary []string) bool {
	for _, qid := range c.Order {
		if !matchValues(a[qid], c.Answers[qid], a != nil && hasKey(a, qid)) {
			return false
		}
	}
	if len(c.Primary) > 0 && !overlaps(primary, c.Primary) {
		return false
	}
	for i := range c.All {
		if !c.All[i].match(a, primary) {
			return false
		}
	}
	if len(c.Any) > 0 {
		any := false
		for i := range c.Any {
			if c.Any[i].match(a, primary) {
				any = true
				break
			}
		}
		if !any {
			return false
		}
	}
	return c.Not == nil || !c.Not.match(a, primary)
}

// matchValues: an empty want matches an answered question with nothing
// selected; otherwise any chosen value must be wanted.
func matchValues(got, want []string, answered bool) bool {
	if len(want) == 0 {
		return answered && len(got) == 0
	}
	return overlaps(got, want)
}

func hasKey(a Answers, k string) bool {
	_, ok := a[k]
	return ok
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
