package tui

import (
	"slices"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// answerState holds the value of every question while the form runs, and
// which questions the reviewer has answered. The form's fields write into
// its values; the preview reads only the answered ones.
type answerState struct {
	file   *decision.File
	single map[string]*string
	multi  map[string]*[]string
	// answered marks questions answered in the form or given beforehand.
	answered map[string]bool
}

// newAnswerState starts from the answers given beforehand (flags or an
// answers file), which count as answered, and from the defaults of the
// other questions, which do not.
func newAnswerState(f *decision.File, given decision.Answers) *answerState {
	s := &answerState{file: f, single: map[string]*string{},
		multi: map[string]*[]string{}, answered: map[string]bool{}}
	for _, q := range f.Questions {
		vals, ok := given[q.ID]
		if ok {
			s.answered[q.ID] = true
		} else if q.Default != nil {
			vals = q.Default.Items
		}
		if q.Multi {
			v := slices.Clone(vals)
			s.multi[q.ID] = &v
			continue
		}
		v := ""
		if len(vals) > 0 {
			v = vals[0]
		}
		s.single[q.ID] = &v
	}
	return s
}

// values returns the current value of question q.
func (s *answerState) values(q *decision.Question) []string {
	if q.Multi {
		return slices.Clone(*s.multi[q.ID])
	}
	return []string{*s.single[q.ID]}
}

// applies reports whether question i is asked, given the values of the
// questions before it.
func (s *answerState) applies(i int) bool {
	qs := s.file.Questions
	return s.file.Applies(&qs[i], s.collect(i, false))
}

// collect returns the values of the questions before index upTo that apply,
// only the answered ones when answeredOnly is set.
func (s *answerState) collect(upTo int, answeredOnly bool) decision.Answers {
	a := decision.Answers{}
	for i := range upTo {
		q := &s.file.Questions[i]
		if answeredOnly && !s.answered[q.ID] {
			continue
		}
		if s.file.Applies(q, a) {
			a[q.ID] = s.values(q)
		}
	}
	return a
}

// all returns the values of every question that applies: the answers the
// form submits.
func (s *answerState) all() decision.Answers {
	return s.collect(len(s.file.Questions), false)
}

// known returns the answered questions that apply.
func (s *answerState) known() decision.Answers {
	return s.collect(len(s.file.Questions), true)
}

// answer marks a question as answered.
func (s *answerState) answer(id string) { s.answered[id] = true }

// answerAll marks every question as answered, when the form is submitted.
func (s *answerState) answerAll() {
	for _, q := range s.file.Questions {
		s.answered[q.ID] = true
	}
}

// unanswered returns the questions that apply and are not answered yet.
func (s *answerState) unanswered() []*decision.Question {
	all := s.all()
	var out []*decision.Question
	for i := range s.file.Questions {
		q := &s.file.Questions[i]
		if _, applies := all[q.ID]; applies && !s.answered[q.ID] {
			out = append(out, q)
		}
	}
	return out
}

// fingerprint identifies the known answers, so that the preview is worked
// out again only when they change.
func fingerprint(a decision.Answers) string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + strings.Join(a[k], ",") + ";")
	}
	return b.String()
}
