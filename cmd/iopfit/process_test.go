//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// run starts the binary with stdin and stdout as given and stderr captured,
// and waits for it, failing if it takes longer than limit.
func run(t *testing.T, bin string, stdin io.Reader, stdout io.Writer, env []string, limit time.Duration, args ...string) (code int, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = baseEnv(env...)
	cmd.Stdin, cmd.Stdout = stdin, stdout
	var errBuf lockedBuffer
	cmd.Stderr = &errBuf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var err error
	go func() { err = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("iopfit %v did not finish within %v", args, limit)
	}
	return exitStatus(t, err), errBuf.String()
}

func TestOutputErrors(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	t.Run("full disk", func(t *testing.T) {
		t.Parallel()
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full here")
		}
		defer full.Close()
		code, stderr := run(t, bin, nil, full, nil, 10*time.Second, allAnswers...)
		if code != 1 || stderr != "iopfit: writing the output: write /dev/stdout: no space left on device\n" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("closed pipe", func(t *testing.T) {
		t.Parallel()
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close() // the reader is gone before iopfit writes
		defer w.Close()
		code, stderr := run(t, bin, nil, w, nil, 10*time.Second, allAnswers...)
		if code != 141 || stderr != "" {
			t.Fatalf("exit %d, stderr %q; want 141 (SIGPIPE) and nothing more", code, stderr)
		}
	})
	t.Run("reader stops early", func(t *testing.T) {
		t.Parallel()
		// Like `iopfit check … | head -c1`: the reader takes one byte and
		// goes. Whether the result fit in the pipe first (exit 0) or not
		// (SIGPIPE, 141), iopfit says nothing about it.
		cmd := exec.Command(bin, allAnswers...)
		cmd.Env = baseEnv()
		var errBuf bytes.Buffer
		cmd.Stderr = &errBuf
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := out.Read(make([]byte, 1)); err != nil {
			t.Fatal(err)
		}
		out.Close()
		code := exitStatus(t, cmd.Wait())
		if (code != 0 && code != 141) || errBuf.Len() != 0 {
			t.Fatalf("exit %d, stderr %q; want 0 or 141 and nothing on stderr", code, errBuf.String())
		}
	})
}

// endless is input that never ends.
type endless struct{ line []byte }

func (e endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], e.line)
	}
	return n, nil
}

