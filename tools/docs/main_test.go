package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/cli"
)

// TestManPages builds the pages and completions, checks their format, and,
// where man is installed, renders iopfit(1) as a reader would see it.
func TestManPages(t *testing.T) {
	out := t.TempDir()
	if err := run(out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"iopfit.1", "iopfit-check.1", "iopfit-questions.1", "iopfit-completion.1"} {
		b, err := os.ReadFile(filepath.Join(out, "man", name))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if !strings.HasPrefix(page, ".nh\n.TH \"IOPFIT\" \"1\"") || !strings.Contains(page, "\n.SH NAME\n") {
			t.Errorf("%s is not a man page:\n%.200s", name, page)
		}
	}
	root, _ := os.ReadFile(filepath.Join(out, "man", "iopfit.1"))
	for _, sh := range []string{".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", ".SH NOTES", "IOPFIT_QUESTIONS", ".B 130"} {
		if !strings.Contains(string(root), sh) {
			t.Errorf("iopfit.1 lacks %q", sh)
		}
	}
	// The help lines come from the question set, not from Go.
	_, set, err := cli.DocCommand()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Resources {
		if !strings.Contains(string(root), r.Name) || !strings.Contains(string(root), roff(r.Contact)) {
			t.Errorf("iopfit.1 lacks the help line %q", r.Name)
		}
	}
	for _, src := range set.Sources {
		if !strings.Contains(string(root), roff(src.Name)) || !strings.Contains(string(root), src.URL) {
			t.Errorf("iopfit.1 lacks the source %q", src.Name)
		}
	}
	check, _ := os.ReadFile(filepath.Join(out, "man", "iopfit-check.1"))
	if !strings.Contains(string(check), "stable-home") || !strings.Contains(string(check), "EXAMPLE") {
		t.Error("iopfit-check.1 lacks the question flags or the examples")
	}
	for _, name := range []string{"iopfit.bash", "iopfit.zsh", "iopfit.fish"} {
		if fi, err := os.Stat(filepath.Join(out, "completions", name)); err != nil || fi.Size() < 100 {
			t.Errorf("completion %s missing or empty: %v", name, err)
		}
	}

	man, err := exec.LookPath("man")
	if err != nil {
		t.Skip("man is not installed; the format was checked above")
	}
	cmd := exec.Command(man, "-l", filepath.Join(out, "man", "iopfit.1"))
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat")
	rendered, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("man -l: %v\n%s", err, rendered)
	}
	for _, want := range []string{"IOPFIT(1)", "NAME", "EXIT STATUS", "ENVIRONMENT", "iopfit check --lang es"} {
		if !strings.Contains(string(rendered), want) {
			t.Errorf("man -l output lacks %q", want)
		}
	}
}
