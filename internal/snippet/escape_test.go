package snippet

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hostileStrings are values that end strings or comments in some target.
func hostileStrings() []string {
	return []string{
		"", "plain", `"`, `\`, `\"`, `"\`, "a\nb", "a\r\nb", "tab\there", "nul\x00x",
		"$var ${x} $(cmd)", "semi; } { ", "`back`tick`", "*/ /* // #", "caf\u00e9",
		"\u2028line sep", "\u202eRTL", "\ufeffbom", "del\x7f", "c1\u0085\u009b",
		"emoji \U0001F512", "tag \U000E0041", "'single'", "--- \n- list: [x]",
	}
}

func TestGoString(t *testing.T) {
	for _, v := range hostileStrings() {
		lit := goString(v)
		expr, err := parser.ParseExpr(lit)
		if err != nil {
			t.Fatalf("goString(%q) = %s does not parse: %v", v, lit, err)
		}
		bl, ok := expr.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			t.Fatalf("goString(%q) = %s is not a string literal", v, lit)
		}
		if got, _ := strconv.Unquote(bl.Value); got != v {
			t.Errorf("goString(%q) round-trips to %q", v, got)
		}
	}
}

func TestGoStrings(t *testing.T) {
	values := hostileStrings()
	expr, err := parser.ParseExpr("[]string{" + goStrings(values) + "}")
	if err != nil {
		t.Fatal(err)
	}
	elts := expr.(*ast.CompositeLit).Elts
	if len(elts) != len(values) {
		t.Fatalf("%d elements, want %d", len(elts), len(values))
	}
	for i, e := range elts {
		if got, _ := strconv.Unquote(e.(*ast.BasicLit).Value); got != values[i] {
			t.Errorf("element %d = %q, want %q", i, got, values[i])
		}
	}
	if got := goStrings(nil); got != "" {
		t.Errorf("goStrings(nil) = %q", got)
	}
}

func TestNginxString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"api.example.com", `"api.example.com"`},
		{"", `""`},
		{`a"b`, `"a\"b"`},
		{`a\b`, `"a\\b"`},
		{`x\t`, `"x\\t"`},
		{"semi; } {", `"semi; } {"`},
		{"back`tick */ #", "\"back`tick */ #\""},
		{"caf\u00e9", "\"caf\u00e9\""},
	}
	for _, c := range cases {
		got, err := nginxString(c.in)
		if err != nil || got != c.want {
			t.Errorf("nginxString(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	// nginx has no escape for these: refuse rather than emit something
	// nginx would reinterpret.
	for _, in := range []string{"$host", "a${x}", "a\nb", "a\rb", "a\tb", "nul\x00", "\u202e",
		"del\x7f", "bad\xffutf8"} {
		if got, err := nginxString(in); !errors.Is(err, errNginxUnsafe) {
			t.Errorf("nginxString(%q) = %s, %v; want errNginxUnsafe", in, got, err)
		}
	}
}

func TestYAMLString(t *testing.T) {
	for _, v := range hostileStrings() {
		out, err := yamlString(v)
		if err != nil {
			t.Fatalf("yamlString(%q): %v", v, err)
		}
		doc := "key: " + out + "\nnext: 1\n"
		var got map[string]any
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
			t.Fatalf("yamlString(%q) = %s does not parse: %v", v, out, err)
		}
		if got["key"] != v || got["next"] != 1 {
			t.Errorf("yamlString(%q) = %s parses to %#v", v, out, got)
		}
		if strings.ContainsAny(out, "\n\r\x00") {
			t.Errorf("yamlString(%q) = %q keeps a raw control character", v, out)
		}
	}
	if _, err := yamlString("bad\xff"); err == nil {
		t.Error("yamlString accepted invalid UTF-8")
	}
}

func TestYAMLStringIsJSONForASCII(t *testing.T) {
	for _, v := range []string{`a"b\c`, "tab\tnl\n", "$x; } */ `q`", "nul\x00"} {
		out, _ := yamlString(v)
		var got string
		if err := json.Unmarshal([]byte(out), &got); err != nil || got != v {
			t.Errorf("yamlString(%q) = %s is not the same JSON string: %v", v, out, err)
		}
	}
}

func TestMDCode(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "`plain`"},
		{"a`b", "``a`b``"},
		{"a``b`", "``` a``b` ```"},
		{"`x`", "`` `x` ``"},
	}
	for _, c := range cases {
		if got := mdCode(c.in); got != c.want {
			t.Errorf("mdCode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKongString(t *testing.T) {
	for _, v := range append(hostileStrings(), "${{ env \"DECK_X\" }}", `\$`) {
		out, err := kongString(v)
		if err != nil {
			t.Fatalf("kongString(%q): %v", v, err)
		}
		if strings.Contains(out, "$") {
			t.Errorf("kongString(%q) = %s keeps a '$', which can open a decK template action", v, out)
		}
		var got map[string]any
		if err := yaml.Unmarshal([]byte("key: "+out+"\n"), &got); err != nil || got["key"] != v {
			t.Errorf("kongString(%q) = %s parses to %#v, %v", v, out, got, err)
		}
	}
}

func TestIstioExact(t *testing.T) {
	for _, v := range []string{"client", "a*b", "aud\"ience\\ $x", ""} {
		out, err := istioExact("--audience", v)
		want, _ := yamlString(v)
		if err != nil || out != want {
			t.Errorf("istioExact(%q) = %s, %v; want %s", v, out, err, want)
		}
	}
	for _, v := range []string{"*", "*abc", "abc*"} {
		_, err := istioExact("--audience", v)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Flag != "--audience" || pe.Value != v {
			t.Errorf("istioExact(%q): %v, want a *ParamError for --audience", v, err)
		}
	}
}
