package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/load"
)

// TestCompareFromStdin: stdin can carry the earlier result only when
// nothing else reads it (the answers, plain prompts or a person typing).
func TestCompareFromStdin(t *testing.T) {
	set, err := load.Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	earlier := `{"schema_version": 1, "question_set": {"id": "` + set.ID + `", "version": "0.0.9"}, "answers": [{"id": "stable-home", "answer": "no"}], "recommendation": "residential"}`
	tests := []struct {
		name       string
		answers    string
		accessible bool
		inTTY      bool
		asking     bool
		want       string // a catalog id, or "" when stdin is read
	}{
		{"every answer given", "", false, false, false, ""},
		{"answers missing, no one to ask", "", false, false, true, ""},
		{"stdin carries the answers", "-", false, false, false, "cli.compare_stdin"},
		{"plain prompts read stdin", "", true, false, true, "cli.compare_prompts"},
		{"plain prompts with nothing to ask", "", true, false, false, ""},
		{"stdin is a terminal", "", false, true, false, "cli.compare_tty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &checkOptions{IO: &Streams{In: strings.NewReader(earlier), InTTY: tt.inTTY}, Set: set, Compare: "-", AnswersFile: tt.answers, Accessible: tt.accessible}
			compareOrRefuse(t, o, tt.asking, tt.want)
		})
	}
}

// compareOrRefuse checks --compare as a run does (the flags, then the
// read): refused with the catalog text want as a usage error (exit 2), or,
// for want "", read.
func compareOrRefuse(t *testing.T, o *checkOptions, asking bool, want string) {
	t.Helper()
	err := o.compareFlags(true)
	var e *assess.Earlier
	if err == nil {
		e, err = o.readEarlier(context.Background(), asking)
	}
	var ue *UsageError
	switch {
	case want == "" && err != nil:
		t.Fatalf("refused: %v", err)
	case want == "" && (e == nil || e.Answers["stable-home"] != assess.No):
		t.Fatalf("read %+v", e)
	case want != "" && (!errors.As(err, &ue) || ue.Msg.ID != want):
		t.Fatalf("got %v, want %s", err, want)
	case want != "" && exitCode(err) != ExitUsage:
		t.Fatalf("exit %d", exitCode(err))
	}
}

// TestCompareNamesStdin: a --compare path that is the file stdin is
// (/dev/stdin, /proc/self/fd/0, or the file stdin was redirected from) is
// stdin, and is refused where --compare - is. The file is told by its
// identity, not by its name.
func TestCompareNamesStdin(t *testing.T) {
	set, err := load.Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	stdinPath, other := filepath.Join(dir, "answers.json"), filepath.Join(dir, "earlier.json")
	earlier := `{"schema_version": 1, "question_set": {"id": "` + set.ID + `", "version": "0.0.9"}, "answers": [{"id": "stable-home", "answer": "no"}], "recommendation": "residential"}`
	for _, p := range []string{stdinPath, other} {
		if err := os.WriteFile(p, []byte(earlier), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(stdinPath, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	tests := []struct {
		name, compare, answers string
		accessible, asking     bool
		want                   string // a catalog id, or "" when the file is read
	}{
		{"the file stdin is, with --answers -", stdinPath, "-", false, false, "cli.compare_stdin"},
		{"a link to it", link, "-", false, false, "cli.compare_stdin"},
		{"--compare - with answers from the file stdin is", "-", stdinPath, false, false, "cli.compare_stdin"},
		{"the file stdin is, while plain prompts read stdin", stdinPath, "", true, true, "cli.compare_prompts"},
		{"the file stdin is, with nothing else reading stdin", stdinPath, "", false, false, ""},
		{"another file", other, "-", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := os.Open(stdinPath)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			o := &checkOptions{IO: &Streams{In: in}, Set: set, Compare: tt.compare, AnswersFile: tt.answers, Accessible: tt.accessible}
			compareOrRefuse(t, o, tt.asking, tt.want)
		})
	}
}
