package findings

// Report is what one run of a command found, ready to render.
type Report struct {
	// Command is the command that produced the report: audit or check.
	Command string
	// Version is authadvisor's version, for SARIF.
	Version string
	// Rules are the rules that ran, in a stable order.
	Rules []Rule
	// Files are the input files, in the order given.
	Files []string
	// Subjects say what was checked and how it fared, such as each
	// integration of an inventory; audit leaves them empty.
	Subjects []Subject
	Findings []Finding
	// Suppressed counts findings left out by a baseline.
	Suppressed int
}

// Subject is one thing a command checked and its verdict.
type Subject struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	Detail string `json:"detail"`
	Location
}

// Counts are the number of findings of each severity.
type Counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Count counts the findings by severity.
func (r *Report) Count() Counts {
	var c Counts
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			c.Error++
		case Warning:
			c.Warning++
		case Info:
			c.Info++
		}
	}
	return c
}

// AtLeast counts the findings at or above the threshold.
func (r *Report) AtLeast(threshold Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= threshold {
			n++
		}
	}
	return n
}

// rule returns the rule with the given id, or a bare one.
func (r *Report) rule(id string) Rule {
	for _, ru := range r.Rules {
		if ru.ID == id {
			return ru
		}
	}
	return Rule{ID: id, Title: id, Description: id}
}
