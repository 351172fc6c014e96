package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// screen is what the review shows.
type screen int

const (
	screenForm screen = iota
	screenWorking
	screenResult
)

// Default terminal size until the terminal reports its own.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// Model is the interactive review as a Bubble Tea model: the form with
// its preview, then the result view.
type Model struct {
	o     Options
	st    *Styles
	fkeys formKeys
	rkeys resultKeys
	help  help.Model
	exp   exporter

	screen        screen
	width, height int
	// sized is set once the terminal has reported its size.
	sized bool

	answers *answerState
	form    *huh.Form
	built   builtForm
	// laidW and laidH are the form's size at its last layout; laidPage
	// and shown are the page last laid out and which questions applied.
	laidW, laidH int
	laidPage     int
	shown        string
	// focus is the id of the question the form has focused.
	focus string
	// order maps question ids to their position in the decision file.
	order map[string]int
	// editing is set when the form was reopened from the result view.
	editing bool

	preview    preview
	previewKey string
	previewSeq int
	// cancelPreview stops the preview being worked out.
	cancelPreview func()

	result *resultView
	prompt *prompt
	status statusLine

	written []string
	aborted bool
	fatal   error
}

// New builds the review for the options.
func New(o Options) *Model {
	o.fill()
	// Build the decision file's index now, before previews read it from
	// other goroutines.
	_ = o.File.Question("")
	m := &Model{o: o, st: o.Styles, fkeys: newFormKeys(), rkeys: newResultKeys(),
		help: help.New(), exp: exporter{o: o}, width: defaultWidth, height: defaultHeight,
		order: map[string]int{}}
	m.help.Styles = o.Styles.Help
	for i, q := range o.File.Questions {
		m.order[q.ID] = i
	}
	return m
}

// Init builds the form and starts it and the first preview. Building the
// form here rather than in New lets it overlap Bubble Tea's wait for its
// first frame.
func (m *Model) Init() tea.Cmd {
	m.o.Log.Debug("start", "questions", len(m.o.File.Questions),
		"prefilled", len(m.o.Answers))
	m.openForm(newAnswerState(m.o.File, m.o.Answers))
	return tea.Batch(m.form.Init(), m.requestPreview())
}

// Update handles messages common to every screen, then hands the rest to
// the screen's handler.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		if key.Matches(msg, m.fkeys.Abort) {
			return m.abort()
		}
	case previewMsg:
		m.takePreview(msg)
		return m, nil
	case resultMsg:
		return m.showResult(msg)
	case doneMsg:
		return m.finishExport(msg)
	case existsMsg:
		return m.askOverwrite(msg)
	}
	switch {
	case m.prompt != nil:
		return m.handlePrompt(msg)
	case m.screen == screenForm:
		return m.handleForm(msg)
	case m.screen == screenResult:
		return m.handleResult(msg)
	}
	return m, nil
}

// abort leaves the review; nothing more is written.
func (m *Model) abort() (tea.Model, tea.Cmd) {
	m.o.Log.Debug("abort", "screen", int(m.screen))
	m.stopPreview()
	m.aborted = true
	return m, tea.Quit
}

// resize lays every screen out again for the terminal's new size. huh
// draws a page again only when it gets a message, so the forms get the
// size message after their layout.
func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height, m.sized = max(w, 20), max(h, 8), true
	m.o.Log.Debug("resize", "width", w, "height", h)
	m.layoutForm()
	m.layoutResult()
	m.layoutPrompt()
	size := tea.WindowSizeMsg{Width: m.width, Height: m.height}
	var cmds []tea.Cmd
	if m.form != nil {
		_, cmd := m.form.Update(size)
		cmds = append(cmds, cmd)
	}
	if m.prompt != nil {
		_, cmd := m.prompt.form.Update(size)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// Outcome returns the paths written during the review, and ErrAborted
// when the reviewer aborted it.
func (m *Model) Outcome() ([]string, error) {
	switch {
	case m.fatal != nil:
		return m.written, m.fatal
	case m.aborted:
		return m.written, ErrAborted
	}
	return m.written, nil
}

// View draws the current screen.
func (m *Model) View() string {
	switch {
	case m.aborted:
		return ""
	case m.screen == screenResult:
		return m.fitScreen(m.resultView())
	case m.screen == screenWorking:
		return m.st.Muted.Render("Working out the recommendation…")
	}
	return m.fitScreen(m.formView())
}
