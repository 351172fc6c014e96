package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/findings"
	"github.com/authadvisor/authadvisor/internal/safetext"
)

// reportFlags are the output flags `audit` and `check` share: format,
// failure threshold and baseline.
type reportFlags struct {
	Format        string
	FailOn        string
	Baseline      string
	WriteBaseline string
	Force         bool

	threshold findings.Severity
}

func (r *reportFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVarP(&r.Format, "format", "f", "text", "output format: text, json, sarif or markdown")
	fl.StringVar(&r.FailOn, "fail-on", "error",
		"exit with 1 when a finding is at or above this severity: error, warning, info or none")
	fl.StringVar(&r.Baseline, "baseline", "", "leave out the findings listed in this baseline file")
	fl.StringVar(&r.WriteBaseline, "write-baseline", "",
		"write the current findings to this baseline file instead of reporting them")
	fl.BoolVar(&r.Force, "force", false, "overwrite the `--write-baseline` file")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(findings.Formats,
		cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions(findings.Severities,
		cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("baseline", "json")
	_ = cmd.MarkFlagFilename("write-baseline", "json")
}

// check validates the flag values before any file is read.
func (r *reportFlags) check() error {
	if !contains(findings.Formats, r.Format) {
		return usagef("`--format %s`: use one of %s", r.Format,
			strings.Join(findings.Formats, ", "))
	}
	sev, err := findings.ParseSeverity(r.FailOn)
	if err != nil {
		return usagef("`--fail-on %s`: %w", r.FailOn, err)
	}
	r.threshold = sev
	if err := checkOutPath("write-baseline", r.WriteBaseline); err != nil {
		return err
	}
	if r.Force && r.WriteBaseline == "" {
		return usagef("`--force` only applies to `--write-baseline`")
	}
	return nil
}

// finish applies the baseline, writes the report or the new baseline,
// and returns a FindingsError when findings reach the threshold.
func (r *reportFlags) finish(io *IO, rep *findings.Report) error {
	findings.Sort(rep.Findings)
	if r.Baseline != "" {
		b := baselineFor(io, r.Baseline)
		data, err := readLimited(io.abs(r.Baseline), r.Baseline,
			io.inputLimit(findings.MaxBaselineSize))
		if err != nil {
			return err
		}
		if err := b.Parse(r.Baseline, data); err != nil {
			return &usageError{err}
		}
		rep.Findings, rep.Suppressed = b.Filter(rep.Findings)
	}
	if r.WriteBaseline != "" {
		return r.writeBaseline(io, rep)
	}
	if err := findings.Render(io.Out, r.Format, rep); err != nil {
		return err
	}
	if n := rep.AtLeast(r.threshold); n > 0 {
		return &FindingsError{Count: n}
	}
	return nil
}

// writeBaseline records the findings as known, atomically, refusing to
// overwrite without `--force`.
func (r *reportFlags) writeBaseline(io *IO, rep *findings.Report) error {
	b := baselineFor(io, r.WriteBaseline)
	data := b.Marshal(rep.Command, rep.Findings)
	if err := fileout.Write(io.abs(r.WriteBaseline), data, 0o644, r.Force); err != nil {
		return usagef("`--write-baseline`: %w", err)
	}
	fmt.Fprintf(io.Err, "wrote %s with %d findings\n", safetext.Plain(r.WriteBaseline),
		len(rep.Findings))
	return nil
}
