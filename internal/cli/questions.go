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
	ID      string       `json:"id"`
	Flag    string       `json:"flag"`
	Title   string       `json:"title"`
	Help    string       `json:"help,omitempty"`
	Multi   bool         `json:"multi"`
	Default []string     `json:"default,omitempty"`
	Options []optionJSON `json:"options"`
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
		return writeQuestionsJSON(o.IO.Out, f.Questions)
	case "text":
		return writeQuestionsText(o.IO.Out, f.Questions)
	}
	return usagef("`--format %s`: use text or json", o.Format)
}

func writeQuestionsJSON(w io.Writer, qs []decision.Question) error {
	out := make([]questionJSON, len(qs))
	for i, q := range qs {
		out[i] = questionJSON{ID: q.ID, Flag: "--" + answers.FlagName(q.ID),
			Title: q.Title, Help: q.Help, Multi: q.Multi}
		if q.Default != nil {
			out[i].Default = q.Default.Items
		}
		for _, opt := range q.Options {
			out[i].Options = append(out[i].Options, optionJSON{Value: opt.Value, Title: opt.Title, Help: opt.Help})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeQuestionsText(w io.Writer, qs []decision.Question) error {
	var b strings.Builder
	for _, q := range qs {
		kind := "one of"
		if q.Multi {
			kind = "any of, comma-separated"
		}
		fmt.Fprintf(&b, "%s  --%s  (%s)\n  %s\n", q.ID, answers.FlagName(q.ID), kind,
			safetext.Plain(q.Title))
		if q.Default != nil {
			fmt.Fprintf(&b, "  default: %s\n", strings.Join(q.Default.Items, ","))
		}
		for _, opt := range q.Options {
			fmt.Fprintf(&b, "    %-32s %s\n", opt.Value, safetext.Plain(opt.Title))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
