// Command mutate checks that the tests catch the mistakes that matter most:
// it applies each hand mutation in mutations, one at a time, to a copy of
// the module, runs the tests of the package that owns the changed code, and
// prints caught or MISSED for each. It exits 1 if any mutation was missed,
// or no longer applies (its code moved on: the list must follow it).
//
// The working tree is never written: the mutations go to a copy in a
// temporary folder, which is removed at the end, on Ctrl-C too. Run it with
// make mutate from the module's root.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// mutation replaces old, which must occur exactly once in file, with new;
// pkg is the package whose tests must catch it.
type mutation struct {
	name, file, old, new, pkg string
}

var mutations = []mutation{
	// The rule: IOP only when every deciding question is answered yes.
	{"rule: unsure on a deciding question counts as yes", "internal/assess/evaluate.go",
		"if q.Decides && answers[q.ID] != Yes {", "if q.Decides && answers[q.ID] == No {", "./internal/assess"},
	{"rule: a question that does not decide decides", "internal/assess/evaluate.go",
		"if q.Decides && answers[q.ID] != Yes {", "if answers[q.ID] != Yes {", "./internal/assess"},
	// The step cap.
	{"step cap: every step listed", "internal/assess/evaluate.go",
		"return steps[:min(len(steps), MaxSteps)]", "return steps", "./internal/assess"},
	{"step cap: MaxSteps 7", "internal/assess/evaluate.go",
		"const MaxSteps = 6", "const MaxSteps = 7", "./internal/assess"},
	// The key guard.
	{"key guard: a held key's repeats count", "internal/prompt/guard.go",
		"case repeat && turnsPage(k):", "case false && repeat && turnsPage(k):", "./internal/prompt"},
	{"key guard: Esc stops at once, never held for a reply", "internal/prompt/guard.go",
		`case k == "esc" && !esc:`, `case false && k == "esc" && !esc:`, "./internal/prompt"},
	{"key guard: ESC ] read as one key is a key", "internal/prompt/guard.go",
		`case k == "alt+]":`, `case false && k == "alt+]":`, "./internal/prompt"},
	{"key guard: keys after a paste count", "internal/prompt/guard.go",
		"case now.Sub(g.pasted) < pasteGap:", "case false && now.Sub(g.pasted) < pasteGap:", "./internal/prompt"},
	// The reply expiry: after replyGap without a piece, keys count again.
	{"reply expiry: a half reply never expires", "internal/prompt/guard.go",
		"if g.reply != noReply && now.Sub(g.last) > replyGap {", "if false && g.reply != noReply && now.Sub(g.last) > replyGap {", "./internal/prompt"},
	{"reply expiry: 1 s", "internal/prompt/guard.go",
		"const replyGap = 10 * time.Second", "const replyGap = 1 * time.Second", "./internal/prompt"},
	// The saved copy's mode and its refusal to overwrite.
	{"save: mode 0644", "internal/cli/host.go",
		"err = f.Chmod(0o600)", "err = f.Chmod(0o644)", "./internal/cli"},
	{"save: mode left to the umask", "internal/cli/host.go",
		"err = f.Chmod(0o600)", "err = nil", "./internal/cli"},
	{"save: an existing file overwritten", "internal/cli/host.go",
		"os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600", "os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600", "./internal/cli"},
	// The FHIR Questionnaire's calculated result.
	{"FHIR calculated result: unsure counts as yes", "internal/report/fhirpath.go",
		`yes = append(yes, answerCodePath(q.ID)+" = "+fhirpathString(string(assess.Yes)))`,
		`yes = append(yes, answerCodePath(q.ID)+" != "+fhirpathString(string(assess.No)))`, "./internal/report"},
	{"FHIR calculated result: shown before every question is answered", "internal/report/fhirpath.go",
		`return "iif(" + strings.Join(answered, " and ") +`, `return "iif(true" +`, "./internal/report"},
}

