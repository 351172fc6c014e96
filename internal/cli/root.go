package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// NewRoot builds the authadvisor command tree.
func NewRoot(io *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "authadvisor",
		Short: "Choose how an API authenticates its callers, and check that it does",
		Long: "authadvisor asks about the client, its trust, token lifetime, revocation,\n" +
			"sensitive operations and compliance, evaluates a YAML decision tree and\n" +
			"recommends authentication schemes with settings, warnings, sources,\n" +
			"starter configuration and a Markdown decision record.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err}
	})

	questions := defaultQuestions()
	root.AddCommand(
		newRecommendCmd(io, questions),
		newADRCmd(io, questions),
		newQuestionsCmd(io),
		newValidateCmd(io),
		newVersionCmd(io),
	)
	return root
}

// Main runs authadvisor with args and returns the exit code.
func Main(io *IO, args []string) int {
	root := NewRoot(io)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		fmt.Fprintf(io.Err, "authadvisor: %s\n", err)
	}
	return ExitCode(err)
}
