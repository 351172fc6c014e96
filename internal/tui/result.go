package tui

import (
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/review"
)

// resultMsg carries the recommendation for the submitted answers and the
// files of its review folder.
type resultMsg struct {
	rec      *decision.Recommendation
	files    []fileout.File
	filesErr error
	err      error
}

// evaluateCmd evaluates the answers and renders the review folder's files
// off the update loop.
func evaluateCmd(o Options, a decision.Answers) tea.Cmd {
	return func() tea.Msg {
		rec, err := o.File.Evaluate(a)
		if err != nil {
			return resultMsg{err: err}
		}
		files, ferr := review.Files(o.File, o.Templates, rec, o.Params(rec))
		return resultMsg{rec: rec, files: files, filesErr: ferr}
	}
}

// resultView is the state of the result screen: the recommendation, the
// pane shown and its scroll position.
type resultView struct {
	rec      *decision.Recommendation
	files    []fileout.File
	filesErr error
	active   int
	vp       viewport.Model
}

// showResult opens the result screen, on the pane shown before an edit.
func (m *Model) showResult(msg resultMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fatal = msg.err
		return m, tea.Quit
	}
	active := 0
	if m.result != nil {
		active = m.result.active
	}
	m.result = &resultView{rec: msg.rec, files: msg.files, filesErr: msg.filesErr,
		active: active, vp: viewport.New(0, 0)}
	m.screen, m.editing = screenResult, false
	m.status = statusLine{}
	first := "none"
	if len(msg.rec.Primary) > 0 {
		first = msg.rec.Primary[0].ID
	}
	m.o.Log.Debug("result", "first", first, "warnings", len(msg.rec.Warnings))
	m.layoutResult()
	return m, nil
}

// resultChrome is the height of everything on the result screen but the
// pane's content: header, tabs, the pane's border, status and help.
func (m *Model) resultChrome() int {
	const header, tabs, status = 1, 1, 1
	return header + tabs + m.st.Pane.GetVerticalFrameSize() + status + m.helpHeight()
}

// helpHeight is the height of the help bar: one line, or the tallest
// column of the full help.
func (m *Model) helpHeight() int {
	if !m.help.ShowAll {
		return 1
	}
	h := 1
	for _, col := range m.rkeys.FullHelp() {
		h = max(h, len(col))
	}
	return h
}

// layoutResult sizes the pane to the terminal and fills it again, keeping
// the scroll position.
func (m *Model) layoutResult() {
	m.help.Width = m.width
	if m.result == nil {
		return
	}
	r := m.result
	r.vp.Width = m.width - m.st.Pane.GetHorizontalFrameSize()
	r.vp.Height = max(m.height-m.resultChrome(), 1)
	off := r.vp.YOffset
	r.vp.SetContent(m.paneContent(r.active, r.vp.Width))
	r.vp.SetYOffset(off)
}

// showPane switches to pane i, scrolled to the top.
func (m *Model) showPane(i int) {
	r := m.result
	r.active = (i + paneCount) % paneCount
	r.vp.SetContent(m.paneContent(r.active, r.vp.Width))
	r.vp.GotoTop()
	m.o.Log.Debug("pane", "name", paneTitle(r.active))
}
