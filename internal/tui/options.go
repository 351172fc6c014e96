// Package tui is authadvisor's interactive review: a form generated from
// the decision file's questions with a live preview beside it, then a
// result view with the recommendation, its reasons, settings, snippets and
// warnings, from which the reviewer writes the report folder, a decision
// record or the answers file.
package tui

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/review"
	"github.com/authadvisor/authadvisor/internal/snippet"
)

// frameRate is how often a changed screen is drawn: Bubble Tea's highest,
// so that the first frame and each key press show sooner.
const frameRate = 120

// ErrAborted is returned when the reviewer leaves the form before the end.
var ErrAborted = errors.New("aborted")

// Options are what an interactive review needs.
type Options struct {
	File      *decision.File
	Templates fs.FS
	// Answers pre-fill the form: from flags or an answers file.
	Answers decision.Answers
	// Params gives the values placed in the snippets of a recommendation;
	// by default its identity provider's placeholders.
	Params func(rec *decision.Recommendation) snippet.Params
	// Dir is the folder that relative paths typed in the review start from.
	Dir string
	// Date is the date written into decision records.
	Date time.Time
	// Styles are built once for the terminal's background.
	Styles *Styles
	// Log receives key=value debug lines; never the screen.
	Log *slog.Logger
	In  io.Reader
	Out io.Writer
	// Err receives the prompts of the accessible mode.
	Err io.Writer
	// AltScreen draws the review on the terminal's alternate screen.
	AltScreen bool
}

func (o *Options) fill() {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Styles == nil {
		o.Styles = NewStyles(NoColor)
	}
	if o.Params == nil {
		o.Params = func(rec *decision.Recommendation) snippet.Params {
			return snippet.DefaultParams(review.IdP(rec))
		}
	}
	if o.Answers == nil {
		o.Answers = decision.Answers{}
	}
}

// Run runs the review on the terminal until the reviewer quits, and returns
// the paths of the files written. It returns ErrAborted when the reviewer
// aborts.
func Run(ctx context.Context, o Options) ([]string, error) {
	m := New(o)
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(o.In),
		tea.WithOutput(o.Out), tea.WithFPS(frameRate)}
	if o.AltScreen {
		opts = append(opts, tea.WithAltScreen())
	}
	final, err := tea.NewProgram(m, opts...).Run()
	if fm, ok := final.(*Model); ok && fm != nil {
		m = fm
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return m.written, err
	}
	return m.Outcome()
}
