// Package adr writes authadvisor recommendations as architecture decision
// records in the MADR 4.0 layout: it finds the record folder, numbers and
// names the new file, renders it from a template and marks a superseded
// record.
package adr

import (
	"fmt"
	"strings"
	"time"
)

// Statuses a new record may have, in MADR 4.0 terms. "superseded by
// ADR-NNNN" is set only by Supersede.
const (
	StatusProposed   = "proposed"
	StatusAccepted   = "accepted"
	StatusRejected   = "rejected"
	StatusDeprecated = "deprecated"
)

// maxTitle bounds a title so that headings and link texts stay readable.
const maxTitle = 200

// Meta is what the user says about the record.
type Meta struct {
	// Title is the record's short title, from `--title`; required.
	Title string
	// Status is proposed, accepted, rejected or deprecated; empty means
	// proposed.
	Status string
	// Date is when the decision was last updated, from the caller's clock.
	Date time.Time
	// DecisionMakers, Consulted and Informed are the people involved, in
	// the sense of a RACI chart.
	DecisionMakers []string
	Consulted      []string
	Informed       []string
	// Supersedes is the number of the record this one replaces; 0 is none.
	Supersedes int
	// SupersedesFile is the superseded record's file name, used for the
	// link in More Information. Create fills it in; when it is empty the
	// record names the superseded one without a link.
	SupersedesFile string
}

// Normalize returns m with surrounding spaces trimmed, the status
// lower-cased and defaulted to proposed, and empty names dropped; it
// returns an error when m cannot make a record.
func (m Meta) Normalize() (Meta, error) {
	m.Title = strings.TrimSpace(m.Title)
	m.Status = strings.ToLower(strings.TrimSpace(m.Status))
	if m.Status == "" {
		m.Status = StatusProposed
	}
	m.DecisionMakers = cleanNames(m.DecisionMakers)
	m.Consulted = cleanNames(m.Consulted)
	m.Informed = cleanNames(m.Informed)
	m.SupersedesFile = strings.TrimSpace(m.SupersedesFile)
	return m, m.validate()
}

func (m Meta) validate() error {
	if err := validateTitle(m.Title); err != nil {
		return err
	}
	switch m.Status {
	case StatusProposed, StatusAccepted, StatusRejected, StatusDeprecated:
	default:
		return fmt.Errorf("status %q is not one of proposed, accepted, rejected, deprecated; "+
			"fix `--status`", m.Status)
	}
	if m.Date.IsZero() {
		return fmt.Errorf("the record has no date; the caller must pass one")
	}
	if m.Supersedes < 0 {
		return fmt.Errorf("`--supersedes` %d is not a record number", m.Supersedes)
	}
	for _, list := range [][]string{m.DecisionMakers, m.Consulted, m.Informed} {
		for _, name := range list {
			if strings.ContainsAny(name, "\r\n") {
				return fmt.Errorf("name %q spans lines; give one name per entry", name)
			}
		}
	}
	return nil
}

func validateTitle(title string) error {
	switch {
	case title == "":
		return fmt.Errorf("the record needs a title; pass `--title`")
	case strings.ContainsAny(title, "\r\n"):
		return fmt.Errorf("title %q spans lines; pass a one-line `--title`", title)
	case len([]rune(title)) > maxTitle:
		return fmt.Errorf("title is %d characters long; keep `--title` under %d",
			len([]rune(title)), maxTitle)
	}
	return nil
}

// cleanNames trims each name and drops empty ones, keeping the given order.
func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
