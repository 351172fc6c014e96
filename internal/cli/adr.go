package cli

import (
	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/decision"
)

func newADRCmd(io *IO, questions []decision.Question) *cobra.Command {
	return &cobra.Command{Use: "adr", Short: "Write a Markdown decision record (MADR 4.0)", Hidden: true}
}
