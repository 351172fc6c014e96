package cli

import (
	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/report"
)

// The question whose options make the rows of the matrix.
const matrixQuestion = "client_type"

// maxMatrixRows bounds the rows a decision file's implied answers can make.
const maxMatrixRows = 500

// MatrixOptions are the inputs of `authadvisor matrix`.
type MatrixOptions struct {
	IO      *IO
	Answers answerOptions
}

func newMatrixCmd(io *IO, questions []decision.Question) *cobra.Command {
	o := &MatrixOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "matrix [flags]",
		Short: "Write the Authentication section of an API style guide",
		Long: "Evaluate every client type for organisation-wide answers (trust, sensitivity,\n" +
			"lifetimes, revocation, sensitive operations, compliance, stack) and print a\n" +
			"Markdown section: one row per client type and whom it acts for, with the\n" +
			"scheme, token format, lifetimes and step-up rule, then the anti-patterns the\n" +
			"organisation forbids. Each client type's typical answers to the other\n" +
			"questions come from the decision file (`implies` on its option).",
		Example: `  authadvisor matrix --trust public_internet --sensitivity high --token-lifetime minutes \
    --revocation instant --sensitive-operations payments --compliance "" > auth-style.md`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunMatrix(o) },
	}
	registerAnswerFlags(cmd, &o.Answers, questions)
	// The matrix makes one row per client type, so its flag is refused;
	// keep it out of the help. Still registered, it gets the clear error.
	if f := cmd.Flags().Lookup(answers.FlagName(matrixQuestion)); f != nil {
		f.Hidden = true
	}
	return cmd
}

// RunMatrix evaluates each client type and prints the style-guide section.
func RunMatrix(o *MatrixOptions) error {
	l, err := o.Answers.load(o.IO)
	if err != nil {
		return err
	}
	q := l.File.Question(matrixQuestion)
	if q == nil {
		return usagef("matrix needs a %q question in the decision file", matrixQuestion)
	}
	if _, given := l.Answers[matrixQuestion]; given {
		return usagef("%s is answered (by `--%s`, `--set` or the answers file), but matrix "+
			"makes one row per client type; leave it out", matrixQuestion,
			answers.FlagName(matrixQuestion))
	}
	var rows []report.MatrixRow
	var fixed []decision.Answer
	for _, opt := range q.Options {
		sets := expand(l.Answers, opt)
		if len(rows)+len(sets) > maxMatrixRows {
			return usagef("the decision file's implied answers make more than %d rows",
				maxMatrixRows)
		}
		for _, a := range sets {
			rec, err := (&loaded{File: l.File, Answers: a, flags: l.flags}).evaluate()
			if err != nil {
				return err
			}
			rows = append(rows, report.MatrixRow{ClientTitle: clientTitle(l.File, opt, a),
				UserTitle: optionTitle(l.File, "user_context", a), Rec: rec})
			if fixed == nil {
				fixed = orgWide(rec.Answers, q.Options)
			}
		}
	}
	out, err := report.Matrix(l.Templates, fixed, rows)
	if err != nil {
		return err
	}
	_, err = o.IO.Out.Write(out)
	return err
}

// expand gives the answers for one client type: the organisation's, then
// what the option implies, one set per combination of implied values.
func expand(org decision.Answers, opt decision.Option) []decision.Answers {
	base := decision.Answers{matrixQuestion: {opt.Value}}
	for k, v := range org {
		base[k] = v
	}
	sets := []decision.Answers{base}
	if opt.Implies == nil {
		return sets
	}
	for _, qid := range opt.Implies.Order {
		if _, given := org[qid]; given {
			continue
		}
		var next []decision.Answers
		for _, set := range sets {
			for _, v := range opt.Implies.Answers[qid] {
				a := decision.Answers{}
				for k, x := range set {
					a[k] = x
				}
				a[qid] = []string{v}
				next = append(next, a)
			}
		}
		sets = next
	}
	return sets
}

// clientTitle names a row: the client type, plus the answer to each
// question other than user_context (which has its own column) for which
// the option implies more than one answer, so that rows stay apart.
func clientTitle(f *decision.File, opt decision.Option, a decision.Answers) string {
	title := opt.Title
	if opt.Implies == nil {
		return title
	}
	for _, qid := range opt.Implies.Order {
		if qid == "user_context" || len(opt.Implies.Answers[qid]) < 2 {
			continue
		}
		if q := f.Question(qid); q != nil {
			title += " (" + q.Title + " " + optionTitle(f, qid, a) + ")"
		}
	}
	return title
}

// orgWide keeps the answers that are the same for every row: those no
// client type implies.
func orgWide(all []decision.Answer, opts []decision.Option) []decision.Answer {
	implied := map[string]bool{matrixQuestion: true}
	for _, o := range opts {
		if o.Implies != nil {
			for _, qid := range o.Implies.Order {
				implied[qid] = true
			}
		}
	}
	var out []decision.Answer
	for _, a := range all {
		if !implied[a.Question] {
			out = append(out, a)
		}
	}
	return out
}

func optionTitle(f *decision.File, qid string, a decision.Answers) string {
	q := f.Question(qid)
	if q == nil || len(a[qid]) != 1 {
		return "—"
	}
	for _, o := range q.Options {
		if o.Value == a[qid][0] {
			return o.Title
		}
	}
	return a[qid][0]
}
