package answers

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// ParseFlag reads the value of a question's flag or `--set` entry: one value
// for a single-choice question, a comma-separated list for a multi-choice
// one, where an empty string (or "none", when that is not an option) means
// nothing selected.
func ParseFlag(q *decision.Question, raw string) ([]string, error) {
	raw = strings.TrimSpace(raw)
	if !q.Multi {
		if strings.Contains(raw, ",") {
			return nil, fmt.Errorf("`--%s` takes one value, not a list", FlagName(q.ID))
		}
		vals := []string{raw}
		if err := Check(q, vals); err != nil {
			return nil, flagError(q, err)
		}
		return vals, nil
	}
	vals := []string{}
	if raw != "" && !(raw == "none" && !q.HasOption("none")) {
		for _, v := range strings.Split(raw, ",") {
			vals = append(vals, strings.TrimSpace(v))
		}
	}
	if err := Check(q, vals); err != nil {
		return nil, flagError(q, err)
	}
	return vals, nil
}

func flagError(q *decision.Question, err error) error {
	return fmt.Errorf("`--%s`: %w", FlagName(q.ID), err)
}

// ParseSet reads one `--set id=value` entry.
func ParseSet(f *decision.File, entry string) (string, []string, error) {
	id, raw, ok := strings.Cut(entry, "=")
	id = strings.TrimSpace(id)
	if !ok || id == "" {
		return "", nil, fmt.Errorf("`--set %q`: expected id=value", entry)
	}
	q := f.Question(id)
	if q == nil {
		return "", nil, fmt.Errorf("`--set %s`: %s", safetext.Plain(entry), unknownQuestion(f, id))
	}
	vals, err := ParseFlag(q, raw)
	if err != nil {
		return "", nil, fmt.Errorf("`--set %s`: %w", safetext.Plain(entry), err)
	}
	return id, vals, nil
}

// MissingFlags names the flags for questions that still need an answer.
func MissingFlags(err *decision.MissingError) string {
	return MissingFlagsWith(err, func(string) bool { return true })
}

// MissingFlagsWith names how to answer each missing question: its flag when
// hasFlag says the command has one, else `--set id=`. Multi-choice
// questions say that they take a list.
func MissingFlagsWith(err *decision.MissingError, hasFlag func(id string) bool) string {
	parts := make([]string, len(err.Questions))
	for i, q := range err.Questions {
		how := "`--" + FlagName(q.ID) + "`"
		if !hasFlag(q.ID) {
			how = "`--set " + q.ID + "=`"
		}
		vals := strings.Join(q.Values(), "|")
		if q.Multi {
			vals = "comma-separated from " + strings.Join(q.Values(), ",") + `, or "" for none`
		}
		parts[i] = fmt.Sprintf("%s (%s)", how, vals)
	}
	return strings.Join(parts, ", ")
}

// closest returns the candidate within a small edit distance of s, if any.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
