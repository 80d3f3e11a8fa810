//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormSaveWhenStdoutFails: when the result cannot be written to stdout
// (a full disk), the copy the person chose to keep is still saved, and the
// terminal says where it is and shows the help lines; exit 1.
func TestFormSaveWhenStdoutFails(t *testing.T) {
	t.Parallel()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	dir := t.TempDir()
	s := startSession(t, sessionOpts{stdoutFile: full, dir: dir}, "check")
	s.begin()
	s.answerYes("(1/4)", "(2/4)", "(3/4)", "(4/4)")
	s.saveFromReview()
	if code := s.exit(); code != 1 {
		t.Fatalf("exit %d; screen:\n%s", code, s.text())
	}
	saved, _ := filepath.Glob(filepath.Join(dir, "iopfit-*.md"))
	if len(saved) != 1 {
		t.Fatalf("saved %q", saved)
	}
	after := strings.Join(strings.Fields(s.afterForm()), " ")
	for _, want := range []string{"Saved in this folder as " + filepath.Base(saved[0]), "Fixture Line", "no space left on device"} {
		if !strings.Contains(after, want) {
			t.Errorf("after the form, no %q: %q", want, after)
		}
	}
}

// TestFormResultToAClosedPipe: with stdout a pipe nobody reads (| true),
// writing the result ends iopfit (SIGPIPE); the person still sees where
// their copy was saved, and the help lines, first.
func TestFormResultToAClosedPipe(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	dir := t.TempDir()
	s := startSession(t, sessionOpts{stdoutFile: w, dir: dir}, "check")
	s.begin()
	s.answerYes("(1/4)", "(2/4)", "(3/4)", "(4/4)")
	s.saveFromReview()
	if code := s.exit(); code != 141 {
		t.Fatalf("exit %d; screen:\n%s", code, s.text())
	}
	after := strings.Join(strings.Fields(s.afterForm()), " ")
	for _, want := range []string{"Saved in this folder as iopfit-", "Fixture Line", "911"} {
		if !strings.Contains(after, want) {
			t.Errorf("after the form, no %q: %q", want, after)
		}
	}
}