func TestEndlessAndSilentInput(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	t.Run("endless answers file", func(t *testing.T) {
		t.Parallel()
		code, stderr := run(t, bin, endless{[]byte("stable-home: yes\n")}, io.Discard, nil, 10*time.Second, "check", "--answers", "-")
		if code != 2 || stderr != "iopfit: stdin: is larger than 64 KiB; an answers file holds one line per question\n" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("endless zeros", func(t *testing.T) {
		t.Parallel()
		zero, err := os.Open("/dev/zero")
		if err != nil {
			t.Skip("no /dev/zero here")
		}
		defer zero.Close()
		code, _ := run(t, bin, zero, io.Discard, nil, 10*time.Second, "check", "--answers", "-")
		if code != 2 {
			t.Fatalf("exit %d, want 2", code)
		}
	})
	t.Run("endless yes to plain prompts", func(t *testing.T) {
		t.Parallel()
		var out bytes.Buffer
		code, _ := run(t, bin, endless{[]byte("y\n")}, &out, nil, 10*time.Second, "check", "--accessible", "-q")
		if code != 0 || out.String() != "iop\n" {
			t.Fatalf("exit %d, stdout %q", code, out.String())
		}
	})
	t.Run("endless blank lines", func(t *testing.T) {
		t.Parallel()
		code, stderr := run(t, bin, endless{[]byte("\n")}, io.Discard, nil, 10*time.Second, "check", "--accessible")
		if code != 2 || !strings.Contains(stderr, "iopfit: no answer for stable-home after 3 tries") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	// Input that never comes must not hold iopfit once it is told to stop.
	// The signal comes once iopfit has started to wait (the test build's
	// mark, just before the read).
	hooked := binary(t, testHooks)
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		code int
		args []string
		mark string
	}{
		{"silent answers file, SIGTERM", syscall.SIGTERM, 143, []string{"check", "--answers", "-"}, "read answers"},
		{"silent plain prompt, SIGINT", syscall.SIGINT, 130, []string{"check", "--accessible"}, "line"},
		{"silent plain prompt, SIGHUP", syscall.SIGHUP, 129, []string{"check", "--accessible"}, "line"},
		// A named pipe nobody writes to: even opening it never returns.
		{"question file on a silent FIFO, SIGINT", syscall.SIGINT, 130, []string{"--questions", "FIFO", "check"}, "read questions"},
		{"answers file on a silent FIFO, SIGINT", syscall.SIGINT, 130, []string{"check", "--answers", "FIFO"}, "read answers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if i := slices.Index(tc.args, "FIFO"); i >= 0 {
				fifo := filepath.Join(t.TempDir(), "fifo")
				if err := syscall.Mkfifo(fifo, 0o600); err != nil {
					t.Skipf("no named pipes here: %v", err)
				}
				tc.args = slices.Clone(tc.args)
				tc.args[i] = fifo
			}
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			cmd := exec.Command(hooked, tc.args...)
			marks := marksFile(t)
			cmd.Env = baseEnv("IOPFIT_TEST_MARKS=3")
			cmd.ExtraFiles = []*os.File{marks}
			cmd.Stdin = r
			var stdout, stderr lockedBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r.Close()
			done := make(chan struct{})
			go func() { err = cmd.Wait(); close(done) }()
			waitForMark(t, marks, tc.mark, done)
			_ = cmd.Process.Signal(tc.sig)
			waitDone(t, done, tc.name, 5*time.Second)
			if code := exitStatus(t, err); code != tc.code {
				t.Fatalf("exit %d, want %d", code, tc.code)
			}
			if stdout.String() != "" {
				t.Fatalf("stdout %q", stdout.String())
			}
			if tc.sig == syscall.SIGINT && !strings.HasSuffix(stderr.String(), "Stopped. Nothing was saved.\n") {
				t.Fatalf("stderr %q", stderr.String())
			}
			if tc.sig != syscall.SIGINT && strings.Contains(stderr.String(), "iopfit:") {
				t.Fatalf("stderr %q; a signal should end iopfit quietly", stderr.String())
			}
		})
	}
}

// waitForMark waits until the test build has written the mark want to
// marks, failing if the process ends first (done, when not nil, closes
// then) or it takes too long.
func waitForMark(t *testing.T, marks *os.File, want string, done <-chan struct{}) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Contains(readMarks(t, marks), want) {
		select {
		case <-done:
			t.Fatalf("iopfit ended before the mark %q", want)
		case <-time.After(5 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mark %q; marks %q", want, readMarks(t, marks))
		}
	}
}

// TestPanicOutsideForm proves a panic in a command ends with exit 1, the
// trace and a bug-report line on stderr, and nothing on stdout.
func TestPanicOutsideForm(t *testing.T) {
	t.Parallel()
	bin := binary(t, testHooks)
	var out bytes.Buffer
	code, stderr := run(t, bin, nil, &out, []string{"IOPFIT_TEST_PANIC=check"}, 10*time.Second, allAnswers...)
	if code != 1 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	if !strings.HasPrefix(stderr, "iopfit: internal error: test panic in check\n") || !strings.Contains(stderr, "goroutine ") ||
		!strings.HasSuffix(stderr, "This is a bug in iopfit, not something you did. Please report it, with the lines above, at https://github.com/iopfit/iopfit/issues\n") {
		t.Fatalf("stderr:\n%s", stderr)
	}
}

// TestShippedBinaryHasNoTestHooks makes sure the panic seams and the marks
// exist only in test builds: the shipped binary ignores the variables, and
// writes nothing to a descriptor it was handed.
func TestShippedBinaryHasNoTestHooks(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t, ""), append(allAnswers, "-q")...)
	marks := marksFile(t)
	cmd.Env = baseEnv("IOPFIT_TEST_PANIC=check", "IOPFIT_TEST_MARKS=3")
	cmd.ExtraFiles = []*os.File{marks}
	out, err := cmd.Output()
	if code := exitStatus(t, err); code != 0 || string(out) != "iop\n" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if m := readMarks(t, marks); len(m) != 1 || m[0] != "" {
		t.Fatalf("the shipped binary wrote marks: %q", m)
	}
}

