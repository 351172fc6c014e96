package tui

import (
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// RunAccessible runs the review as huh's accessible prompts: plain,
// numbered questions on o.Err, answered line by line from o.In, which may
// be a pipe. Questions that do not apply are not asked; answers given
// beforehand are the defaults. The recommendation is printed as text on
// o.Out, then a menu offers the same exports as the result view.
func RunAccessible(o Options) ([]string, error) {
	o.fill()
	o.Log.Debug("start", "mode", "accessible", "questions", len(o.File.Questions))
	in := newLineReader(o.In)
	s := newAnswerState(o.File, o.Answers)
	if err := askQuestions(o, s, in); err != nil {
		return nil, err
	}
	res := evaluateCmd(o, s.all())().(resultMsg)
	if res.err != nil {
		return nil, res.err
	}
	text, err := report.Render(o.Templates, "text", res.rec)
	if err != nil {
		return nil, err
	}
	if _, err := o.Out.Write(text); err != nil {
		return nil, err
	}
	r := &resultView{rec: res.rec, files: res.files, filesErr: res.filesErr}
	return exportMenu(o, r, in), nil
}

// askQuestions asks every question that applies, page by page.
func askQuestions(o Options, s *answerState, in *lineReader) error {
	heading := ""
	for _, pg := range pages(o.File) {
		for _, i := range pg.questions {
			if !s.applies(i) {
				continue
			}
			if pg.title != heading && pg.title != "" {
				fmt.Fprintf(o.Err, "== %s ==\n\n", safetext.Plain(pg.title))
			}
			heading = pg.title
			if err := askQuestion(o, s, i, in); err != nil {
				return err
			}
		}
	}
	return nil
}

func askQuestion(o Options, s *answerState, i int, in *lineReader) error {
	q := &o.File.Questions[i]
	title := safetext.Plain(q.Title)
	if q.Help != "" {
		title += "\n" + safetext.Plain(q.Help)
	}
	if q.Multi {
		title += "\nEnter an option's number to select or clear it, and 0 when done."
	} else if q.Default == nil && !s.answered[q.ID] {
		title += "\nNo default: enter an option's number."
		in.blankRefused = func() {
			fmt.Fprintln(o.Err, q.ID+" has no default; enter an option's number.")
		}
		defer func() { in.blankRefused = nil }()
	}
	field := newField(s, i, o.Styles.Form, title, "")
	if err := field.RunAccessible(o.Err, in); err != nil {
		return err
	}
	if in.starved {
		o.Log.Debug("input ended", "question", q.ID)
		return inputEnded(o.File, s, i)
	}
	o.Log.Debug("answer", "question", q.ID, "values", fmt.Sprint(s.values(q)))
	fmt.Fprintln(o.Err)
	return nil
}

// inputEnded says which question standard input ended at, and names the
// flags that would answer it and the ones after it.
func inputEnded(f *decision.File, s *answerState, at int) error {
	var rest []*decision.Question
	for i := at; i < len(f.Questions); i++ {
		if s.applies(i) && (i == at || f.Questions[i].Default == nil) {
			rest = append(rest, &f.Questions[i])
		}
	}
	return fmt.Errorf("standard input ended before %s was answered; answer the rest with "+
		"flags, %s, or with `--answers FILE`", f.Questions[at].ID,
		answers.MissingFlags(&decision.MissingError{Questions: rest}))
}

// exportMenu offers the exports until the reviewer quits or the input
// ends, and returns the paths written.
func exportMenu(o Options, r *resultView, in *lineReader) []string {
	var written []string
	e := exporter{o: o}
	for {
		choice := "quit"
		menu := huh.NewSelect[string]().Title("What next?").Options(
			huh.NewOption("Write the report folder", "write"),
			huh.NewOption("Export a decision record", "record"),
			huh.NewOption("Save the answers file", "save"),
			huh.NewOption("Quit", "quit"),
		).Value(&choice)
		fmt.Fprintln(o.Err)
		_ = menu.WithTheme(o.Styles.Form).RunAccessible(o.Err, in)
		if in.starved || choice == "quit" {
			return written
		}
		msg := accessibleExport(o, e, r, choice, in)
		o.Log.Debug("export", "what", msg.what, "files", len(msg.paths))
		written = append(written, reportDone(o.Err, msg)...)
		if in.starved {
			return written
		}
	}
}

// accessibleExport asks what the chosen export needs, runs it, and asks
// before overwriting. Nothing is written when the input ends first.
func accessibleExport(o Options, e exporter, r *resultView, choice string,
	in *lineReader) doneMsg {
	p := accessiblePrompts{o: o, in: in}
	var cmd tea.Cmd
	switch choice {
	case "write":
		cmd = e.folder(r, p.text("Write the report folder to", defaultFolder), false)
	case "record":
		title, status := p.text("Title of the decision record", ""), p.status()
		cmd = e.record(r.rec, title, status, false)
	case "save":
		data := answers.Marshal(o.File, r.rec.Answers)
		cmd = e.answers(data, p.text("Save the answers to", defaultAnswersFile), false)
	}
	if in.starved || cmd == nil {
		return doneMsg{what: "nothing written"}
	}
	msg := cmd()
	if ex, ok := msg.(existsMsg); ok {
		if !p.confirm(ex.question) {
			return doneMsg{what: "kept the existing files; nothing written"}
		}
		msg = ex.retry()
	}
	return msg.(doneMsg)
}

// reportDone prints what an export did and returns the paths written.
func reportDone(w io.Writer, msg doneMsg) []string {
	if msg.err != nil {
		fmt.Fprintln(w, "error: "+safetext.Plain(msg.err.Error()))
		return nil
	}
	if len(msg.paths) == 0 {
		fmt.Fprintln(w, msg.what)
	}
	for _, p := range msg.paths {
		fmt.Fprintln(w, "wrote "+safetext.Plain(p))
	}
	return msg.paths
}
