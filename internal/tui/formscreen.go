package tui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Layout of the form screen.
const (
	// wideLayout is the narrowest terminal that shows the preview beside
	// the form rather than below it.
	wideLayout   = 96
	previewWidth = 40
	// narrowPreviewHeight is the preview's height below the form.
	narrowPreviewHeight = 8
)

// openForm builds the form over the answers and shows it.
func (m *Model) openForm(s *answerState) {
	m.answers = s
	m.built = buildForm(s, m.st)
	m.laidW, m.laidH = 0, 0
	m.form = m.built.form
	m.screen = screenForm
	m.focus = m.form.GetFocusedField().GetKey()
	if m.sized {
		m.layoutForm()
	}
}

// formSize is the width and height left to the form, and the preview's.
func (m *Model) formSize() (fw, fh, pw, ph int) {
	body := m.height - 2 // header and footer lines
	if m.width >= wideLayout {
		pw = previewWidth
		return m.width - pw - 1, body, pw, body
	}
	ph = min(narrowPreviewHeight, body/3)
	return m.width, body - ph, m.width, ph
}

// layoutForm sizes every page of the form to the space the preview
// leaves. huh only ever shrinks a field to fit, so when the form grows or
// changes width the fields first get back their natural height; a
// terminal that grows then shows them whole again.
func (m *Model) layoutForm() {
	if m.form == nil {
		return
	}
	fw, fh, _, _ := m.formSize()
	if m.laidW != 0 && (fw != m.laidW || fh > m.laidH) {
		for _, page := range m.built.fields {
			for _, f := range page {
				f.naturalHeight()
			}
		}
	}
	m.form.WithWidth(fw).WithHeight(fh - 1)
	m.laidW, m.laidH = fw, fh
	m.laidPage, m.shown = m.currentPage(), m.shownQuestions()
}

// layoutPage fits page p's fields, at their natural height, to the height
// left to the form. A page is one line taller than the height huh is
// given: the blank line above its help.
func (m *Model) layoutPage(p int) {
	for _, f := range m.built.fields[p] {
		f.naturalHeight()
	}
	_, fh, _, _ := m.formSize()
	m.built.groups[p].WithHeight(fh - 1)
}

// relayout lays the page shown out again when the reviewer moved to
// another page or an answer changed which questions apply: a question
// that appears may be taller than the room left.
func (m *Model) relayout() {
	p, shown := m.currentPage(), m.shownQuestions()
	if !m.sized || (p == m.laidPage && shown == m.shown) {
		return
	}
	m.layoutPage(p)
	m.laidPage, m.shown = p, shown
}

func (m *Model) currentPage() int { return m.built.page[m.focus] }

// shownQuestions identifies the questions that apply.
func (m *Model) shownQuestions() string {
	b := make([]byte, 0, len(m.order))
	for _, page := range m.built.fields {
		for _, f := range page {
			if f.Skip() {
				b = append(b, '0')
			} else {
				b = append(b, '1')
			}
		}
	}
	return string(b)
}

// handleForm passes the message to the form, then notes which questions
// were answered and whether the form is done.
func (m *Model) handleForm(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.fkeys.Back) && !m.filtering() {
		return m.back()
	}
	fm, cmd := m.form.Update(msg)
	m.form = fm.(*huh.Form)
	m.trackFocus()
	m.relayout()
	if m.form.State == huh.StateCompleted {
		m.stopPreview()
		m.answers.answerAll()
		m.screen = screenWorking
		m.o.Log.Debug("submit", "answers", fingerprint(m.answers.all()))
		return m, evaluateCmd(m.o, m.answers.all())
	}
	return m, tea.Batch(cmd, m.requestPreview())
}

// back goes to the previous question. At the first question it aborts the
// review, or, when editing, returns to the result unchanged.
func (m *Model) back() (tea.Model, tea.Cmd) {
	if m.focus != m.firstQuestion() {
		return m, m.form.PrevField()
	}
	if m.editing && m.result != nil {
		m.o.Log.Debug("edit cancelled")
		m.screen, m.editing = screenResult, false
		return m, nil
	}
	return m.abort()
}

// firstQuestion is the id of the first question that applies.
func (m *Model) firstQuestion() string {
	for i, q := range m.o.File.Questions {
		if m.answers.applies(i) {
			return q.ID
		}
	}
	return ""
}

func (m *Model) filtering() bool {
	f, ok := m.form.GetFocusedField().(*questionField)
	return ok && f.filtering()
}

// trackFocus marks a question answered once the reviewer moves past it.
func (m *Model) trackFocus() {
	k := m.form.GetFocusedField().GetKey()
	if k == m.focus {
		return
	}
	if m.order[k] > m.order[m.focus] {
		m.answers.answer(m.focus)
		m.o.Log.Debug("answer", "question", m.focus,
			"values", fmt.Sprint(m.answers.values(&m.o.File.Questions[m.order[m.focus]])))
	}
	m.focus = k
}

// requestPreview works the preview out again when the known answers
// changed.
func (m *Model) requestPreview() tea.Cmd {
	known := m.answers.known()
	fp := fingerprint(known)
	if fp == m.previewKey && m.previewSeq > 0 {
		return nil
	}
	m.previewKey = fp
	m.previewSeq++
	m.stopPreview()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancelPreview = cancel
	return previewCmd(ctx, m.o.File, known, m.previewSeq)
}

// stopPreview stops working out a preview that is no longer wanted.
func (m *Model) stopPreview() {
	if m.cancelPreview != nil {
		m.cancelPreview()
	}
}

func (m *Model) takePreview(msg previewMsg) {
	if msg.seq != m.previewSeq {
		return
	}
	m.preview = msg.p
	m.o.Log.Debug("preview", "seq", msg.seq, "first", fmt.Sprint(msg.p.First),
		"open", msg.p.Open, "warnings", len(msg.p.Warnings))
}

// formView draws the form with the preview beside it, or below it on a
// narrow terminal.
func (m *Model) formView() string {
	fw, fh, pw, ph := m.formSize()
	formPart := fitLines(m.form.View(), fw, fh)
	prev := m.previewView(pw, ph)
	var body string
	if m.width >= wideLayout {
		body = lipgloss.JoinHorizontal(lipgloss.Top, formPart, " ", prev)
	} else {
		body = lipgloss.JoinVertical(lipgloss.Left, formPart, prev)
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.formHeader(), body, m.formFooter())
}

// fitScreen cuts a screen to the terminal, so that on a terminal too
// small for it the header stays in sight rather than scrolling away.
func (m *Model) fitScreen(s string) string {
	return fitLines(s, m.width, m.height)
}

func (m *Model) formHeader() string {
	title := "authadvisor · how should this API authenticate its callers?"
	if m.editing {
		title = "authadvisor · editing the answers"
	}
	return m.st.Header.Render(clip(title, m.width))
}

func (m *Model) formFooter() string {
	back := "esc at the first question: quit"
	if m.editing {
		back = "esc at the first question: back to the result"
	}
	return m.st.Muted.Render(clip("esc: previous question · "+back+" · ctrl+c: quit", m.width))
}
