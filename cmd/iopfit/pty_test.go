//go:build linux

// The terminal and process tests drive the binary through Linux interfaces
// (pseudo-terminal ioctls, /proc, strace); elsewhere they are not built.

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// Keys as a terminal sends them.
const (
	keyEnter = "\r"
	keyDown  = "\x1b[B"
	keyEsc   = "\x1b"
	keyCtrlC = "\x03"
	keyCtrlD = "\x04"
	// keyShiftTab is what a terminal sends for Shift+Tab.
	keyShiftTab = "\x1b[Z"
)

// session is iopfit running in a pseudo-terminal that, like a broken or
// minimal terminal, never answers a query. stdin and stderr are the terminal;
// stdout is the terminal too, or a pipe when the test reads the result apart.
type session struct {
	t      *testing.T
	cmd    *exec.Cmd
	ptmx   *os.File
	tty    *os.File
	screen lockedBuffer // every byte iopfit drew, for escape-code checks
	view   *view        // what a person would see now
	stdout lockedBuffer
	before *unix.Termios
	done   chan struct{}
	err    error
	start  time.Time
	// lastKey is the last key sent, at lastAt: see send.
	lastKey string
	lastAt  time.Time
}

type sessionOpts struct {
	cols, rows uint16
	stdoutTTY  bool
	stdinPipe  bool
	// prefix runs iopfit under another program, such as strace.
	prefix []string
	// stdoutFile sends stdout to this file.
	stdoutFile *os.File
	// zeroSize makes the terminal report 0×0, as some containers and
	// serial consoles do; the emulated screen stays 80×24.
	zeroSize bool
	env      []string
	tags     string
	// dir is the working directory iopfit runs in; "" is the test's.
	dir string
	// screenCols and screenRows size the emulated screen that reads what
	// iopfit draws, when it is not the terminal's own size (a huge window).
	screenCols, screenRows int
}

func startSession(t *testing.T, o sessionOpts, args ...string) *session {
	t.Helper()
	if o.cols == 0 {
		o.cols, o.rows = 80, 24
	}
	if o.zeroSize {
		o.cols, o.rows = 0, 0
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: o.cols, Rows: o.rows}); err != nil {
		t.Fatal(err)
	}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	viewCols, viewRows := int(o.cols), int(o.rows)
	if o.zeroSize {
		viewCols, viewRows = 80, 24
	}
	if o.screenCols > 0 {
		viewCols, viewRows = o.screenCols, o.screenRows
	}
	s := &session{t: t, ptmx: ptmx, tty: tty, before: before, done: make(chan struct{}), view: newView(viewCols, viewRows)}
	s.cmd = exec.Command(binary(t, o.tags), args...)
	if len(o.prefix) > 0 {
		s.cmd = exec.Command(o.prefix[0], append(append(o.prefix[1:], binary(t, o.tags)), args...)...)
	}
	s.cmd.Env = baseEnv(o.env...)
	s.cmd.Dir = o.dir
	s.cmd.Stdin, s.cmd.Stderr = tty, tty
	s.cmd.Stdout = &s.stdout
	if o.stdoutTTY {
		s.cmd.Stdout = tty
	}
	if o.stdoutFile != nil {
		s.cmd.Stdout = o.stdoutFile
	}
	if o.stdinPipe {
		s.cmd.Stdin = nil // /dev/null: not a terminal
	}
	// A session of its own with the pty as its controlling terminal, so that
	// Ctrl-C in cooked mode reaches iopfit as SIGINT, as in a real shell.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 2}
	s.start = time.Now()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.MultiWriter(&s.screen, s.view), ptmx) }()
	go func() {
		s.err = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			_ = s.cmd.Process.Kill()
			<-s.done
		}
		ptmx.Close()
		tty.Close()
	})
	return s
}

// closeTerminalOn runs iopfit with args on a terminal in a session of its own
// without a controlling terminal, and closes that terminal once the screen
// shows want: no SIGHUP comes, as under a session leader that ignores it, so
// only a failed or ended read can tell iopfit the person is gone. It returns
// the exit status, stdout and what was drawn.
func closeTerminalOn(t *testing.T, want string, args ...string) (code int, stdout, drawn string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t, ""), args...)
	cmd.Env = baseEnv()
	var out lockedBuffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, &out, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { err = cmd.Wait(); close(done) }()
	// Read what iopfit draws until want is there, then stop reading: the
	// terminal is blocking, and closing it under a read would wait for it.
	v := newView(80, 24)
	var screen lockedBuffer
	shown := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for !strings.Contains(v.String(), want) {
			n, err := ptmx.Read(buf)
			if err != nil {
				return
			}
			_, _ = v.Write(buf[:n])
			_, _ = screen.Write(buf[:n])
		}
		close(shown)
	}()
	waitDone(t, shown, want, 10*time.Second)
	ptmx.Close()
	waitDone(t, done, "iopfit after its terminal went", 5*time.Second)
	return exitStatus(t, err), out.String(), ansi.Strip(screen.String())
}

