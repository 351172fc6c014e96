package decision

import "strings"

// index gives quick look-ups by id; it is built by Validate.
type index struct {
	sources   map[string]*Source
	questions map[string]*Question
	options   map[string]map[string]*Option
	schemes   map[string]*Entry
	settings  map[string]*Entry
	anti      map[string]*Entry
	snippets  map[string]*SnippetSpec
	nodes     map[string]*Node
	// cites memoises formatted citations.
	cites map[string]string
}

func (f *File) buildIndex() *index {
	ix := &index{
		sources:   map[string]*Source{},
		questions: map[string]*Question{},
		options:   map[string]map[string]*Option{},
		schemes:   map[string]*Entry{},
		settings:  map[string]*Entry{},
		anti:      map[string]*Entry{},
		snippets:  map[string]*SnippetSpec{},
		nodes:     map[string]*Node{},
		cites:     map[string]string{},
	}
	for i := range f.Sources {
		keepFirst(ix.sources, f.Sources[i].ID, &f.Sources[i])
	}
	for i := range f.Questions {
		q := &f.Questions[i]
		if ix.questions[q.ID] != nil {
			continue
		}
		ix.questions[q.ID] = q
		opts := map[string]*Option{}
		for j := range q.Options {
			keepFirst(opts, q.Options[j].Value, &q.Options[j])
		}
		ix.options[q.ID] = opts
	}
	fill(ix.schemes, f.Schemes)
	fill(ix.settings, f.Settings)
	fill(ix.anti, f.AntiPatterns)
	for i := range f.Snippets {
		keepFirst(ix.snippets, f.Snippets[i].ID, &f.Snippets[i])
	}
	for i := range f.Tree.Nodes {
		keepFirst(ix.nodes, f.Tree.Nodes[i].ID, &f.Tree.Nodes[i])
	}
	return ix
}

func fill(m map[string]*Entry, entries []Entry) {
	for i := range entries {
		keepFirst(m, entries[i].ID, &entries[i])
	}
}

// keepFirst indexes v under id unless id is taken: with duplicates, the
// first definition is the one used (the others are reported).
func keepFirst[T any](m map[string]*T, id string, v *T) {
	if _, dup := m[id]; !dup {
		m[id] = v
	}
}

// entry finds a catalogue entry of any kind.
func (ix *index) entry(id string) *Entry {
	if e := ix.schemes[id]; e != nil {
		return e
	}
	if e := ix.settings[id]; e != nil {
		return e
	}
	return ix.anti[id]
}

// kind says which part of the catalogue id belongs to.
func (ix *index) kind(id string) string {
	switch {
	case ix.schemes[id] != nil:
		return KindScheme
	case ix.settings[id] != nil:
		return KindSetting
	}
	return KindAntiPattern
}

// ix returns the file's index, building it on first use. A File is not
// safe for concurrent use until its index exists (Load builds it).
func (f *File) ix() *index {
	if f.index == nil {
		f.index = f.buildIndex()
	}
	return f.index
}

// Ready builds the file's lookup tables now and returns f, so that f can
// then be shared by goroutines that only read it.
func (f *File) Ready() *File {
	f.ix()
	return f
}

// Question returns the question with the given id, or nil.
func (f *File) Question(id string) *Question {
	return f.ix().questions[id]
}

// Entry returns the catalogue entry (scheme, setting or anti-pattern) with
// the given id, or nil.
func (f *File) Entry(id string) *Entry {
	return f.ix().entry(id)
}

// Cite formats a citation "source-id section" with the source's short name,
// such as "RFC 9700 §2.4". An unknown source id is returned as written.
func (f *File) Cite(c string) string {
	ix := f.ix()
	if out, ok := ix.cites[c]; ok {
		return out
	}
	out := c
	id, section, _ := strings.Cut(c, " ")
	if s := ix.sources[id]; s != nil {
		out = s.Short
		if section != "" {
			out += " " + section
		}
	}
	ix.cites[c] = out
	return out
}

// HasOption reports whether value is an allowed answer to question q.
func (q *Question) HasOption(value string) bool {
	for _, o := range q.Options {
		if o.Value == value {
			return true
		}
	}
	return false
}

// Values lists the allowed answers to q, in file order.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return vs
}
