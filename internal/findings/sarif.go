package findings

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0 output: one run, every rule that ran listed once in
// tool.driver.rules with its descriptions and help, and one result per
// finding with its region and a fingerprint that survives moved lines.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolURI      = "https://github.com/authadvisor/authadvisor"
	// fingerprintKey names our partial fingerprint; bump the version when
	// its inputs change.
	fingerprintKey = "authadvisor/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// writeSARIF writes the report as a SARIF 2.1.0 log.
func writeSARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "authadvisor", Version: r.Version, InformationURI: toolURI,
			Rules: sarifRules(r.Rules),
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for i, ru := range r.Rules {
		index[ru.ID] = i
	}
	for _, f := range r.Findings {
		run.Results = append(run.Results, sarifResultOf(f, index[f.Rule]))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRules(rules []Rule) []sarifRule {
	out := make([]sarifRule, 0, len(rules))
	for _, ru := range rules {
		help := ru.Description
		if len(ru.Sources) > 0 {
			help += " Sources: " + strings.Join(ru.Sources, "; ") + "."
		}
		props := map[string]any{"tags": []string{"security", "authentication"}}
		if ru.AntiPattern != "" {
			props["anti_pattern"] = ru.AntiPattern
		}
		out = append(out, sarifRule{
			ID: ru.ID, Name: ruleName(ru.ID),
			ShortDescription:     sarifText{Text: ru.Title},
			FullDescription:      sarifText{Text: ru.Description},
			Help:                 sarifText{Text: help},
			HelpURI:              ru.HelpURL,
			DefaultConfiguration: sarifConfig{Level: sarifLevel(ru.Severity)},
			Properties:           props,
		})
	}
	return out
}

// ruleName turns auth-oauth2-implicit into AuthOauth2Implicit, the
// PascalCase name SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func sarifResultOf(f Finding, ruleIndex int) sarifResult {
	props := map[string]any{"advice": f.Advice, "sources": f.Sources, "pointer": f.Pointer}
	if f.AntiPattern != "" {
		props["anti_pattern"] = f.AntiPattern
	}
	res := sarifResult{
		RuleID: f.Rule, RuleIndex: ruleIndex, Level: sarifLevel(f.Severity),
		Message:             sarifText{Text: f.Message},
		Locations:           []sarifLocation{sarifLoc(f.Location)},
		PartialFingerprints: map[string]string{fingerprintKey: Fingerprint(f)},
		Properties:          props,
	}
	for i, rel := range f.Related {
		loc := sarifLoc(rel)
		id := i + 1
		loc.ID = &id
		loc.Message = &sarifText{Text: rel.Note}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	return res
}

func sarifLoc(l Location) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: fileURI(l.File)},
	}}
	if l.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: l.Line, StartColumn: l.Column}
	}
	return loc
}

// fileURI writes a path as a URI reference: relative paths stay relative
// (code scanning resolves them against the repository), absolute ones
// become file URLs.
func fileURI(p string) string {
	slash := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	return (&url.URL{Path: slash}).String()
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// Fingerprint identifies a finding by its rule, file and JSON pointer, so
// that it stays the same when lines are added above it.
func Fingerprint(f Finding) string {
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + filepath.ToSlash(f.File) + "\x00" + f.Pointer))
	return hex.EncodeToString(sum[:8])
}