// text is everything iopfit drew on the terminal, without escape codes.
func (s *session) text() string { return ansi.Strip(s.screen.String()) }

// waitFor waits until want is on the screen as a person would see it.
// Bubble Tea redraws only the cells that change, so the bytes alone do not
// hold whole words; the emulated screen does.
func (s *session) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.view.String(), want) {
			return
		}
		select {
		case <-s.done:
			time.Sleep(20 * time.Millisecond)
			if strings.Contains(s.view.String(), want) {
				return
			}
			s.t.Fatalf("iopfit exited (%v) before showing %q; screen:\n%s", s.err, want, s.view.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	s.t.Fatalf("timed out waiting for %q; screen:\n%s", want, s.view.String())
}

// resize changes the terminal's size, as dragging a window does.
func (s *session) resize(cols, rows int) {
	s.t.Helper()
	s.view.resize(cols, rows)
	if err := pty.Setsize(s.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		s.t.Fatal(err)
	}
}

// view is an emulated terminal screen. Its answers to queries are read and
// dropped, so that the terminal iopfit sees still never answers.
type view struct {
	mu sync.Mutex
	em *vt.Emulator
}

func newView(cols, rows int) *view {
	v := &view{em: vt.NewEmulator(cols, rows)}
	go func() { _, _ = io.Copy(io.Discard, v.em) }()
	return v
}

func (v *view) Write(p []byte) (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.em.Write(p)
}

func (v *view) String() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.em.String()
}

func (v *view) resize(cols, rows int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.em.Resize(cols, rows)
}

// sameKeyGap is how long a person takes to press a key again: longer than
// the form's holdDelay (0.7 s), within which the same key is a held key's
// repeat, by a margin for a busy machine, where a key may be handled late.
const sameKeyGap = time.Second

func (s *session) send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if k == s.lastKey {
			time.Sleep(sameKeyGap - time.Since(s.lastAt))
		}
		s.lastKey, s.lastAt = k, time.Now()
		if _, err := s.ptmx.Write([]byte(k)); err != nil {
			s.t.Fatal(err)
		}
		// Bubble Tea reads a lone Esc only after a pause, to tell it from the
		// start of an arrow key; a short gap keeps keys apart.
		time.Sleep(30 * time.Millisecond)
	}
}

// settleTime is a little longer than the form's own settle time: a key sent
// sooner after a page appears is dropped, as type-ahead.
const settleTime = 350 * time.Millisecond

// answer waits for page to be on screen and settled, then sends keys.
func (s *session) answer(page string, keys ...string) {
	s.t.Helper()
	s.waitFor(page)
	time.Sleep(settleTime)
	s.send(keys...)
}

// begin gets past the intro page, which comes before the first question
// when the window has room for it: it waits for the intro or the first
// question (of the form or of plain prompts), and starts from the intro.
func (s *session) begin() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		v := s.view.String()
		switch {
		case strings.Contains(v, "Press Enter to start"), strings.Contains(v, "Oprima Enter para empezar"):
			time.Sleep(settleTime)
			s.send(keyEnter)
			return
		case strings.Contains(v, "(1/"):
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.t.Fatalf("neither the intro nor a first question came; screen:\n%s", s.view.String())
}

// answerAll answers each page in pages with Yes, then shows the result.
func (s *session) answerAll(pages ...string) {
	s.t.Helper()
	for _, q := range pages {
		s.answer(q, "1")
	}
	s.confirm()
}

// succeed waits for iopfit to exit 0 and returns its stdout.
func (s *session) succeed() string {
	s.t.Helper()
	if code := s.exit(); code != 0 {
		s.t.Fatalf("exit %d; screen:\n%s", code, s.text())
	}
	return s.stdout.String()
}

// confirm waits for the review page and shows the result.
func (s *session) confirm() {
	s.t.Helper()
	s.answer("Show my result", keyEnter)
}

func (s *session) signal(sig syscall.Signal) {
	s.t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		s.t.Fatal(err)
	}
}

// exit waits for iopfit to end and returns its status. Its last bytes may
// still be on their way through the terminal, so it also waits until the
// screen has been quiet for a moment (on a busy machine that takes a while).
func (s *session) exit() int {
	s.t.Helper()
	waitDone(s.t, s.done, "the session", 10*time.Second)
	deadline := time.Now().Add(3 * time.Second)
	for n := -1; time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		m := len(s.screen.String())
		if m == n {
			break
		}
		n = m
	}
	return exitStatus(s.t, s.err)
}

// restored fails the test unless the terminal's modes are as before iopfit.
func (s *session) restored() {
	s.t.Helper()
	after, err := unix.IoctlGetTermios(int(s.tty.Fd()), unix.TCGETS)
	if err != nil {
		s.t.Fatal(err)
	}
	if after.Lflag != s.before.Lflag || after.Iflag != s.before.Iflag || after.Oflag != s.before.Oflag || after.Cflag != s.before.Cflag {
		s.t.Fatalf("terminal not restored: lflag %#x -> %#x, iflag %#x -> %#x", s.before.Lflag, after.Lflag, s.before.Iflag, after.Iflag)
	}
	screen := s.screen.String()
	if strings.Contains(screen, "\x1b[?1049h") && !strings.Contains(screen, "\x1b[?1049l") {
		s.t.Fatal("iopfit entered the alternate screen and did not leave it")
	}
	if strings.Count(screen, "\x1b[?25l") > 0 && !strings.Contains(screen, "\x1b[?25h") {
		s.t.Fatal("iopfit hid the cursor and did not show it again")
	}
}

