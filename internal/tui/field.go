package tui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// questionField is a form field that the form skips, and does not draw,
// while its question does not apply to the answers before it. huh skips a
// field whose Skip reports true; the wrapper keeps itself in the group by
// returning itself from every method that returns the field.
type questionField struct {
	huh.Field
	skip func() bool
}

// Skip reports whether the question does not apply.
func (f *questionField) Skip() bool { return f.skip() }

// Update passes the message to the field.
func (f *questionField) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := f.Field.Update(msg)
	f.Field = m.(huh.Field)
	return f, cmd
}

// View draws the field, or nothing while it is skipped.
func (f *questionField) View() string {
	if f.skip() {
		return ""
	}
	return f.Field.View()
}

// WithTheme sets the field's theme.
func (f *questionField) WithTheme(t *huh.Theme) huh.Field {
	f.Field = f.Field.WithTheme(t)
	return f
}

// WithKeyMap sets the field's key map.
func (f *questionField) WithKeyMap(k *huh.KeyMap) huh.Field {
	f.Field = f.Field.WithKeyMap(k)
	return f
}

// WithWidth sets the field's width.
func (f *questionField) WithWidth(w int) huh.Field {
	f.Field = f.Field.WithWidth(w)
	return f
}

// WithHeight sets the field's height.
func (f *questionField) WithHeight(h int) huh.Field {
	f.Field = f.Field.WithHeight(h)
	return f
}

// WithPosition tells the field where it is in the form.
func (f *questionField) WithPosition(p huh.FieldPosition) huh.Field {
	f.Field = f.Field.WithPosition(p)
	return f
}

// naturalHeight lets the field take the height its content needs; the
// group caps it again when it lays the page out.
func (f *questionField) naturalHeight() {
	f.Field = f.Field.WithHeight(0)
}

// filtering reports whether the field is filtering its options, when esc
// clears the filter rather than leaving the question.
func (f *questionField) filtering() bool {
	fl, ok := f.Field.(interface{ GetFiltering() bool })
	return ok && fl.GetFiltering()
}
