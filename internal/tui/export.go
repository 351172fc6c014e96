package tui

import (
	"errors"
	"fmt"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/internal/adr"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// doneMsg says what an export wrote, or why it failed.
type doneMsg struct {
	what  string
	paths []string
	err   error
}

// existsMsg asks whether to overwrite; retry is the same export with
// overwriting allowed.
type existsMsg struct {
	question string
	retry    tea.Cmd
}

// exporter writes what the result view exports. Its commands run off the
// update loop; none overwrites a file unless retried after a yes.
type exporter struct {
	o Options
}

// abs resolves a path typed in the review against the working folder.
func (e exporter) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.o.Dir, p)
}

// folder writes the review folder: the report, the answers and snippets.
func (e exporter) folder(r *resultView, dir string, force bool) tea.Cmd {
	return func() tea.Msg {
		if r.filesErr != nil {
			return doneMsg{err: r.filesErr}
		}
		full := e.abs(dir)
		if !force {
			if name := firstExisting(full, r.files); name != "" {
				return existsMsg{retry: e.folder(r, dir, true), question: fmt.Sprintf(
					"%s already holds %s. Overwrite the report folder's files?", dir, name)}
			}
		}
		if err := fileout.WriteAll(full, r.files, force); err != nil {
			return doneMsg{err: err}
		}
		paths := make([]string, len(r.files))
		for i, f := range r.files {
			paths[i] = filepath.Join(dir, f.Path)
		}
		return doneMsg{what: "wrote the report folder " + dir, paths: paths}
	}
}

// firstExisting returns the first of files already in dir, or "".
func firstExisting(dir string, files []fileout.File) string {
	for _, f := range files {
		if errors.Is(fileout.Plan(dir, []fileout.File{f}, false), fileout.ErrExists) {
			return f.Path
		}
	}
	return ""
}

// record exports a decision record into the project's record folder.
func (e exporter) record(rec *decision.Recommendation, title, status string,
	force bool) tea.Cmd {
	return func() tea.Msg {
		meta := adr.Meta{Title: title, Status: status, Date: e.o.Date}
		res, err := adr.Create(e.o.Dir, e.o.Templates, rec, meta, "", force)
		if errors.Is(err, fileout.ErrExists) && !force {
			return existsMsg{retry: e.record(rec, title, status, true), question: fmt.Sprintf(
				"A decision record titled %q exists. Rewrite it under its number?", title)}
		}
		if err != nil {
			return doneMsg{err: err}
		}
		path := relPath(e.o.Dir, res.Path)
		return doneMsg{what: fmt.Sprintf("exported ADR-%04d", res.Number), paths: []string{path}}
	}
}

// answers saves the answers file.
func (e exporter) answers(data []byte, path string, force bool) tea.Cmd {
	return func() tea.Msg {
		err := fileout.Write(e.abs(path), data, 0o644, force)
		if errors.Is(err, fileout.ErrExists) && !force {
			return existsMsg{retry: e.answers(data, path, true),
				question: path + " already exists. Overwrite it?"}
		}
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{what: "saved the answers", paths: []string{path}}
	}
}

// finishExport records what an export wrote and says so.
func (m *Model) finishExport(msg doneMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.o.Log.Debug("export failed", "err", msg.err.Error())
		m.status = statusLine{text: safetext.Plain(msg.err.Error()), err: true}
		return m, nil
	}
	m.written = append(m.written, msg.paths...)
	m.o.Log.Debug("export", "what", msg.what, "files", len(msg.paths))
	text := msg.what
	if len(msg.paths) == 1 && msg.what != "" {
		text += ": " + msg.paths[0]
	} else if len(msg.paths) > 1 {
		text += fmt.Sprintf(" (%d files)", len(msg.paths))
	}
	m.status = statusLine{text: safetext.Plain(text)}
	return m, nil
}

// relPath shows path relative to dir when it is inside it.
func relPath(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}
