package tui

import (
	"context"
	"slices"
	"testing"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/decision"
)

func TestComputePreview(t *testing.T) {
	f := testFile(t)
	tests := []struct {
		name     string
		known    decision.Answers
		first    []string
		warnings []string
	}{
		{"nothing answered", decision.Answers{},
			[]string{"Session cookie", "Code flow with PKCE", "Restricted API key"}, nil},
		{"web, sign-in open", decision.Answers{"channel": {"web"}},
			[]string{"Session cookie", "Code flow with PKCE"}, nil},
		{"settled by the channel", decision.Answers{"channel": {"machine"}},
			[]string{"Restricted API key"}, nil},
		{"warning certain", decision.Answers{"channel": {"machine"}, "risk": {"high"}},
			[]string{"Restricted API key"}, []string{"One key shared by every job"}},
		{"everything answered", decision.Answers{"channel": {"mobile"}, "signed_in": {"no"},
			"risk": {"low"}, "extras": {}}, []string{"Code flow with PKCE"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := computePreview(context.Background(), f, tt.known)
			if p.Open || p.Err != "" {
				t.Fatalf("preview open=%v err=%q", p.Open, p.Err)
			}
			if !slices.Equal(p.First, tt.first) {
				t.Errorf("first choices = %q, want %q", p.First, tt.first)
			}
			if !slices.Equal(p.Warnings, tt.warnings) {
				t.Errorf("warnings = %q, want %q", p.Warnings, tt.warnings)
			}
			if p.Defaults != 1 {
				t.Errorf("defaults assumed = %d, want 1 (the region)", p.Defaults)
			}
		})
	}
}

func TestPreviewOfTheDefaultFileStaysOpenUntilFewAnswersRemain(t *testing.T) {
	f := decisions.Snapshot()
	if p := computePreview(context.Background(), f, decision.Answers{}); !p.Open {
		t.Errorf("with nothing answered the preview claims %q", p.First)
	}
	known := decision.Answers{}
	for _, q := range f.Questions {
		if q.Default == nil && !q.Multi {
			known[q.ID] = []string{q.Options[0].Value}
		}
	}
	if p := computePreview(context.Background(), f, known); p.Open || len(p.First) == 0 {
		t.Errorf("with only multi-choice questions open: open=%v first=%q err=%q",
			p.Open, p.First, p.Err)
	}
}

func TestPreviewFollowsTheAnswers(t *testing.T) {
	o := testOptions(t)
	o.Answers = decision.Answers{"channel": {"machine"}, "risk": {"high"}}
	s := start(t, o, 110, 36)
	s.waitFor("Restricted API key", "Warnings so far (1):", "One key shared by every job",
		"Still to answer (2):")
	s.keys("up") // Mobile app: an answered question changes, and the preview with it.
	s.waitFor("Code flow with PKCE", "Warnings so far: none")
}

func TestPagesFollowTheGroups(t *testing.T) {
	got := pages(testFile(t))
	want := []page{
		{"The caller", []int{0, 1}}, {"Risk", []int{2}}, {"", []int{3}}, {"", []int{4}},
	}
	if len(got) != len(want) {
		t.Fatalf("pages = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].title != want[i].title || !slices.Equal(got[i].questions, want[i].questions) {
			t.Errorf("page %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
