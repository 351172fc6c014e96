package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/safetext"
	"github.com/authadvisor/authadvisor/templates"
)

// QuestionsOptions are the inputs of `authadvisor questions`.
type QuestionsOptions struct {
	IO            *IO
	DecisionsPath string
	Format        string
}

func newQuestionsCmd(io *IO) *cobra.Command {
	o := &QuestionsOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "List the questions, their flags and allowed values",
		Example: "  authadvisor questions\n" +
			"  authadvisor questions --format json",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunQuestions(o) },
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "text", "output format: text or json")
	cmd.Flags().StringVar(&o.DecisionsPath, "decisions", "",
		"decision file to use instead of the built-in one")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"},
		cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// questionJSON is one question in `questions --format json`.
type questionJSON struct {
	ID      string   `json:"id"`
	Flag    string   `json:"flag"`
	Title   string   `json:"title"`
	Help    string   `json:"help,omitempty"`
	Group   string   `json:"group,omitempty"`
	Multi   bool     `json:"multi"`
	Default []string `json:"default,omitempty"`
	// When lists, per earlier question, the answers for which this one is
	// asked; absent when it is always asked.
	When    map[string][]string `json:"when,omitempty"`
	Options []optionJSON        `json:"options"`
}

type optionJSON struct {
	Value string `json:"value"`
	Title string `json:"title,omitempty"`
	Help  string `json:"help,omitempty"`
}

// RunQuestions prints the questions of the decision file.
func RunQuestions(o *QuestionsOptions) error {
	f, err := loadDecisions(o.IO, o.DecisionsPath, templates.FS())
	if err != nil {
		return err
	}
	switch o.Format {
	case "json":
		return writeQuestionsJSON(o.IO.Out, f)
	case "text":
		return writeQuestionsText(o.IO.Out, f)
	}
	return usagef("`--format %s`: use text or json", o.Format)
}

func writeQuestionsJSON(w io.Writer, f *decision.File) error {
	out := make([]questionJSON, len(f.Questions))
	for i, q := range f.Questions {
		out[i] = questionJSON{ID: q.ID, Flag: "--" + answers.FlagName(q.ID),
			Title: q.Title, Help: q.Help, Group: q.Group, Multi: q.Multi}
		if q.Default != nil {
			out[i].Default = q.Default.Items
		}
		if q.When != nil {
			out[i].When = q.When.Answers
		}
		for _, opt := range q.Options {
			out[i].Options = append(out[i].Options,
				optionJSON{Value: opt.Value, Title: optionLabel(f, opt), Help: opt.Help})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeQuestionsText(w io.Writer, f *decision.File) error {
	var b strings.Builder
	for _, q := range f.Questions {
		kind := "one of"
		if q.Multi {
			kind = "any of, comma-separated"
		}
		fmt.Fprintf(&b, "%s  --%s  (%s)\n  %s\n", q.ID, answers.FlagName(q.ID), kind,
			safetext.Plain(q.Title))
		if q.When != nil {
			fmt.Fprintf(&b, "  asked when: %s\n", safetext.Plain(describeWhen(q.When)))
		}
		if q.Default != nil {
			def := strings.Join(q.Default.Items, ",")
			if def == "" {
				def = `"" (none)`
			}
			fmt.Fprintf(&b, "  default: %s\n", def)
		}
		for _, opt := range q.Options {
			fmt.Fprintf(&b, "    %-32s %s\n", opt.Value, safetext.Plain(optionLabel(f, opt)))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// optionLabel is an option's title, or for options that are catalogue ids
// (what an API uses today) the catalogue entry's title.
func optionLabel(f *decision.File, opt decision.Option) string {
	if opt.Title != "" {
		return opt.Title
	}
	if e := f.Entry(opt.Value); e != nil {
		return e.Title
	}
	return ""
}

// describeWhen writes a question's condition as "id is a or b; ...".
func describeWhen(c *decision.Condition) string {
	parts := make([]string, len(c.Order))
	for i, id := range c.Order {
		parts[i] = id + " is " + strings.Join(c.Answers[id], " or ")
	}
	return strings.Join(parts, "; ")
}
