package report

import (
	"io/fs"
	"sort"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// MatrixRow is one client type (and whom it acts for) in a style guide.
type MatrixRow struct {
	ClientTitle string
	UserTitle   string
	Rec         *decision.Recommendation
}

// matrixView is what matrix.md.tmpl sees.
type matrixView struct {
	Answers []answerRow
	Rows    []matrixRowView
	Banned  []itemRow
	Sources []sourceRow
}

type matrixRowView struct {
	Client, User, Scheme, Format, Lifetime, Refresh, StepUp, Constraint string
}

// Matrix renders the "Authentication" section of an API style guide: one
// row per client type with its scheme, token format, lifetimes and step-up
// rule, then the anti-patterns the organisation forbids. fixed are the
// organisation-wide answers shown above the table.
func Matrix(fsys fs.FS, fixed []decision.Answer, entries []MatrixRow) ([]byte, error) {
	v := matrixView{Answers: answerRows(fixed, mdCell)}
	banned := map[string]decision.Item{}
	sources := map[string]decision.SourceRef{}
	for _, r := range entries {
		v.Rows = append(v.Rows, matrixRowOf(r))
		for _, it := range r.Rec.Rejected {
			if _, seen := banned[it.ID]; !seen && it.Kind == decision.KindAntiPattern {
				banned[it.ID] = it
			}
		}
		for _, s := range r.Rec.Sources {
			sources[s.ID] = mergeSource(sources[s.ID], s)
		}
	}
	v.Banned = rows(sortedItems(banned), mdCell)
	v.Sources = sortedSources(sources)
	return execute(fsys, "matrix.md.tmpl", v)
}

func matrixRowOf(r MatrixRow) matrixRowView {
	rec := r.Rec
	var schemes []string
	format := "—"
	for _, p := range rec.Primary {
		switch p.ID {
		case "jwt_access_token", "opaque_token_introspection":
			format = p.Title
		default:
			schemes = append(schemes, p.Title)
		}
	}
	return matrixRowView{
		Client: mdCell(r.ClientTitle), User: mdCell(r.UserTitle),
		Scheme: mdCell(strings.Join(schemes, " + ")), Format: mdCell(format),
		Lifetime:   mdCell(settingValue(rec, "short_lived_access_tokens")),
		Refresh:    mdCell(settingValue(rec, "refresh_token_rotation_or_sender_constraint")),
		StepUp:     mdCell(settingValue(rec, "step_up_challenge")),
		Constraint: mdCell(settingValue(rec, "sender_constrained_tokens")),
	}
}

func settingValue(rec *decision.Recommendation, id string) string {
	for _, s := range rec.Settings {
		if s.ID == id {
			return s.Value
		}
	}
	return "—"
}

func sortedItems(m map[string]decision.Item) []decision.Item {
	out := make([]decision.Item, 0, len(m))
	for _, it := range m {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func mergeSource(a, b decision.SourceRef) decision.SourceRef {
	if a.ID == "" {
		b.Sections = append([]string(nil), b.Sections...)
		return b
	}
	for _, s := range b.Sections {
		if !containsString(a.Sections, s) {
			a.Sections = append(a.Sections, s)
		}
	}
	return a
}

func sortedSources(m map[string]decision.SourceRef) []sourceRow {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]sourceRow, len(ids))
	for i, id := range ids {
		out[i] = sourceLine(m[id], mdText)
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
