package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/templates"
)

// ValidateOptions are the inputs of `authadvisor validate`.
type ValidateOptions struct {
	IO           *IO
	Path         string
	TemplatesDir string
}

func newValidateCmd(io *IO) *cobra.Command {
	o := &ValidateOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a decision file and report every problem at once",
		Long: "Check a decision file (the built-in one without FILE): unknown questions,\n" +
			"values and ids, duplicates, unreachable branches, cycles, missing templates\n" +
			"and rules without a source. Problems are printed as file:line:col: message.",
		Example: "  authadvisor validate my-decisions.yaml",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Path = args[0]
			}
			return RunValidate(o)
		},
	}
	cmd.Flags().StringVar(&o.TemplatesDir, "templates", "",
		"folder whose templates override the built-in ones")
	return cmd
}

// RunValidate loads and checks the decision file.
func RunValidate(o *ValidateOptions) error {
	f, err := loadDecisions(o.IO, o.Path, templates.Overlay(o.IO.abs(o.TemplatesDir)))
	if err != nil {
		return err
	}
	name := o.Path
	if name == "" {
		name = decisions.DefaultName
	}
	_, err = fmt.Fprintf(o.IO.Out, "%s: ok: %d questions, %d nodes, %d policies\n",
		name, len(f.Questions), len(f.Tree.Nodes), len(f.Policies))
	return err
}
