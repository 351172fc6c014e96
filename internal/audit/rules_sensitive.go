package audit

import (
	"fmt"
	"strings"

	"github.com/authadvisor/authadvisor/internal/findings"
)

func sensitiveNotStronger(c *check) {
	d := c.doc
	table := sensitiveWords()
	var reads, weak []*Operation
	kinds := map[*Operation]string{}
	for _, op := range protected(d) {
		if k := sensitiveKind(op, table); k != "" {
			kinds[op] = k
			continue
		}
		if safeMethod(op.Method) {
			reads = append(reads, op)
		}
	}
	for _, op := range protected(d) {
		if kinds[op] != "" && readerCan(d, reads, d.effective(op)) {
			weak = append(weak, op)
		}
	}
	if len(weak) == 0 {
		return
	}
	examples := make([]string, 0, 3)
	for _, op := range weak[:min(3, len(weak))] {
		examples = append(examples, fmt.Sprintf("%s (%s)", opName(op), kinds[op]))
	}
	f := c.add(findings.Warning, weak[0].Loc, fmt.Sprintf("%s %s a credential that "+
		"read operations also accept, with no extra scope or step-up: %s",
		count(len(weak), "sensitive operation"), verb(len(weak), "accepts", "accept"),
		strings.Join(examples, ", ")))
	for _, op := range weak[1:min(len(weak), maxRelated+1)] {
		f.Related = append(f.Related, c.loc(op.Loc, opName(op)+" ("+kinds[op]+")"))
	}
	if keysOnly(d, weak) {
		f.AntiPattern = "api_key_only_for_critical"
	}
}

// readerCan reports whether a credential that satisfies some read
// operation also satisfies the requirement r: some alternative of r asks
// for no scheme and no scope beyond what an alternative of the read does.
func readerCan(d *Document, reads []*Operation, r *Requirements) bool {
	for _, read := range reads {
		for _, ra := range d.effective(read).Alts {
			for _, sa := range r.Alts {
				if covers(ra, sa) {
					return true
				}
			}
		}
	}
	return false
}

// covers reports whether holding what alternative have asks for is
// enough for alternative want.
func covers(have, want Alternative) bool {
	for _, w := range want.Uses {
		h := findUse(have, w.Name)
		if h == nil {
			return false
		}
		for _, sc := range w.Scopes {
			if findScope(h.Scopes, sc.Name) < 0 {
				return false
			}
		}
	}
	return true
}

func findUse(a Alternative, name string) *SchemeUse {
	for i := range a.Uses {
		if a.Uses[i].Name == name {
			return &a.Uses[i]
		}
	}
	return nil
}

func findScope(list []Scope, name string) int {
	for i, s := range list {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// keysOnly reports whether the operations accept nothing but API keys.
func keysOnly(d *Document, ops []*Operation) bool {
	for _, op := range ops {
		for _, a := range d.effective(op).Alts {
			for _, u := range a.Uses {
				if s := d.scheme(u.Name); s == nil || !strings.EqualFold(s.Type, "apiKey") {
					return false
				}
			}
		}
	}
	return true
}

func missing401(c *check) {
	prot := protected(c.doc)
	var missing []*Operation
	for _, op := range prot {
		if !documentsAuthFailure(op.Responses) {
			missing = append(missing, op)
		}
	}
	if len(missing) == 0 {
		return
	}
	f := c.add(findings.Info, missing[0].Loc, fmt.Sprintf("%d of %s %s no 401 or 403 "+
		"response, for example %s", len(missing), count(len(prot), "protected operation"),
		verb(len(missing), "documents", "document"), opName(missing[0])))
	for _, op := range missing[1:min(len(missing), maxRelated+1)] {
		f.Related = append(f.Related, c.loc(op.Loc, opName(op)))
	}
}

// documentsAuthFailure reports whether responses include 401, 403 or 4XX.
func documentsAuthFailure(codes []string) bool {
	for _, code := range codes {
		switch strings.ToUpper(code) {
		case "401", "403", "4XX":
			return true
		}
	}
	return false
}
