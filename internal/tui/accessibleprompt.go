package tui

import (
	"github.com/charmbracelet/huh"

	"github.com/authadvisor/authadvisor/internal/adr"
)

// accessiblePrompts asks the exports' questions in accessible mode.
type accessiblePrompts struct {
	o  Options
	in *lineReader
}

// text asks for a line of text; an empty answer gives def.
func (p accessiblePrompts) text(title, def string) string {
	var v string
	if def != "" {
		title += " (empty for " + def + ")"
	}
	_ = huh.NewInput().Title(title+":").Value(&v).WithTheme(p.o.Styles.Form).
		RunAccessible(p.o.Err, p.in)
	if def == "" {
		return v
	}
	return orDefault(v, def)
}

// status asks for a decision record's status, proposed by default.
func (p accessiblePrompts) status() string {
	status := adr.StatusProposed
	_ = huh.NewSelect[string]().Title("Status").Value(&status).Options(huh.NewOptions(
		adr.StatusProposed, adr.StatusAccepted, adr.StatusRejected, adr.StatusDeprecated)...).
		WithTheme(p.o.Styles.Form).RunAccessible(p.o.Err, p.in)
	return status
}

// confirm asks a yes-or-no question, no by default.
func (p accessiblePrompts) confirm(question string) bool {
	yes := false
	_ = huh.NewConfirm().Title(question).Value(&yes).WithTheme(p.o.Styles.Form).
		RunAccessible(p.o.Err, p.in)
	return yes && !p.in.starved
}
