package adr

import (
	"strings"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// view is what templates/adr.md.tmpl arranges. Every field is already
// formatted: YAML values are quoted and Markdown text is escaped.
type view struct {
	Status         string
	Date           string
	DecisionMakers []string
	Consulted      []string
	Informed       []string

	Title        string
	Context      string
	Drivers      []string
	Options      []string
	Chosen       string
	Consequences []string
	Checklists   []group
	Checks       []string
	ProsCons     []group
	More         []group
	Supersedes   string
}

// group is a heading or lead-in line followed by bullets.
type group struct {
	Title string
	Items []string
}

// Question ids of the default decision file that the context and drivers
// describe; a record built from another file leaves out what it lacks.
const (
	qClient      = "client_type"
	qUser        = "user_context"
	qTrust       = "trust"
	qSensitivity = "sensitivity"
	qOperations  = "sensitive_operations"
	qCompliance  = "compliance"
	qRevocation  = "revocation"
	qLifetime    = "token_lifetime"
)

// newView builds the record's view from a recommendation and normalised
// meta.
func newView(rec *decision.Recommendation, meta Meta) view {
	answers := answerMap(rec.Answers)
	return view{
		Status:         yamlString(meta.Status),
		Date:           meta.Date.Format("2006-01-02"),
		DecisionMakers: yamlStrings(meta.DecisionMakers),
		Consulted:      yamlStrings(meta.Consulted),
		Informed:       yamlStrings(meta.Informed),
		Title:          heading(meta.Title),
		Context:        contextText(answers),
		Drivers:        drivers(answers, rec.Warnings),
		Options:        optionTitles(rec),
		Chosen:         chosen(rec.Primary),
		Consequences:   consequences(rec),
		Checklists:     checklists(rec.Checklists),
		Checks:         checks(len(rec.Answers) > 0),
		ProsCons:       prosCons(rec),
		More:           moreInformation(rec),
		Supersedes:     supersedesLine(meta),
	}
}

func yamlStrings(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = yamlString(s)
	}
	return out
}

func answerMap(list []decision.Answer) map[string]decision.Answer {
	m := make(map[string]decision.Answer, len(list))
	for _, a := range list {
		m[a.Question] = a
	}
	return m
}

// contextText states the problem in two or three sentences: the question
// the record answers, what is at stake, and where the full answers are.
func contextText(answers map[string]decision.Answer) string {
	if len(answers) == 0 {
		return "How should the API authenticate its callers?"
	}
	var sentences []string
	sentences = append(sentences, problemQuestion(answers))
	if stakes := stakes(answers); stakes != "" {
		sentences = append(sentences, stakes)
	}
	sentences = append(sentences, "The answers behind this record are listed under "+
		"More Information.")
	return strings.Join(sentences, " ")
}

func problemQuestion(answers map[string]decision.Answer) string {
	q := "How should the API authenticate its callers"
	if a, ok := answers[qClient]; ok && len(a.Values) > 0 {
		q = "How should the API authenticate calls from a " + codeList(a.Values) + " client"
	}
	var about []string
	if a, ok := answers[qUser]; ok && len(a.Values) > 0 {
		about = append(about, "user context "+codeList(a.Values))
	}
	if a, ok := answers[qTrust]; ok && len(a.Values) > 0 {
		about = append(about, "trust "+codeList(a.Values))
	}
	if len(about) > 0 {
		q += " (" + strings.Join(about, ", ") + ")"
	}
	return q + "?"
}

// stakes says how sensitive the API is, which sensitive operations it
// offers and which compliance regimes apply.
func stakes(answers map[string]decision.Answer) string {
	var clauses []string
	if a, ok := answers[qSensitivity]; ok && len(a.Values) > 0 {
		clauses = append(clauses, "the data and operations are of "+codeList(a.Values)+
			" sensitivity")
	}
	if a, ok := answers[qOperations]; ok {
		clauses = append(clauses, listClause(a.Values, "no sensitive operations are offered",
			"the sensitive operations offered are "))
	}
	if a, ok := answers[qCompliance]; ok {
		clauses = append(clauses, listClause(a.Values, "no compliance regime applies",
			"the compliance regimes that apply are "))
	}
	// Semicolons, since a clause may itself hold a list of values.
	switch len(clauses) {
	case 0:
		return ""
	case 1:
		return ucFirst(clauses[0]) + "."
	}
	last := len(clauses) - 1
	return ucFirst(strings.Join(clauses[:last], "; ")) + "; and " + clauses[last] + "."
}

func listClause(values []string, none, some string) string {
	if len(values) == 0 {
		return none
	}
	return some + codeList(values)
}

// drivers lists the answers that weigh most, then each warning.
func drivers(answers map[string]decision.Answer, warnings []decision.Item) []string {
	var out []string
	for _, d := range []struct{ id, label string }{
		{qSensitivity, "Sensitivity of data and operations"},
		{qOperations, "Sensitive operations"},
		{qRevocation, "How fast revoked access must stop working"},
		{qLifetime, "Credential lifetime asked for"},
		{qCompliance, "Compliance regimes"},
	} {
		if a, ok := answers[d.id]; ok {
			out = append(out, d.label+": "+valuesOrNone(a.Values))
		}
	}
	for _, w := range warnings {
		out = append(out, "Avoid "+inline(lcFirst(w.Title)))
	}
	return out
}

func valuesOrNone(values []string) string {
	if len(values) == 0 {
		return "none"
	}
	return codeList(values)
}

// optionTitles lists the chosen option (the primary schemes together, as
// named in the Decision Outcome), then the alternatives, then the rejected
// schemes, each title once. Rejected anti-patterns are not options anyone
// would choose; they stay under More Information.
func optionTitles(rec *decision.Recommendation) []string {
	titles := make([]string, len(rec.Primary))
	for i, p := range rec.Primary {
		titles[i] = p.Title
	}
	out := []string{inline(strings.Join(titles, " + "))}
	var rejected []decision.Item
	for _, it := range rec.Rejected {
		if it.Kind == decision.KindScheme {
			rejected = append(rejected, it)
		}
	}
	for _, it := range uniqueItems(rec.Alternatives, rejected) {
		out = append(out, inline(it.Title))
	}
	return out
}

// uniqueItems joins lists of items, keeping the first of any repeated id
// or title, so that headings stay unique.
func uniqueItems(lists ...[]decision.Item) []decision.Item {
	seen := map[string]bool{}
	var out []decision.Item
	for _, list := range lists {
		for _, it := range list {
			if seen["id:"+it.ID] || seen["title:"+it.Title] {
				continue
			}
			seen["id:"+it.ID], seen["title:"+it.Title] = true, true
			out = append(out, it)
		}
	}
	return out
}

// chosen is MADR's outcome line: the primary schemes together, and the
// reason given for the first.
func chosen(primary []decision.Item) string {
	if len(primary) == 0 {
		return "No option was chosen: the recommendation names no primary scheme."
	}
	titles := make([]string, len(primary))
	for i, p := range primary {
		titles[i] = p.Title
	}
	line := `Chosen option: "` + strings.Join(titles, " + ") + `"`
	if why := strings.TrimSpace(primary[0].Why); why != "" {
		line += ", because " + lcFirst(period(why))
	}
	return inline(line)
}
