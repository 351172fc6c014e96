package decision

import (
	"strconv"
	"strings"
)

// builder accumulates a recommendation while the tree and policies apply.
type builder struct {
	f   *File
	a   Answers
	rec *Recommendation
	// cited maps a source id to the sections cited from it, in order.
	cited map[string][]string
	// primary caches the ids of rec.Primary; nil when it must be rebuilt.
	primary []string
}

func newBuilder(f *File, a Answers) *builder {
	// The lists start with room for a typical recommendation, so that
	// evaluation does not spend its time growing them.
	return &builder{
		f: f, a: a,
		rec: &Recommendation{
			Primary: make([]Item, 0, 4), Alternatives: make([]Item, 0, 8),
			Rejected: make([]Item, 0, 24), Settings: make([]Item, 0, 24),
			Warnings: make([]Item, 0, 8), Trace: make([]Step, 0, 32),
			Snippets: make([]SnippetRef, 0, 8), Sources: make([]SourceRef, 0, 16),
			Migration: []Item{}, Checklists: make([]Checklist, 0, 8), Decisions: f.Name,
		},
		cited: make(map[string][]string, 16),
	}
}

func (b *builder) step(s Step) {
	s.File = b.f.Name
	b.rec.Trace = append(b.rec.Trace, s)
}

// cites formats citations and remembers them for the sources list.
func (b *builder) cites(c Cites) []string {
	out := make([]string, 0, len(c.Items))
	for _, item := range c.Items {
		id, section, _ := strings.Cut(item, " ")
		if section != "" && !contains(b.cited[id], section) {
			b.cited[id] = append(b.cited[id], section)
		} else if _, ok := b.cited[id]; !ok {
			b.cited[id] = []string{}
		}
		out = append(out, b.f.Cite(item))
	}
	return out
}

// ruleRef names a rule as "id (file:line)".
func ruleRef(owner, file string, line int) string {
	return owner + " (" + file + ":" + strconv.Itoa(line) + ")"
}

// primaryIDs returns the ids of the primary schemes chosen so far.
func (b *builder) primaryIDs() []string {
	if b.primary == nil {
		b.primary = ids(b.rec.Primary)
	}
	return b.primary
}

func ids(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

// item builds the recommendation item for one rule of an outcome or policy.
func (b *builder) item(owner string, e *Effects, r Rule, setting bool) Item {
	entry := b.f.index.entry(r.ID)
	why := r.Why
	if why == "" {
		why = e.Why
	}
	if why == "" {
		why = entry.Summary
	}
	src := r.Source
	if len(src.Items) == 0 {
		src = e.Source
	}
	it := Item{
		ID: r.ID, Title: entry.Title, Kind: b.f.index.kind(r.ID), Why: why, Safe: r.Safe,
		Sources: b.cites(src),
		Rule:    ruleRef(owner, b.f.Name, r.Pos.Line),
	}
	if setting {
		it.Value, it.Params = r.Value, r.Params
		if it.Value == "" {
			it.Value, it.Params = entry.Value, entry.Params
		}
	}
	return it
}

// apply adds an outcome's or a policy's effects. The first item with an id
// wins: later rules never overwrite what an earlier one decided, except
// that a primary rule marked first moves its scheme to the front.
func (b *builder) apply(owner string, e *Effects) {
	add := func(list *[]Item, rules []Rule, setting bool) {
		for _, r := range rules {
			switch {
			case r.First:
				*list = moveToFront(*list, b.item(owner, e, r, setting))
			case !containsID(*list, r.ID):
				*list = append(*list, b.item(owner, e, r, setting))
			}
		}
	}
	if len(e.Primary) > 0 {
		b.primary = nil
	}
	add(&b.rec.Primary, e.Primary, false)
	add(&b.rec.Alternatives, e.Alternatives, false)
	add(&b.rec.Rejected, e.Rejected, false)
	add(&b.rec.Settings, e.Settings, true)
	add(&b.rec.Warnings, e.Warnings, false)
}

func containsID(items []Item, id string) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// moveToFront puts it first in items, in place of any item with its id.
func moveToFront(items []Item, it Item) []Item {
	at := len(items)
	for i := range items {
		if items[i].ID == it.ID {
			at = i
			break
		}
	}
	if at == len(items) {
		items = append(items, Item{})
	}
	copy(items[1:at+1], items[:at])
	items[0] = it
	return items
}

func removeIDs(items []Item, drop []Item) []Item {
	out := items[:0:0]
	for _, it := range items {
		if !containsID(drop, it.ID) {
			out = append(out, it)
		}
	}
	return out
}
