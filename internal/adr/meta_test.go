package adr

import (
	"strings"
	"testing"
	"time"
)

func TestMetaNormalize(t *testing.T) {
	valid := func() Meta { return Meta{Title: "Use BFF", Date: fixedDate()} }
	tests := []struct {
		name    string
		edit    func(*Meta)
		errPart string // "" when valid
	}{
		{name: "minimal", edit: func(*Meta) {}},
		{name: "each status", edit: func(m *Meta) { m.Status = "deprecated" }},
		{name: "status case and spaces", edit: func(m *Meta) { m.Status = " Rejected " }},
		{name: "bad status", edit: func(m *Meta) { m.Status = "approved" },
			errPart: "`--status`"},
		{name: "superseded is not chosen by hand",
			edit: func(m *Meta) { m.Status = "superseded by ADR-0001" }, errPart: "status"},
		{name: "empty title", edit: func(m *Meta) { m.Title = "" }, errPart: "`--title`"},
		{name: "blank title", edit: func(m *Meta) { m.Title = " \t " }, errPart: "`--title`"},
		{name: "title with newline", edit: func(m *Meta) { m.Title = "Use\nBFF" },
			errPart: "spans lines"},
		{name: "title with carriage return", edit: func(m *Meta) { m.Title = "Use\rBFF" },
			errPart: "spans lines"},
		{name: "title too long", edit: func(m *Meta) { m.Title = strings.Repeat("a", 201) },
			errPart: "characters long"},
		{name: "no date", edit: func(m *Meta) { m.Date = time.Time{} }, errPart: "date"},
		{name: "negative supersedes", edit: func(m *Meta) { m.Supersedes = -1 },
			errPart: "`--supersedes`"},
		{name: "name spanning lines",
			edit: func(m *Meta) { m.Informed = []string{"a\nb"} }, errPart: "one name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := valid()
			tt.edit(&m)
			_, err := m.Normalize()
			switch {
			case tt.errPart == "" && err != nil:
				t.Fatalf("Normalize: %v", err)
			case tt.errPart != "" && (err == nil || !strings.Contains(err.Error(), tt.errPart)):
				t.Fatalf("Normalize error = %v; want one mentioning %q", err, tt.errPart)
			}
		})
	}
}

func TestMetaNormalizeDefaults(t *testing.T) {
	m, err := Meta{
		Title: "  Use BFF  ", Status: "", Date: fixedDate(),
		DecisionMakers: []string{" Ana ", "", "  "}, Consulted: []string{"Bo"},
	}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Use BFF" || m.Status != StatusProposed {
		t.Errorf("title %q, status %q; want trimmed title and proposed", m.Title, m.Status)
	}
	if len(m.DecisionMakers) != 1 || m.DecisionMakers[0] != "Ana" {
		t.Errorf("decision makers %q; want [Ana]", m.DecisionMakers)
	}
	if len(m.Consulted) != 1 || m.Informed != nil {
		t.Errorf("consulted %q, informed %q", m.Consulted, m.Informed)
	}
}
