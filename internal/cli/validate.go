package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
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

// RunValidate checks the decision file against its JSON Schema, then
// loads it and checks the references between its parts, and reports every
// problem of both passes at once.
func RunValidate(o *ValidateOptions) error {
	name, data := decisions.DefaultName, decisions.Default
	if o.Path != "" {
		var err error
		if data, err = readLimited(o.IO.abs(o.Path), o.Path,
			o.IO.inputLimit(decision.MaxFileSize)); err != nil {
			return err
		}
		name = o.Path
	}
	// Text that is not one plain YAML document is refused before either
	// pass walks it.
	if _, err := decision.ParseYAML(name, data); err != nil {
		return &usageError{err}
	}
	ps, err := decision.CheckSchema(name, data, decisions.Schema)
	if err != nil {
		return err
	}
	tfs, err := templatesFS(o.IO, o.TemplatesDir)
	if err != nil {
		return err
	}
	f, err := decision.Load(name, data, tfs)
	var more decision.Problems
	if errors.As(err, &more) {
		ps = merge(ps, more)
	}
	if len(ps) > 0 {
		return &usageError{ps}
	}
	_, err = fmt.Fprintf(o.IO.Out, "%s: ok: %d questions, %d nodes, %d policies\n",
		escapeControls(name, false), len(f.Questions), len(f.Tree.Nodes), len(f.Policies))
	return err
}

// merge adds the loader's problems to the schema's, leaving out those on a
// line the schema already reported, where both passes would say the same.
func merge(schema, load decision.Problems) decision.Problems {
	lines := map[int]bool{}
	for _, p := range schema {
		lines[p.Pos.Line] = true
	}
	out := append(decision.Problems{}, schema...)
	for _, p := range load {
		if !lines[p.Pos.Line] {
			out = append(out, p)
		}
	}
	out.Sort()
	return out
}