// stoppedScreen is what iopfit leaves after a person stops: the cancelled
// line, and the help lines in short.
const stoppedScreen = "Stopped. Nothing was saved.\nHelp now:\n• Fixture Line: Call 000-0000, any time.\n• Emergency: Call 911 in the fixture."

// afterForm is what iopfit wrote after leaving the form's screen, with
// the terminal's line ends as plain ones.
func (s *session) afterForm() string {
	screen := s.screen.String()
	if i := strings.LastIndex(screen, "\x1b[?1049l"); i >= 0 {
		screen = screen[i+len("\x1b[?1049l"):]
	}
	return strings.ReplaceAll(ansi.Strip(screen), "\r\n", "\n")
}

func TestFormAllYes(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check")
	s.waitFor("Nothing you enter is saved or sent.")
	s.begin()
	for _, q := range []string{"(1/4) Is the fixture home", "(2/4) Are the fixture needs", "(3/4) Can you come", "(4/4) Do you have fixture"} {
		s.answer(q, "1")
	}
	s.confirm()
	out := s.succeed()
	if !strings.HasPrefix(out, "Fixture IOP headline.\n") || strings.Contains(out, "\x1b") {
		t.Fatalf("stdout is not the plain result:\n%q", out)
	}
	if strings.Contains(s.afterForm(), "(4/4)") {
		t.Fatal("the form left a question on the screen")
	}
	s.restored()
}

func TestFormChooseNoWithArrows(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check", "-o", "json")
	s.begin()
	s.answer("(1/4)", keyDown, keyDown, keyEnter)
	for _, q := range []string{"(2/4)", "(3/4)", "(4/4)"} {
		s.answer(q, keyDown, keyEnter)
	}
	s.confirm()
	out := s.succeed()
	for _, want := range []string{`"recommendation": "residential"`, `"id": "stable-home",`, `"answer": "no",`} {
		if !strings.Contains(out, want) {
			t.Fatalf("stdout lacks %s:\n%s", want, out)
		}
	}
	s.restored()
}

func TestFormAsksOnlyMissing(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check", "--stable-home", "yes", "--can-commit", "yes", "-q")
	s.begin()
	s.answer("(1/2) Are the fixture needs", "1")
	s.answer("(2/2) Do you have fixture", "1")
	s.confirm()
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(s.text(), "fixture home steady") || strings.Contains(s.text(), "fixture sessions") {
		t.Fatalf("the form asked a question that was already answered:\n%s", s.text())
	}
	if got := s.stdout.String(); got != "iop\n" {
		t.Fatalf("stdout = %q", got)
	}
}

func TestFormCancel(t *testing.T) {
	for _, tc := range []struct{ name, key string }{{"ctrl-c", keyCtrlC}, {"esc", keyEsc}} {
		t.Run(tc.name, func(t *testing.T) {
			s := startSession(t, sessionOpts{}, "check")
			s.begin()
			s.answer("(1/4)", "1")
			s.answer("(2/4)", tc.key)
			if code := s.exit(); code != 130 {
				t.Fatalf("exit %d, want 130", code)
			}
			if got := strings.TrimSpace(s.afterForm()); got != stoppedScreen {
				t.Fatalf("after the form: %q", got)
			}
			if s.stdout.String() != "" {
				t.Fatalf("stdout = %q", s.stdout.String())
			}
			s.restored()
		})
	}
}

func TestFormSignals(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}, {syscall.SIGINT, 130}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			s := startSession(t, sessionOpts{}, "check")
			s.begin()
			s.waitFor("(1/4)")
			s.signal(tc.sig)
			if code := s.exit(); code != tc.code {
				t.Fatalf("exit %d, want %d", code, tc.code)
			}
			after := strings.TrimSpace(s.afterForm())
			want := ""
			if tc.sig == syscall.SIGINT {
				want = stoppedScreen
			}
			if after != want {
				t.Fatalf("after the form: %q, want %q", after, want)
			}
			if s.stdout.String() != "" {
				t.Fatalf("stdout = %q", s.stdout.String())
			}
			s.restored()
		})
	}
}

func TestFormResizeAndNarrow(t *testing.T) {
	s := startSession(t, sessionOpts{cols: 10, rows: 12}, "check", "-q")
	s.begin()
	s.answer("(1/4)", "1")
	s.waitFor("(2/4)")
	s.resize(60, 20)
	s.answer("(2/4)", "1")
	s.waitFor("(3/4)")
	s.resize(12, 5)
	s.answer("(3/4)", "1")
	s.answer("(4/4)", "1")
	s.resize(40, 12)
	s.confirm()
	if got := s.succeed(); got != "iop\n" {
		t.Fatalf("stdout = %q", got)
	}
	s.restored()
}

