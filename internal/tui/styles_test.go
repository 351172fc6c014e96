package tui

import (
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// luminance is the WCAG 2 relative luminance of a "#RRGGBB" colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad colour %q", hex)
	}
	channel := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(v>>16&0xff) + 0.7152*channel(v>>8&0xff) + 0.0722*channel(v&0xff)
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestPalettesAreReadable checks that text stays readable on both dark and
// light backgrounds: WCAG AA contrast for text, and 3:1 for muted text
// and borders.
func TestPalettesAreReadable(t *testing.T) {
	for _, bg := range []Background{Dark, Light} {
		p, ok := paletteFor(bg)
		if !ok {
			t.Fatalf("no palette for background %d", bg)
		}
		colours := map[string]struct {
			c   string
			min float64
		}{
			"text": {p.text, 4.5}, "accent": {p.accent, 4.5}, "good": {p.good, 4.5},
			"warning": {p.warning, 4.5}, "danger": {p.danger, 4.5},
			"muted": {p.muted, 3}, "border": {p.border, 3},
		}
		for name, c := range colours {
			if got := contrast(t, c.c, p.bg); got < c.min {
				t.Errorf("background %d: %s %s on %s has contrast %.2f, want at least %.1f",
					bg, name, c.c, p.bg, got, c.min)
			}
		}
		if got := contrast(t, p.onAccent, p.accent); got < 4.5 {
			t.Errorf("background %d: text on the accent has contrast %.2f", bg, got)
		}
	}
}

// styleFields returns every lipgloss.Style of s, by field name.
func styleFields(s *Styles) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	v := reflect.ValueOf(*s)
	for i := range v.NumField() {
		if st, ok := v.Field(i).Interface().(lipgloss.Style); ok {
			out[v.Type().Field(i).Name] = st
		}
	}
	return out
}

func TestNoColorStylesSetNoColour(t *testing.T) {
	for name, st := range styleFields(NewStyles(NoColor)) {
		if _, none := st.GetForeground().(lipgloss.NoColor); !none {
			t.Errorf("%s has foreground %v without colour", name, st.GetForeground())
		}
		if _, none := st.GetBorderTopForeground().(lipgloss.NoColor); !none {
			t.Errorf("%s has a coloured border without colour", name)
		}
	}
	f := NewStyles(NoColor).Form.Focused
	for name, st := range map[string]lipgloss.Style{"title": f.Title, "option": f.Option,
		"selected": f.SelectedOption, "button": f.FocusedButton} {
		if _, none := st.GetForeground().(lipgloss.NoColor); !none {
			t.Errorf("form %s has foreground %v without colour", name, st.GetForeground())
		}
	}
}

func TestDarkAndLightDiffer(t *testing.T) {
	dark, light := styleFields(NewStyles(Dark)), styleFields(NewStyles(Light))
	for _, name := range []string{"Text", "Muted", "Accent", "Warning"} {
		if dark[name].GetForeground() == light[name].GetForeground() {
			t.Errorf("%s has the same colour on dark and light backgrounds", name)
		}
	}
}
