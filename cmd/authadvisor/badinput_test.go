package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the CLI scripts have besides testscript's.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"refused": cmdRefused,
	"gen":     cmdGen,
	"envq":    cmdEnvq,
}

// cmdEnvq sets an environment variable to a value written as in a Go
// string literal, for arguments holding control characters:
//
//	envq EVIL '\x1b[2J'
//	refused authadvisor recommend --client-type $EVIL
func cmdEnvq(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: envq name value")
	}
	v, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
	ts.Check(err)
	ts.Setenv(args[0], v)
}

// cmdGen writes a file from pieces, each repeated a number of times, for
// inputs too large or too odd to keep in a script: huge lines, deep
// nesting, bytes that are not UTF-8. Pieces are written as in a Go string
// literal, so that \n, \x1b and \xff stand for those bytes, except that
// a double quote stands for itself.
//
//	gen deep.yaml 'when: ' 1 '[' 10000 ']' 10000
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 || len(args)%2 != 1 {
		ts.Fatalf("usage: gen file text count [text count...]")
	}
	var b strings.Builder
	for i := 1; i < len(args); i += 2 {
		text, err := strconv.Unquote(`"` + strings.ReplaceAll(args[i], `"`, `\"`) + `"`)
		ts.Check(err)
		n, err := strconv.Atoi(args[i+1])
		ts.Check(err)
		b.WriteString(strings.Repeat(text, n))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// cmdRefused runs a program as exec does, so that stdout and stderr can
// be matched afterwards, and fails unless the program refused its input
// as the CLI promises: exit code 2, no panic or stack trace, no control
// character (such as the ESC of a terminal escape sequence) on either
// stream, and no file under $WORK created, changed or removed, wherever
// the script has moved to with cd.
//
//	refused authadvisor validate broken.yaml
func cmdRefused(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: refused program [args...]")
	}
	work := ts.Getenv("WORK")
	before := snapshot(ts, work)
	err := ts.Exec(args[0], args[1:]...)
	var exit *exec.ExitError
	switch {
	case err == nil:
		ts.Fatalf("%s succeeded; want exit code 2", args[0])
	case !errors.As(err, &exit):
		ts.Fatalf("%s: %v", args[0], err)
	case exit.ExitCode() != 2:
		ts.Fatalf("%s exited with %d; want 2", args[0], exit.ExitCode())
	}
	for _, stream := range []string{"stdout", "stderr"} {
		out := ts.ReadFile(stream)
		if strings.Contains(out, "panic:") || strings.Contains(out, "goroutine ") {
			ts.Fatalf("%s shows a panic or a stack trace", stream)
		}
		for i, r := range out {
			if r != '\n' && (r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
				ts.Fatalf("%s holds the control character %s at byte %d",
					stream, strconv.QuoteRune(r), i)
			}
		}
	}
	after := snapshot(ts, work)
	for path, was := range before {
		if now, ok := after[path]; !ok {
			ts.Fatalf("%s was removed", path)
		} else if now != was {
			ts.Fatalf("%s was changed", path)
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			ts.Fatalf("%s was written", path)
		}
	}
}

// entry is what snapshot records of one file: enough to see it written.
type entry struct {
	mode fs.FileMode
	size int64
	mod  int64
	link string
}

// snapshot lists every file and folder under root without following
// symbolic links or opening anything.
func snapshot(ts *testscript.TestScript, root string) map[string]entry {
	out := map[string]entry{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode(), size: info.Size(), mod: info.ModTime().UnixNano()}
		if d.Type()&fs.ModeSymlink != 0 {
			e.link, _ = filepath.EvalSymlinks(path)
		}
		if d.IsDir() {
			e.size, e.mod = 0, 0
		}
		rel, _ := filepath.Rel(root, path)
		out[rel] = e
		return nil
	})
	if err != nil {
		ts.Fatalf("listing %s: %v", root, err)
	}
	return out
}
