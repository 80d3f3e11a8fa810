//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// linkAddrs are the web addresses linkFixture adds: a short one, and one
// wider than a 60-column window.
var linkAddrs = []string{
	"https://988lifeline.org/chat",
	"https://findtreatment.gov/content/paying-for-treatment/if-you-dont-have-insurance/",
}

// linkFixture writes the fixture set with web addresses in a help line (which
// the text result shows) and in a source (which iopfit questions lists), and
// returns its path.
func linkFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	set := string(b)
	for old, repl := range map[string]string{
		"contact: Call 000-0000, any time.": "contact: Call 000-0000, chat at " + linkAddrs[0] + ", or read (" + linkAddrs[1] + ").",
		"url: https://example.org/fixture":  "url: " + linkAddrs[1],
	} {
		if !strings.Contains(set, old) {
			t.Fatalf("the fixture no longer has %q", old)
		}
		set = strings.ReplaceAll(set, old, repl)
	}
	path := filepath.Join(t.TempDir(), "links.yaml")
	if err := os.WriteFile(path, []byte(set), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wholeOnALine fails unless each address is on one line of out, whole.
func wholeOnALine(t *testing.T, what, out string, addrs ...string) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(ansi.Strip(out), "\r\n", "\n"), "\n")
	for _, a := range addrs {
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l, a)
		}
		if !found {
			t.Errorf("%s: %s is not whole on one line:\n%s", what, a, strings.Join(lines, "\n"))
		}
	}
}

// TestLinksAtATerminal: at a terminal of 40, 60 or 80 columns, every web
// address in the result and in iopfit questions is on one line, whole (a long
// one alone on its line), and is an OSC 8 hyperlink to itself; NO_COLOR keeps
// the links, since they are not colour.
func TestLinksAtATerminal(t *testing.T) {
	t.Parallel()
	env := "IOPFIT_QUESTIONS=" + linkFixture(t)
	runs := []struct {
		name string
		args []string
		want []string
	}{
		{"check", allAnswers, linkAddrs},
		{"questions", []string{"questions"}, linkAddrs[1:]},
	}
	for _, r := range runs {
		for _, cols := range []uint16{40, 60, 80} {
			for _, extra := range []string{"", "NO_COLOR=1"} {
				s := startSession(t, sessionOpts{stdinPipe: true, stdoutTTY: true, cols: cols, env: []string{env, extra}}, r.args...)
				if code := s.exit(); code != 0 {
					t.Fatalf("%s at %d columns: exit %d\n%s", r.name, cols, code, s.text())
				}
				screen := s.screen.String()
				what := fmt.Sprintf("%s at %d columns %s", r.name, cols, extra)
				wholeOnALine(t, what, screen, r.want...)
				for _, a := range r.want {
					if !strings.Contains(screen, ansi.SetHyperlink(a)+a+ansi.ResetHyperlink()) {
						t.Errorf("%s: %s is not a hyperlink:\n%q", what, a, screen)
					}
				}
			}
		}
	}
}

// TestNoLinksInAPipeOrDumbTerminal: a pipe or a file gets the addresses as
// plain text, and so does a terminal with TERM=dumb, which may show escape
// codes as they are.
func TestNoLinksInAPipeOrDumbTerminal(t *testing.T) {
	t.Parallel()
	env := "IOPFIT_QUESTIONS=" + linkFixture(t)
	for _, args := range [][]string{allAnswers, {"questions"}} {
		s := startSession(t, sessionOpts{stdinPipe: true, env: []string{env}}, args...)
		out := s.succeed()
		if strings.Contains(out, "\x1b") {
			t.Errorf("%s to a pipe has escape codes: %q", args[0], out)
		}
		wholeOnALine(t, args[0]+" to a pipe", out, linkAddrs[1])

		s = startSession(t, sessionOpts{stdinPipe: true, stdoutTTY: true, cols: 60, env: []string{env, "TERM=dumb"}}, args...)
		if code := s.exit(); code != 0 {
			t.Fatalf("%s with TERM=dumb: exit %d\n%s", args[0], code, s.text())
		}
		if screen := s.screen.String(); strings.Contains(screen, "\x1b]8;") {
			t.Errorf("%s with TERM=dumb has hyperlinks: %q", args[0], screen)
		}
		wholeOnALine(t, args[0]+" with TERM=dumb", s.screen.String(), linkAddrs[1])
	}
}
