package audit

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

// applyIgnores leaves out findings that an `x-authadvisor-ignore` on the
// object they concern, or on an object containing it, switches off. The
// value lists rule ids; "all" switches off every rule.
func applyIgnores(doc *Document, fs []findings.Finding) []findings.Finding {
	if len(doc.Ignores) == 0 {
		return fs
	}
	var kept []findings.Finding
	for _, f := range fs {
		if !ignored(doc.Ignores, f) {
			kept = append(kept, f)
		}
	}
	return kept
}

func ignored(igs []Ignore, f findings.Finding) bool {
	for _, ig := range igs {
		p := string(ig.Ptr)
		if f.Pointer != p && !strings.HasPrefix(f.Pointer, p+"/") {
			continue
		}
		for _, id := range ig.Rules {
			if id == f.Rule || id == "all" {
				return true
			}
		}
	}
	return false
}

// unknownIgnores notes rule ids in `x-authadvisor-ignore` that no rule has.
func unknownIgnores(doc *Document, cat []rule) []string {
	known := map[string]bool{"all": true}
	for _, r := range cat {
		known[r.meta.ID] = true
	}
	var notes []string
	for _, ig := range doc.Ignores {
		for _, id := range ig.Rules {
			if !known[id] {
				notes = append(notes, fmt.Sprintf("%s:%d:%d: %s names unknown rule %q",
					doc.File, ig.Line, ig.Col, ignoreKey, id))
			}
		}
	}
	return notes
}
