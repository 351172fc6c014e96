package decision

// Answers maps question ids to the values chosen. A single-choice question
// has exactly one value; a multi-choice question may have none.
type Answers map[string][]string

// Recommendation is what evaluating a decision file against answers yields.
// It is the contract between the engine and everything that shows it; its
// JSON form is documented in the README.
type Recommendation struct {
	Answers      []Answer     `json:"answers"`
	Primary      []Item       `json:"primary"`
	Alternatives []Item       `json:"alternatives"`
	Rejected     []Item       `json:"rejected"`
	Settings     []Item       `json:"settings"`
	Warnings     []Item       `json:"warnings"`
	Trace        []Step       `json:"trace"`
	Snippets     []SnippetRef `json:"snippets"`
	Sources      []SourceRef  `json:"sources"`
	// Migration lists what the API uses today that the recommendation
	// replaces; empty when nothing was declared or nothing changes.
	Migration []Item `json:"migration"`
	// Checklists are what a reviewer verifies, per scheme or setting.
	Checklists []Checklist `json:"checklists"`
	// Decisions names the decision file that produced the recommendation.
	Decisions string `json:"decisions"`
}

// Answer is one question and the values chosen for it.
type Answer struct {
	Question string   `json:"question"`
	Title    string   `json:"title"`
	Values   []string `json:"values"`
	// Defaulted is true when the value came from the question's default.
	Defaulted bool `json:"defaulted,omitempty"`
}

// Item is one scheme, setting or anti-pattern in a recommendation.
type Item struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Kind says what the id names: scheme, setting or anti_pattern.
	Kind string `json:"kind"`
	Why  string `json:"why"`
	// Value is a setting's value where one applies.
	Value string `json:"value,omitempty"`
	// Params are the setting's value in machine-readable form, such as
	// idle_timeout: 15m, where the decision file gives one.
	Params map[string]string `json:"params,omitempty"`
	// Safe is, for a warning, the safe choice the recommendation uses.
	Safe string `json:"safe,omitempty"`
	// Sources are the citations behind the item, such as "RFC 9700 §2.4".
	Sources []string `json:"sources"`
	// Rule is the node or policy that added the item, as "id (file:line)".
	Rule string `json:"rule"`
}

// Item kinds.
const (
	KindScheme      = "scheme"
	KindSetting     = "setting"
	KindAntiPattern = "anti_pattern"
)

// Step is one step of the evaluation: a tree node, the outcome reached, or a
// policy that fired.
type Step struct {
	Kind     string   `json:"kind"`
	ID       string   `json:"id"`
	Title    string   `json:"title,omitempty"`
	Question string   `json:"question,omitempty"`
	Answer   []string `json:"answer,omitempty"`
	Next     string   `json:"next,omitempty"`
	Sources  []string `json:"sources,omitempty"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
}

// Step kinds.
const (
	StepNode    = "node"
	StepOutcome = "outcome"
	StepPolicy  = "policy"
)

// SnippetRef names one file of starter configuration for the chosen schemes.
type SnippetRef struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Target   string `json:"target"`
	Template string `json:"template"`
	Path     string `json:"path"`
}

// SourceRef is a cited document and the sections cited from it.
type SourceRef struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Sections []string `json:"sections"`
}

// Checklist is what to verify for one scheme or setting.
type Checklist struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Items []string `json:"items"`
}
