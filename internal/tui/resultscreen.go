package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// statusLine is the line above the help bar that says what happened.
type statusLine struct {
	text string
	err  bool
}

// handleResult handles the keys of the result view.
func (m *Model) handleResult(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	r, keys := m.result, m.rkeys
	switch {
	case key.Matches(k, keys.Next):
		m.showPane(r.active + 1)
	case key.Matches(k, keys.Prev):
		m.showPane(r.active - 1)
	case key.Matches(k, keys.Pane):
		m.showPane(int(k.Runes[0] - '1'))
	case key.Matches(k, keys.Edit):
		return m, m.edit()
	case key.Matches(k, keys.Write):
		return m, m.ask(m.folderPrompt())
	case key.Matches(k, keys.Record):
		return m, m.ask(m.recordPrompt())
	case key.Matches(k, keys.Save):
		return m, m.ask(m.savePrompt())
	case key.Matches(k, keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layoutResult()
	case key.Matches(k, keys.Quit):
		m.o.Log.Debug("quit", "written", len(m.written))
		return m, tea.Quit
	default:
		m.scroll(k)
	}
	return m, nil
}

// scroll moves the pane's content for the scrolling keys.
func (m *Model) scroll(k tea.KeyMsg) {
	vp, keys := &m.result.vp, m.rkeys
	switch {
	case key.Matches(k, keys.Up):
		vp.ScrollUp(1)
	case key.Matches(k, keys.Down):
		vp.ScrollDown(1)
	case key.Matches(k, keys.PageUp):
		vp.PageUp()
	case key.Matches(k, keys.PageDown):
		vp.PageDown()
	case key.Matches(k, keys.Top):
		vp.GotoTop()
	case key.Matches(k, keys.Bottom):
		vp.GotoBottom()
	}
}

// edit reopens the form with the answers of the recommendation shown; a
// question that comes to apply through an edit starts unanswered.
func (m *Model) edit() tea.Cmd {
	m.openForm(newAnswerState(m.o.File, answersOf(m.result.rec)))
	m.editing = true
	m.o.Log.Debug("edit")
	return tea.Batch(m.form.Init(), m.requestPreview())
}

// answersOf returns the answers a recommendation was made for.
func answersOf(rec *decision.Recommendation) decision.Answers {
	a := decision.Answers{}
	for _, ans := range rec.Answers {
		a[ans.Question] = ans.Values
	}
	return a
}

// resultView draws the result screen: header, tabs, the pane (or a
// prompt), the status line and the help bar.
func (m *Model) resultView() string {
	r := m.result
	body := r.vp.View()
	if m.prompt != nil {
		body = m.prompt.form.View()
	}
	pane := boxed(m.st.Pane, body, m.width, r.vp.Height+m.st.Pane.GetVerticalFrameSize())
	return strings.Join([]string{m.resultHeader(), m.tabs(), pane, m.statusView(),
		m.help.View(m.rkeys)}, "\n")
}

func (m *Model) resultHeader() string {
	rec := m.result.rec
	title := "authadvisor · recommendation"
	if len(rec.Primary) > 0 {
		title += ": " + safetext.Plain(rec.Primary[0].Title)
	}
	return m.st.Header.Render(clip(title, m.width))
}

// tabs draws the pane names with the active one marked.
func (m *Model) tabs() string {
	var parts []string
	for i := range paneCount {
		name := fmt.Sprintf("%d %s", i+1, paneTitle(i))
		if i == 4 {
			name += fmt.Sprintf(" (%d)", len(m.result.rec.Warnings))
		}
		if i == m.result.active {
			parts = append(parts, m.st.ActiveTab.Render("["+name+"]"))
		} else {
			parts = append(parts, m.st.Tab.Render(" "+name+" "))
		}
	}
	return clip(strings.Join(parts, ""), m.width)
}

func (m *Model) statusView() string {
	s := m.status
	switch {
	case s.text == "" && m.prompt != nil:
		return m.st.Muted.Render(clip("enter: confirm · esc: cancel", m.width))
	case s.text == "":
		pct := int(m.result.vp.ScrollPercent() * 100)
		return m.st.Muted.Render(fmt.Sprintf("%d%%", pct))
	case s.err:
		return m.st.Danger.Render(clip(s.text, m.width))
	}
	return m.st.Status.Render(clip(s.text, m.width))
}

// savedAnswers is the answers file of a recommendation.
func (m *Model) savedAnswers() []byte {
	return answers.Marshal(m.o.File, m.result.rec.Answers)
}
