package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/decisions"
	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/templates"
)

// answerOptions are the flags shared by the commands that evaluate answers:
// one flag per question of the default decision file, `--set` for others,
// an answers file, and replacements for the decision file and templates.
type answerOptions struct {
	DecisionsPath string
	TemplatesDir  string
	AnswersPath   string
	Sets          []string
	// Flags holds the value of each question flag that was given.
	Flags map[string]string

	questions []decision.Question
}

// registerAnswerFlags adds the answer flags to cmd, with shell completion
// of each question's allowed values.
func registerAnswerFlags(cmd *cobra.Command, o *answerOptions, questions []decision.Question) {
	o.questions = questions
	o.Flags = map[string]string{}
	fl := cmd.Flags()
	for _, q := range questions {
		name := answers.FlagName(q.ID)
		help := q.Title + " (" + strings.Join(q.Values(), "|") + ")"
		if q.Multi {
			help = q.Title + " (comma-separated: " + strings.Join(q.Values(), ",") + ")"
		}
		fl.Func(name, help, func(v string) error {
			o.Flags[q.ID] = v
			return nil
		})
		cmd.RegisterFlagCompletionFunc(name, valueCompletion(q))
	}
	fl.StringVar(&o.AnswersPath, "answers", "",
		"answers file: YAML mapping of question id to value or list")
	fl.StringArrayVar(&o.Sets, "set", nil, "answer a question by id, as id=value (repeatable)")
	fl.StringVar(&o.DecisionsPath, "decisions", "", "decision file to use instead of the built-in one")
	fl.StringVar(&o.TemplatesDir, "templates", "",
		"folder whose templates override the built-in ones")
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml")
	_ = cmd.MarkFlagFilename("decisions", "yaml", "yml")
	_ = cmd.MarkFlagDirname("templates")
}

func valueCompletion(q decision.Question) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix := ""
		chosen := map[string]bool{}
		if q.Multi {
			if i := strings.LastIndex(typed, ","); i >= 0 {
				prefix = typed[:i+1]
				for _, v := range strings.Split(typed[:i], ",") {
					chosen[v] = true
				}
			}
		}
		var out []cobra.Completion
		for _, opt := range q.Options {
			if chosen[opt.Value] {
				continue
			}
			desc := opt.Title
			if desc == "" {
				desc = opt.Value
			}
			out = append(out, cobra.CompletionWithDesc(prefix+opt.Value, desc))
		}
		directive := cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
		if q.Multi {
			directive |= cobra.ShellCompDirectiveNoSpace
		}
		return out, directive
	}
}

// defaultFile is the built-in decision file, built from its snapshot once
// per process: the flags, the evaluation and the review's background
// previews read the same value, so its lookup tables are built up front.
var defaultFile = sync.OnceValue(func() *decision.File { return decisions.Snapshot().Ready() })

// defaultQuestions returns the questions of the built-in decision file, for
// building flags.
func defaultQuestions() []decision.Question {
	return defaultFile().Questions
}

// loaded is a decision file and its answers, ready to evaluate.
type loaded struct {
	File      *decision.File
	Templates fs.FS
	Answers   decision.Answers
	// flags are the question ids the command has a flag for.
	flags map[string]bool
}

// hasFlag reports whether the command has a flag for the question.
func (l *loaded) hasFlag(id string) bool { return l.flags[id] }

// load reads the decision file, the templates and the answers, in that
// order of precedence: answers file, then question flags, then `--set`.
func (o *answerOptions) load(io *IO) (*loaded, error) {
	tfs, err := templatesFS(io, o.TemplatesDir)
	if err != nil {
		return nil, err
	}
	f, err := loadDecisions(io, o.DecisionsPath, tfs)
	if err != nil {
		return nil, err
	}
	a := decision.Answers{}
	if o.AnswersPath != "" {
		a, err = readAnswersFile(io.abs(o.AnswersPath), o.AnswersPath,
			io.inputLimit(answers.MaxFileSize), f)
		if err != nil {
			return nil, err
		}
	}
	if err := o.applyFlags(f, a); err != nil {
		return nil, err
	}
	flags := map[string]bool{}
	for _, q := range o.questions {
		flags[q.ID] = true
	}
	return &loaded{File: f, Templates: tfs, Answers: a, flags: flags}, nil
}

