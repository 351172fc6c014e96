package tui

import (
	"github.com/charmbracelet/huh"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// page is one page of the form: consecutive questions of the same group,
// or a question without a group on its own.
type page struct {
	title     string
	questions []int
}

// pages splits the questions of f into the form's pages.
func pages(f *decision.File) []page {
	var out []page
	for i, q := range f.Questions {
		n := len(out)
		if q.Group != "" && n > 0 && out[n-1].title == q.Group {
			out[n-1].questions = append(out[n-1].questions, i)
			continue
		}
		out = append(out, page{title: q.Group, questions: []int{i}})
	}
	return out
}

// builtForm is the form generated from the questions, with the pieces the
// review lays out page by page.
type builtForm struct {
	form   *huh.Form
	groups []*huh.Group
	// fields holds each page's fields.
	fields [][]*questionField
	// page maps a question id to its page.
	page map[string]int
}

// buildForm generates the form from the decision file's questions. Each
// field writes into s, and is skipped while its question does not apply
// to the answers before it.
func buildForm(s *answerState, st *Styles) builtForm {
	b := builtForm{page: map[string]int{}}
	for p, pg := range pages(s.file) {
		fields := make([]huh.Field, len(pg.questions))
		var own []*questionField
		for j, i := range pg.questions {
			q := &s.file.Questions[i]
			field := newField(s, i, st.Form, safetext.Plain(q.Title), safetext.Plain(q.Help))
			qf := &questionField{Field: field, skip: skipper(s, i)}
			fields[j] = qf
			own = append(own, qf)
			b.page[q.ID] = p
		}
		g := huh.NewGroup(fields...).Title(safetext.Plain(pg.title)).
			WithHideFunc(func() bool { return allSkipped(s, pg.questions) })
		b.groups = append(b.groups, g)
		b.fields = append(b.fields, own)
	}
	b.form = huh.NewForm(b.groups...).WithTheme(st.Form).WithShowHelp(true)
	return b
}

func skipper(s *answerState, i int) func() bool {
	return func() bool { return !s.applies(i) }
}

func allSkipped(s *answerState, questions []int) bool {
	for _, i := range questions {
		if s.applies(i) {
			return false
		}
	}
	return true
}

// newField builds the select or multi-select field of question i, with
// a title and help text already made plain. The theme is set first: huh
// draws the options as they are set, with a default theme of its own when
// the field has none.
func newField(s *answerState, i int, theme *huh.Theme, title, help string) huh.Field {
	q := &s.file.Questions[i]
	opts := make([]huh.Option[string], len(q.Options))
	for k, o := range q.Options {
		opts[k] = huh.NewOption(optionLabel(o), o.Value)
	}
	if q.Multi {
		f := huh.NewMultiSelect[string]()
		f.WithTheme(theme)
		return f.Key(q.ID).Title(title).Description(help).Options(opts...).
			Value(s.multi[q.ID])
	}
	f := huh.NewSelect[string]()
	f.WithTheme(theme)
	return f.Key(q.ID).Title(title).Description(help).Options(opts...).Value(s.single[q.ID])
}

// optionLabel shows an option's title and its help text.
func optionLabel(o decision.Option) string {
	label := o.Title
	if label == "" {
		label = o.Value
	}
	label = safetext.Plain(label)
	if o.Help != "" {
		label += " — " + safetext.Plain(o.Help)
	}
	return label
}
