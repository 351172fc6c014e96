package decision

import "strings"

func (v *validator) checkTree() {
	t := &v.f.Tree
	seen := map[string]Pos{}
	for i := range t.Nodes {
		n := &t.Nodes[i]
		v.checkID("node", n.ID, n.Pos, seen)
		v.checkNode(n)
	}
	if t.Start == "" {
		v.addf(t.Pos, "tree has no start node")
		return
	}
	if v.ix.nodes[t.Start] == nil {
		v.addf(t.Pos, "tree starts at unknown node %q", t.Start)
		return
	}
	v.checkReach()
}

func (v *validator) checkNode(n *Node) {
	switch {
	case n.Question != "" && n.Outcome != nil:
		v.addf(n.Pos, "node %q has both a question and an outcome", n.ID)
	case n.Question == "" && n.Outcome == nil:
		v.addf(n.Pos, "node %q needs a question with branches, or an outcome", n.ID)
	case n.Outcome != nil:
		if len(n.Branches) > 0 || n.Otherwise != "" {
			v.addf(n.Pos, "outcome node %q cannot have branches", n.ID)
		}
		if len(n.Outcome.Primary) == 0 {
			v.addf(n.Outcome.Pos, "outcome %q recommends no primary scheme", n.ID)
		}
		v.checkEffects(n.ID, n.Outcome)
	default:
		v.checkDecision(n)
	}
}

// checkDecision checks a node that branches on one question: every value is
// handled exactly once, and every branch can be taken.
func (v *validator) checkDecision(n *Node) {
	q := v.ix.questions[n.Question]
	if q == nil {
		v.addf(n.Pos, "node %q asks unknown question %q", n.ID, n.Question)
		return
	}
	if q.Multi {
		v.addf(n.Pos, "node %q branches on multi-choice question %q; use a policy", n.ID, q.ID)
	}
	taken := map[string]bool{}
	for _, b := range n.Branches {
		fresh, known := false, 0
		for _, val := range b.Values {
			if !q.HasOption(val) {
				v.addf(b.Pos, "unknown value %q for question %q (options: %s)",
					val, q.ID, strings.Join(q.Values(), ", "))
				continue
			}
			known++
			if !taken[val] {
				fresh = true
			}
			taken[val] = true
		}
		if !fresh && known > 0 {
			v.addf(b.Pos, "unreachable branch: earlier branches of %q already take %s",
				n.ID, strings.Join(b.Values, ", "))
		}
		v.checkGoto(b.Pos, b.Goto)
	}
	var missing []string
	for _, val := range q.Values() {
		if !taken[val] {
			missing = append(missing, val)
		}
	}
	switch {
	case n.Otherwise != "" && len(missing) == 0:
		v.addf(n.Pos, "unreachable branch: every value of %q has a branch, so `otherwise` "+
			"of %q is never taken", q.ID, n.ID)
	case n.Otherwise == "" && len(missing) > 0:
		v.addf(n.Pos, "node %q does not handle %s of %q; add a branch or `otherwise`",
			n.ID, strings.Join(missing, ", "), q.ID)
	}
	if n.Otherwise != "" {
		v.checkGoto(n.Pos, n.Otherwise)
	}
}

func (v *validator) checkGoto(p Pos, id string) {
	if id == "" {
		v.addf(p, "branch leads nowhere: `goto` is missing")
		return
	}
	if v.ix.nodes[id] == nil {
		v.addf(p, "branch leads to unknown node %q", id)
	}
}

// successors lists the nodes a node leads to, in file order.
func successors(n *Node) []string {
	var next []string
	for _, b := range n.Branches {
		next = append(next, b.Goto)
	}
	if n.Otherwise != "" {
		next = append(next, n.Otherwise)
	}
	return next
}