// templatesFS is the built-in templates, overridden by dir when given; a
// dir that does not exist is an error rather than a silent fallback.
func templatesFS(io *IO, dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS(), nil
	}
	info, err := os.Stat(io.abs(dir))
	if err != nil || !info.IsDir() {
		return nil, usagef("`--templates %s`: not a folder", dir)
	}
	return newTemplateOverlay(io.abs(dir), dir, io.inputLimit(templateMaxSize))
}

func (o *answerOptions) applyFlags(f *decision.File, a decision.Answers) error {
	var errs []string
	for _, q := range o.questions {
		raw, ok := o.Flags[q.ID]
		if !ok {
			continue
		}
		fq := f.Question(q.ID)
		if fq == nil {
			errs = append(errs, fmt.Sprintf("`--%s`: the decision file has no question %q",
				answers.FlagName(q.ID), q.ID))
			continue
		}
		vals, err := answers.ParseFlag(fq, raw)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		a[q.ID] = vals
	}
	for _, s := range o.Sets {
		id, vals, err := answers.ParseSet(f, s)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		if raw, ok := o.Flags[id]; ok && !sameValues(a[id], vals) {
			errs = append(errs, fmt.Sprintf("`--set %s` disagrees with `--%s %s`; pass one",
				s, answers.FlagName(id), raw))
			continue
		}
		a[id] = vals
	}
	if len(errs) > 0 {
		return usagef("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// evaluate evaluates the answers; missing answers name every flag to pass.
func (l *loaded) evaluate() (*decision.Recommendation, error) {
	rec, err := l.File.Evaluate(l.Answers)
	var missing *decision.MissingError
	if errors.As(err, &missing) {
		return nil, usagef("missing answers; pass %s, or an answers file with `--answers`",
			answers.MissingFlagsWith(missing, l.hasFlag))
	}
	if err != nil {
		return nil, usagef("%w", err)
	}
	return rec, nil
}

// loadDecisions loads the decision file named by path. Without a path it
// returns the built-in file from its snapshot, which tests keep valid and
// current, so that start-up parses no YAML.
func loadDecisions(io *IO, path string, tfs fs.FS) (*decision.File, error) {
	if path == "" {
		return defaultFile(), nil
	}
	data, err := readLimited(io.abs(path), path, io.inputLimit(decision.MaxFileSize))
	if err != nil {
		return nil, err
	}
	f, err := decision.Load(path, data, tfs)
	if err != nil {
		return nil, &usageError{err}
	}
	return f, nil
}

func readAnswersFile(full, name string, limit int64,
	f *decision.File) (decision.Answers, error) {
	data, err := readLimited(full, name, limit)
	if err != nil {
		return nil, err
	}
	a, err := answers.Parse(name, data, f)
	if err != nil {
		return nil, &usageError{err}
	}
	return a, nil
}

// readLimited reads a regular file, refusing one larger than limit. The
// read itself is bounded, since a file can grow between the check of its
// size and the read.
func readLimited(full, name string, limit int64) ([]byte, error) {
	f, _, err := openRegular(full, name, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, usagef("%s: %v", name, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, limit, 0)
	}
	return data, nil
}

// openRegular opens a regular file of at most limit bytes. It looks before
// it opens, since opening a named pipe would wait for a writer, and checks
// again what it opened.
func openRegular(full, name string, limit int64) (*os.File, int64, error) {
	if err := checkRegular(os.Stat(full)); err != nil {
		return nil, 0, usagef("%s: %w", name, err)
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, 0, usagef("%s: %v", name, errors.Unwrap(err))
	}
	info, err := f.Stat()
	if err = checkRegular(info, err); err == nil && info.Size() > limit {
		err = tooLarge(name, limit, info.Size())
	} else if err != nil {
		err = usagef("%s: %w", name, err)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}

// checkRegular refuses what is not a regular file: folders, devices such
// as /dev/zero, named pipes and sockets.
func checkRegular(info os.FileInfo, err error) error {
	switch {
	case err != nil:
		if u := errors.Unwrap(err); u != nil {
			return u
		}
		return err
	case info.IsDir():
		return errors.New("is a folder, not a file")
	case !info.Mode().IsRegular():
		return errors.New("is not a regular file")
	}
	return nil
}

func sameValues(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
