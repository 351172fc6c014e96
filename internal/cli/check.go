package cli

import (
	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/inventory"
)

// CheckOptions are the inputs of `authadvisor check`.
type CheckOptions struct {
	IO            *IO
	Path          string
	DecisionsPath string
	Report        reportFlags
}

func newCheckCmd(io *IO) *cobra.Command {
	o := &CheckOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "check INVENTORY",
		Short: "Compare the credentials integrations use today with the recommendation",
		Long: "Read an inventory of integrations, each with its name, the answers that\n" +
			"describe it (as for `recommend --answers`), the scheme and anti-pattern ids it\n" +
			"uses today (`current`) and an identifier of its credential. Report for each\n" +
			"whether it matches the recommendation, uses an acceptable alternative or does\n" +
			"not (with the recommended scheme and why), anti-patterns in use, and\n" +
			"credentials shared by several integrations. Exits with 1 when a finding is\n" +
			"at or above `--fail-on`.",
		Example: `  authadvisor check inventory.yaml
  authadvisor check inventory.yaml --format sarif > check.sarif
  authadvisor check inventory.yaml --fail-on warning --format markdown`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.Path = args[0]
			return RunCheck(o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion,
			cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	o.Report.register(cmd)
	cmd.Flags().StringVar(&o.DecisionsPath, "decisions", "",
		"decision file to use instead of the built-in one")
	_ = cmd.MarkFlagFilename("decisions", "yaml", "yml")
	return cmd
}

// RunCheck checks every integration of the inventory.
func RunCheck(o *CheckOptions) error {
	if err := o.Report.check(); err != nil {
		return err
	}
	tfs, err := templatesFS(o.IO, "")
	if err != nil {
		return err
	}
	f, err := loadDecisions(o.IO, o.DecisionsPath, tfs)
	if err != nil {
		return err
	}
	data, err := readLimited(o.IO.abs(o.Path), o.Path, o.IO.inputLimit(inventory.MaxFileSize))
	if err != nil {
		return err
	}
	inv, err := inventory.Parse(o.Path, data, f)
	if err != nil {
		return &usageError{err}
	}
	subjects, found, err := inventory.Check(inv, f)
	if err != nil {
		return &usageError{err}
	}
	rep := &findings.Report{Command: "check", Version: Version(), Rules: inventory.Rules(),
		Files: []string{o.Path}, Subjects: subjects, Findings: found}
	return o.Report.finish(o.IO, rep)
}