// TestFormPanic proves that a panic inside the form's event loop restores the
// terminal and ends with exit 1 and a request for a bug report, with nothing
// on stdout. The panic comes from a hook that exists only in test builds.
func TestFormPanic(t *testing.T) {
	s := startSession(t, sessionOpts{tags: "iopfit_testpanic", env: []string{"IOPFIT_TEST_PANIC=form"}}, "check")
	s.begin()
	s.answer("(1/4)", keyDown, keyEnter)
	if code := s.exit(); code != 1 {
		t.Fatalf("exit %d, want 1; screen:\n%s", code, s.text())
	}
	after := s.afterForm()
	if !strings.Contains(after, "iopfit: the form stopped after an internal error; its trace is above") || !strings.Contains(after, "This is a bug in iopfit") || !strings.Contains(s.text(), "test panic inside the form") {
		t.Fatalf("no clear error and bug report line after the panic:\n%s", after)
	}
	if s.stdout.String() != "" {
		t.Fatalf("stdout = %q", s.stdout.String())
	}
	s.restored()
}

func TestPlainPromptsInDumbTerminal(t *testing.T) {
	s := startSession(t, sessionOpts{env: []string{"TERM=dumb"}}, "check")
	s.begin()
	s.waitFor("(1/4) Is the fixture home")
	s.send("1\r")
	s.waitFor("(2/4)")
	s.send("y\r")
	s.waitFor("(3/4)")
	s.send("maybe\r")
	s.waitFor("That is not one of the choices.")
	s.send("3\r")
	s.waitFor("(4/4)")
	s.send("no\r")
	if out := s.succeed(); !strings.HasPrefix(out, "Fixture residential headline.") {
		t.Fatalf("stdout = %q", out)
	}
	if strings.Contains(s.screen.String(), "\x1b[") {
		t.Fatal("plain prompts in a dumb terminal used escape codes")
	}
	s.restored()
}

func TestPlainPromptsCtrlCAndEOF(t *testing.T) {
	t.Run("ctrl-c", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check", "--accessible")
		s.begin()
		s.waitFor("(1/4)")
		s.send(keyCtrlC)
		if code := s.exit(); code != 130 {
			t.Fatalf("exit %d, want 130", code)
		}
		if !strings.Contains(s.text(), "\nStopped. Nothing was saved.") {
			t.Fatalf("screen:\n%s", s.text())
		}
		s.restored()
	})
	t.Run("ctrl-d", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check", "--accessible")
		s.begin()
		s.waitFor("(1/4)")
		s.send("1\r")
		s.waitFor("(2/4)")
		s.send(keyCtrlD)
		if code := s.exit(); code != 130 {
			t.Fatalf("exit %d, want 130", code)
		}
		if !strings.Contains(s.text(), "\nStopped. Nothing was saved.") || strings.Contains(s.text(), "--manageable-needs") {
			t.Fatalf("Ctrl-D at a terminal is not a person's stop:\n%s", s.text())
		}
		if s.stdout.String() != "" {
			t.Fatalf("stdout = %q", s.stdout.String())
		}
	})
}

// TestPlainPromptsAtATerminal: at a terminal a person can get it wrong as
// often as they like, go back, and read the questions wrapped to the width,
// in English and in Spanish.
func TestPlainPromptsAtATerminal(t *testing.T) {
	t.Run("en", func(t *testing.T) {
		s := startSession(t, sessionOpts{cols: 30, rows: 40}, "check", "--accessible", "-q")
		s.begin()
		s.waitFor("(1/4) Is the fixture")
		for range 5 {
			s.send("maybe\r")
		}
		s.send("1\r")
		s.waitFor("(2/4) Are the fixture")
		s.waitFor("Type back to go to the")
		s.send("back\r")
		s.waitFor("> back")
		s.waitFor("(1/4) Is the fixture")
		s.send("2\r", "1\r", "1\r", "1\r")
		if got := s.succeed(); got != "residential\n" {
			t.Fatalf("stdout = %q, want the changed answer to count", got)
		}
		for _, l := range strings.Split(s.text(), "\n") {
			if len([]rune(strings.TrimRight(l, "\r"))) > 30 {
				t.Errorf("line wider than the terminal: %q", l)
			}
		}
	})
	t.Run("es", func(t *testing.T) {
		s := startSession(t, sessionOpts{env: []string{"LANG=es_US.UTF-8"}}, "check", "--accessible", "-q")
		s.begin()
		s.waitFor("(1/4) ¿El hogar de prueba es estable?")
		s.send("si\r")
		s.waitFor("(2/4)")
		s.send("atrás\r")
		s.waitFor("(1/4)")
		s.send("sí\r", "No sé\r", "no estoy segura\r", "s\r")
		if got := s.succeed(); got != "residential\n" {
			t.Fatalf("stdout = %q", got)
		}
	})
	t.Run("es ctrl-d", func(t *testing.T) {
		s := startSession(t, sessionOpts{env: []string{"LANG=es_US.UTF-8"}}, "check", "--accessible")
		s.begin()
		s.waitFor("(1/4)")
		for range 4 {
			s.send("quizás\r")
		}
		s.waitFor("Esa no es una de las opciones.")
		s.send(keyCtrlD)
		if code := s.exit(); code != 130 {
			t.Fatalf("exit %d, want 130", code)
		}
		if !strings.Contains(s.text(), "Se detuvo. No se guardó nada.") {
			t.Fatalf("screen:\n%s", s.text())
		}
	})
}

