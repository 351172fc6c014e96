package audit

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSplitReadingMatchesWholeReading reads every corpus document both
// ways and expects the same result: the fast reading must never see a
// different document.
func TestSplitReadingMatchesWholeReading(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.*.*")
	if len(files) != 8 {
		t.Fatalf("found %d corpus documents, want 8", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer file.Close()
			split, err := readWith(f, &input{r: file, size: len(data)}, openSplit)
			if err != nil {
				t.Fatalf("split reading gave up: %v", err)
			}
			whole, err := readWhole(f, data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(split, whole) {
				t.Errorf("split and whole readings differ")
				diffDocs(t, split, whole)
			}
		})
	}
}

func diffDocs(t *testing.T, a, b *Document) {
	t.Helper()
	if len(a.Operations) != len(b.Operations) {
		t.Errorf("operations: %d vs %d", len(a.Operations), len(b.Operations))
		return
	}
	for i := range a.Operations {
		if !reflect.DeepEqual(a.Operations[i], b.Operations[i]) {
			t.Errorf("operation %d:\n%+v\n%+v", i, a.Operations[i], b.Operations[i])
			return
		}
	}
	if !reflect.DeepEqual(a.Schemes, b.Schemes) {
		t.Errorf("schemes:\n%+v\n%+v", a.Schemes, b.Schemes)
	}
}

// trickyDocuments are written in ways the split reading must either
// handle or give up on; either way Read must agree with parsing the whole
// document.
func trickyDocuments() map[string]string {
	const sec = "components:\n  securitySchemes:\n    k: {type: apiKey, in: query, name: key}\n" +
		"security: [{k: []}]\n"
	return map[string]string{
		"quoted scalar continued at column 0": "openapi: 3.0.0\n" + sec +
			"paths:\n  /a:\n    get:\n      summary: \"one\ntwo: three\"\n" +
			"      parameters: [{name: password, in: query}]\n",
		"document markers": "%YAML 1.2\n---\nopenapi: 3.0.0\n" + sec + "paths: {}\n...\n",
		"second document":  "openapi: 3.0.0\n" + sec + "paths: {}\n---\nopenapi: 3.1.0\n",
		"explicit key":     "openapi: 3.0.0\n" + sec + "paths:\n  ? /a\n  : get: {}\n",
		"sequence at indent": "openapi: 3.0.0\n" + sec + "tags:\n- name: a\npaths:\n  /a:\n" +
			"    get:\n      tags:\n      - a\n      parameters:\n      - name: token\n" +
			"        in: query\n",
		"quoted keys": "openapi: 3.0.0\n" + sec + "paths:\n  '/a:b':\n    get: {}\n" +
			"  \"/x\\\"y\":\n    delete: {}\n  '/it''s':\n    post: {}\n",
		"comments at column 0": "openapi: 3.0.0\n" + sec + "paths:\n# about /a\n  /a:\n" +
			"# inside\n    get: # trailing\n      operationId: x # id\n",
		"flow over lines": "openapi: 3.0.0\n" + sec + "paths: {\n  /a: {get: {\n" +
			"  parameters: [{name: secret, in: query}]}}}\n",
		"block scalar": "openapi: 3.0.0\n" + sec + "paths:\n  /a:\n    get:\n" +
			"      description: |2\n          security: []\n        paths:\n" +
			"      security: []\n",
		"crlf": strings.ReplaceAll("openapi: 3.0.0\n"+sec+"paths:\n  /a:\n    post: {}\n",
			"\n", "\r\n"),
		"bom":       "\ufeffopenapi: 3.0.0\n" + sec + "paths:\n  /a:\n    post: {}\n",
		"empty key": "openapi: 3.0.0\n:\npaths: {}\n",
		"tabs":      "openapi: 3.0.0\n" + sec + "paths:\n  /a:\n    get:\t{}\n",
		"anchors":   "openapi: 3.0.0\n" + sec + "paths:\n  /a:\n    get: &g {}\n    put: *g\n",
		"duplicate paths": "openapi: 3.0.0\n" + sec + "paths:\n  /a:\n    get: {}\n" +
			"  /a:\n    put: {}\n",
		"indented root":     "  openapi: 3.0.0\n  paths:\n    /a:\n      get: {}\n",
		"key without space": "openapi: 3.0.0\n" + sec + "paths:\n  /a:#x\n    get: {}\n",
		"json escapes": `{"openapi": "3.0.0", "paths": {"/a\"b\u00e9": {"get": ` +
			`{"parameters": [{"name": "pass\u0077ord", "in": "query"}]}}}, ` +
			`"security": [{"k": []}], "components": {"securitySchemes": ` +
			`{"k": {"type": "http", "scheme": "basic"}}}}`,
		"json one line with nesting": `{"swagger":"2.0","host":"h","schemes":["http"],` +
			`"securityDefinitions":{"k":{"type":"basic"}},"security":[{"k":[]}],` +
			`"paths":{"/a":{"get":{"parameters":[{"name":"x","in":"query",` +
			`"enum":[[1],{"a":"}"}]}]}}}}`,
		"json with trailing text": `{"openapi": "3.0.0", "paths": {}} {"x": 1}`,
		"json duplicate keys":     `{"openapi": "3.0.0", "paths": {"/a": {}, "/a": {}}}`,
	}
}

// TestTrickyDocumentsAgree reads each tricky document both ways.
func TestTrickyDocumentsAgree(t *testing.T) {
	for name, doc := range trickyDocuments() {
		t.Run(name, func(t *testing.T) {
			agree(t, []byte(doc), true)
		})
	}
}

// agree checks that Read and the whole reading give the same document or
// the same error. Unless strict, Read may succeed where the whole reading
// fails: it does not parse the parts of a document the rules do not need,
// so it cannot see every syntax error in them.
func agree(t *testing.T, data []byte, strict bool) {
	t.Helper()
	want, wantErr := readWhole("api.yaml", data)
	for _, in := range []*input{
		{r: bytes.NewReader(data), size: len(data), data: data},
		{r: bytes.NewReader(data), size: len(data)},
	} {
		got, gotErr := read("api.yaml", in)
		if len(data) > MaxFileSize || (!strict && gotErr == nil && wantErr != nil) {
			return
		}
		compare(t, got, gotErr, want, wantErr)
	}
}

// compare fails when two readings differ.
func compare(t *testing.T, got *Document, gotErr error, want *Document, wantErr error) {
	t.Helper()
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("Read error %v, whole reading error %v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read and the whole reading differ")
		if got != nil && want != nil {
			diffDocs(t, got, want)
		}
	}
}

// FuzzRead feeds Read arbitrary documents: it must not panic, and it must
// agree with parsing the whole document wherever that succeeds.
func FuzzRead(f *testing.F) {
	for _, doc := range trickyDocuments() {
		f.Add([]byte(doc))
	}
	f.Add([]byte("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      security: [{}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data, false)
	})
}
