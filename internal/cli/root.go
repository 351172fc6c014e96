package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/decision"
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
		// With no arguments: the interactive review on a terminal, else a
		// message naming the flags to pass.
		RunE: func(*cobra.Command, []string) error { return RunTUI(newTUIOptions(io)) },
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	registerLimitFlag(root, io)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err}
	})

	questions := defaultQuestions()
	root.AddCommand(
		newRecommendCmd(io, questions),
		newADRCmd(io, questions),
		newQuestionsCmd(io),
		newValidateCmd(io),
		newGraphCmd(io, questions),
		newMatrixCmd(io, questions),
		newTUICmd(io, questions),
		newAuditCmd(io),
		newCheckCmd(io),
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
		printError(io.Err, err)
	}
	return ExitCode(err)
}

// printError writes problems in input files one a line, as file:line:col:
// message that editors can jump to, and any other error after the
// program's name.
func printError(w io.Writer, err error) {
	var ps decision.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, escapeControls(p.String(), false))
		}
		noun := "problems"
		if len(ps) == 1 {
			noun = "problem"
		}
		fmt.Fprintf(w, "authadvisor: %d %s found\n", len(ps), noun)
		return
	}
	fmt.Fprintf(w, "authadvisor: %s\n", escapeControls(err.Error(), true))
}