// TestStdinPipedStdoutTerminal: nobody can answer, so iopfit must not wait;
// with every answer given, the result is styled for the terminal it goes to.
func TestStdinPipedStdoutTerminal(t *testing.T) {
	s := startSession(t, sessionOpts{stdinPipe: true, stdoutTTY: true}, "check")
	if code := s.exit(); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(s.text(), "(no terminal to ask in)") {
		t.Fatalf("screen:\n%s", s.text())
	}

	s = startSession(t, sessionOpts{stdinPipe: true, stdoutTTY: true, cols: 50}, "check", "--stable-home", "y", "--manageable-needs", "y", "--can-commit", "y", "--responsibilities", "y")
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	screen := s.screen.String()
	if !strings.Contains(screen, "\x1b[1m") {
		t.Fatal("the result in a terminal is not styled")
	}
	for _, line := range strings.Split(strings.ReplaceAll(ansi.Strip(screen), "\r\n", "\n"), "\n") {
		if ansi.StringWidth(line) > 50 {
			t.Fatalf("line wider than the 50-column terminal: %q", line)
		}
	}
	// Every answer came from flags, so iopfit has no reason to talk to the
	// terminal: no query, no mode change, only the styled result.
	for _, q := range []string{"\x1b[?", "\x1b]", "\x1b[c", "\x1b[>", "$p"} {
		if strings.Contains(screen, q) {
			t.Fatalf("iopfit wrote a terminal query or mode change %q with every answer given", q)
		}
	}
	if took := time.Since(s.start); took > 2*time.Second {
		t.Fatalf("a scripted check took %v in a terminal that never answers", took)
	}

	s = startSession(t, sessionOpts{stdinPipe: true, stdoutTTY: true, env: []string{"NO_COLOR=1"}}, "check", "--stable-home", "y", "--manageable-needs", "y", "--can-commit", "y", "--responsibilities", "y")
	if code := s.exit(); code != 0 || strings.Contains(s.screen.String(), "\x1b[") {
		t.Fatalf("exit %d; NO_COLOR output has escape codes", code)
	}
}

// TestStdinTerminalStdoutPiped: the form draws on stderr, so a result piped
// or redirected from a terminal session is plain.
func TestStdinTerminalStdoutPiped(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check", "-o", "markdown")
	s.begin()
	s.answerAll("(1/4)", "(2/4)", "(3/4)", "(4/4)")
	if out := s.succeed(); !strings.HasPrefix(out, "# Fixture check title") || strings.Contains(out, "\x1b") {
		t.Fatalf("stdout = %q", out)
	}
	if got := strings.Join(strings.Fields(s.afterForm()), " "); got != fixtureRecap+"Your result was written to the output you chose." {
		t.Fatalf("after the form: %q", got)
	}
}

// fixtureRecap is the fixture's IOP headline and help lines as they end a
// session, spaces collapsed.
const fixtureRecap = "──────────────────────────────────────── Fixture IOP headline. • Fixture Line: Call 000-0000, any time. • Emergency: Call 911 in the fixture. "

// TestFormSaysWhereTheResultWent: after the form, with stdout a file, the
// screen shows the headline and the help lines, and one line names the file,
// so a blank screen is not all a person sees.
func TestFormSaysWhereTheResultWent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my-iop-check.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := startSession(t, sessionOpts{stdoutFile: f}, "check", "-o", "markdown")
	s.begin()
	s.answerAll("(1/4)", "(2/4)", "(3/4)", "(4/4)")
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got := strings.Join(strings.Fields(s.afterForm()), " "); got != fixtureRecap+"Your result was written to "+path+"." {
		t.Fatalf("after the form: %q", got)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "# Fixture check title") {
		t.Fatalf("the file holds %q", b)
	}
}

// TestFirstPaintInSilentTerminal bounds how long the form takes to appear in a
// terminal that answers no query; it must never wait on one.
func TestFirstPaintInSilentTerminal(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check")
	s.begin()
	s.waitFor("(1/4)")
	if took := time.Since(s.start); took > 2*time.Second {
		t.Fatalf("the form took %v to appear", took)
	}
	s.send(keyEsc)
	s.exit()
}

