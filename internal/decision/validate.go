package decision

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
)

// The patterns are compiled on first use, not at start-up, since most
// commands never validate a decision file.
var (
	idPattern   = lazyRegexp(`^[a-z][a-z0-9_]*$`)
	snippetPath = lazyRegexp(`^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$`)
)

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// validURL accepts an absolute https URL with a host and no characters that
// would need escaping in a Markdown link or on a terminal.
func validURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune(`"'<>()[]\^{|}`+"`", r) {
			return false
		}
	}
	return true
}

// validator collects problems while checking a file.
type validator struct {
	f         *File
	ix        *index
	templates fs.FS
	ps        Problems
}

func (v *validator) addf(p Pos, format string, args ...any) {
	switch {
	case len(v.ps) < maxProblems:
		v.ps = append(v.ps, Problem{File: v.f.Name, Pos: p, Msg: fmt.Sprintf(format, args...)})
	case len(v.ps) == maxProblems:
		v.ps = append(v.ps, Problem{File: v.f.Name, Pos: p,
			Msg: fmt.Sprintf("more than %d problems; fix these first", maxProblems)})
	}
}

// Validate checks the whole file and returns every problem found, sorted
// by position. templates is where snippet templates must exist; nil skips
// that check.
func (f *File) Validate(templates fs.FS) Problems {
	f.index = f.buildIndex()
	v := &validator{f: f, ix: f.index, templates: templates}

	if f.Version != 1 {
		v.addf(Pos{Line: 1, Column: 1}, "version must be 1, found %d", f.Version)
	}
	v.checkSources()
	v.checkQuestions()
	v.checkCatalogue()
	v.checkSnippets()
	v.checkTree()
	v.checkPolicies()

	v.ps.Sort()
	return v.ps
}

// checkID reports an id that is missing, malformed or already seen.
func (v *validator) checkID(kind, id string, p Pos, seen map[string]Pos) {
	switch {
	case id == "":
		v.addf(p, "%s has no id", kind)
		return
	case !idPattern().MatchString(id):
		v.addf(p, "%s id %q must be lower-case letters, digits and underscores", kind, id)
	}
	if first, dup := seen[id]; dup {
		v.addf(p, "duplicate %s id %q (first at line %d)", kind, id, first.Line)
		return
	}
	seen[id] = p
}

func (v *validator) checkSources() {
	seen := map[string]Pos{}
	for _, s := range v.f.Sources {
		v.checkID("source", s.ID, s.Pos, seen)
		if s.Short == "" || s.Title == "" {
			v.addf(s.Pos, "source %q needs a short name and a title", s.ID)
		}
		if !validURL(s.URL) {
			v.addf(s.Pos, "source %q needs a plain https url, found %q", s.ID, s.URL)
		}
	}
}

// checkCites reports citations whose source id is unknown.
func (v *validator) checkCites(c Cites) {
	for _, item := range c.Items {
		id, _, _ := strings.Cut(item, " ")
		if v.ix.sources[id] == nil {
			v.addf(c.Pos, "unknown source %q in citation %q", id, item)
		}
	}
}

func (v *validator) checkQuestions() {
	seen := map[string]Pos{}
	earlier := map[string]bool{}
	for i := range v.f.Questions {
		q := &v.f.Questions[i]
		v.checkID("question", q.ID, q.Pos, seen)
		if q.Title == "" {
			v.addf(q.Pos, "question %q has no title", q.ID)
		}
		v.checkOptions(q)
		if q.Default != nil {
			v.checkDefault(q)
		}
		if q.When != nil {
			v.checkCondition(q.When, earlier)
		}
		earlier[q.ID] = true
	}
}

func (v *validator) checkOptions(q *Question) {
	if len(q.Options) == 0 {
		v.addf(q.Pos, "question %q has no options", q.ID)
	}
	if q.InUse && !q.Multi {
		v.addf(q.Pos, "question %q lists schemes in use, so it must be multi: true", q.ID)
	}
	seen := map[string]Pos{}
	for _, o := range q.Options {
		v.checkID("option", o.Value, o.Pos, seen)
		if q.InUse && v.ix.schemes[o.Value] == nil && v.ix.anti[o.Value] == nil {
			v.addf(o.Pos, "option %q of %q is not a scheme or anti-pattern id", o.Value, q.ID)
		}
		if !q.InUse && o.Title == "" {
			v.addf(o.Pos, "option %q of %q has no title", o.Value, q.ID)
		}
		if o.Implies != nil {
			v.checkImplies(q, o)
		}
	}
}

// checkImplies checks an option's implied answers: plain question ids with
// values, naming other questions.
func (v *validator) checkImplies(q *Question, o Option) {
	c := o.Implies
	if len(c.Any)+len(c.All)+len(c.Primary) > 0 || c.Not != nil {
		v.addf(c.Pos, "implies of %q lists answers only, not any, all, not or primary", o.Value)
	}
	if _, self := c.Answers[q.ID]; self {
		v.addf(c.Pos, "option %q of %q cannot imply an answer to its own question", o.Value, q.ID)
	}
	v.checkCondition(c, nil)
}

func (v *validator) checkDefault(q *Question) {
	d := q.Default
	if d.List && !q.Multi {
		v.addf(d.Pos, "question %q takes one value; its default is a list", q.ID)
	}
	for _, val := range d.Items {
		if !q.HasOption(val) {
			v.addf(d.Pos, "default %q is not an option of %q (options: %s)",
				val, q.ID, strings.Join(q.Values(), ", "))
		}
	}
}

func (v *validator) checkCatalogue() {
	seen := map[string]Pos{}
	groups := []struct {
		kind    string
		entries []Entry
	}{
		{"scheme", v.f.Schemes}, {"setting", v.f.Settings}, {"anti-pattern", v.f.AntiPatterns},
	}
	for _, g := range groups {
		for _, e := range g.entries {
			v.checkID(g.kind, e.ID, e.Pos, seen)
			if e.Title == "" || e.Summary == "" {
				v.addf(e.Pos, "%s %q needs a title and a summary", g.kind, e.ID)
			}
			if len(e.Source.Items) == 0 {
				v.addf(e.Pos, "%s %q cites no source", g.kind, e.ID)
			}
			v.checkCites(e.Source)
			for _, s := range e.Snippets {
				if v.ix.snippets[s] == nil {
					v.addf(e.Pos, "%s %q names unknown snippet %q", g.kind, e.ID, s)
				}
			}
		}
	}
}

func (v *validator) checkSnippets() {
	seen := map[string]Pos{}
	for i := range v.f.Snippets {
		s := &v.f.Snippets[i]
		v.checkID("snippet", s.ID, s.Pos, seen)
		if s.Target == "" || s.Title == "" {
			v.addf(s.Pos, "snippet %q needs a target and a title", s.ID)
		}
		clean := path.Clean(s.Path)
		if !snippetPath().MatchString(s.Path) || clean != s.Path || strings.HasPrefix(clean, "..") {
			v.addf(s.Pos, "snippet %q needs a relative path inside the snippets folder, found %q",
				s.ID, s.Path)
		}
		v.checkTemplate(s)
		if s.When != nil {
			v.checkCondition(s.When, nil)
		}
	}
}

func (v *validator) checkTemplate(s *SnippetSpec) {
	if s.Template == "" {
		v.addf(s.Pos, "snippet %q names no template", s.ID)
		return
	}
	if v.templates == nil {
		return
	}
	if _, err := fs.Stat(v.templates, s.Template); err != nil {
		v.addf(s.Pos, "snippet %q: template %q not found", s.ID, s.Template)
	}
}
