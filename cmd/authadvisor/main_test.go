package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/authadvisor/authadvisor/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the expected output in scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"authadvisor": func() { os.Exit(cli.Main(cli.SystemIO(), os.Args[1:])) },
	})
}

// TestScripts runs the whole-CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds:          scriptCmds,
		Setup: func(env *testscript.Env) error {
			env.Setenv("AUTHADVISOR_DATE", "2026-01-15")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
