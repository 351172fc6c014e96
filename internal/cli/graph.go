package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/templates"
)

// GraphOptions are the inputs of `authadvisor graph`.
type GraphOptions struct {
	IO            *IO
	DecisionsPath string
}

func newGraphCmd(io *IO) *cobra.Command {
	o := &GraphOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the decision tree as a Mermaid flowchart",
		Example: "  authadvisor graph > tree.mmd\n" +
			"  authadvisor graph --decisions my-decisions.yaml",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunGraph(o) },
	}
	cmd.Flags().StringVar(&o.DecisionsPath, "decisions", "",
		"decision file to use instead of the built-in one")
	return cmd
}

// RunGraph prints the tree of the decision file.
func RunGraph(o *GraphOptions) error {
	f, err := loadDecisions(o.IO, o.DecisionsPath, templates.FS())
	if err != nil {
		return err
	}
	_, err = io.WriteString(o.IO.Out, f.Graph())
	return err
}
