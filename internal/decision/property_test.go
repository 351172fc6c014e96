package decision_test

import (
	"testing"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// multiSamples are the selections tried for each multi-choice question:
// nothing, each option alone, and everything.
func multiSamples(q decision.Question) [][]string {
	samples := [][]string{{}}
	for _, v := range q.Values() {
		samples = append(samples, []string{v})
	}
	return append(samples, q.Values())
}

// forEachAnswerSet calls fn with every combination of the single-choice
// answers (the stack questions keep their defaults) crossed with a rotating
// sample of multi-choice selections, so that every sample of every
// multi-choice question meets every single-choice combination's neighbours.
func forEachAnswerSet(f *decision.File, fn func(decision.Answers)) {
	var singles, multis []decision.Question
	for _, q := range f.Questions {
		switch {
		case q.InUse || q.Default != nil:
		case q.Multi:
			multis = append(multis, q)
		default:
			singles = append(singles, q)
		}
	}
	n := 0
	var walk func(i int, a decision.Answers)
	walk = func(i int, a decision.Answers) {
		if i == len(singles) {
			b := decision.Answers{}
			for k, v := range a {
				b[k] = v
			}
			for j, q := range multis {
				s := multiSamples(q)
				b[q.ID] = s[(n+j*3)%len(s)]
			}
			n++
			fn(b)
			return
		}
		for _, v := range singles[i].Values() {
			a[singles[i].ID] = []string{v}
			walk(i+1, a)
		}
	}
	walk(0, decision.Answers{})
}

// TestEveryAnswerSetIsSafe evaluates every combination of single-choice
// answers: each yields a primary scheme, no anti-pattern is ever
// recommended, and every warning and rejected option carries a source.
func TestEveryAnswerSetIsSafe(t *testing.T) {
	f := loadDefault(t)
	count := 0
	forEachAnswerSet(f, func(a decision.Answers) {
		count++
		rec, err := f.Evaluate(a)
		if err != nil {
			t.Fatalf("%v: %v", a, err)
		}
		if len(rec.Primary) == 0 {
			t.Fatalf("%v: no primary scheme", a)
		}
		for _, list := range [][]decision.Item{rec.Primary, rec.Alternatives, rec.Settings} {
			for _, it := range list {
				if it.Kind == decision.KindAntiPattern {
					t.Fatalf("%v: anti-pattern %s recommended", a, it.ID)
				}
			}
		}
		for _, list := range [][]decision.Item{rec.Warnings, rec.Rejected, rec.Primary, rec.Settings} {
			for _, it := range list {
				if len(it.Sources) == 0 || it.Why == "" {
					t.Fatalf("%v: %s has no source or reason", a, it.ID)
				}
			}
		}
	})
	if count < 10000 {
		t.Errorf("only %d answer sets evaluated", count)
	}
}

// TestEveryAntiPatternIsNamed checks that each anti-pattern of the
// catalogue is reachable as a warning or a rejected option from the answers
// alone, without declaring it in use.
func TestEveryAntiPatternIsNamed(t *testing.T) {
	f := loadDefault(t)
	named := map[string]bool{}
	forEachAnswerSet(f, func(a decision.Answers) {
		rec, err := f.Evaluate(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, list := range [][]decision.Item{rec.Warnings, rec.Rejected} {
			for _, it := range list {
				named[it.ID] = true
			}
		}
	})
	var missing []string
	for _, e := range f.AntiPatterns {
		if !named[e.ID] {
			missing = append(missing, e.ID)
		}
	}
	if len(missing) > 0 {
		t.Errorf("anti-patterns never warned about or rejected: %v", missing)
	}
}
