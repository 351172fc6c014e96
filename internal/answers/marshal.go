package answers

import (
	"strconv"
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// Marshal writes answers as an answers file, in question order, with every
// value quoted so that YAML reads "yes" and "no" as strings. Answers taken
// from a question's default are written as comments, so the file reads
// back with Parse to the same answers and the same defaults.
func Marshal(f *decision.File, shown []decision.Answer) []byte {
	var b strings.Builder
	b.WriteString("# authadvisor answers: feed back with `authadvisor recommend --answers FILE`.\n")
	for _, a := range shown {
		q := f.Question(a.Question)
		if a.Defaulted {
			b.WriteString("# (default) ")
		}
		b.WriteString(a.Question)
		b.WriteString(":")
		if q != nil && q.Multi {
			quoted := make([]string, len(a.Values))
			for i, v := range a.Values {
				quoted[i] = strconv.Quote(v)
			}
			b.WriteString(" [" + strings.Join(quoted, ", ") + "]\n")
			continue
		}
		b.WriteString(" " + strconv.Quote(strings.Join(a.Values, ",")) + "\n")
	}
	return []byte(b.String())
}
