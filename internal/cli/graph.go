package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// GraphOptions are the inputs of `authadvisor graph`.
type GraphOptions struct {
	IO      *IO
	Answers answerOptions
	Format  string
}

func newGraphCmd(io *IO, questions []decision.Question) *cobra.Command {
	o := &GraphOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the decision tree as Mermaid or Graphviz DOT",
		Long: "Print the whole decision tree. With answers (flags or `--answers`), the path\n" +
			"they take through the tree is highlighted.",
		Example: "  authadvisor graph > tree.mmd\n" +
			"  authadvisor graph --format dot --answers answers.yaml | dot -Tsvg > tree.svg",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunGraph(o) },
	}
	registerAnswerFlags(cmd, &o.Answers, questions)
	cmd.Flags().StringVarP(&o.Format, "format", "f", "mermaid", "output format: mermaid or dot")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(decision.GraphFormats,
		cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// RunGraph prints the tree, with the path of the answers when given.
func RunGraph(o *GraphOptions) error {
	if !contains(decision.GraphFormats, o.Format) {
		return usagef("`--format %s`: use one of %s", o.Format,
			strings.Join(decision.GraphFormats, ", "))
	}
	l, err := o.Answers.load(o.IO)
	if err != nil {
		return err
	}
	var path []string
	if len(l.Answers) > 0 {
		rec, err := l.evaluate()
		if err != nil {
			return err
		}
		for _, s := range rec.Trace {
			if s.Kind != decision.StepPolicy {
				path = append(path, s.ID)
			}
		}
	}
	out, err := l.File.Graph(o.Format, path)
	if err != nil {
		return usagef("%w", err)
	}
	_, err = io.WriteString(o.IO.Out, out)
	return err
}