// TestFormInSpanish: with a Spanish locale the form, its key hints and the
// cancel line are Spanish.
func TestFormInSpanish(t *testing.T) {
	s := startSession(t, sessionOpts{env: []string{"LANG=es_US.UTF-8"}}, "check")
	s.waitFor("Oprima Esc para salir cuando quiera.")
	s.begin()
	s.waitFor("(1/4) ¿El hogar de prueba es estable?")
	s.waitFor("No estoy seguro")
	s.waitFor("shift+tab volver")
	s.send(keyEsc)
	if code := s.exit(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if got := strings.TrimSpace(s.afterForm()); got != "Se detuvo. No se guardó nada.\nAyuda ahora:\n• Línea de prueba: Llame al 000-0000, a cualquier hora.\n• Emergencias: Llame al 911 en la prueba." {
		t.Fatalf("after the form: %q", got)
	}
	s.restored()
}

// TestFormLastScreenShowsTheAnswer: when the form closes and the result is
// printed to the terminal, the screen the person sees holds the headline and
// the help lines, however long the result is, at 80×24, 60×30 and 40×12,
// and in a window made smaller while the person answered.
func TestFormLastScreenShowsTheAnswer(t *testing.T) {
	for _, size := range [][4]uint16{{80, 24, 80, 24}, {60, 30, 60, 30}, {40, 12, 40, 12}, {80, 24, 40, 12}} {
		name := fmt.Sprintf("%dx%d", size[2], size[3])
		if size[0] != size[2] {
			name = fmt.Sprintf("%dx%d_to_%s", size[0], size[1], name)
		}
		t.Run(name, func(t *testing.T) {
			s := startSession(t, sessionOpts{cols: size[0], rows: size[1], stdoutTTY: true}, "check")
			s.begin()
			s.answer("(1/4)", "1")
			s.answer("(2/4)", "2")
			s.answer("(3/4)", "1")
			s.answer("(4/4)", "1")
			s.waitFor("Check your answers")
			s.resize(int(size[2]), int(size[3]))
			s.confirm()
			if code := s.exit(); code != 0 {
				t.Fatalf("exit %d", code)
			}
			screen := strings.Join(strings.Fields(s.view.String()), " ")
			// The headline, what to do now, and every help line; where there
			// is room, a line saying the whole result is above.
			wants := []string{"Fixture residential headline.", "Fixture urgent line for no; call 911.", "Fixture Line: Call 000-0000", "Emergency: Call 911"}
			if size[3] >= 24 {
				wants = append(wants, "Your whole result is above.")
			}
			for _, want := range wants {
				if !strings.Contains(screen, want) {
					t.Errorf("the last screen lacks %q:\n%s", want, screen)
				}
			}
		})
	}
}

// TestFormNeverChoosesForThePerson: no key but a deliberate choice answers.
func TestFormNeverChoosesForThePerson(t *testing.T) {
	t.Run("enter four times", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check")
		s.begin()
		s.answer("(1/4)", keyEnter, keyEnter, keyEnter, keyEnter)
		s.waitFor("Choose an answer first")
		time.Sleep(settleTime)
		if !strings.Contains(s.view.String(), "(1/4)") {
			t.Fatalf("Enter moved on without a choice:\n%s", s.view.String())
		}
		s.send(keyEsc)
		if code := s.exit(); code != 130 || s.stdout.String() != "" {
			t.Fatalf("exit %d, stdout %q", code, s.stdout.String())
		}
	})
	t.Run("typed before the first frame", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check")
		s.send("1", keyEnter)
		s.begin()
		s.waitFor("(1/4)")
		time.Sleep(2 * settleTime)
		if v := s.view.String(); !strings.Contains(v, "(1/4)") || strings.Contains(v, "> 1. Yes") {
			t.Fatalf("keys typed before the question was drawn answered it:\n%s", v)
		}
		s.send(keyEsc)
		s.exit()
	})
	t.Run("tab", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check")
		s.begin()
		s.answer("(1/4)", keyDown, "\t", "\t")
		time.Sleep(settleTime)
		if v := s.view.String(); !strings.Contains(v, "(1/4)") {
			t.Fatalf("Tab answered the question:\n%s", v)
		}
		s.send(keyEsc)
		s.exit()
	})
	t.Run("no filter after going back", func(t *testing.T) {
		s := startSession(t, sessionOpts{}, "check")
		s.begin()
		s.answer("(1/4)", "1")
		s.answer("(2/4)", keyShiftTab)
		s.answer("(1/4)", "/", "n")
		time.Sleep(settleTime)
		if v := s.view.String(); !strings.Contains(v, "(1/4)") || !strings.Contains(v, "3. Not sure") || strings.Contains(v, "filter") {
			t.Fatalf("/ changed the page:\n%s", v)
		}
		s.send(keyEsc)
		if code := s.exit(); code != 130 {
			t.Fatalf("exit %d, want 130", code)
		}
	})
}

// TestFormReviewChangesAnAnswer: the review page lists the answers and can
// open any question again; the change comes back to the review.
func TestFormReviewChangesAnAnswer(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check", "-o", "json")
	s.begin()
	for _, q := range []string{"(1/4)", "(2/4)", "(3/4)", "(4/4)"} {
		s.answer(q, "1")
	}
	s.waitFor("Check your answers")
	s.waitFor("Yes: Are the fixture needs manageable?")
	// Past "Show my result" and "Show and save my result" to the second answer.
	s.answer("Show my result", keyDown, keyDown, keyDown, keyEnter)
	s.answer("(2/4) Are the fixture needs", "3")
	s.waitFor("Not sure: Are the fixture needs manageable?")
	s.confirm()
	out := s.succeed()
	if !strings.Contains(out, `"recommendation": "residential"`) || !strings.Contains(out, `"decided_by": [`+"\n"+`    "manageable-needs"`) {
		t.Fatalf("the change did not reach the result:\n%s", out)
	}
}

