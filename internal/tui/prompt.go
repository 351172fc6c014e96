package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/authadvisor/authadvisor/internal/adr"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// Where files go when the reviewer accepts the suggested name.
const (
	defaultFolder      = "review"
	defaultAnswersFile = "answers.yaml"
)

// prompt is a small form shown in place of the pane, asking what an
// export needs; submit starts the export with the values entered.
type prompt struct {
	name   string
	form   *huh.Form
	submit func() tea.Cmd
}

// ask shows a prompt.
func (m *Model) ask(p *prompt) tea.Cmd {
	m.prompt = p
	m.status = statusLine{}
	m.layoutPrompt()
	m.o.Log.Debug("prompt", "name", p.name)
	return p.form.Init()
}

func (m *Model) layoutPrompt() {
	if m.prompt == nil || m.result == nil {
		return
	}
	m.prompt.form.WithWidth(m.result.vp.Width).WithHeight(m.result.vp.Height)
}

// handlePrompt passes keys to the prompt; esc cancels it, and a completed
// prompt starts its export.
func (m *Model) handlePrompt(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.fkeys.Back) {
		m.o.Log.Debug("prompt cancelled", "name", m.prompt.name)
		m.prompt = nil
		m.status = statusLine{text: "cancelled; nothing written"}
		return m, nil
	}
	fm, cmd := m.prompt.form.Update(msg)
	m.prompt.form = fm.(*huh.Form)
	if m.prompt.form.State != huh.StateCompleted {
		return m, cmd
	}
	p := m.prompt
	m.prompt = nil
	m.status = statusLine{text: "writing…"}
	return m, p.submit()
}

func (m *Model) newPrompt(name string, submit func() tea.Cmd, fields ...huh.Field) *prompt {
	f := huh.NewForm(huh.NewGroup(fields...)).WithTheme(m.st.Form).WithShowHelp(false)
	return &prompt{name: name, form: f, submit: submit}
}

// folderPrompt asks where to write the report folder.
func (m *Model) folderPrompt() *prompt {
	var dir string
	in := huh.NewInput().Title("Write the report folder to").
		Description("report.md, answers.yaml and snippets/; empty for " + defaultFolder).
		Placeholder(defaultFolder).Value(&dir)
	return m.newPrompt("folder", func() tea.Cmd {
		return m.exp.folder(m.result, orDefault(dir, defaultFolder), false)
	}, in)
}

// recordPrompt asks for the decision record's title and status.
func (m *Model) recordPrompt() *prompt {
	var title string
	status := adr.StatusProposed
	where := "docs/decisions/"
	if d, err := adr.FindDir(m.o.Dir, ""); err == nil {
		where = relPath(m.o.Dir, d) + "/"
	}
	in := huh.NewInput().Title("Title of the decision record").
		Description("the record is numbered and written to " + safetext.Plain(where)).
		Value(&title).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a decision record needs a title")
		}
		return nil
	})
	sel := huh.NewSelect[string]().Title("Status").Value(&status).Options(huh.NewOptions(
		adr.StatusProposed, adr.StatusAccepted, adr.StatusRejected, adr.StatusDeprecated)...)
	return m.newPrompt("record", func() tea.Cmd {
		return m.exp.record(m.result.rec, strings.TrimSpace(title), status, false)
	}, in, sel)
}

// savePrompt asks where to save the answers file.
func (m *Model) savePrompt() *prompt {
	var path string
	in := huh.NewInput().Title("Save the answers to").
		Description("feed the file back with `authadvisor recommend --answers FILE`; empty for " +
			defaultAnswersFile).
		Placeholder(defaultAnswersFile).Value(&path)
	return m.newPrompt("answers", func() tea.Cmd {
		return m.exp.answers(m.savedAnswers(), orDefault(path, defaultAnswersFile), false)
	}, in)
}

// askOverwrite asks before replacing files that exist; without a yes,
// nothing is written. The choice is a list, not a yes/no toggle: arrow
// keys that flip a toggle are too easy to press on the way to Enter, and
// the selected entry starts on keeping the files.
func (m *Model) askOverwrite(msg existsMsg) (tea.Model, tea.Cmd) {
	yes := false
	c := huh.NewSelect[bool]().Title(safetext.Plain(msg.question)).Options(
		huh.NewOption("Keep the existing files", false),
		huh.NewOption("Overwrite them", true),
	).Value(&yes)
	m.o.Log.Debug("exists", "question", msg.question)
	return m, m.ask(m.newPrompt("overwrite", func() tea.Cmd {
		if yes {
			return msg.retry
		}
		return func() tea.Msg { return doneMsg{what: "kept the existing files; nothing written"} }
	}, c))
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return def
}
