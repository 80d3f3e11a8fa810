//go:build linux

package main

import (
	"strings"
	"testing"
)

// TestFormAsksWhoFirst: without --for, the form shows the intro, then
// "Who is this check for?", and the questions after it are about the
// person chosen; the result is written to the one who answered.
func TestFormAsksWhoFirst(t *testing.T) {
	t.Parallel()
	s := startSession(t, sessionOpts{askWho: true, env: []string{"IOPFIT_QUESTIONS="}}, "check")
	s.begin()
	s.pick("Who is this check for?", 2)
	s.waitFor("(1/4) Is their home a steady place")
	s.answerAll("(1/4)", "(2/4)", "(3/4)", "(4/4)")
	out := s.succeed()
	for _, want := range []string{"may fit their life", "Talking with them", "Help for you"} {
		if !strings.Contains(out, want) {
			t.Errorf("the result does not say %q:\n%s", want, out)
		}
	}
}

// TestPlainPromptsAskWhoFirst: plain prompts at a terminal ask it too,
// first, and ask again after a line that is neither choice.
func TestPlainPromptsAskWhoFirst(t *testing.T) {
	t.Parallel()
	s := startSession(t, sessionOpts{askWho: true, env: []string{"IOPFIT_QUESTIONS="}}, "check", "--accessible", "-o", "json")
	s.waitFor("Your answer, 1 or 2:")
	s.send("\r")
	s.waitFor("That is not one of the choices.")
	s.send("2\r")
	s.waitFor("Question 1 of 4: Is their home")
	s.send("1\r", "1\r", "1\r", "1\r")
	s.waitFor("Press Enter to see your")
	s.send("\r")
	if out := s.succeed(); !strings.Contains(out, `"for": "someone"`) {
		t.Fatalf("the result is not for someone:\n%s", out)
	}
}