// checkReach reports cycles and nodes that cannot be reached from start.
func (v *validator) checkReach() {
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	reported := map[string]bool{}
	var stack []string
	var walk func(id string)
	walk = func(id string) {
		n := v.ix.nodes[id]
		if n == nil {
			return
		}
		switch state[id] {
		case active:
			if reported[id] {
				return
			}
			reported[id] = true
			at := indexOf(stack, id)
			cycle := append(append([]string{}, stack[at:]...), id)
			if len(cycle) > 12 {
				cycle = append(append(cycle[:5:5], "..."), cycle[len(cycle)-5:]...)
			}
			v.addf(n.Pos, "cycle in the tree: %s", strings.Join(cycle, " -> "))
			return
		case done:
			return
		}
		state[id] = active
		stack = append(stack, id)
		for _, next := range successors(n) {
			walk(next)
		}
		stack = stack[:len(stack)-1]
		state[id] = done
	}
	walk(v.f.Tree.Start)

	for _, n := range v.f.Tree.Nodes {
		if state[n.ID] == unseen {
			v.addf(n.Pos, "unreachable branch: node %q is never reached from %q",
				n.ID, v.f.Tree.Start)
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func (v *validator) checkPolicies() {
	seen := map[string]Pos{}
	for i := range v.f.Policies {
		p := &v.f.Policies[i]
		v.checkID("policy", p.ID, p.Pos, seen)
		if p.Title == "" {
			v.addf(p.Pos, "policy %q has no title", p.ID)
		}
		if p.When != nil {
			v.checkCondition(p.When, nil)
		}
		e := &p.Add
		if len(e.Primary)+len(e.Alternatives)+len(e.Rejected)+len(e.Settings)+len(e.Warnings) == 0 {
			v.addf(p.Pos, "policy %q adds nothing", p.ID)
		}
		v.checkEffects(p.ID, e)
	}
}

// checkEffects checks each rule's id against the catalogue and that every
// rule cites a source, its own or the one of its outcome or policy.
func (v *validator) checkEffects(owner string, e *Effects) {
	v.checkCites(e.Source)
	lists := []struct {
		name  string
		rules []Rule
		allow func(string) bool
	}{
		{"primary", e.Primary, v.isScheme},
		{"alternatives", e.Alternatives, v.isScheme},
		{"rejected", e.Rejected, v.isSchemeOrAnti},
		{"settings", e.Settings, func(id string) bool { return v.ix.settings[id] != nil }},
		{"warnings", e.Warnings, func(id string) bool { return v.ix.entry(id) != nil }},
	}
	for _, l := range lists {
		for _, r := range l.rules {
			v.checkRule(owner, l.name, r, l.allow)
			if len(r.Source.Items) == 0 && len(e.Source.Items) == 0 {
				v.addf(r.Pos, "%s: %q in %s cites no source", owner, r.ID, l.name)
			}
		}
	}
}

func (v *validator) checkRule(owner, list string, r Rule, allow func(string) bool) {
	v.checkCites(r.Source)
	switch {
	case r.ID == "":
		v.addf(r.Pos, "%s: an entry in %s has no id", owner, list)
		return
	case v.ix.entry(r.ID) == nil:
		v.addf(r.Pos, "%s: unknown scheme, setting or anti-pattern id %q in %s", owner, r.ID, list)
		return
	case v.ix.anti[r.ID] != nil && (list == "primary" || list == "alternatives"):
		v.addf(r.Pos, "%s: anti-pattern %q can never be recommended; list it under "+
			"rejected or warnings", owner, r.ID)
		return
	case !allow(r.ID):
		v.addf(r.Pos, "%s: %q is not allowed in %s", owner, r.ID, list)
	}
	if r.Why == "" && list != "settings" {
		v.addf(r.Pos, "%s: %q in %s says no why", owner, r.ID, list)
	}
	if (r.Value != "" || r.Params != nil) && list != "settings" {
		v.addf(r.Pos, "%s: only settings take a value or params", owner)
	}
	if r.First && list != "primary" {
		v.addf(r.Pos, "%s: only primary schemes can be marked first", owner)
	}
}

func (v *validator) isScheme(id string) bool { return v.ix.schemes[id] != nil }

func (v *validator) isSchemeOrAnti(id string) bool {
	return v.ix.schemes[id] != nil || v.ix.anti[id] != nil
}

// checkCondition checks question ids and values. When earlier is not nil,
// the condition may only name questions in it.
func (v *validator) checkCondition(c *Condition, earlier map[string]bool) {
	if len(c.Order)+len(c.Primary)+len(c.Any)+len(c.All) == 0 && c.Not == nil {
		v.addf(c.Pos, "empty condition: it would match every answer; remove `when` to mean always")
	}
	for _, qid := range c.Order {
		p := c.KeyPos[qid]
		q := v.ix.questions[qid]
		if q == nil {
			v.addf(p, "unknown question %q in condition", qid)
			continue
		}
		if earlier != nil && !earlier[qid] {
			v.addf(p, "condition names %q, which is not asked before this question", qid)
		}
		vals := c.Answers[qid]
		if len(vals) == 0 && !q.Multi {
			v.addf(p, "an empty list only matches multi-choice questions; %q is single", qid)
		}
		for _, val := range vals {
			if !q.HasOption(val) {
				v.addf(p, "unknown value %q for question %q (options: %s)",
					val, qid, strings.Join(q.Values(), ", "))
			}
		}
	}
	for _, id := range c.Primary {
		if !v.isScheme(id) {
			v.addf(c.Pos, "condition names %q under primary, which is not a scheme", id)
		}
	}
	for i := range c.Any {
		v.checkCondition(&c.Any[i], earlier)
	}
	for i := range c.All {
		v.checkCondition(&c.All[i], earlier)
	}
	if c.Not != nil {
		v.checkCondition(c.Not, earlier)
	}
}
