package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/internal/tui"
)

// accessibleEnv switches the review to plain, line-by-line prompts.
const accessibleEnv = "AUTHADVISOR_ACCESSIBLE"

// TUIOptions are the inputs of `authadvisor tui`, which `authadvisor` with
// no arguments also runs.
type TUIOptions struct {
	IO         *IO
	Answers    answerOptions
	Snippet    snippetFlags
	Accessible bool
	Debug      string
	Theme      string
	// Terminal reports whether standard input and output are a terminal.
	Terminal func() bool
	// DarkBackground asks the terminal whether its background is dark.
	DarkBackground func() bool
	// SetDarkBackground tells the drawing library the background, so that
	// nothing drawn while the review owns the terminal asks it again.
	SetDarkBackground func(bool)
	// Review runs the review on the terminal.
	Review func(context.Context, tui.Options) ([]string, error)
}

func newTUIOptions(io *IO) *TUIOptions {
	return &TUIOptions{IO: io, Theme: "auto", Terminal: func() bool { return isTerminal(io) },
		DarkBackground: lipgloss.HasDarkBackground, SetDarkBackground: lipgloss.SetHasDarkBackground,
		Review: tui.Run}
}

func newTUICmd(io *IO, questions []decision.Question) *cobra.Command {
	o := newTUIOptions(io)
	cmd := &cobra.Command{
		Use:   "tui [flags]",
		Short: "Answer the questions in an interactive form and review the result",
		Long: "Open a form generated from the decision file's questions, with a live preview\n" +
			"of the first-choice scheme and the warnings so far, then a result view from\n" +
			"which the report folder, a decision record or the answers file can be written.\n" +
			"Flags and --answers pre-fill the form. `authadvisor` with no arguments on a\n" +
			"terminal runs the same review. --accessible (or " + accessibleEnv + "=1) asks\n" +
			"the questions as plain numbered prompts, which also read answers piped on\n" +
			"standard input.",
		Example: `  authadvisor tui
  authadvisor tui --answers answers.yaml --debug tui.log
  printf '3\n2\n2\n...' | authadvisor tui --accessible > report.txt`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunTUI(o) },
	}
	registerAnswerFlags(cmd, &o.Answers, questions)
	o.Snippet.register(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&o.Accessible, "accessible", false,
		"ask plain numbered questions, for screen readers and piped answers")
	fl.StringVar(&o.Debug, "debug", "", "write key=value debug lines to this file")
	fl.StringVar(&o.Theme, "theme", "auto",
		"colours for a dark or light background: auto, dark or light")
	cmd.RegisterFlagCompletionFunc("theme", cobra.FixedCompletions(
		[]string{"auto", "dark", "light"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("debug", "log")
	return cmd
}

// RunTUI runs the interactive review: on the terminal, as accessible
// prompts, or, with no terminal, prints the report for complete answers
// and otherwise names the flags to pass.
func RunTUI(o *TUIOptions) error {
	if o.Theme != "auto" && o.Theme != "dark" && o.Theme != "light" {
		return usagef("`--theme %s`: use auto, dark or light", o.Theme)
	}
	if err := o.Snippet.params("").Validate(); err != nil {
		return usagef("%w", err)
	}
	l, err := o.Answers.load(o.IO)
	if err != nil {
		return err
	}
	logger, closeLog, err := openDebugLog(o.IO.abs(o.Debug))
	if err != nil {
		return err
	}
	defer closeLog()

	bg := o.background()
	opts, err := o.reviewOptions(l, logger, bg)
	if err != nil {
		return err
	}
	switch {
	case o.accessible():
		_, err = tui.RunAccessible(opts)
	case !o.Terminal():
		return noTerminal(o.IO, l)
	default:
		o.SetDarkBackground(bg != tui.Light)
		err = o.runOnTerminal(opts)
	}
	if errors.Is(err, tui.ErrAborted) {
		return ErrAborted
	}
	return err
}

// accessible is --accessible, $AUTHADVISOR_ACCESSIBLE, or a terminal that
// cannot draw the form (TERM=dumb).
func (o *TUIOptions) accessible() bool {
	v := o.IO.Getenv(accessibleEnv)
	return o.Accessible || (v != "" && v != "0" && v != "false") ||
		o.IO.Getenv("TERM") == "dumb"
}

func (o *TUIOptions) reviewOptions(l *loaded, logger *slog.Logger,
	bg tui.Background) (tui.Options, error) {
	date, err := (&ADROptions{IO: o.IO}).date()
	if err != nil {
		return tui.Options{}, err
	}
	return tui.Options{
		File: l.File, Templates: l.Templates, Answers: l.Answers, Params: o.Snippet.paramsFor,
		Dir: o.IO.Dir, Date: date, Styles: tui.NewStyles(bg), Log: logger,
		In: o.IO.In, Out: o.IO.Out, Err: o.IO.Err, AltScreen: true,
	}, nil
}

// background picks the colours: none for NO_COLOR and TERM=dumb, else
// `--theme`, else what the terminal says its background is.
func (o *TUIOptions) background() tui.Background {
	switch {
	case o.IO.Getenv("NO_COLOR") != "" || o.IO.Getenv("TERM") == "dumb":
		return tui.NoColor
	case o.Theme == "light":
		return tui.Light
	case o.Theme == "dark":
		return tui.Dark
	case o.accessible() || !o.Terminal():
		return tui.NoColor
	case o.DarkBackground():
		return tui.Dark
	}
	return tui.Light
}

// runOnTerminal runs the review and then lists the files it wrote.
func (o *TUIOptions) runOnTerminal(opts tui.Options) error {
	written, err := o.Review(context.Background(), opts)
	for _, p := range written {
		fmt.Fprintf(o.IO.Err, "wrote %s\n", p)
	}
	return err
}

// noTerminal prints the report when the answers are complete, and
// otherwise names every flag still needed rather than waiting for input.
func noTerminal(io *IO, l *loaded) error {
	rec, err := l.File.Evaluate(l.Answers)
	var missing *decision.MissingError
	if errors.As(err, &missing) {
		return usagef("no terminal for the interactive review; pass the answers to "+
			"`authadvisor recommend` as flags, %s, or in a file with `--answers FILE`; "+
			"or answer line by line on standard input with `authadvisor tui --accessible`",
			answers.MissingFlags(missing))
	}
	if err != nil {
		return usagef("%w", err)
	}
	out, err := report.Render(l.Templates, "text", rec)
	if err != nil {
		return err
	}
	_, err = io.Out.Write(out)
	return err
}

// openDebugLog opens the `--debug` file for key=value lines; without one,
// lines are dropped.
func openDebugLog(path string) (*slog.Logger, func(), error) {
	if path == "" {
		return slog.New(slog.DiscardHandler), func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, usagef("`--debug %s`: %v", path, errors.Unwrap(err))
	}
	h := slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})
	return slog.New(h), func() { f.Close() }, nil
}

// isTerminal reports whether io's standard input and output are both a
// terminal.
func isTerminal(io *IO) bool {
	in, ok := io.In.(*os.File)
	if !ok {
		return false
	}
	out, ok := io.Out.(*os.File)
	return ok && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}
