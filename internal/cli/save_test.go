package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/load"
)

// folder is a directory in memory, for what saving writes.
type folder map[string][]byte

func (f folder) saveNew(name string, data []byte) error {
	if _, ok := f[name]; ok {
		return fs.ErrExist
	}
	f[name] = data
	return nil
}

func fixtureSet(t *testing.T) *assess.Set {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fixture", "questions.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := load.ParseSet(data, "fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func saveOptions(t *testing.T, save func(string, []byte) error) (*checkRun, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	host := Host{
		SaveNew: save,
		Now:     func() time.Time { return time.Date(2026, 12, 1, 21, 30, 0, 0, time.Local) },
	}
	return &checkRun{checkOptions: &checkOptions{IO: &Streams{Out: &out, ErrOut: &errOut}, Host: host, Set: fixtureSet(t), Output: formatText}, asked: askForm, save: true}, &out, &errOut
}

func fixtureResult(t *testing.T, set *assess.Set) assess.Result {
	t.Helper()
	res, err := assess.Evaluate(set, map[string]assess.Answer{
		"stable-home": assess.Yes, "manageable-needs": assess.No, "can-commit": assess.Yes, "responsibilities": assess.Yes,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSaveKeepsOneNewFile: choosing to save writes the markdown result, which
// names its day, to a new file named for the day, never over another, and
// says where; without the choice nothing is written.
func TestSaveKeepsOneNewFile(t *testing.T) {
	dir := folder{"iopfit-2026-12-01.md": []byte("an earlier result")}
	o, out, errOut := saveOptions(t, dir.saveNew)
	if err := o.print(fixtureResult(t, o.Set)); err != nil {
		t.Fatal(err)
	}
	if len(dir) != 2 || string(dir["iopfit-2026-12-01.md"]) != "an earlier result" {
		t.Fatalf("files: %q", keys(dir))
	}
	saved := string(dir["iopfit-2026-12-01-2.md"])
	if !strings.HasPrefix(saved, "# ") || !strings.Contains(saved, "2026-12-01") {
		t.Errorf("the saved file is not the markdown result of the day:\n%s", saved)
	}
	if !strings.Contains(errOut.String(), "iopfit-2026-12-01-2.md") || out.Len() == 0 {
		t.Errorf("stderr %q does not say where, or stdout is empty", errOut.String())
	}

	o.save = false
	before := len(dir)
	if err := o.print(fixtureResult(t, o.Set)); err != nil || len(dir) != before {
		t.Fatalf("without the choice: %v, %d files, want %d", err, len(dir), before)
	}
}

// TestSaveFailureShowsTheResult: when the copy cannot be saved, the result
// is still shown, and the error says so, with exit 1 and no bug line.
func TestSaveFailureShowsTheResult(t *testing.T) {
	full := fullFolder()
	for name, save := range map[string]func(string, []byte) error{
		"denied":       func(string, []byte) error { return fs.ErrPermission },
		"no name left": full.saveNew,
		"cannot save":  nil,
		"disk is full": func(string, []byte) error { return errors.New("no space left on device") },
	} {
		o, out, _ := saveOptions(t, save)
		err := o.print(fixtureResult(t, o.Set))
		var se *SaveError
		if !errors.As(err, &se) || exitCode(err) != ExitInternal {
			t.Errorf("%s: %v (exit %d), want a SaveError and exit 1", name, err, exitCode(err))
		}
		if out.Len() == 0 {
			t.Errorf("%s: the result was not shown", name)
		}
	}
}

func keys(m folder) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// fullFolder is a folder that holds every name a save of 2026-12-01 may
// take.
func fullFolder() folder {
	full := folder{}
	for i := 1; i <= maxSaveNames; i++ {
		name := "iopfit-2026-12-01.md"
		if i > 1 {
			name = fmt.Sprintf("iopfit-2026-12-01-%d.md", i)
		}
		full[name] = nil
	}
	return full
}
