package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/internal/review"
	"github.com/authadvisor/authadvisor/internal/safetext"
	"github.com/authadvisor/authadvisor/internal/snippet"
)

// RecommendOptions are the inputs of `authadvisor recommend`.
type RecommendOptions struct {
	IO      *IO
	Answers answerOptions
	Snippet snippetFlags
	Format  string
	OutDir  string
	Force   bool
}

func newRecommendCmd(io *IO, questions []decision.Question) *cobra.Command {
	o := &RecommendOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "recommend [flags]",
		Short: "Recommend how an API should authenticate its callers",
		Long: "Evaluate the answers against the decision tree and print the recommendation:\n" +
			"the schemes to use and why, alternatives, rejected options, settings with values,\n" +
			"warnings, checklists, the decision path and the sources behind every rule.",
		Example: `  authadvisor recommend --client-type server_m2m --user-context none \
    --trust public_internet --can-hold-secret yes --has-browser no \
    --token-lifetime minutes --revocation eventual --sensitivity medium \
    --sensitive-operations "" --compliance ""
  authadvisor recommend --answers answers.yaml --format json
  authadvisor recommend --answers answers.yaml --gateway nginx --out review/`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return RunRecommend(o) },
	}
	registerAnswerFlags(cmd, &o.Answers, questions)
	o.Snippet.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&o.Format, "format", "f", "markdown", "output format: markdown, json or text")
	fl.StringVarP(&o.OutDir, "out", "o", "",
		"write report.md, answers.yaml and snippets/ into this folder")
	fl.BoolVar(&o.Force, "force", false, "overwrite files that already exist in the --out folder")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats,
		cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagDirname("out")
	return cmd
}

// RunRecommend evaluates the answers and prints or writes the result.
func RunRecommend(o *RecommendOptions) error {
	if !contains(report.Formats, o.Format) {
		return usagef("`--format %s`: use one of %s", o.Format, strings.Join(report.Formats, ", "))
	}
	if err := checkOutPath("out", o.OutDir); err != nil {
		return err
	}
	if o.OutDir != "" && o.Format != "markdown" {
		return usagef("`--out` writes report.md, answers.yaml and snippets/; " +
			"leave out `--format`, or print with `--format` and no `--out`")
	}
	l, err := o.Answers.load(o.IO)
	if err != nil {
		return err
	}
	rec, err := l.evaluate()
	if err != nil {
		return err
	}
	// Snippet values are checked even when nothing is written, so that a
	// bad value is never accepted silently.
	if err := o.Snippet.paramsFor(rec).Validate(); err != nil {
		return usagef("%w", err)
	}
	noteDropped(o.IO, l.Answers, rec)
	noteLooserTimeouts(o.IO, o.Snippet, rec)
	noteGatewayWithoutFiles(o.IO, l.File, rec)
	if o.OutDir != "" {
		return o.writeFolder(l, rec)
	}
	out, err := report.Render(l.Templates, o.Format, rec)
	if err != nil {
		return err
	}
	_, err = o.IO.Out.Write(out)
	return err
}

// writeFolder renders everything first, checks that nothing would be
// overwritten, and only then writes.
func (o *RecommendOptions) writeFolder(l *loaded, rec *decision.Recommendation) error {
	files, err := review.Files(l.File, l.Templates, rec, o.Snippet.paramsFor(rec))
	var pe *snippet.ParamError
	if errors.As(err, &pe) {
		return usagef("%w", err)
	}
	if err != nil {
		return err
	}
	dir := o.IO.abs(o.OutDir)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return usagef("`--out %s`: is a file, not a folder", o.OutDir)
	}
	if err := fileout.Plan(dir, files, o.Force); err != nil {
		return usagef("%w", err)
	}
	stale := staleFiles(dir, files)
	if err := fileout.WriteAll(dir, files, o.Force); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(o.IO.Err, "wrote %s\n", safetext.Plain(filepath.Join(o.OutDir, f.Path)))
	}
	for _, p := range stale {
		fmt.Fprintf(o.IO.Err, "note: %s is left from an earlier run and is not part of "+
			"this report; remove it\n", safetext.Plain(filepath.Join(o.OutDir, p)))
	}
	if held := o.Snippet.placeholders(o.Snippet.paramsFor(rec), files); len(held) > 0 {
		fmt.Fprintf(o.IO.Err, "note: the snippets hold placeholder values for %s; "+
			"run again with those flags, or edit the files before use\n", andList(held))
	}
	return nil
}

// staleFiles lists files under the folder's snippets/ that the new set does
// not write, so that a review folder rewritten with --force is not
// mistaken for one that matches its report.
func staleFiles(dir string, files []fileout.File) []string {
	keep := map[string]bool{}
	for _, f := range files {
		keep[filepath.FromSlash(f.Path)] = true
	}
	var stale []string
	root := filepath.Join(dir, review.SnippetsDir)
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if !keep[rel] {
			stale = append(stale, rel)
		}
		return nil
	})
	return stale
}