// TestFormFitsSmallWindows: at 40×12 every question's options are on the
// screen, and a terminal that reports 0×0 is drawn as 80×24.
func TestFormFitsSmallWindows(t *testing.T) {
	s := startSession(t, sessionOpts{cols: 40, rows: 12}, "check", "-q")
	s.begin()
	for _, q := range []string{"(1/4)", "(2/4)", "(3/4)", "(4/4)"} {
		s.waitFor(q)
		for _, o := range []string{"1. Yes", "2. No", "3. Not sure"} {
			s.waitFor(o)
		}
		s.answer(q, "1")
	}
	s.confirm()
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}

	z := startSession(t, sessionOpts{cols: 0, rows: 0, zeroSize: true}, "check")
	z.begin()
	z.waitFor("(1/4) Is the fixture home steady?")
	z.waitFor("3. Not sure")
	z.send(keyEsc)
	if code := z.exit(); code != 130 {
		t.Fatalf("0×0: exit %d", code)
	}
}

// TestPrivateAtATerminal: at a terminal too, in the form and in scripted
// mode, iopfit opens no socket (not even to nscd, which a user lookup in a
// cgo build asks), reads no user database, and writes no file.
func TestPrivateAtATerminal(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (apt-get install strace)")
	}
	if out, err := exec.Command(strace, "-qq", "-o", "/dev/null", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %s", out)
	}
	t.Run("form", func(t *testing.T) {
		trace := filepath.Join(t.TempDir(), "trace")
		s := startSession(t, sessionOpts{prefix: traceArgs(strace, trace), stdoutTTY: true, env: []string{"TERM=xterm-256color"}}, "check")
		s.begin()
		s.answerAll("(1/4)", "(2/4)", "(3/4)", "(4/4)")
		if code := s.exit(); code != 0 {
			t.Fatalf("exit %d", code)
		}
		checkTrace(t, "the form", trace, false)
	})
	t.Run("form, keeping a copy", func(t *testing.T) {
		dir, trace := t.TempDir(), filepath.Join(t.TempDir(), "trace")
		s := startSession(t, sessionOpts{prefix: traceArgs(strace, trace), stdoutTTY: true, dir: dir, env: []string{"TERM=xterm-256color"}}, "check")
		s.begin()
		for _, q := range []string{"(1/4)", "(2/4)", "(3/4)", "(4/4)"} {
			s.answer(q, "1")
		}
		s.answer("Show and save my result", keyDown, keyEnter)
		if code := s.exit(); code != 0 {
			t.Fatalf("exit %d", code)
		}
		name := checkTrace(t, "the form, keeping a copy", trace, true)
		files, err := os.ReadDir(dir)
		if err != nil || len(files) != 1 || files[0].Name() != name {
			t.Fatalf("the folder holds %v (%v), want only %s", files, err, name)
		}
		if info, err := files[0].Info(); err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s is %v (%v), want readable by its owner alone", name, info.Mode(), err)
		}
	})
	t.Run("scripted", func(t *testing.T) {
		trace := filepath.Join(t.TempDir(), "trace")
		s := startSession(t, sessionOpts{prefix: traceArgs(strace, trace), stdoutTTY: true, env: []string{"TERM=xterm-256color"}}, allAnswers...)
		if code := s.exit(); code != 0 {
			t.Fatalf("exit %d", code)
		}
		checkTrace(t, "scripted check", trace, false)
	})
}

// procState is the state letter of pid in /proc (T when stopped).
func procState(t *testing.T, pid int) string {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	// The state follows the command name in parentheses.
	fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return fields[0]
}

// waitState waits until pid is in state want.
func waitState(t *testing.T, pid int, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if procState(t, pid) == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("process state %s, want %s", procState(t, pid), want)
}

