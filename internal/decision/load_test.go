package decision

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestParseYAMLRefuses checks each input every YAML reader refuses, with
// the position named, and the inputs next to them that it accepts.
func TestParseYAMLRefuses(t *testing.T) {
	nest := func(n int) string {
		return "a: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	}
	tests := map[string]struct{ in, want string }{
		"empty":         {"", "f.yaml: file is empty"},
		"comments only": {"# nothing\n", "f.yaml: file is empty"},
		"not utf-8":     {"a: 1\nb: caf\xe9\n", "f.yaml:2:7: not UTF-8 text"},
		"raw escape": {"a: \"\x1b[2J\"\n",
			`f.yaml:1:5: the control character '\x1b' must not be written raw`},
		"raw nul":    {"a: 1\x00\n", `f.yaml:1:5: the control character '\x00'`},
		"c1 control": {"a: \u009b31m\n", `f.yaml:1:4: the control character '\u009b'`},
		"alias":      {"a: &x 1\nb: *x\n", "f.yaml:2:4: YAML aliases (*x) are not supported"},
		"merge key":  {"a: {b: 1, <<: {c: 2}}\n", "f.yaml:1:11: merge keys (<<) are not supported"},
		"key twice": {"a: 1\nb: {c: 1, c: 2}\n",
			`f.yaml:2:11: key "c" appears twice in this mapping (first at line 2)`},
		"101 levels": {nest(100),
			"f.yaml:1:103: mappings and lists nest more than 100 levels deep here"},
		"past the parser": {nest(10001),
			"f.yaml:1:104: mappings and lists nest more than 100 levels deep here"},
		"second document": {"a: 1\n---\nb: 2\n", "f.yaml:2:1: a second YAML document starts here"},
		"text after json": {`{"a": "}", "b": [1]}  x` + "\n",
			"f.yaml:1:23: text after the end of the document"},
		"text on next line": {"[1, 2]\n\n  {\n", "f.yaml:3:3: text after the end of the document"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseYAML("f.yaml", []byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ParseYAML = %v, want %q", err, tt.want)
			}
		})
	}
	for name, in := range map[string]string{
		"99 levels below the root": nest(99),
		"a trailing ---":           "a: 1\n---\n",
		"a document end":           "a: 1\n...\n",
		"a byte-order mark":        "\ufeffa: 1\n",
		"escapes written as YAML":  "a: \"\\e[2J\\x00\"\n",
		"tabs and CRLF":            "a:\t1\r\nb: 2\r\n",
		"the same key in two maps": "a: {c: 1}\nb: {c: 1}\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseYAML("f.yaml", []byte(in)); err != nil {
				t.Errorf("ParseYAML(%q) = %v", in, err)
			}
		})
	}
}

// TestParseYAMLOwnKeys leaves repeated and merge keys to the caller.
func TestParseYAMLOwnKeys(t *testing.T) {
	if _, err := ParseYAMLOwnKeys("f.yaml", []byte("a: 1\na: 2\n<<: {b: 1}\n")); err != nil {
		t.Errorf("ParseYAMLOwnKeys = %v", err)
	}
}

// FuzzParseYAML feeds ParseYAML arbitrary text: it must not panic; what
// it accepts has no alias and no nesting past MaxDepth; and every position
// it names is inside the text.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{
		"a: 1\n", "a: [[[1]]]\n", "a: &x 1\nb: *x\n", "{\"a\": 1} x\n", "[1]\n\n  {\n",
		"a: 1\n---\nb: 2\n", "a: {b: 1, b: 2}\n", "<<: {a: 1}\n", "a: caf\xe9\n",
		"a: \"\x1b\"\n", "\ufeffa: 1\n", "a: '[' \n", strings.Repeat("[", 10002),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := ParseYAML("f.yaml", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v is not Problems", err)
			}
			// YAML breaks lines at CR, LF, CRLF, NEL, LS and PS.
			text := strings.ReplaceAll(string(data), "\r\n", "\n")
			lines := 1 + strings.Count(text, "\n") + strings.Count(text, "\r") +
				strings.Count(text, "\u0085") + strings.Count(text, "\u2028") +
				strings.Count(text, "\u2029")
			for _, p := range ps {
				if p.File != "f.yaml" || p.Pos.Line > lines || p.Pos.Line < 0 ||
					p.Pos.Column < 0 {
					t.Errorf("problem %q lies outside the %d lines of the text", p, lines)
				}
			}
			return
		}
		var walk func(n *yaml.Node, depth int)
		walk = func(n *yaml.Node, depth int) {
			if n.Kind == yaml.AliasNode {
				t.Fatalf("accepted an alias at %d:%d", n.Line, n.Column)
			}
			isCollection := n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode
			if isCollection && depth > MaxDepth {
				t.Fatalf("accepted nesting %d deep", depth)
			}
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		}
		walk(root, 1)
	})
}

// TestHostileYAMLMemory checks that refusing an alias bomb and 10,000
// nested lists allocates little: aliases are never expanded, and the
// parser's own depth limit stops the deepest nesting.
func TestHostileYAMLMemory(t *testing.T) {
	laughs := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		laughs += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = n
	}
	for name, tt := range map[string]struct {
		in    string
		limit uint64
	}{
		"a billion laughs": {laughs, 1 << 20},
		"10,000 lists":     {"a: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000), 32 << 20},
		"10,001 lists":     {strings.Repeat("[", 10001), 32 << 20},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := ParseYAML("f.yaml", []byte(tt.in))
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		if used := after.TotalAlloc - before.TotalAlloc; used > tt.limit {
			t.Errorf("%s: %d bytes of input allocated %d bytes, more than %d",
				name, len(tt.in), used, tt.limit)
		}
	}
}
