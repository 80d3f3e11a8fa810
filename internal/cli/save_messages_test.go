package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/i18n"
)

// failing is a stdout that fails every write, like /dev/full.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestSaveSaysWhereWhenStdoutFails: when the result cannot be written to
// stdout, the copy the person asked for is still kept, and stderr says
// where it is, then the help lines.
func TestSaveSaysWhereWhenStdoutFails(t *testing.T) {
	dir := folder{}
	o, _, errOut := saveOptions(t, dir.saveNew)
	o.IO.Out = failing{}
	err := o.print(fixtureResult(t, o.Set))
	if !errors.As(err, new(*OutputError)) {
		t.Fatalf("err = %v, want an OutputError", err)
	}
	if len(dir) != 1 {
		t.Fatalf("files: %q", keys(dir))
	}
	for _, want := range []string{"Saved in this folder as iopfit-2026-12-01.md.", "Fixture Line", "911"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr does not say %q:\n%s", want, errOut.String())
		}
	}
}

// TestSaveNamesTakenSaysSo: with every name of the day taken, the error
// says so and what to do, not that the folder cannot be written to.
func TestSaveNamesTakenSaysSo(t *testing.T) {
	full := fullFolder()
	o, _, _ := saveOptions(t, full.saveNew)
	err := o.print(fixtureResult(t, o.Set))
	var se *SaveError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v", err)
	}
	// The end of the advice for a folder that cannot be written to.
	writable := map[i18n.Lang]string{i18n.English: "a folder you can write to", i18n.Spanish: "una carpeta donde pueda escribir"}
	for _, l := range i18n.Langs {
		msg := se.In(l)
		if strings.Contains(msg, writable[l]) {
			t.Errorf("%s: %q says to find a folder one can write to", l, msg)
		}
		if !strings.Contains(msg, "iopfit-2026-12-01-99.md") {
			t.Errorf("%s: %q does not name the last name tried", l, msg)
		}
	}
	if msg := se.In(i18n.English); !strings.Contains(msg, "move or delete") {
		t.Errorf("%q does not say what to do", msg)
	}
}

// TestSaveErrorIsWrapped: at a terminal, the save error after the recap is
// wrapped to the window between words, as the recap is, never cut by the
// terminal mid-word.
func TestSaveErrorIsWrapped(t *testing.T) {
	var errOut bytes.Buffer
	a := &app{io: &Streams{ErrOut: &errOut, ErrTTY: true, ErrWidth: 40}, lang: i18n.English}
	a.report(&SaveError{Err: errors.New("permission denied"), Shown: true}, ExitInternal)
	lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("one line at 40 columns:\n%s", errOut.String())
	}
	for _, l := range lines {
		if len(l) >= 40 {
			t.Errorf("line %q is wider than the window", l)
		}
	}
	if got := strings.Join(strings.Fields(errOut.String()), " "); !strings.HasPrefix(got, "iopfit: could not save a copy of your result") {
		t.Errorf("got %q", got)
	}
}

// notedFirst is a stdout (a pipe) that records whether stderr already said
// where the copy was saved when the result is written to it.
type notedFirst struct {
	errOut *bytes.Buffer
	noted  bool
}

func (w *notedFirst) Write(p []byte) (int, error) {
	w.noted = strings.Contains(w.errOut.String(), "Saved in this folder as")
	return len(p), nil
}

// TestSaveSaysWhereBeforeAPipe: with stdout a pipe or a file, which can end
// iopfit (SIGPIPE, as with | true) before anything follows it, stderr says
// where the copy was saved before the result is written, and once.
func TestSaveSaysWhereBeforeAPipe(t *testing.T) {
	dir := folder{}
	o, _, errOut := saveOptions(t, dir.saveNew)
	pipe := &notedFirst{errOut: errOut}
	o.IO.Out = pipe
	if err := o.print(fixtureResult(t, o.Set)); err != nil {
		t.Fatal(err)
	}
	if !pipe.noted {
		t.Error("the result was written before stderr said where the copy is")
	}
	if n := strings.Count(errOut.String(), "Saved in this folder as"); n != 1 {
		t.Errorf("said %d times:\n%s", n, errOut.String())
	}
}

// helpFirst is a stdout (a pipe) that records whether stderr already shows
// the help lines when the result is written to it.
type helpFirst struct {
	errOut *bytes.Buffer
	shown  bool
}

func (w *helpFirst) Write(p []byte) (int, error) {
	w.shown = strings.Contains(w.errOut.String(), "Fixture Line") && strings.Contains(w.errOut.String(), "after the pipe")
	return len(p), nil
}

// TestRecapBeforeAPipe: for a person who answered at the terminal, with
// stdout a pipe (| true, which ends iopfit with SIGPIPE as it writes; | less,
// which owns the terminal once it has the result), the recap with the help
// lines, then the line that says the result goes to the command after the
// pipe, are on the terminal before the result is written, once each.
func TestRecapBeforeAPipe(t *testing.T) {
	o, _, errOut := saveOptions(t, folder{}.saveNew)
	o.IO.ErrTTY, o.IO.ErrWidth = true, 80
	pipe := &helpFirst{errOut: errOut}
	o.IO.Out = pipe
	if err := o.print(fixtureResult(t, o.Set)); err != nil {
		t.Fatal(err)
	}
	if !pipe.shown {
		t.Error("the result was written before the help lines were on the terminal")
	}
	got := errOut.String()
	if strings.Count(got, "Fixture Line") != 1 || strings.Count(got, "Your result goes to the command after the pipe (|).") != 1 || strings.Index(got, "Fixture Line") > strings.Index(got, "Your result goes") {
		t.Errorf("stderr:\n%s", got)
	}
}

// TestTextToAPipeIsWrapped: text piped to cat, tee or a pager, with stderr
// a terminal, is wrapped to that terminal's width, with no style, so that
// the terminal cuts no word; to a file it keeps its lines whole.
func TestTextToAPipeIsWrapped(t *testing.T) {
	for _, c := range []struct {
		name string
		path string
		wrap bool
	}{{"a pipe", "", true}, {"a file", "result.txt", false}} {
		o, out, _ := saveOptions(t, folder{}.saveNew)
		o.save = false
		o.IO.ErrTTY, o.IO.ErrWidth = true, 40
		o.IO.OutPath = func() string { return c.path }
		if err := o.print(fixtureResult(t, o.Set)); err != nil {
			t.Fatal(err)
		}
		longest := 0
		for _, l := range strings.Split(out.String(), "\n") {
			longest = max(longest, len([]rune(l)))
		}
		if wrapped := longest <= 40; wrapped != c.wrap || strings.Contains(out.String(), "\x1b") {
			t.Errorf("%s: longest line %d columns, want wrapped %v:\n%s", c.name, longest, c.wrap, out.String())
		}
	}
}
