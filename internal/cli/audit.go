package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/audit"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// AuditOptions are the inputs of `authadvisor audit`.
type AuditOptions struct {
	IO     *IO
	Files  []string
	Report reportFlags
	// Rules and Skip select rules by id.
	Rules, Skip []string
	ListRules   bool
	// Terminal reports whether standard error is a terminal, where a
	// progress bar is drawn while several files are audited.
	Terminal func() bool
}

func newAuditCmd(io *IO) *cobra.Command {
	o := &AuditOptions{IO: io, Terminal: func() bool { return stderrTerminal(io) }}
	cmd := &cobra.Command{
		Use:   "audit FILE...",
		Short: "Audit how OpenAPI documents authenticate their callers",
		Long: "Read OpenAPI 3.0 and 3.1 and Swagger 2.0 documents (YAML or JSON) and report\n" +
			"how their authentication falls short: missing or optional security, credentials\n" +
			"in URLs, Basic and other weak schemes, plain HTTP, implicit and password flows,\n" +
			"scopes, unused or undefined schemes, inconsistent schemes, sensitive operations\n" +
			"no better protected than reads, and missing 401/403 responses. Each finding has\n" +
			"a rule id, a severity, advice with its source, and file:line:col. Exits with 1\n" +
			"when a finding is at or above `--fail-on`.",
		Example: `  authadvisor audit openapi.yaml
  authadvisor audit specs/*.yaml --format sarif > audit.sarif
  authadvisor audit api.json --fail-on warning --skip auth-missing-401-403
  authadvisor audit api.yaml --write-baseline .authadvisor-baseline.json
  authadvisor audit api.yaml --baseline .authadvisor-baseline.json
  authadvisor audit --list-rules`,
		RunE: func(_ *cobra.Command, args []string) error {
			o.Files = args
			return RunAudit(o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion,
			cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	o.Report.register(cmd)
	fl := cmd.Flags()
	fl.StringSliceVar(&o.Rules, "rule", nil, "run only these rules (repeatable or comma-separated)")
	fl.StringSliceVar(&o.Skip, "skip", nil,
		"do not run these rules (repeatable or comma-separated)")
	fl.BoolVar(&o.ListRules, "list-rules", false,
		"list the rules with their severity and sources")
	ruleIDs := func(*cobra.Command, []string, string) ([]cobra.Completion,
		cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, r := range audit.Rules() {
			out = append(out, cobra.CompletionWithDesc(r.ID, r.Title))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	cmd.RegisterFlagCompletionFunc("rule", ruleIDs)
	cmd.RegisterFlagCompletionFunc("skip", ruleIDs)
	return cmd
}

// RunAudit audits each file and prints the findings.
func RunAudit(o *AuditOptions) error {
	if err := o.Report.check(); err != nil {
		return err
	}
	sel, err := audit.Select(o.Rules, o.Skip)
	if err != nil {
		return usagef("`--rule`/`--skip`: %w", err)
	}
	if o.ListRules {
		return listRules(o.IO)
	}
	if len(o.Files) == 0 {
		return usagef("name the OpenAPI documents to audit, " +
			"such as `authadvisor audit openapi.yaml`")
	}
	// Audit's parsed parts are short-lived: collecting garbage sooner keeps
	// peak memory a small multiple of the document.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	rep, err := o.auditAll(sel)
	if err != nil {
		return err
	}
	return o.Report.finish(o.IO, rep)
}

// auditAll reads and audits every file. Problems in any file are reported
// together and nothing else is printed.
func (o *AuditOptions) auditAll(sel audit.Selection) (*findings.Report, error) {
	rep := &findings.Report{Command: "audit", Version: Version(), Rules: selectedRules(sel)}
	bar := newProgress(o.IO.Err, len(o.Files), o.Terminal != nil && len(o.Files) > 1 &&
		o.IO.Getenv("TERM") != "dumb" && o.Terminal())
	var problems decision.Problems
	for i, name := range o.Files {
		bar.show(i, name)
		res, err := o.auditOne(name, sel)
		var ps decision.Problems
		switch {
		case errors.As(err, &ps):
			problems = append(problems, ps...)
			continue
		case err != nil:
			bar.done()
			return nil, err
		}
		rep.Files = append(rep.Files, name)
		rep.Findings = append(rep.Findings, res.Findings...)
		for _, n := range res.Notes {
			bar.clear()
			fmt.Fprintf(o.IO.Err, "note: %s\n", safetext.Plain(n))
		}
	}
	bar.done()
	if len(problems) > 0 {
		return nil, &usageError{problems}
	}
	return rep, nil
}

func (o *AuditOptions) auditOne(name string, sel audit.Selection) (audit.Result, error) {
	f, size, err := openRegular(o.IO.abs(name), name, o.IO.inputLimit(audit.MaxFileSize))
	if err != nil {
		return audit.Result{}, err
	}
	defer f.Close()
	doc, err := audit.ReadFrom(name, f, size)
	if err != nil {
		return audit.Result{}, err
	}
	return audit.Audit(doc, sel), nil
}

func selectedRules(sel audit.Selection) []findings.Rule {
	var out []findings.Rule
	for _, r := range audit.Rules() {
		if sel[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// listRules prints every rule: id, default severity, title and sources.
func listRules(io *IO) error {
	var b strings.Builder
	for _, r := range audit.Rules() {
		fmt.Fprintf(&b, "%-28s %-7s %s\n", r.ID, r.Severity, r.Title)
		fmt.Fprintf(&b, "%-28s %-7s sources: %s\n", "", "", strings.Join(r.Sources, "; "))
	}
	_, err := fmt.Fprint(io.Out, b.String())
	return err
}

// stderrTerminal reports whether standard error is a terminal.
func stderrTerminal(io *IO) bool {
	f, ok := io.Err.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// baselineFor prepares a baseline whose paths are relative to its file.
func baselineFor(io *IO, path string) *findings.Baseline {
	return &findings.Baseline{Dir: filepath.Dir(io.abs(path)), Cwd: io.Dir}
}
