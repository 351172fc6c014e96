package cli

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/adr"
	"github.com/authadvisor/authadvisor/internal/decision"
)

// dateEnv fixes the date of new decision records, for reproducible output.
const dateEnv = "AUTHADVISOR_DATE"

// ADROptions are the inputs of `authadvisor adr`.
type ADROptions struct {
	IO             *IO
	Answers        answerOptions
	Title          string
	Status         string
	Date           string
	DecisionMakers []string
	Consulted      []string
	Informed       []string
	Supersedes     int
	Dir            string
	Force          bool
}

func newADRCmd(io *IO, questions []decision.Question) *cobra.Command {
	o := &ADROptions{IO: io}
	cmd := &cobra.Command{
		Use:   "adr --title TITLE [flags]",
		Short: "Write a Markdown decision record (MADR 4.0) for the answers",
		Long: "Evaluate the answers like `recommend` and write the decision as a MADR 4.0\n" +
			"record into --dir, the folder named in .adr-dir, or docs/decisions/, numbered\n" +
			"after the highest existing NNNN-*.md. The new file's path is printed on stdout.",
		Example: `  authadvisor adr --answers answers.yaml --title "Authenticate partner calls"
  authadvisor adr --answers answers.yaml --title "Adopt FAPI 2.0" --status accepted \
    --decision-makers "Ana,Ben" --supersedes 3`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunADR(o) },
	}
	registerAnswerFlags(cmd, &o.Answers, questions)
	fl := cmd.Flags()
	fl.StringVar(&o.Title, "title", "", "title of the record; also names the file")
	fl.StringVar(&o.Status, "status", adr.StatusProposed,
		"status: proposed, accepted, rejected or deprecated")
	fl.StringVar(&o.Date, "date", "",
		"date of the record, YYYY-MM-DD (default: today, or $"+dateEnv+")")
	fl.StringSliceVar(&o.DecisionMakers, "decision-makers", nil, "who decided (comma-separated)")
	fl.StringSliceVar(&o.Consulted, "consulted", nil, "who was consulted (comma-separated)")
	fl.StringSliceVar(&o.Informed, "informed", nil, "who is informed (comma-separated)")
	fl.IntVar(&o.Supersedes, "supersedes", 0, "number of the record this one supersedes")
	fl.StringVar(&o.Dir, "dir", "", "folder of decision records")
	fl.BoolVar(&o.Force, "force", false, "rewrite a record with the same title")
	_ = cmd.MarkFlagDirname("dir")
	cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions(
		[]string{adr.StatusProposed, adr.StatusAccepted, adr.StatusRejected, adr.StatusDeprecated},
		cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// RunADR evaluates the answers and writes the decision record.
func RunADR(o *ADROptions) error {
	if o.Title == "" {
		return usagef("a decision record needs a title: pass `--title`")
	}
	date, err := o.date()
	if err != nil {
		return err
	}
	if err := checkOutPath("dir", o.Dir); err != nil {
		return err
	}
	l, err := o.Answers.load(o.IO)
	if err != nil {
		return err
	}
	rec, err := l.evaluate()
	if err != nil {
		return err
	}
	meta := adr.Meta{
		Title: o.Title, Status: o.Status, Date: date, DecisionMakers: o.DecisionMakers,
		Consulted: o.Consulted, Informed: o.Informed, Supersedes: o.Supersedes,
	}
	res, err := adr.Create(adr.ProjectRoot(o.IO.Dir), l.Templates, rec, meta, o.IO.abs(o.Dir), o.Force)
	if err != nil {
		return usagef("%w", err)
	}
	path := res.Path
	if rel, err := filepath.Rel(o.IO.Dir, res.Path); err == nil {
		path = rel
	}
	_, err = fmt.Fprintln(o.IO.Out, path)
	return err
}

// date is --date, else $AUTHADVISOR_DATE, else today.
func (o *ADROptions) date() (time.Time, error) {
	s, from := o.Date, "`--date`"
	if s == "" {
		s, from = o.IO.Getenv(dateEnv), dateEnv
	}
	if s == "" {
		return o.IO.Now(), nil
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usagef("%s: %q is not a date in the form YYYY-MM-DD", from, s)
	}
	return d, nil
}