// TestFormSuspendAndResume: Ctrl-Z, or SIGTSTP from outside, gives the
// terminal back (main screen, cursor shown, modes restored) and stops
// iopfit; SIGCONT takes the terminal back, redraws the form, and keys work.
func TestFormSuspendAndResume(t *testing.T) {
	for _, how := range []string{"ctrl-z", "SIGTSTP"} {
		t.Run(how, func(t *testing.T) {
			s := startSession(t, sessionOpts{}, "check", "-q")
			s.begin()
			s.answer("(1/4)", "1")
			s.waitFor("(2/4)")
			time.Sleep(settleTime)
			before := len(s.screen.String())
			if how == "ctrl-z" {
				s.send("\x1a")
			} else {
				s.signal(syscall.SIGTSTP)
			}
			waitState(t, s.cmd.Process.Pid, "T")
			// iopfit wrote the codes that release the terminal before it
			// stopped, but they may still be on their way to this reader.
			releasedAll := func() bool {
				r := s.screen.String()[before:]
				return strings.Contains(r, "\x1b[?1049l") && strings.Contains(r, "\x1b[?25h")
			}
			for deadline := time.Now().Add(2 * time.Second); !releasedAll() && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			if !releasedAll() {
				t.Fatalf("the terminal was not released on suspend: %q", s.screen.String()[before:])
			}
			after, err := unix.IoctlGetTermios(int(s.tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			if after.Lflag != s.before.Lflag {
				t.Fatalf("modes not restored on suspend: lflag %#x, was %#x", after.Lflag, s.before.Lflag)
			}
			mark := len(s.screen.String())
			s.signal(syscall.SIGCONT)
			deadline := time.Now().Add(5 * time.Second)
			for !strings.Contains(ansi.Strip(s.screen.String()[mark:]), "(2/4)") && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if !strings.Contains(ansi.Strip(s.screen.String()[mark:]), "(2/4)") {
				t.Fatalf("the form was not redrawn after SIGCONT: %q", s.screen.String()[mark:])
			}
			s.answerAll("(2/4)", "(3/4)", "(4/4)")
			if got := s.succeed(); got != "iop\n" {
				t.Fatalf("stdout = %q", got)
			}
			s.restored()
		})
	}
}

// TestFormEndsOnEverySignal: every signal whose default ends a process ends
// iopfit with 128+N, the terminal restored, no stack dump, nothing on
// stdout, in the form and at a plain prompt.
func TestFormEndsOnEverySignal(t *testing.T) {
	sigs := []syscall.Signal{syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGTRAP, syscall.SIGSYS, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGXCPU,
		// Sent, not raised by a fault: Go's runtime dumped a stack for the
		// first two, and ignored the others (35 is the first real-time
		// signal Go lets a program catch).
		syscall.SIGSEGV, syscall.SIGBUS, syscall.SIGVTALRM, syscall.Signal(35)}
	for _, sig := range sigs {
		for _, mode := range []string{"form", "plain"} {
			t.Run(sig.String()+"/"+mode, func(t *testing.T) {
				args := []string{"check"}
				if mode == "plain" {
					args = append(args, "--accessible")
				}
				s := startSession(t, sessionOpts{}, args...)
				s.begin()
				s.waitFor("(1/4)")
				s.signal(sig)
				if code := s.exit(); code != 128+int(sig) {
					t.Fatalf("exit %d, want %d", code, 128+int(sig))
				}
				if text := s.text(); strings.Contains(text, "goroutine ") || strings.Contains(text, "SIGQUIT") {
					t.Fatalf("a stack dump on the screen:\n%.600s", text)
				}
				if s.stdout.String() != "" {
					t.Fatalf("stdout = %q", s.stdout.String())
				}
				s.restored()
			})
		}
	}
}

// TestFormTwoSignals: a second, different signal right after the first does
// not cut the first one's restore short, and the exit code is the first's.
func TestFormTwoSignals(t *testing.T) {
	for i := range 5 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s := startSession(t, sessionOpts{}, "check")
			s.begin()
			s.waitFor("(1/4)")
			s.signal(syscall.SIGHUP)
			// As from a shell (kill -HUP $P; kill -TERM $P): signals sent
			// within microseconds of each other reach Go's handler threads
			// in either order, so neither can be called first.
			time.Sleep(time.Millisecond)
			// iopfit may already be gone: its restore takes a few ms.
			if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			if code := s.exit(); code != 129 {
				t.Fatalf("exit %d, want 129", code)
			}
			s.restored()
		})
	}
}

// TestTerminalIsNotAFile: a path that is really the terminal (/dev/tty,
// /dev/stdin at a terminal) is refused at once, as --answers - is, rather
// than waiting silently for a person to type a file.
func TestTerminalIsNotAFile(t *testing.T) {
	for _, args := range [][]string{
		{"--questions", "/dev/tty", "questions"},
		{"check", "--answers", "/dev/stdin"},
		{"check", "--answers", "/dev/tty"},
		{"check", "--answers", "-"},
	} {
		s := startSession(t, sessionOpts{}, args...)
		if code := s.exit(); code != 2 {
			t.Fatalf("%v: exit %d, want 2; screen:\n%s", args, code, s.text())
		}
		if !strings.Contains(s.text(), "terminal") {
			t.Errorf("%v: the error does not say why:\n%s", args, s.text())
		}
	}
}

// TestFormCtrlBackslash: in the form's raw mode Ctrl-\ is a key, not
// SIGQUIT; it stops the form like Esc, with no stack dump.
func TestFormCtrlBackslash(t *testing.T) {
	s := startSession(t, sessionOpts{}, "check")
	s.begin()
	s.answer("(1/4)", "\x1c")
	if code := s.exit(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if strings.Contains(s.text(), "goroutine ") {
		t.Fatalf("a stack dump:\n%.400s", s.text())
	}
	s.restored()
}
