package iopfit_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// docFiles are the pages a person reads: the README, docs/ and
// CONTRIBUTING.md.
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("docs/*.md")
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md: %v", err)
	}
	return append([]string{"README.md", "CONTRIBUTING.md"}, docs...)
}

var (
	fence     = regexp.MustCompile("(?ms)^```(\\w*)\n(.*?)^```")
	mdLink    = regexp.MustCompile(`\]\(([^)#\s]+)(#[^)\s]*)?\)`)
	namedFile = regexp.MustCompile(`^# ([\w.-]+\.(?:ya?ml|json))\n`)
)

// TestDocLinksResolve: every link from one page to a file of the
// repository leads to a file that is there.
func TestDocLinksResolve(t *testing.T) {
	for _, f := range docFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mdLink.FindAllStringSubmatch(string(data), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(f), target)); err != nil {
				t.Errorf("%s links to %s, which is not there", f, target)
			}
		}
	}
}

// TestReadmeIsAFirstPage: the README stays a first page, short enough to
// read in a few minutes, with the crisis lines in its first screen.
func TestReadmeIsAFirstPage(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Fields(string(data))); n >= 900 {
		t.Errorf("the README is %d words; a first page is under 900 (the rest goes in docs/)", n)
	}
	first := strings.Join(strings.SplitN(string(data), "\n", 25)[:24], "\n")
	for _, want := range []string{"911", "988", "1-800-662-4357", "go run ./cmd/iopfit check", "make test"} {
		if !strings.Contains(first, want) {
			t.Errorf("the README's first screen does not say %s", want)
		}
	}
}

// skipped are the commands of the docs this test does not run, and why:
// each is run elsewhere or needs what a test may not use.
var skipped = []struct{ prefix, why string }{
	{"go run ./cmd/iopfit", "builds and runs the binary this test runs"},
	{"make test", "is this suite"},
	{"make build", "builds the binary, as make test's first step does"},
	{"go install", "builds and installs the binary this test builds"},
	{"curl ", "needs a network and a FHIR server"},
}

// TestDocCommandsRun runs every shell command in the docs, as a reader
// would type it, with iopfit as built from this tree first on PATH, in a
// folder of its own with HOME set to it, one file's commands after another
// in the same shell (umask and variables carry over). Where iopfit asks,
// the answers come line by line at plain prompts (ACCESSIBLE=1), Yes to
// each question, as a person would type them. Each command must end well:
// a typo, a flag that is gone or a file that is not there fails. A YAML or
// JSON block that starts with "# NAME" is the file NAME the commands after
// it read.
func TestDocCommandsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds iopfit")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "iopfit"), "./cmd/iopfit")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ran := 0
	for _, f := range docFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		work := filepath.Join(dir, strings.ReplaceAll(f, "/", "_"))
		if err := os.Mkdir(work, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, b := range fence.FindAllStringSubmatch(string(data), -1) {
			lang, body := b[1], b[2]
			if m := namedFile.FindStringSubmatch(body); m != nil && (lang == "yaml" || lang == "json") {
				if err := os.WriteFile(filepath.Join(work, m[1]), []byte(body), 0o600); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if lang != "sh" {
				continue
			}
			var cmds []string
			for _, cmd := range shellCommands(body) {
				if why := skipReason(cmd); why != "" {
					t.Logf("%s: not run, %s: %s", f, why, cmd)
					continue
				}
				cmds = append(cmds, cmd)
			}
			runDocBlock(t, f, work, bin, cmds)
			ran += len(cmds)
		}
	}
	// A result is a health record: every result the commands wrote is the
	// reader's alone, as the docs say to make it. (A shell profile the
	// docs add a line to is not one.)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Dir(path) == bin || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		info, err := d.Info()
		if err == nil && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("a command in the docs left %s readable by others (%v)", filepath.Base(path), info.Mode().Perm())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if ran < 5 {
		t.Errorf("ran %d commands from the docs; the extraction is broken", ran)
	}
}

// shellCommands splits a shell block into its commands: a line each, but
// for comments and blank lines, with a loop or a pipe that goes on over
// lines kept whole.
func shellCommands(body string) []string {
	var cmds []string
	var cur []string
	depth := 0
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if depth == 0 && len(cur) == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		cur = append(cur, line)
		if strings.HasPrefix(trimmed, "for ") || strings.HasPrefix(trimmed, "while ") {
			depth++
		}
		if trimmed == "done" || strings.HasPrefix(trimmed, "done ") {
			depth--
		}
		if depth > 0 || strings.HasSuffix(trimmed, "|") || strings.HasSuffix(trimmed, `\`) {
			continue
		}
		cmds = append(cmds, strings.Join(cur, "\n"))
		cur = nil
	}
	return cmds
}

func skipReason(cmd string) string {
	for _, s := range skipped {
		if strings.HasPrefix(cmd, s.prefix) || strings.Contains(cmd, "\n  "+s.prefix) || strings.Contains(cmd, "    "+s.prefix) {
			return s.why
		}
	}
	return ""
}

// runDocCommand runs cmd with sh in work and checks how it ended.
func runDocBlock(t *testing.T, doc, work, bin string, cmds []string) {
	t.Helper()
	if len(cmds) == 0 {
		return
	}
	// One shell for the block, as a reader types it in one terminal:
	// umask and variables carry over. A mark before each command says
	// which one failed.
	var script strings.Builder
	script.WriteString("set -e\n")
	for i, cmd := range cmds {
		// Each command reads the answers from their start, as each run
		// of a person's would.
		fmt.Fprintf(&script, "echo '@@%d' >&2\nexec 0<\"$DOC_ANSWERS\"\n%s\n", i, cmd)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, "sh", "-c", script.String())
	c.Dir = work
	// Plain prompts read the answers from here: Yes to each question.
	answers := filepath.Join(filepath.Dir(bin), "answers.txt")
	if err := os.WriteFile(answers, []byte(strings.Repeat("1\n", 4)), 0o600); err != nil {
		t.Fatal(err)
	}
	c.Env = []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + work, "LANG=C.UTF-8", "ACCESSIBLE=1", "DOC_ANSWERS=" + answers}
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		out := stderr.String()
		failed := "?"
		if at := strings.LastIndex(out, "@@"); at >= 0 {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(out[at+2:], "\n", 2)[0]))
			failed = cmds[n]
			out = out[at:]
		}
		t.Errorf("%s: %s\n  failed (%v): %s", doc, failed, err, out)
	}
}
