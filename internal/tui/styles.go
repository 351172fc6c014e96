package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Background is what the terminal draws behind the text, which decides the
// colours the views use.
type Background int

// Backgrounds.
const (
	// NoColor draws without colour, for NO_COLOR and plain terminals.
	NoColor Background = iota
	Dark
	Light
)

// palette holds the colours of one background. Each foreground colour is
// chosen for a contrast of at least 4.5:1 against its background (3:1 for
// the muted and border colours), which styles_test.go checks.
type palette struct {
	bg      string // the background the contrast is measured against
	text    string
	muted   string
	accent  string
	good    string
	warning string
	danger  string
	border  string
	// onAccent is the text drawn on an accent-coloured block.
	onAccent string
}

func paletteFor(bg Background) (palette, bool) {
	switch bg {
	case Dark:
		return palette{bg: "#000000", text: "#DADADA", muted: "#8A8A8A", accent: "#8F8BFF",
			good: "#4FD18B", warning: "#F0B35A", danger: "#FF7A8A", border: "#6C6C6C",
			onAccent: "#000000"}, true
	case Light:
		return palette{bg: "#FFFFFF", text: "#262626", muted: "#6B6B6B", accent: "#4B3FD0",
			good: "#1A7F3C", warning: "#9A5200", danger: "#C0223B", border: "#8C8C8C",
			onAccent: "#FFFFFF"}, true
	}
	return palette{}, false
}

// Styles are every style the views draw with, built once for a background.
// Views read them and never build styles of their own.
type Styles struct {
	Header    lipgloss.Style
	Heading   lipgloss.Style
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Accent    lipgloss.Style
	Good      lipgloss.Style
	Warning   lipgloss.Style
	Danger    lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Pane      lipgloss.Style
	Preview   lipgloss.Style
	Prompt    lipgloss.Style
	FileName  lipgloss.Style
	Code      lipgloss.Style
	Status    lipgloss.Style
	Help      help.Styles
	// Form is the theme of the question form and the prompts.
	Form *huh.Theme
}

// NewStyles builds the styles for a background.
func NewStyles(bg Background) *Styles {
	p, colour := paletteFor(bg)
	fg := func(c string) lipgloss.Style {
		if !colour {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(lipgloss.Color(c))
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	if colour {
		box = box.BorderForeground(lipgloss.Color(p.border))
	}
	s := &Styles{
		Header:    fg(p.accent).Bold(true),
		Heading:   fg(p.accent).Bold(true),
		Text:      fg(p.text),
		Muted:     fg(p.muted),
		Accent:    fg(p.accent).Bold(true),
		Good:      fg(p.good),
		Warning:   fg(p.warning).Bold(true),
		Danger:    fg(p.danger).Bold(true),
		Tab:       fg(p.muted).Padding(0, 1),
		ActiveTab: fg(p.accent).Bold(true).Underline(true).Padding(0, 1),
		Pane:      box,
		Preview:   box,
		Prompt:    box,
		FileName:  fg(p.accent).Bold(true),
		Code:      fg(p.text).PaddingLeft(2),
		Status:    fg(p.good),
		Help: help.Styles{
			Ellipsis: fg(p.muted), ShortKey: fg(p.text).Bold(true), ShortDesc: fg(p.muted),
			ShortSeparator: fg(p.muted), FullKey: fg(p.text).Bold(true), FullDesc: fg(p.muted),
			FullSeparator: fg(p.muted),
		},
	}
	s.Form = formTheme(p, colour, s.Help)
	return s
}

// formTheme dresses huh's base theme in the palette's colours.
func formTheme(p palette, colour bool, hs help.Styles) *huh.Theme {
	t := huh.ThemeBase()
	t.Help = hs
	t.Focused.SelectedPrefix = lipgloss.NewStyle().SetString("[x] ")
	t.Focused.UnselectedPrefix = lipgloss.NewStyle().SetString("[ ] ")
	t.Focused.Title = t.Focused.Title.Bold(true)
	t.Group.Title = lipgloss.NewStyle().Bold(true).MarginBottom(1)
	if colour {
		colourForm(t, p)
	} else {
		t.Focused.FocusedButton = t.Focused.FocusedButton.UnsetForeground().
			UnsetBackground().Reverse(true)
		t.Focused.BlurredButton = t.Focused.BlurredButton.UnsetForeground().UnsetBackground()
		t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.UnsetForeground()
	}
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	if colour {
		t.Blurred.Title = t.Focused.Title.Foreground(lipgloss.Color(p.text))
	}
	return t
}

// colourForm sets the colours of the focused field and the group.
func colourForm(t *huh.Theme, p palette) {
	c := func(s string) lipgloss.Color { return lipgloss.Color(s) }
	f := &t.Focused
	f.Base = f.Base.BorderForeground(c(p.accent))
	f.Title = f.Title.Foreground(c(p.accent))
	f.Description = f.Description.Foreground(c(p.muted))
	f.ErrorIndicator = f.ErrorIndicator.Foreground(c(p.danger))
	f.ErrorMessage = f.ErrorMessage.Foreground(c(p.danger))
	f.SelectSelector = f.SelectSelector.Foreground(c(p.accent))
	f.MultiSelectSelector = f.MultiSelectSelector.Foreground(c(p.accent))
	f.Option = f.Option.Foreground(c(p.text))
	f.UnselectedOption = f.UnselectedOption.Foreground(c(p.text))
	f.SelectedOption = f.SelectedOption.Foreground(c(p.good))
	f.SelectedPrefix = f.SelectedPrefix.Foreground(c(p.good))
	f.UnselectedPrefix = f.UnselectedPrefix.Foreground(c(p.muted))
	f.FocusedButton = f.FocusedButton.Foreground(c(p.onAccent)).Background(c(p.accent))
	f.BlurredButton = f.BlurredButton.Foreground(c(p.text)).Background(lipgloss.NoColor{})
	f.TextInput.Cursor = f.TextInput.Cursor.Foreground(c(p.accent))
	f.TextInput.Placeholder = f.TextInput.Placeholder.Foreground(c(p.muted))
	f.TextInput.Prompt = f.TextInput.Prompt.Foreground(c(p.accent))
	f.TextInput.Text = f.TextInput.Text.Foreground(c(p.text))
	t.Group.Title = t.Group.Title.Foreground(c(p.text))
	t.Group.Description = t.Group.Description.Foreground(c(p.muted))
}