// TestLinksNoNetworkClient lists every package linked into iopfit and fails
// on any that could talk to a network. (pflag links "net" only to parse IP
// flags, which iopfit does not have; "net" itself opens nothing. os/exec is
// linked by the terminal libraries; the strace test shows iopfit runs nothing.)
func TestLinksNoNetworkClient(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	forbidden := regexp.MustCompile(`^(net/http|net/rpc|net/smtp|net/mail|crypto/tls|net/http/.*|golang\.org/x/net/.*|google\.golang\.org/grpc.*|plugin|log/syslog)$`)
	for _, pkg := range strings.Fields(string(out)) {
		if forbidden.MatchString(pkg) {
			t.Errorf("iopfit links %s", pkg)
		}
	}
}

// TestOpensNoSocketWritesNoFile runs iopfit under strace, when it is
// installed, and fails on any socket, any file opened for writing, or any
// program it starts.
func TestOpensNoSocketWritesNoFile(t *testing.T) {
	t.Parallel()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (apt-get install strace)")
	}
	bin := binary(t, "")
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("stable-home: yes\nmanageable-needs: yes\ncan-commit: yes\nresponsibilities: no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Earlier results for --compare, as iopfit writes them.
	earlierJSON, earlierFHIR := filepath.Join(dir, "earlier.json"), filepath.Join(dir, "earlier.fhir.json")
	for path, format := range map[string]string{earlierJSON: "json", earlierFHIR: "fhir"} {
		cmd := exec.Command(bin, append(allAnswers, "-o", format)...)
		cmd.Env = baseEnv()
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		append(allAnswers, "-o", "json"),
		{"check", "--answers", answers, "-o", "markdown"},
		append(allAnswers, "--compare", earlierJSON),
		append(allAnswers, "-o", "json", "--compare", earlierFHIR),
		{"questions", "-o", "json"},
		{"--version"},
	} {
		trace := filepath.Join(dir, "trace")
		cmd := exec.Command(strace, append(traceArgs(strace, trace)[1:], append([]string{bin}, args...)...)...)
		cmd.Env = baseEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			if strings.Contains(string(out), "PTRACE") || strings.Contains(string(out), "Operation not permitted") {
				t.Skipf("strace cannot trace here: %s", out)
			}
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if i := slices.Index(args, "--compare"); i >= 0 {
			checkReadOnly(t, fmt.Sprint(args), trace, args[i+1])
		}
		checkTrace(t, fmt.Sprint(args), trace, false)
	}
}

// traceArgs has strace record what would break iopfit's privacy promise.
func traceArgs(strace, trace string) []string {
	return []string{strace, "-f", "-qq", "-o", trace, "-e", "trace=%network,%process,open,openat,creat,mkdir,mkdirat,rename,renameat,unlink,unlinkat"}
}

// checkTrace fails the test for any network call, file change, file opened
// for writing, or program started in the strace output at trace.
// savedOpen is the one write a trace may hold, when the person chose to keep
// a copy of their result: a new file, named for the day, in the working
// directory, created with O_EXCL (never over another) and readable by its
// owner alone.
// With -f, strace may split a call another thread interrupts: its line then
// ends "<unfinished ...>", and a later one says "<... openat resumed>".
var savedOpen = regexp.MustCompile(`\bopenat\(AT_FDCWD, "(iopfit-\d{4}-\d{2}-\d{2}(-\d+)?\.md)", O_WRONLY\|O_CREAT\|O_EXCL\|O_CLOEXEC, 0600(\)| <unfinished \.\.\.>)`)

