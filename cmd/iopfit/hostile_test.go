//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// craftedTerminfo is a terminfo entry whose names section is -2 bytes long:
// it crashed the library iopfit once read terminfo with.
var craftedTerminfo = append([]byte{0x1a, 0x01, 0xfe, 0xff}, make([]byte, 12)...)

// putEntry puts data at dir/x/xterm-256color, the entry for baseEnv's TERM;
// kind "fifo" makes a FIFO there instead, and "zero" a link to /dev/zero.
func putEntry(t *testing.T, dir, kind string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, "x", "xterm-256color")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	var err error
	switch kind {
	case "fifo":
		err = syscall.Mkfifo(p, 0o644)
	case "zero":
		err = os.Symlink("/dev/zero", p)
	default:
		err = os.WriteFile(p, data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestHostileTerminfo runs a scripted check whose text result goes to a
// terminal, and the form, with every variable terminfo is found through
// pointing at a hostile entry. iopfit reads no terminfo entry, and the
// libraries that would (lipgloss's probe at package init) must never get
// to: each run prints the result, plainly styled, and exits 0 (the form: 130
// on Esc), with no crash, no wait and no memory without bound.
func TestHostileTerminfo(t *testing.T) {
	t.Parallel()
	truecolor, err := os.ReadFile(filepath.Join("testdata", "truecolor.terminfo"))
	if err != nil {
		t.Fatal(err)
	}
	truncated := truecolor[:len(truecolor)/2]
	for _, tc := range []struct {
		name string
		// setup makes the hostile entry and returns the environment that
		// points at it, and a directory to start iopfit in ("" for any).
		setup func(t *testing.T) (env []string, cwd string)
	}{
		{"a negative name size in $TERMINFO", func(t *testing.T) ([]string, string) {
			dir := t.TempDir()
			putEntry(t, dir, "", craftedTerminfo)
			return []string{"TERMINFO=" + dir}, ""
		}},
		{"a truncated entry in $HOME/.terminfo", func(t *testing.T) ([]string, string) {
			home := t.TempDir()
			putEntry(t, filepath.Join(home, ".terminfo"), "", truncated)
			return []string{"HOME=" + home}, ""
		}},
		{"a FIFO in $TERMINFO_DIRS", func(t *testing.T) ([]string, string) {
			dir := t.TempDir()
			putEntry(t, dir, "fifo", nil)
			return []string{"TERMINFO_DIRS=" + dir}, ""
		}},
		{"a link to /dev/zero in $TERMINFO", func(t *testing.T) ([]string, string) {
			dir := t.TempDir()
			putEntry(t, dir, "zero", nil)
			return []string{"TERMINFO=" + dir}, ""
		}},
		{"an empty $TERMINFO_DIRS entry with a hostile entry in the current directory", func(t *testing.T) ([]string, string) {
			cwd := t.TempDir()
			putEntry(t, cwd, "", craftedTerminfo)
			return []string{"TERMINFO_DIRS=:" + t.TempDir()}, cwd
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env, cwd := tc.setup(t)
			// As shipped: the test hooks must not be what keeps it safe.
			o := sessionOpts{stdoutTTY: true, env: env, shipped: true}
			if cwd != "" {
				// startSession has no working directory of its own: a
				// shell changes to it, then becomes iopfit.
				o.prefix = []string{"sh", "-c", `cd "$1" && shift && exec "$@"`, "sh", cwd}
			}
			s := startSession(t, o, allAnswers...)
			if code := s.exit(); code != 0 {
				t.Fatalf("exit %d; screen:\n%s", code, s.text())
			}
			if text := s.text(); !strings.Contains(text, "Fixture IOP headline.") || strings.Contains(text, "iopfit:") {
				t.Fatalf("not the result:\n%s", text)
			}
		})
	}
	t.Run("the form", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		putEntry(t, dir, "", craftedTerminfo)
		s := startSession(t, sessionOpts{env: []string{"TERMINFO=" + dir}}, "check")
		s.begin()
		s.answer("(1/4)", keyEsc)
		if code := s.exit(); code != 130 {
			t.Fatalf("exit %d; screen:\n%s", code, s.text())
		}
		s.restored()
	})
}

// TestPlainPromptReadErrors: stdin that cannot be read is an input error
// (exit 2, one line, no bug report); a terminal that can no longer be read
// means the person is gone, as on SIGHUP (exit 129, nothing printed), even
// when no SIGHUP comes.
func TestPlainPromptReadErrors(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	t.Run("a directory on stdin", func(t *testing.T) {
		t.Parallel()
		root, err := os.Open("/")
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		var stdout bytes.Buffer
		code, stderr := run(t, bin, root, &stdout, nil, 10*time.Second, "check", "--accessible")
		if code != 2 || stdout.Len() != 0 {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		want := "iopfit: cannot read the answers from stdin: is a directory; pipe in one answer per line, or pass the answers as flags"
		if last := lines[len(lines)-1]; last != want || strings.Contains(stderr, "bug") {
			t.Fatalf("stderr:\n%s", stderr)
		}
	})
	t.Run("a terminal that has gone", func(t *testing.T) {
		t.Parallel()
		if code, stdout, screen := closeTerminalOn(t, "Question 1 of 4", "check", "--accessible"); code != 129 || stdout != "" {
			t.Fatalf("exit %d, stdout %q; screen:\n%s", code, stdout, screen)
		}
	})
}
