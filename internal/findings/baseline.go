package findings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// MaxBaselineSize is the default limit on the size of a baseline file;
// the command line reads no more than that, or the limit the user sets.
const MaxBaselineSize = 16 << 20

// Baseline holds known findings, each identified by rule, file and JSON
// pointer, that a run leaves out of its report. File paths in a baseline
// are relative to the baseline's own folder, so that it works from any
// working folder.
type Baseline struct {
	// Dir is the absolute folder of the baseline file; Cwd is the folder
	// the findings' relative paths start from.
	Dir, Cwd string
	known    map[baselineKey]bool
}

type baselineKey struct{ rule, file, pointer string }

// baselineEntry is one known finding as the baseline file stores it; the
// message is there for people reading the file.
type baselineEntry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

type baselineDoc struct {
	Version  int             `json:"version"`
	Command  string          `json:"command"`
	Findings []baselineEntry `json:"findings"`
}

// rel returns the finding's file relative to the baseline's folder.
func (b *Baseline) rel(file string) string {
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(b.Cwd, file)
	}
	if r, err := filepath.Rel(b.Dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

// Marshal writes the findings as a baseline file.
func (b *Baseline) Marshal(command string, fs []Finding) []byte {
	doc := baselineDoc{Version: 1, Command: command, Findings: []baselineEntry{}}
	for _, f := range fs {
		doc.Findings = append(doc.Findings, baselineEntry{
			Rule: f.Rule, File: b.rel(f.File), Pointer: f.Pointer, Message: f.Message,
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(doc)
	return buf.Bytes()
}

// Filter returns the findings the baseline does not know, and how many it
// left out.
func (b *Baseline) Filter(fs []Finding) ([]Finding, int) {
	var kept []Finding
	for _, f := range fs {
		if !b.known[baselineKey{f.Rule, b.rel(f.File), f.Pointer}] {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}

// Parse reads a baseline file written by Marshal. Problems name
// the file, line and column. The caller bounds the size of data.
func (b *Baseline) Parse(name string, data []byte) error {
	root, err := decision.ParseYAML(name, data)
	if err != nil {
		return err
	}
	entries, ps := baselineEntries(name, root)
	if len(ps) > 0 {
		return ps
	}
	b.known = map[baselineKey]bool{}
	for _, e := range entries {
		b.known[baselineKey{e.Rule, e.File, e.Pointer}] = true
	}
	return nil
}

// baselineEntries checks the shape of a baseline document and returns its
// entries.
func baselineEntries(name string, root *yaml.Node) ([]baselineEntry, decision.Problems) {
	bad := func(n *yaml.Node, msg string) decision.Problems {
		return decision.Problems{{File: name,
			Pos: decision.Pos{Line: n.Line, Column: n.Column}, Msg: msg}}
	}
	list := mapValue(root, "findings")
	if root.Kind != yaml.MappingNode || list == nil || list.Kind != yaml.SequenceNode {
		return nil, bad(root, "a baseline is an object with a `findings` list, "+
			"as written by `--write-baseline`")
	}
	if ps := unknownKeys(name, root, "version", "command", "findings"); len(ps) > 0 {
		return nil, ps
	}
	if v := mapValue(root, "version"); v != nil && v.Value != "1" {
		return nil, bad(v, fmt.Sprintf("baseline version %q is not one this authadvisor "+
			"reads (1); write the baseline again with `--write-baseline`", v.Value))
	}
	var out []baselineEntry
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			return nil, bad(item, "each finding is an object with rule, file and pointer")
		}
		if ps := unknownKeys(name, item, "rule", "file", "pointer", "message"); len(ps) > 0 {
			return nil, ps
		}
		e := baselineEntry{}
		fields := []struct {
			key string
			dst *string
		}{{"rule", &e.Rule}, {"file", &e.File}, {"pointer", &e.Pointer}}
		for _, fl := range fields {
			v := mapValue(item, fl.key)
			switch {
			case v == nil:
				return nil, bad(item, fmt.Sprintf("each finding needs a %q string", fl.key))
			case v.Kind != yaml.ScalarNode:
				return nil, bad(v, fmt.Sprintf("%q is a string", fl.key))
			}
			*fl.dst = v.Value
		}
		out = append(out, e)
	}
	return out, nil
}

// unknownKeys reports the keys of mapping n that are not allowed, the
// first 50 of them.
func unknownKeys(name string, n *yaml.Node, allowed ...string) decision.Problems {
	var ps decision.Problems
	for i := 0; i+1 < len(n.Content) && len(ps) < 50; i += 2 {
		k := n.Content[i]
		if !slices.Contains(allowed, k.Value) {
			ps = append(ps, decision.Problem{File: name,
				Pos: decision.Pos{Line: k.Line, Column: k.Column},
				Msg: fmt.Sprintf("unknown field %q (allowed: %s)", k.Value,
					strings.Join(allowed, ", "))})
		}
	}
	return ps
}

// mapValue returns the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
