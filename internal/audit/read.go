package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/authadvisor/authadvisor/internal/decision"
)

// MaxFileSize is the default limit on the size of a document; the
// command line reads no larger file, unless the user sets another limit.
const MaxFileSize = 32 << 20

// Read reads the parts of an OpenAPI or Swagger document that concern
// authentication. It tries the fast, split reading first and parses the
// whole document when that gives up. Input problems are decision.Problems
// naming the file, line and column.
func Read(name string, data []byte) (*Document, error) {
	return read(name, &input{r: bytes.NewReader(data), size: len(data), data: data})
}

// ReadFrom is Read for a document of size bytes in a file, such as an
// *os.File: block YAML is read in pieces and never held whole.
func ReadFrom(name string, r io.ReaderAt, size int64) (*Document, error) {
	return read(name, &input{r: r, size: int(size)})
}

func read(name string, in *input) (*Document, error) {
	doc, err := readWith(name, in, openSplit)
	if errors.Is(err, errSplit) {
		doc, err = readWith(name, in, openWhole)
	}
	return doc, err
}

// readWhole reads the document by parsing it at once; tests compare it
// with the split reading.
func readWhole(name string, data []byte) (*Document, error) {
	return readWith(name, &input{r: bytes.NewReader(data), size: len(data), data: data},
		openWhole)
}

func readWith(name string, in *input,
	open func(string, *input) (*part, error)) (*Document, error) {
	root, err := open(name, in)
	if err != nil {
		return nil, err
	}
	x := &extractor{doc: &Document{File: name}, root: root, res: newResolver(root),
		noted: map[*yaml.Node]bool{}}
	if err := x.run(); err != nil {
		return nil, err
	}
	return x.doc, nil
}

// extractor fills a Document from the parts of a source.
type extractor struct {
	doc  *Document
	root *part
	res  *resolver
	top  map[string]*part
	// noted are the references to other documents already noted.
	noted map[*yaml.Node]bool
}

func (x *extractor) run() error {
	kids, err := x.root.parts()
	if err != nil {
		return err
	}
	x.top = map[string]*part{}
	for _, k := range kids {
		x.top[k.key] = k
	}
	if err := x.version(); err != nil {
		return err
	}
	steps := []func() error{x.rootIgnore, x.schemes, x.globalSecurity, x.servers, x.paths}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// Operations in file order, whatever the order of their methods.
	sort.SliceStable(x.doc.Operations, func(i, j int) bool {
		return x.doc.Operations[i].Line < x.doc.Operations[j].Line
	})
	return nil
}

// version finds `openapi` or `swagger`; a document with neither is not
// one audit can read.
func (x *extractor) version() error {
	for _, key := range []string{"openapi", "swagger"} {
		p := x.top[key]
		if p == nil {
			continue
		}
		n, err := p.value()
		if err != nil {
			return err
		}
		x.doc.Version = n.Value
		x.doc.Swagger = key == "swagger"
		x.doc.Root = Loc{p.keyPos, Pointer("").add(key)}
		return nil
	}
	if !x.root.src.whole {
		return splitProblem("no version key")
	}
	return decision.Problems{{File: x.doc.File, Pos: decision.Pos{Line: 1, Column: 1},
		Msg: "not an OpenAPI or Swagger document: it has no `openapi` or `swagger` key"}}
}

// value returns the parsed value of a top-level key, or nil.
func (x *extractor) value(key string) (*yaml.Node, error) {
	p := x.top[key]
	if p == nil {
		return nil, nil
	}
	return p.value()
}

func (x *extractor) rootIgnore() error {
	n, err := x.value(ignoreKey)
	if err != nil || n == nil {
		return err
	}
	p := x.top[ignoreKey]
	x.doc.Ignores = append(x.doc.Ignores, ignoreOf(n, Loc{p.keyPos, ""}))
	return nil
}

// ignoreKey is the extension that switches rules off where it appears.
const ignoreKey = "x-authadvisor-ignore"

// addIgnore records an `x-authadvisor-ignore` of an object at ptr.
func (x *extractor) addIgnore(obj *yaml.Node, ptr Pointer) {
	if v := mapGet(obj, ignoreKey); v != nil {
		x.doc.Ignores = append(x.doc.Ignores, ignoreOf(v, Loc{posOf(mapKey(obj, ignoreKey)), ptr}))
	}
}

func ignoreOf(v *yaml.Node, at Loc) Ignore {
	ig := Ignore{Loc: at}
	for _, s := range scalarList(v) {
		for _, id := range strings.Split(s.Value, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ig.Rules = append(ig.Rules, id)
			}
		}
	}
	return ig
}

// note records something audit could not follow.
func (x *extractor) note(n *yaml.Node, msg string) {
	x.doc.Notes = append(x.doc.Notes,
		fmt.Sprintf("%s:%d:%d: %s", x.doc.File, n.Line, n.Column, msg))
}

// follow resolves a reference; a reference to another document is noted
// (once for each place it is written) and yields nil.
func (x *extractor) follow(n *yaml.Node, at Pointer) (*yaml.Node, Pointer, error) {
	t, ptr, err := x.res.follow(n, at)
	if errors.Is(err, errExternal) {
		ref, refNode := refOf(n)
		if !x.noted[refNode] {
			x.noted[refNode] = true
			x.note(refNode, fmt.Sprintf(
				"$ref %q names another document; audit does not follow it", ref))
		}
		return nil, "", nil
	}
	return t, ptr, err
}
