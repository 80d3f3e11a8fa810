package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// allAnswers answers every question of the fixture set as flags.
var allAnswers = []string{"check", "--stable-home", "yes", "--manageable-needs", "yes", "--can-commit", "yes", "--responsibilities", "no"}

// buildDir holds the binaries the terminal and process tests run. It is made
// once per test run and removed when the run ends (see cleanupM).
var buildDir string

// buildDirOnce makes buildDir, for the first build of a run; parallel tests
// build at once.
var (
	buildDirOnce sync.Once
	buildDirErr  error
)

var builds sync.Map // binary's name -> *buildResult

type buildResult struct {
	once sync.Once
	path string
	err  error
}

// testHooks is the build tag of the test hooks: the panic seams, and the
// marks the terminal tests wait on (internal/testmark).
const testHooks = "iopfit_testhook"

// binary builds iopfit (with the given build tags, if any) once per run and
// returns its path. The tests run the real binary, so that what they see is
// what a person sees.
func binary(t *testing.T, tags string) string {
	t.Helper()
	var args []string
	if tags != "" {
		args = []string{"-tags", tags}
	}
	return build(t, "iopfit"+tags, args...)
}

// scriptsVersion is the version and commit the scripts' iopfit reports.
const scriptsVersion = "-X main.version=v0.0.0-test -X main.commit=0000000"

// scriptsBinary is iopfit as the scripts in testdata/script run it, with a
// fixed version and commit, in a folder of its own to put on their PATH.
func scriptsBinary(t *testing.T) string {
	t.Helper()
	return build(t, filepath.Join("scripts", "iopfit"), "-ldflags", scriptsVersion)
}

// build runs go build with args once per run, into name under buildDir,
// and returns the binary's path.
//
// Built without -race, even when the tests run with it: under the race
// detector, every signal during a form reports a race inside Bubble Tea's
// input reader (cancelreader closes its file while its own read goroutine
// polls it), which iopfit cannot change; and a race-built iopfit takes ten
// times as long to start, which the scripts, starting it hundreds of times,
// paid in minutes.
func build(t *testing.T, name string, args ...string) string {
	t.Helper()
	v, _ := builds.LoadOrStore(name, &buildResult{})
	b := v.(*buildResult)
	b.once.Do(func() {
		buildDirOnce.Do(func() { buildDir, buildDirErr = os.MkdirTemp("", "iopfit-test-") })
		if b.err = buildDirErr; b.err != nil {
			return
		}
		b.path = filepath.Join(buildDir, name)
		if b.err = os.MkdirAll(filepath.Dir(b.path), 0o755); b.err != nil {
			return
		}
		cmd := append(append([]string{"build", "-o", b.path}, args...), ".")
		out, err := exec.Command("go", cmd...).CombinedOutput()
		if err != nil {
			b.err = errors.New(string(out))
		}
	})
	if b.err != nil {
		t.Fatalf("building iopfit: %v", b.err)
	}
	return b.path
}

// cleanupM removes the built binaries when the test run ends.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	code := c.m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	return code
}

// baseEnv is a small, fixed environment, so that a developer's NO_COLOR or
// IOPFIT_QUESTIONS cannot change what a test sees. iopfit reads the fixture
// question set.
func baseEnv(extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "TERM=xterm-256color", "IOPFIT_QUESTIONS=" + fixture}, extra...)
}

// exitStatus returns the exit code of a finished command, or 128+N when a
// signal ended it, as a shell would report it.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("running iopfit: %v", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ee.ExitCode()
}

// lockedBuffer collects output written from another goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// cut removes suffix from the end of what was written, and says whether it
// was there.
func (l *lockedBuffer) cut(suffix string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !bytes.HasSuffix(l.b.Bytes(), []byte(suffix)) {
		return false
	}
	l.b.Truncate(l.b.Len() - len(suffix))
	return true
}

// waitDone waits for cmd (started by the caller, with done closed when it
// ends) and fails the test if it hangs.
func waitDone(t *testing.T, done <-chan struct{}, what string, limit time.Duration) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("iopfit did not finish within %v: %s", limit, what)
	}
}
