// Package decision loads, validates and evaluates authadvisor decision files.
//
// A decision file declares the questions a reviewer answers, a catalogue of
// schemes, settings and anti-patterns, a tree that picks the primary scheme
// and cross-cutting policies that add settings, warnings and rejected options.
// The package does no I/O of its own: callers hand it bytes and a template
// file system, and get back a Recommendation.
package decision

// Pos is a position in a decision file.
type Pos struct {
	Line   int
	Column int
}

// File is a loaded decision file.
type File struct {
	// Name is the file name used in messages and traces.
	Name string

	Version      int           `yaml:"version"`
	Sources      []Source      `yaml:"sources"`
	Questions    []Question    `yaml:"questions"`
	Schemes      []Entry       `yaml:"schemes"`
	Settings     []Entry       `yaml:"settings"`
	AntiPatterns []Entry       `yaml:"anti_patterns"`
	Snippets     []SnippetSpec `yaml:"snippets"`
	Tree         Tree          `yaml:"tree"`
	Policies     []Policy      `yaml:"policies"`

	index *index
}

// Source is a document that rules cite, such as an RFC.
type Source struct {
	ID    string `yaml:"id"`
	Short string `yaml:"short"`
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	Pos   Pos    `yaml:"-"`
}

// Question is one question the reviewer answers.
type Question struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Help  string `yaml:"help"`
	// Group names the page of the interactive form the question is on;
	// consecutive questions with the same group share a page.
	Group   string   `yaml:"group"`
	Multi   bool     `yaml:"multi"`
	Options []Option `yaml:"options"`
	// Default is used when the question is not answered. A question without
	// a default must be answered whenever it applies.
	Default *Value `yaml:"default"`
	// When limits the question to some answers of earlier questions.
	When *Condition `yaml:"when"`
	// InUse marks the question whose answer lists the schemes and
	// anti-patterns an API uses today; its options are catalogue ids.
	InUse bool `yaml:"in_use"`
	Pos   Pos  `yaml:"-"`
}

// Option is one allowed answer to a question.
type Option struct {
	Value string `yaml:"value"`
	Title string `yaml:"title"`
	Help  string `yaml:"help"`
	// Implies gives the typical answers to other questions for a client
	// that chose this option, one row per listed value in `authadvisor
	// matrix`.
	Implies *Condition `yaml:"implies"`
	Pos     Pos        `yaml:"-"`
}

// Value is an answer as written in YAML: a scalar or a list of scalars.
type Value struct {
	Items []string
	List  bool
	Pos   Pos
}

// Entry is a catalogue entry: a scheme, a setting or an anti-pattern.
type Entry struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// Value is a setting's default value.
	Value string `yaml:"value"`
	// Params are a setting's default values in machine-readable form, such
	// as idle_timeout: 30m, for the snippets that apply the setting.
	Params map[string]string `yaml:"params"`
	// Pros and Cons describe a scheme in reports and decision records.
	Pros []string `yaml:"pros"`
	Cons []string `yaml:"cons"`
	// Checklist lists what a reviewer verifies once the entry is applied.
	Checklist []string `yaml:"checklist"`
	// Snippets names the snippets written for a primary scheme.
	Snippets []string `yaml:"snippets"`
	Source   Cites    `yaml:"source"`
	Pos      Pos      `yaml:"-"`
}

// SnippetSpec declares one file of starter configuration.
type SnippetSpec struct {
	ID       string     `yaml:"id"`
	Title    string     `yaml:"title"`
	Target   string     `yaml:"target"`
	Template string     `yaml:"template"`
	Path     string     `yaml:"path"`
	When     *Condition `yaml:"when"`
	Pos      Pos        `yaml:"-"`
}

// Tree picks the primary scheme(s) by walking nodes from Start.
type Tree struct {
	Start string `yaml:"start"`
	Nodes []Node `yaml:"nodes"`
	Pos   Pos    `yaml:"-"`
}

// Node is either a decision on one question or an outcome.
type Node struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Question string   `yaml:"question"`
	Branches []Branch `yaml:"branches"`
	// Otherwise is the node taken when no branch matches.
	Otherwise string   `yaml:"otherwise"`
	Outcome   *Effects `yaml:"outcome"`
	Pos       Pos      `yaml:"-"`
}

// Branch leads to another node when the answer is one of Values.
type Branch struct {
	Values []string `yaml:"values"`
	Goto   string   `yaml:"goto"`
	Pos    Pos      `yaml:"-"`
}

// Policy is a cross-cutting rule applied after the tree.
type Policy struct {
	ID    string     `yaml:"id"`
	Title string     `yaml:"title"`
	When  *Condition `yaml:"when"`
	Add   Effects    `yaml:"add"`
	Pos   Pos        `yaml:"-"`
}

// Effects are what an outcome or a policy contributes to a recommendation.
type Effects struct {
	Why          string `yaml:"why"`
	Source       Cites  `yaml:"source"`
	Primary      []Rule `yaml:"primary"`
	Alternatives []Rule `yaml:"alternatives"`
	Rejected     []Rule `yaml:"rejected"`
	Settings     []Rule `yaml:"settings"`
	Warnings     []Rule `yaml:"warnings"`
	Pos          Pos    `yaml:"-"`
}

// Rule names a catalogue id and says why it applies.
type Rule struct {
	ID  string `yaml:"id"`
	Why string `yaml:"why"`
	// Value overrides a setting's default value.
	Value string `yaml:"value"`
	// Params override a setting's default params, together with Value.
	Params map[string]string `yaml:"params"`
	// Safe is, for a warning, the safe choice the recommendation uses.
	Safe string `yaml:"safe"`
	// First puts a primary scheme ahead of those chosen so far, for a
	// policy that changes the first choice (FAPI with a public client).
	First  bool  `yaml:"first"`
	Source Cites `yaml:"source"`
	Pos    Pos   `yaml:"-"`
}

// Cites lists citations, each "source-id section", such as "rfc9700 §2.4".
type Cites struct {
	Items []string
	Pos   Pos
}

// Condition matches answers. Keys of Answers are question ids, each with the
// values that match; an empty list matches a multi-choice question with
// nothing selected. Primary matches when any listed scheme is among the
// primary schemes chosen so far. All parts must hold.
type Condition struct {
	Answers map[string][]string
	Order   []string
	Primary []string
	Any     []Condition
	All     []Condition
	Not     *Condition
	Pos     Pos
	// KeyPos holds the position of each answer key, for messages.
	KeyPos map[string]Pos
}