// noteDropped says on stderr which given answers the decision file does
// not ask for these answers, so that they are not ignored silently.
func noteDropped(io *IO, given decision.Answers, rec *decision.Recommendation) {
	used := map[string]bool{}
	for _, a := range rec.Answers {
		used[a.Question] = true
	}
	var dropped []string
	for id := range given {
		if !used[id] {
			dropped = append(dropped, id)
		}
	}
	sort.Strings(dropped)
	for _, id := range dropped {
		fmt.Fprintf(io.Err, "note: %s does not apply to these answers and is ignored\n", id)
	}
}

// noteLooserTimeouts says on stderr which session timeout flags are longer
// than the limits of the recommendation's session_timeouts setting, so
// that snippets laxer than the report are not written silently.
func noteLooserTimeouts(io *IO, s snippetFlags, rec *decision.Recommendation) {
	idle, absolute := review.SessionTimeouts(rec)
	for _, t := range []struct {
		flag, kind string
		flg, rec   time.Duration
	}{
		{snippet.FlagIdleTimeout, "an idle", s.IdleTimeout, idle},
		{snippet.FlagAbsoluteTimeout, "an absolute", s.AbsoluteTimeout, absolute},
	} {
		if t.rec != 0 && t.flg > t.rec {
			fmt.Fprintf(io.Err, "note: `%s %s` is longer than the recommendation's "+
				"session_timeouts setting, which asks for %s timeout of at most %s; "+
				"the snippets use %s\n", t.flag, shortDuration(t.flg), t.kind,
				shortDuration(t.rec), shortDuration(t.flg))
		}
	}
}

// shortDuration writes d as time.Duration does, without zero minutes or
// seconds at the end: 24h, 15m, 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// snippetFlags are the values placed into starter configuration.
type snippetFlags struct {
	Issuer, Audience, ClientID, APIHost, Upstream, Module string
	Scopes                                                []string
	IdleTimeout, AbsoluteTimeout                          time.Duration
}

func (s *snippetFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&s.Issuer, "issuer", "", "OpenID issuer URL placed in the snippets")
	fl.StringVar(&s.Audience, "audience", "", "expected aud claim of access tokens")
	fl.StringVar(&s.ClientID, "client-id", "", "OAuth client id placed in the snippets")
	fl.StringArrayVar(&s.Scopes, "scope", nil, "scope a client asks for (repeatable)")
	fl.StringVar(&s.APIHost, "api-host", "", "DNS name the API is served under")
	fl.StringVar(&s.Upstream, "upstream", "", "URL the gateway proxies to")
	fl.StringVar(&s.Module, "module", "", "Go module path of the generated Go folder")
	fl.DurationVar(&s.IdleTimeout, snippet.FlagIdleTimeout[2:], 0,
		"session idle timeout in the snippets (default: the recommendation's)")
	fl.DurationVar(&s.AbsoluteTimeout, snippet.FlagAbsoluteTimeout[2:], 0,
		"session absolute timeout in the snippets (default: the recommendation's)")
}

// placeholders lists the flags not given whose placeholder value (from p)
// appears in a written snippet, each with that value to search for.
func (s *snippetFlags) placeholders(p snippet.Params, files []fileout.File) []string {
	var held []string
	for _, f := range []struct{ flag, given, used string }{
		{"--issuer", s.Issuer, p.Issuer}, {"--audience", s.Audience, p.Audience},
		{"--client-id", s.ClientID, p.ClientID}, {"--api-host", s.APIHost, p.APIHost},
	} {
		if f.given == "" && f.used != "" && inSnippets(files, f.used) {
			held = append(held, "`"+f.flag+"` ("+safetext.Plain(f.used)+")")
		}
	}
	return held
}

// inSnippets reports whether a snippet among files holds text.
func inSnippets(files []fileout.File, text string) bool {
	for _, f := range files {
		if strings.HasPrefix(filepath.ToSlash(f.Path), review.SnippetsDir+"/") &&
			bytes.Contains(f.Data, []byte(text)) {
			return true
		}
	}
	return false
}

// paramsFor is params for the recommendation's identity provider, with
// the recommendation's session timeouts unless flags set others.
func (s *snippetFlags) paramsFor(rec *decision.Recommendation) snippet.Params {
	p := s.params(review.IdP(rec))
	idle, absolute := review.SessionTimeouts(rec)
	for _, d := range []struct {
		dst      *time.Duration
		rec, flg time.Duration
	}{{&p.IdleTimeout, idle, s.IdleTimeout}, {&p.AbsoluteTimeout, absolute, s.AbsoluteTimeout}} {
		if d.rec != 0 {
			*d.dst = d.rec
		}
		if d.flg != 0 {
			*d.dst = d.flg
		}
	}
	return p
}

// params starts from the identity provider's placeholders and applies the
// flags that were given.
func (s *snippetFlags) params(idp string) snippet.Params {
	p := snippet.DefaultParams(idp)
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&p.Issuer, s.Issuer)
	set(&p.Audience, s.Audience)
	set(&p.ClientID, s.ClientID)
	set(&p.APIHost, s.APIHost)
	set(&p.Upstream, s.Upstream)
	set(&p.Module, s.Module)
	if len(s.Scopes) > 0 {
		p.Scopes = s.Scopes
	}
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