// checkTrace fails on anything in an strace log that would break iopfit's
// privacy: a second program, the network, a change to the file system, a
// file opened for writing, a user lookup. With saved, the log must hold the
// one write a kept copy takes, whose file name it returns.
func checkTrace(t *testing.T, what, trace string, saved bool) (name string) {
	t.Helper()
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	execs := 0
	for _, line := range strings.Split(string(data), "\n") {
		if m := savedOpen.FindStringSubmatch(line); saved && m != nil {
			if name != "" {
				t.Errorf("%s: a second copy saved: %s", what, line)
			}
			name = m[1]
			continue
		}
		switch {
		case regexp.MustCompile(`\bexecve\(`).MatchString(line):
			if execs++; execs > 1 {
				t.Errorf("%s: starts a program: %s", what, line)
			}
		case regexp.MustCompile(`\b(socket|connect|bind|sendto|sendmsg)\(`).MatchString(line):
			t.Errorf("%s: network call: %s", what, line)
		case regexp.MustCompile(`\b(creat|mkdir|mkdirat|rename|renameat|unlink|unlinkat)\(`).MatchString(line):
			t.Errorf("%s: changes the file system: %s", what, line)
		case regexp.MustCompile(`\bopen(at)?\(`).MatchString(line) && regexp.MustCompile(`O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND`).MatchString(line) && !strings.Contains(line, "/dev/tty"):
			t.Errorf("%s: opens a file for writing: %s", what, line)
		case regexp.MustCompile(`/etc/(passwd|nsswitch\.conf|group)`).MatchString(line):
			t.Errorf("%s: looks up users: %s", what, line)
		}
	}
	if execs != 1 {
		t.Fatalf("%s: the trace shows %d program starts; it did not record iopfit's own", what, execs)
	}
	if saved && name == "" {
		t.Fatalf("%s: no copy was saved", what)
	}
	return name
}

func TestUnreadableFiles(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	dir := t.TempDir()
	// t.TempDir's folders are private; nobody must be able to reach the files.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(dir, "locked.yaml")
	if err := os.WriteFile(locked, []byte("stable-home: yes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The binary, too, must be reachable by nobody: a link to it in this
	// folder. Not a copy: a test running beside this one can fork while
	// the copy is open for writing, and its child holds it open until it
	// execs, so running the copy fails with "text file busy"
	// (golang/go#22315).
	runBin := filepath.Join(dir, "iopfit")
	if err := os.Link(bin, runBin); err != nil {
		t.Skipf("cannot link the binary into %s: %v", dir, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--questions", locked, "questions"}, "iopfit: " + locked + ": permission denied; make the file readable, or use another path\n"},
		{[]string{"check", "--answers", locked}, "iopfit: " + locked + ": permission denied; make the file readable, or use another path\n"},
		{append(allAnswers, "--compare", locked), "iopfit: " + locked + ": permission denied; make the file readable, or use another path\n"},
	} {
		cmd := exec.Command(runBin, tc.args...)
		cmd.Env = baseEnv()
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		} else if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		code := exitStatus(t, cmd.Run())
		if code != 2 || stdout.Len() != 0 || stderr.String() != tc.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tc.args, code, stdout.String(), stderr.String())
		}
	}
}

// TestCommandsWithoutTheSetNeverOpenIt: a question file can be a pipe that
// never ends; --version and completion do not need the set and must finish.
func TestCommandsWithoutTheSetNeverOpenIt(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, args := range [][]string{{"--version"}, {"-v"}, {"completion", "bash"}, {"--questions", fifo, "--version"}} {
		var out bytes.Buffer
		code, stderr := run(t, bin, nil, &out, []string{"IOPFIT_QUESTIONS=" + fifo}, 5*time.Second, args...)
		if code != 0 || out.Len() == 0 {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q", args, code, out.Len(), stderr)
		}
	}
	// A completion does need the set (its flags are the questions), but the
	// shell's prompt waits on it: it gives up on a pipe that never ends.
	var out bytes.Buffer
	if code, stderr := run(t, bin, nil, &out, []string{"IOPFIT_QUESTIONS=" + fifo}, 5*time.Second, "__complete", "check", "--st"); code != 0 {
		t.Errorf("completion with the set on a pipe: exit %d, stderr %q", code, stderr)
	}
}

// TestQuestionsFromAFIFOStops: waiting on a named pipe with no writer ends at
// Ctrl-C at once, with the cancelled line and exit 130.
func TestQuestionsFromAFIFOStops(t *testing.T) {
	bin := binary(t, testHooks)
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	cmd := exec.Command(bin, "--questions", fifo, "questions")
	marks := marksFile(t)
	cmd.Env = baseEnv("IOPFIT_TEST_MARKS=3")
	cmd.ExtraFiles = []*os.File{marks}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForMark(t, marks, "read questions", nil)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code := exitStatus(t, cmd.Wait())
	if took := time.Since(start); code != 130 || took > time.Second || !strings.Contains(stderr.String(), "Stopped. Nothing was saved.") {
		t.Fatalf("exit %d after %v, stderr %q", code, took, stderr.String())
	}
}

