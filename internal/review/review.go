// Package review assembles the files of a review folder: the Markdown
// report, the answers file that reproduces it, and the starter
// configuration for the chosen schemes.
package review

import (
	"io/fs"
	"time"

	"github.com/authadvisor/authadvisor/internal/answers"
	"github.com/authadvisor/authadvisor/internal/decision"
	"github.com/authadvisor/authadvisor/internal/fileout"
	"github.com/authadvisor/authadvisor/internal/report"
	"github.com/authadvisor/authadvisor/internal/snippet"
)

// Names of the files at the top of a review folder.
const (
	ReportFile  = "report.md"
	AnswersFile = "answers.yaml"
	SnippetsDir = "snippets"
)

// Files renders everything a review folder holds. It writes nothing, so a
// caller can check the whole set before touching the disk.
func Files(f *decision.File, tfs fs.FS, rec *decision.Recommendation,
	p snippet.Params) ([]fileout.File, error) {
	md, err := report.Render(tfs, "markdown", rec)
	if err != nil {
		return nil, err
	}
	files := []fileout.File{
		{Path: ReportFile, Data: md, Mode: 0o644},
		{Path: AnswersFile, Data: answers.Marshal(f, rec.Answers), Mode: 0o644},
	}
	snips, err := Snippets(tfs, rec, p)
	if err != nil {
		return nil, err
	}
	return append(files, snips...), nil
}

// Snippets renders the starter configuration for the recommendation, with
// paths under the snippets folder.
func Snippets(tfs fs.FS, rec *decision.Recommendation, p snippet.Params) ([]fileout.File, error) {
	if len(rec.Snippets) == 0 {
		return nil, nil
	}
	if p.TokenLifetime == 0 {
		p.TokenLifetime = AccessTokenLifetime(rec)
	}
	specs := make([]snippet.Spec, len(rec.Snippets))
	for i, r := range rec.Snippets {
		specs[i] = snippet.Spec{ID: r.ID, Title: r.Title, Target: r.Target,
			Template: r.Template, Path: r.Path}
	}
	rendered, err := snippet.Render(tfs, specs, p)
	if err != nil {
		return nil, err
	}
	files := make([]fileout.File, len(rendered))
	for i, sf := range rendered {
		files[i] = fileout.File{Path: SnippetsDir + "/" + sf.Path, Data: sf.Data, Mode: sf.Mode}
	}
	return files, nil
}

// IdP returns the identity provider answered in rec, or "" when the
// decision file does not ask.
func IdP(rec *decision.Recommendation) string {
	for _, a := range rec.Answers {
		if a.Question == "idp" && len(a.Values) == 1 {
			return a.Values[0]
		}
	}
	return ""
}

// AccessTokenLifetime returns the longest access-token lifetime the
// recommendation allows (the short_lived_access_tokens setting's
// max_lifetime), or zero when it sets none.
func AccessTokenLifetime(rec *decision.Recommendation) time.Duration {
	for _, s := range rec.Settings {
		if s.ID == "short_lived_access_tokens" {
			d, _ := time.ParseDuration(s.Params["max_lifetime"])
			return d
		}
	}
	return 0
}

// SessionTimeouts reads the idle and absolute session timeouts the
// recommendation sets, from the params of its session_timeouts setting.
// Zero values mean the recommendation sets none.
func SessionTimeouts(rec *decision.Recommendation) (idle, absolute time.Duration) {
	for _, s := range rec.Settings {
		if s.ID != "session_timeouts" {
			continue
		}
		idle, _ = time.ParseDuration(s.Params["idle_timeout"])
		absolute, _ = time.ParseDuration(s.Params["absolute_timeout"])
	}
	return idle, absolute
}
