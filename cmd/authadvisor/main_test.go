package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/authadvisor/authadvisor/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"authadvisor": func() { os.Exit(cli.Main(cli.SystemIO(), os.Args[1:])) },
	})
}

// TestScripts runs the whole-CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("AUTHADVISOR_DATE", "2026-01-15")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