// TestOutputFailuresExit1: help, --version, completion scripts and results
// that cannot be written (a full disk, a closed stdout) exit 1 with one line,
// never 0 as if they had been written, nor 2 as if the person erred.
func TestOutputFailuresExit1(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{{"--help"}, {"check", "--help"}, {"help"}, {"help", "check"}, {"--version"}, {"completion", "bash"}, {"questions"}, {"questions", "-o", "fhir"}, append(allAnswers, "-o", "fhir"), allAnswers} {
		code, stderr := run(t, bin, nil, full, nil, 5*time.Second, args...)
		if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no space left") {
			t.Errorf("%v > /dev/full: exit %d, stderr %q", args, code, stderr)
		}
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to close stdout with")
	}
	cmd := exec.Command(sh, "-c", `exec "$0" "$@" >&-`, bin)
	cmd.Args = append(cmd.Args, allAnswers...)
	cmd.Env = baseEnv()
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	code := exitStatus(t, cmd.Run())
	if code != 1 || !strings.Contains(stderr.String(), "stdout is closed") {
		t.Errorf("result to a closed stdout: exit %d, stderr %q", code, stderr.String())
	}
	var out bytes.Buffer
	if code, _ := run(t, bin, nil, &out, nil, 5*time.Second, allAnswers...); code != 0 {
		t.Errorf("a plain run after those: exit %d", code)
	}
}

// TestPathsCannotDriveTheTerminal: a file name with an escape sequence or a
// bidi override is shown escaped in the listing's header, and JSON escapes
// C1 and bidi controls too.
func TestPathsCannotDriveTheTerminal(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "set\u009b2J\u202egnp.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code, stderr := run(t, bin, nil, &out, nil, 5*time.Second, "--questions", path, "questions"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(out.String(), "\u009b\u202e") || !strings.Contains(out.String(), `set\u009b2J\u202egnp.yaml`) {
		t.Errorf("the header shows the raw path:\n%q", out.String())
	}
	out.Reset()
	if code, stderr := run(t, bin, nil, &out, nil, 5*time.Second, append([]string{"--questions", path}, append(allAnswers, "-o", "json")...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(out.String(), "\u009b\u202e") || !strings.Contains(out.String(), `set\u009b2J\u202egnp.yaml`) {
		t.Errorf("JSON holds a raw C1 or bidi control:\n%s", out.String())
	}
}

// TestErrorLinesAreBounded: a huge value never floods an error line.
func TestErrorLinesAreBounded(t *testing.T) {
	t.Parallel()
	bin := binary(t, "")
	dir := t.TempDir()
	huge := strings.Repeat("x", 100000)
	keyFile := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(keyFile, []byte(strings.Repeat("k", 65000)+": yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tagFile := filepath.Join(dir, "long-value.yaml")
	if err := os.WriteFile(tagFile, []byte("stable-home: "+strings.Repeat("y", 60000)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	utf16File := filepath.Join(dir, "utf16.yaml")
	if err := os.WriteFile(utf16File, []byte("s\x00c\x00h\x00e\x00m\x00a\x00:\x00 \x001\x00\n\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", "-o", huge},
		{"check", "--stable-home", huge},
		{"check", "--answers", keyFile},
		{"check", "--answers", tagFile},
		{"--questions", huge, "questions"},
		{"--lang", huge},
		{huge},
		{"--questions", utf16File, "questions"},
	} {
		code, stderr := run(t, bin, nil, io.Discard, nil, 5*time.Second, args...)
		if code != 2 || len(stderr) > 600 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%.40v: exit %d, %d bytes of stderr: %.300q", args, code, len(stderr), stderr)
		}
	}
}

// checkReadOnly fails the test unless the strace output at trace shows
// path opened, read-only, and nothing else done with it.
func checkReadOnly(t *testing.T, what, trace, path string) {
	t.Helper()
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	opens := 0
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, strconv.Quote(path)) {
			continue
		}
		if !regexp.MustCompile(`\bopen(at)?\(.*O_RDONLY`).MatchString(line) || regexp.MustCompile(`O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND`).MatchString(line) {
			t.Errorf("%s: does more than read %s: %s", what, path, line)
		}
		opens++
	}
	if opens == 0 {
		t.Errorf("%s: the trace shows no open of %s", what, path)
	}
}
