package main

import (
	"errors"
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestMain(m *testing.M) {
	// The terminal tests spend their time waiting for pages to settle, not
	// on the CPU, so four run at once unless -parallel says otherwise (the
	// default is one per CPU): on 2 cores, 25 s instead of 35, for the same
	// CPU time.
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		if err := flag.Set("test.parallel", "4"); err != nil {
			panic(err)
		}
	}
	os.Exit(cleanupM{m}.Run())
}

// fixture is the question set the tests render (testdata/fixture), so that a
// change of wording in the shipped questions.yaml breaks none of them.
var fixture = func() string {
	p, err := filepath.Abs(filepath.Join("..", "..", "testdata", "fixture", "questions.yaml"))
	if err != nil {
		panic(err)
	}
	return p
}()

// TestScripts runs the command-line behaviour tests in testdata/script: each
// file is a command with its expected stdout, stderr and exit status. They
// run on the fixture set ($IOPFIT_QUESTIONS); a script that tests the
// built-in set unsets it. iopfit is the built binary (scriptsBinary), first
// on the scripts' PATH.
func TestScripts(t *testing.T) {
	t.Parallel()
	bin := scriptsBinary(t)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", filepath.Dir(bin)+string(os.PathListSeparator)+env.Getenv("PATH"))
			env.Setenv("IOPFIT_QUESTIONS", fixture)
			env.Setenv("FIXTURE", fixture)
			return nil
		},
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"bigfile": bigfile,
			"exits":   exits,
			"schema":  schemaCmd,
			"socket":  socketCmd,
		},
	})
}

// exits CODE PROGRAM [ARGS...] runs the program, as exec does, and fails
// unless it exits with exactly CODE. "! exec" only says "not zero", which
// cannot tell a usage error (2) from a bug (1); every script that expects a
// failure says which one with exits (TestScriptsNameTheirExitCodes).
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want <= 0 {
		ts.Fatalf("exits: %q is not an exit code above 0", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exits: running %s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

// TestScriptsNameTheirExitCodes keeps "! exec" out of the scripts: a
// failure's exit code is part of the contract (README, "Exit codes").
func TestScriptsNameTheirExitCodes(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "script", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts found (%v)", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "! exec") {
				t.Errorf("%s:%d: %q: use exits CODE, which says which failure", filepath.Base(f), i+1, strings.TrimSpace(line))
			}
		}
	}
}

// bigfile NAME BYTES writes a file of that many bytes of 'x', for size caps.
func bigfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile NAME BYTES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b := make([]byte, n)
	for i := range b {
		b[i] = 'x'
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
}

// socket NAME makes a Unix socket NAME that listens until the script ends,
// for what iopfit says when given one where a file belongs.
func socketCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: socket NAME")
	}
	l, err := net.Listen("unix", ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Defer(func() { l.Close() })
}

// schema NAME checks that the last command's stdout is valid against the
// published JSON Schema schema/NAME, so that every JSON a script shows is
// held to the contract scripts are given.
func schemaCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: schema NAME")
	}
	s, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "schema", args[0]))
	ts.Check(err)
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(ts.ReadFile("stdout")))
	ts.Check(err)
	err = s.Validate(v)
	switch {
	case neg && err == nil:
		ts.Fatalf("stdout matches schema/%s", args[0])
	case !neg && err != nil:
		ts.Fatalf("stdout does not match schema/%s: %v", args[0], err)
	}
}
