package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// clip cuts a line to a width, marking the cut.
func clip(s string, width int) string {
	return ansi.Truncate(s, max(width, 1), "…")
}

// fitLines makes text exactly width columns wide and height lines high:
// longer lines are cut, shorter ones padded, missing lines added.
func fitLines(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:max(height, 0)]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		l = ansi.Truncate(l, width, "")
		lines[i] = l + strings.Repeat(" ", max(width-ansi.StringWidth(l), 0))
	}
	return strings.Join(lines, "\n")
}

// wrap breaks plain text into lines of at most width columns.
func wrap(s string, width int) string {
	return ansi.Wrap(s, max(width, 8), "")
}

// indent puts prefix before the first line of text and spaces of the same
// width before the others.
func indent(prefix, text string) string {
	pad := strings.Repeat(" ", ansi.StringWidth(prefix))
	lines := strings.Split(text, "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
			continue
		}
		lines[i] = pad + lines[i]
	}
	return strings.Join(lines, "\n")
}

// boxed draws content in a bordered style, the whole box width by height.
func boxed(style lipgloss.Style, content string, width, height int) string {
	inner := fitLines(content, width-style.GetHorizontalFrameSize(),
		height-style.GetVerticalFrameSize())
	return style.Render(inner)
}
