package decision

import (
	"strings"
	"testing"
)

// TestParseYAMLRefuses checks each input every YAML reader refuses, with
// the position named, and the inputs next to them that it accepts.
func TestParseYAMLRefuses(t *testing.T) {
	nest := func(n int) string {
		return "a: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	}
	tests := map[string]struct{ in, want string }{
		"empty":             {"", "f.yaml: file is empty"},
		"comments only":     {"# nothing\n", "f.yaml: file is empty"},
		"not utf-8":         {"a: 1\nb: caf\xe9\n", "f.yaml:2:7: not UTF-8 text"},
		"raw escape":        {"a: \"\x1b[2J\"\n", `f.yaml:1:5: the control character '\x1b' must not be written raw`},
		"raw nul":           {"a: 1\x00\n", `f.yaml:1:5: the control character '\x00'`},
		"c1 control":        {"a: \u009b31m\n", `f.yaml:1:4: the control character '\u009b'`},
		"alias":             {"a: &x 1\nb: *x\n", "f.yaml:2:4: YAML aliases (*x) are not supported"},
		"merge key":         {"a: {b: 1, <<: {c: 2}}\n", "f.yaml:1:11: merge keys (<<) are not supported"},
		"key twice":         {"a: 1\nb: {c: 1, c: 2}\n", `f.yaml:2:11: key "c" appears twice in this mapping (first at line 2)`},
		"101 levels":        {nest(100), "f.yaml:1:103: mappings and lists nest more than 100 levels deep here"},
		"past the parser":   {nest(10001), "f.yaml:1:104: mappings and lists nest more than 100 levels deep here"},
		"second document":   {"a: 1\n---\nb: 2\n", "f.yaml:2:1: a second YAML document starts here"},
		"text after json":   {`{"a": "}", "b": [1]}  x` + "\n", "f.yaml:1:23: text after the end of the document"},
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
