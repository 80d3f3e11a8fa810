package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var initWork = regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// Limits on what package inits allocate, which every run pays, scripted or
// not. Today they allocate about 261 KB in 1,714 allocations. A library
// upgrade once added 16 ms here (go-runewidth v0.0.27 built lookup tables at
// init); work like that shows as memory, which, unlike clock time, does not
// change with how busy the machine is. Clock figures are make bench's job.
const (
	maxInitBytes  = 512 << 10
	maxInitAllocs = 3000
)

// TestStartupWorkIsSmall sums the memory every package's init allocates, as
// GODEBUG=inittrace=1 reports it.
func TestStartupWorkIsSmall(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t, ""), append(allAnswers, "-q")...)
	cmd.Env = baseEnv("GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	var bytesTotal, allocs, most int
	var biggest string
	for _, m := range initWork.FindAllStringSubmatch(stderr.String(), -1) {
		b, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		bytesTotal += b
		allocs += n
		if b > most {
			most, biggest = b, m[1]
		}
	}
	if bytesTotal == 0 {
		t.Fatal("GODEBUG=inittrace=1 printed nothing")
	}
	t.Logf("package inits: %d bytes in %d allocations; the largest is %s (%d bytes)", bytesTotal, allocs, biggest, most)
	if bytesTotal > maxInitBytes || allocs > maxInitAllocs {
		t.Fatalf("package inits allocate %d bytes in %d allocations, over %d bytes or %d allocations; the largest is %s (%d bytes)",
			bytesTotal, allocs, maxInitBytes, maxInitAllocs, biggest, most)
	}
}

// TestNoProbeRunsBeforeLipgloss: internal/noprobe must be initialized before
// lipgloss, whose package-level colour writer would otherwise probe the
// terminal (terminfo, the user database, tmux) before main. Go orders
// package inits by import path among the packages whose imports are done,
// so a new dependency could change the order; the binary's own init trace
// says what it is.
func TestNoProbeRunsBeforeLipgloss(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t, ""), "--version")
	cmd.Env = baseEnv("GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	order := map[string]int{}
	for i, m := range initWork.FindAllStringSubmatch(stderr.String(), -1) {
		order[m[1]] = i + 1
	}
	guard, lipgloss := order["github.com/iopfit/iopfit/internal/noprobe"], order["charm.land/lipgloss/v2"]
	switch {
	case guard == 0 || lipgloss == 0:
		t.Fatalf("the init trace lacks noprobe (%d) or lipgloss (%d):\n%s", guard, lipgloss, stderr.String())
	case guard > lipgloss:
		t.Fatalf("noprobe is initialized after lipgloss (%d > %d): lipgloss probes the terminal before main", guard, lipgloss)
	}
}

// TestNoRegexpCompiledAtStart: no package of iopfit's own compiles a
// regular expression as it is initialized (the README says none does): a
// package-level regexp is compiled on every run, before main, whether the
// run needs it or not. Test files may; they are not linked into iopfit.
func TestNoRegexpCompiledAtStart(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "-f", `{{if .Module}}{{if .Module.Main}}{{.Dir}}{{"\t"}}{{join .GoFiles "\t"}}{{end}}{{end}}`, ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Split(line, "\t")
		for _, name := range fields[1:] {
			path := filepath.Join(fields[0], name)
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files++
			for _, decl := range f.Decls {
				var at []ast.Node
				switch d := decl.(type) {
				case *ast.GenDecl:
					if d.Tok == token.VAR {
						at = append(at, d)
					}
				case *ast.FuncDecl:
					if d.Name.Name == "init" && d.Recv == nil {
						at = append(at, d.Body)
					}
				}
				for _, n := range at {
					ast.Inspect(n, func(n ast.Node) bool {
						if _, ok := n.(*ast.FuncLit); ok {
							return false // runs when called, not at start
						}
						sel, ok := n.(*ast.SelectorExpr)
						if !ok {
							return true
						}
						if x, isIdent := sel.X.(*ast.Ident); isIdent && x.Name == "regexp" && (strings.HasPrefix(sel.Sel.Name, "MustCompile") || strings.HasPrefix(sel.Sel.Name, "Compile")) {
							t.Errorf("%s: a regular expression compiled at start", fset.Position(sel.Pos()))
						}
						return true
					})
				}
			}
		}
	}
	if files < 20 {
		t.Fatalf("only %d files of iopfit's own found: the test would pass for anything", files)
	}
}
