package decision

import (
	"fmt"
	"strings"
)

// inUse warns about anti-patterns the API uses today and lists what the
// recommendation replaces.
func (b *builder) inUse() {
	for i := range b.f.Questions {
		q := &b.f.Questions[i]
		if !q.InUse {
			continue
		}
		for _, id := range b.a[q.ID] {
			b.inUseOne(q, id)
		}
	}
}

func (b *builder) inUseOne(q *Question, id string) {
	entry := b.f.index.entry(id)
	if entry == nil || containsID(b.rec.Primary, id) {
		return
	}
	rule := ruleRef(q.ID, b.f.Name, q.Pos.Line)
	replace := "Replace it with " + titles(b.rec.Primary) + "."
	why := "In use today and not part of the recommendation."
	switch {
	case b.f.index.anti[id] != nil:
		why = "An anti-pattern in use today."
		if w := findID(b.rec.Warnings, id); w != nil && w.Safe != "" {
			replace = w.Safe
		}
		if !containsID(b.rec.Warnings, id) {
			b.rec.Warnings = append(b.rec.Warnings, Item{
				ID: id, Title: entry.Title, Kind: KindAntiPattern,
				Why: "In use today: " + entry.Summary, Safe: replace,
				Sources: b.cites(entry.Source), Rule: rule,
			})
		}
	case containsID(b.rec.Alternatives, id):
		why = "In use today; an acceptable alternative to the recommendation."
	case containsID(b.rec.Rejected, id):
		why = "In use today, and rejected for these answers."
	}
	b.rec.Migration = append(b.rec.Migration, Item{
		ID: id, Title: entry.Title, Kind: b.f.index.kind(id), Why: why, Safe: replace,
		Sources: b.cites(entry.Source), Rule: rule,
	})
}

func findID(items []Item, id string) *Item {
	for i := range items {
		if items[i].ID == id {
			return &items[i]
		}
	}
	return nil
}

func titles(items []Item) string {
	ts := make([]string, len(items))
	for i, it := range items {
		ts[i] = it.Title
	}
	return strings.Join(ts, " + ")
}

// finish enforces what is rejected, then lists snippets, checklists and
// sources.
func (b *builder) finish() (*Recommendation, error) {
	r := b.rec
	r.Primary = removeIDs(r.Primary, r.Rejected)
	r.Alternatives = removeIDs(removeIDs(r.Alternatives, r.Rejected), r.Primary)
	if len(r.Primary) == 0 {
		return nil, fmt.Errorf("%s: policies rejected every primary scheme for these answers; "+
			"the decision file needs a safe outcome here", b.f.Name)
	}
	b.snippetsAndChecklists()
	b.sources()
	return r, nil
}

func (b *builder) snippetsAndChecklists() {
	r := b.rec
	seen := map[string]bool{}
	ids := make([]string, 0, len(r.Primary)+len(r.Settings))
	for _, list := range [2][]Item{r.Primary, r.Settings} {
		for _, it := range list {
			ids = append(ids, it.ID)
		}
	}
	for _, id := range ids {
		e := b.f.index.entry(id)
		if len(e.Checklist) > 0 {
			r.Checklists = append(r.Checklists, Checklist{ID: e.ID, Title: e.Title, Items: e.Checklist})
		}
		for _, sid := range e.Snippets {
			s := b.f.index.snippets[sid]
			if seen[sid] || (s.When != nil && !s.When.match(b.a, b.primaryIDs())) {
				continue
			}
			seen[sid] = true
			r.Snippets = append(r.Snippets, SnippetRef{
				ID: s.ID, Title: s.Title, Target: s.Target, Template: s.Template, Path: s.Path,
			})
		}
	}
}

func (b *builder) sources() {
	for _, s := range b.f.Sources {
		sections, ok := b.cited[s.ID]
		if !ok {
			continue
		}
		b.rec.Sources = append(b.rec.Sources, SourceRef{
			ID: s.ID, Title: s.Title, URL: s.URL, Sections: sections,
		})
	}
}