func main() {
	root := flag.String("root", ".", "the module's root folder")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, *root, os.Stdout)
	stop()
	os.Exit(code)
}

// run applies every mutation to a copy of the module at root and reports on
// w; it returns the exit code.
func run(ctx context.Context, root string, w io.Writer) int {
	tmp, err := os.MkdirTemp("", "iopfit-mutate-")
	if err != nil {
		fmt.Fprintf(w, "mutate: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if err := copyModule(ctx, root, tmp); err != nil {
		fmt.Fprintf(w, "mutate: copying the module: %v\n", err)
		return 1
	}
	missed, broken := 0, 0
	for _, m := range mutations {
		start := time.Now()
		verdict, detail, err := try(ctx, tmp, m)
		if ctx.Err() != nil {
			fmt.Fprintln(w, "mutate: stopped; the working tree was never changed")
			return 130
		}
		if err != nil {
			fmt.Fprintf(w, "mutate: %s: %v\n", m.name, err)
			return 1
		}
		switch verdict {
		case "MISSED":
			missed++
		case "BROKEN":
			broken++
		}
		fmt.Fprintf(w, "%-7s %s (%s, %.1fs)%s\n", verdict, m.name, m.pkg, time.Since(start).Seconds(), detail)
	}
	fmt.Fprintf(w, "%d mutations: %d caught, %d missed, %d no longer apply or build\n", len(mutations), len(mutations)-missed-broken, missed, broken)
	if missed+broken > 0 {
		return 1
	}
	return 0
}

// try applies m in the copy at dir, runs its package's tests, and puts the
// file back. The verdict is caught, MISSED, or BROKEN when the mutation does
// not apply (old is not in the file exactly once) or does not build.
func try(ctx context.Context, dir string, m mutation) (verdict, detail string, err error) {
	path := filepath.Join(dir, filepath.FromSlash(m.file))
	orig, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	if n := bytes.Count(orig, []byte(m.old)); n != 1 {
		return "BROKEN", fmt.Sprintf(": %q is in %s %d times, want once", m.old, m.file, n), nil
	}
	mutated := bytes.Replace(orig, []byte(m.old), []byte(m.new), 1)
	if err := os.WriteFile(path, mutated, 0o644); err != nil {
		return "", "", err
	}
	defer func() {
		if werr := os.WriteFile(path, orig, 0o644); werr != nil && err == nil {
			err = fmt.Errorf("restoring %s in the copy: %w", m.file, werr)
		}
	}()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", m.pkg)
	cmd.Dir = dir
	out, runErr := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case runErr == nil:
		return "MISSED", "", nil
	case !errors.As(runErr, &exit):
		return "", "", fmt.Errorf("running go test: %w", runErr)
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "BROKEN", ": it does not build:\n" + string(out), nil
	}
	return "caught", firstFailure(out), nil
}

// firstFailure is the first failing test's name in go test's output, to
// show which test caught a mutation.
func firstFailure(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "--- FAIL: ") {
			return " by " + strings.Fields(strings.TrimPrefix(t, "--- FAIL: "))[0]
		}
	}
	return ""
}

// copyModule copies the files git knows of at root (tracked, and new ones
// not ignored), as they are in the working tree, to dir. fhirpath.js, which
// git ignores, is linked in when it is installed, so that the FHIRPath test
// runs in the copy too.
func copyModule(ctx context.Context, root, dir string) error {
	cmd := exec.CommandContext(ctx, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	list, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("git ls-files: %w", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		src := filepath.Join(root, filepath.FromSlash(name))
		info, err := os.Lstat(src)
		if errors.Is(err, os.ErrNotExist) {
			continue // deleted in the working tree, not yet in git
		}
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, info.Mode().Perm()); err != nil {
			return err
		}
	}
	modules, err := filepath.Abs(filepath.Join(root, "tools", "fhirpath", "node_modules"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(modules); err == nil {
		return os.Symlink(modules, filepath.Join(dir, "tools", "fhirpath", "node_modules"))
	}
	return nil
}
