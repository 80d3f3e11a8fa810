//go:build linux

package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFormSuspendPairsLeaveItRunning: two SIGTSTP/SIGCONT pairs 3 ms apart,
// all of them arriving while the form releases the terminal, leave it
// running: a stop is never made after its SIGCONT came.
func TestFormSuspendPairsLeaveItRunning(t *testing.T) {
	for i := range 3 {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			s := startSession(t, sessionOpts{}, "check", "-q")
			s.begin()
			s.waitFor("(1/4)")
			// The 3 ms gaps are the repro's own timing.
			for _, sig := range []syscall.Signal{syscall.SIGTSTP, syscall.SIGCONT, syscall.SIGTSTP, syscall.SIGCONT} {
				s.signal(sig)
				time.Sleep(3 * time.Millisecond)
			}
			// The form may take the signals after the key is sent: each
			// stop it does not make still releases the terminal and takes it
			// back, and keys count again only a settle time after that, as
			// on any page just shown (one run in ten side by side lost its
			// key so). A person presses again; a form left stopped never
			// turns the page, whatever is pressed.
			for try := 1; ; try++ {
				s.pick("(1/4)", 1)
				if s.leaves("(1/4)", 2*time.Second) {
					break
				}
				if try == 5 {
					t.Fatalf("five presses left question 1 on screen; marks %q", readMarks(t, s.marks))
				}
			}
			s.send(keyCtrlC)
			if code := s.exit(); code != 130 {
				t.Fatalf("exit %d", code)
			}
		})
	}
}

// TestFormSuspendStopsOnlyItself: SIGTSTP sent to iopfit alone stops
// iopfit, and not the script that ran it, in the same process group.
func TestFormSuspendStopsOnlyItself(t *testing.T) {
	s := startSession(t, sessionOpts{prefix: []string{"sh", "-c", `"$0" "$@"; echo "script went on"`}}, "check", "-q")
	s.begin()
	s.waitFor("(1/4)")
	script := s.cmd.Process.Pid
	child := iopfitUnder(t, script)
	if err := syscall.Kill(child, syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	waitState(t, child, "T")
	if st := procState(t, script); st == "T" {
		t.Fatal("iopfit's stop stopped the script that ran it")
	}
	s.resumeAnswerOne(child)
	if !strings.Contains(s.stdout.String(), "script went on") {
		t.Fatalf("the script did not go on: %q", s.stdout.String())
	}
}

// TestFormCtrlZStopsTheWholeJob: Ctrl-Z typed at the form sends SIGTSTP to
// the whole foreground job, as the terminal would, so that the shell sees
// the job stop and gives the prompt back: in 'iopfit check | cat', cat too.
// Sent to iopfit alone, the stop left cat running and the person at a blank
// terminal. Here the job is a shell that traps SIGTSTP, and says so once
// iopfit has ended (a shell runs its traps after the command in front), and
// iopfit, which stops. (In the test's own session the job has no shell
// above it, so the kernel would drop a SIGTSTP that stops by default: a
// trap sees it all the same.)
func TestFormCtrlZStopsTheWholeJob(t *testing.T) {
	s := startSession(t, sessionOpts{prefix: []string{"sh", "-c", `trap 'echo job-got-tstp >&2' TSTP; "$0" "$@"`}}, "check", "-q")
	s.begin()
	s.waitFor("(1/4)")
	s.waitSettled()
	iopfit := iopfitUnder(t, s.cmd.Process.Pid)
	s.send("\x1a")
	waitState(t, iopfit, "T")
	s.resumeAnswerOne(iopfit)
	if !strings.Contains(s.text(), "job-got-tstp") {
		t.Fatalf("Ctrl-Z reached iopfit alone, not its job:\n%s", s.text())
	}
}

// iopfitUnder is the pid of iopfit, the one child of the shell at pid that
// runs it. Whatever happens, iopfit does not outlive the test: the
// session's output is read until both end.
func iopfitUnder(t *testing.T, pid int) int {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if err != nil {
		t.Skipf("no /proc children here: %v", err)
	}
	child, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatalf("the shell's children: %q", data)
	}
	t.Cleanup(func() { _ = syscall.Kill(child, syscall.SIGKILL) })
	return child
}

// resumeAnswerOne continues the stopped iopfit at pid and proves the
// form works again, answering its first page, then stops it with Ctrl-C.
func (s *session) resumeAnswerOne(pid int) {
	s.t.Helper()
	restored := countMarks(s, "suspend restored")
	if err := syscall.Kill(pid, syscall.SIGCONT); err != nil {
		s.t.Fatal(err)
	}
	// Back, the form shows the page again and drops keys for a settle
	// time: wait for that showing, or the last settle, from before the
	// stop, would let the key through too soon.
	s.waitMarks("the page shown again after the stop", func(m []string) bool {
		seen := 0
		for i, l := range m {
			if l == "suspend restored" {
				if seen++; seen > restored {
					return slices.ContainsFunc(m[i+1:], func(l string) bool { return strings.HasPrefix(l, "page ") })
				}
			}
		}
		return false
	})
	s.pick("(1/4)", 1)
	s.waitFor("(2/4)")
	s.send(keyCtrlC)
	s.exit()
}
