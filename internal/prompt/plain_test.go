package prompt

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// fixture is the test question set, testdata/fixture at the repository's root.
func fixture(t testing.TB) *assess.Set {
	t.Helper()
	data, err := os.ReadFile("../../testdata/fixture/questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := load.ParseSet(data, "fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func ask(t *testing.T, input string, ids []string) (map[string]assess.Answer, string, error) {
	t.Helper()
	set := fixture(t)
	if ids == nil {
		ids = set.IDs()
	}
	var out bytes.Buffer
	got, err := AskPlain(context.Background(), PlainIO{In: NewLines(strings.NewReader(input)), Out: &out, Echo: true}, set, ids)
	return got.Answers, out.String(), err
}

func TestAskPlain(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []assess.Answer
	}{
		{"numbers", "1\n2\n3\n1\n", []assess.Answer{"yes", "no", "unsure", "yes"}},
		{"words", "yes\nNO\nnot-sure\nu\n", []assess.Answer{"yes", "no", "unsure", "unsure"}},
		{"labels", "Yes\nno\nnot sure\nNOT SURE\n", []assess.Answer{"yes", "no", "unsure", "unsure"}},
		{"decomposed accents", "si\u0301\nno\nno se\u0301\nSI\u0301\n", []assess.Answer{"yes", "no", "unsure", "yes"}},
		{"padding and CRLF", "  1 \r\n2\r\n3\r\n1", []assess.Answer{"yes", "no", "unsure", "yes"}},
		{"retries", "\n4\n1\nmaybe\n2\n3\n1\n", []assess.Answer{"yes", "no", "unsure", "yes"}},
		{"extra lines are left unread", "1\n1\n1\n1\n1\n1\n", []assess.Answer{"yes", "yes", "yes", "yes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, out, err := ask(t, tt.input, nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			for i, id := range fixture(t).IDs() {
				if got[id] != tt.want[i] {
					t.Errorf("%s = %q, want %q", id, got[id], tt.want[i])
				}
			}
		})
	}
}

func TestAskPlainShowsEachQuestion(t *testing.T) {
	_, out, err := ask(t, "1\n2\n3\n1\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	set := fixture(t)
	for _, want := range []string{set.Title, set.Intro, "Question 1 of 4: " + set.Questions[0].Prompt, set.Questions[3].Help, "\n1. Yes.\n2. No.\n3. Not sure.\n", set.Labels["plain_hint"], "Your answer, 1, 2 or 3: 2\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAskPlainOnlyMissing(t *testing.T) {
	got, out, err := ask(t, "2\n", []string{"can-commit"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["can-commit"] != assess.No {
		t.Fatalf("got %v", got)
	}
	if strings.Contains(out, "home") || !strings.Contains(out, "Question 1 of 1: Can you come") {
		t.Fatalf("asked more than the missing question:\n%s", out)
	}
}

func TestAskPlainNeverGuesses(t *testing.T) {
	tests := []struct {
		name, input string
		eoiID       string
		triesID     string
	}{
		{"no input", "", "stable-home", ""},
		{"input ends midway", "1\n2\n", "can-commit", ""},
		{"blank lines then end", "\n\n", "stable-home", ""},
		{"three bad lines", "maybe\n\nzero\n1\n", "", "stable-home"},
		{"endless blank lines", strings.Repeat("\n", 10000), "", "stable-home"},
		{"out of range", "0\n4\n-1\n", "", "stable-home"},
		{"huge line", strings.Repeat("y", 1<<20) + "\n" + strings.Repeat("n", 5000) + "\nx\n", "", "stable-home"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := ask(t, tt.input, nil)
			if got != nil {
				t.Fatalf("returned answers %v", got)
			}
			var eoi *EndOfInputError
			var tries *TooManyTriesError
			switch {
			case tt.eoiID != "":
				if !errors.As(err, &eoi) || eoi.ID != tt.eoiID {
					t.Fatalf("err = %v, want end of input at %s", err, tt.eoiID)
				}
			default:
				if !errors.As(err, &tries) || tries.ID != tt.triesID {
					t.Fatalf("err = %v, want too many tries at %s", err, tt.triesID)
				}
				if len(err.Error()) > 300 || strings.ContainsAny(err.Error(), "\n") {
					t.Fatalf("error is not one short line: %q", err)
				}
			}
		})
	}
}

// failingReader fails every read with err, as stdin does when it is a
// directory (EISDIR) or a terminal that has gone (EIO).
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// TestAskPlainReadErrors: a pipe that cannot be read is an input error with
// one line that says so; a terminal that cannot be read is a person gone.
// Neither is an answer, nor an iopfit bug.
func TestAskPlainReadErrors(t *testing.T) {
	eisdir := &fs.PathError{Op: "read", Path: "/dev/stdin", Err: syscall.EISDIR}
	eio := &fs.PathError{Op: "read", Path: "/dev/stdin", Err: syscall.EIO}
	for _, tt := range []struct {
		name     string
		err      error
		terminal bool
	}{
		{"a directory on stdin", eisdir, false},
		{"a terminal that has gone", eio, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pio := PlainIO{In: NewLines(failingReader{tt.err}), Out: io.Discard, Terminal: tt.terminal}
			got, err := AskPlain(context.Background(), pio, fixture(t), []string{"stable-home"})
			if got.Answers != nil || !errors.Is(err, tt.err.(*fs.PathError).Err) {
				t.Fatalf("AskPlain = %v, %v", got, err)
			}
			var gone interface{ Gone() bool }
			var usage interface{ Usage() bool }
			switch {
			case tt.terminal && !(errors.As(err, &gone) && gone.Gone()):
				t.Fatalf("%v is not a person gone", err)
			case tt.terminal && errors.As(err, &usage):
				t.Fatalf("%v is a usage error", err)
			case !tt.terminal && !(errors.As(err, &usage) && usage.Usage()):
				t.Fatalf("%v is not an input error", err)
			case !tt.terminal:
				var l interface{ In(i18n.Lang) string }
				errors.As(err, &l)
				want := "cannot read the answers from stdin: is a directory; pipe in one answer per line, or pass the answers as flags"
				if l.In(i18n.English) != want {
					t.Fatalf("message %q", l.In(i18n.English))
				}
				if !strings.HasPrefix(l.In(i18n.Spanish), "no se pueden leer las respuestas de la entrada estándar: is a directory;") {
					t.Fatalf("Spanish %q", l.In(i18n.Spanish))
				}
			}
		})
	}
}

type signalCause struct{}

func (signalCause) Error() string { return "signal" }

// TestAskPlainCancel proves a wait on input that never comes ends when the
// context does, with the context's cause.
func TestAskPlainCancel(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := AskPlain(ctx, PlainIO{In: NewLines(r), Out: io.Discard}, fixture(t), []string{"stable-home"})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel(signalCause{})
	select {
	case err := <-done:
		if !errors.As(err, new(signalCause)) {
			t.Fatalf("err = %v, want the context's cause", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("AskPlain did not return after the context was cancelled")
	}
}

func TestParseLine(t *testing.T) {
	labels := assess.Labels{"option_yes": "Sí", "option_no": "No", "option_unsure": "No estoy seguro"}
	tests := []struct {
		in   string
		want assess.Answer
		ok   bool
	}{
		{"1", "yes", true}, {"3", "unsure", true}, {"sí", "yes", true}, {"no estoy seguro", "unsure", true},
		{"y", "yes", true}, {"0", "", false}, {"1.0", "", false}, {"", "", false}, {"yes please", "", false},
		// The question's own words for an answer are that answer too.
		{"no, one of these is true for me", "no", true}, {"Yes, none of these", "yes", true},
	}
	q := &assess.Question{Options: map[assess.Answer]string{assess.Yes: "Yes, none of these", assess.No: "No, one of these is true for me", assess.Unsure: "Not sure"}}
	for _, tt := range tests {
		got, ok := parseLine(tt.in, q, labels)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseLine(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBuildForm(t *testing.T) {
	set := fixture(t)
	form, err := NewForm(set, []string{"manageable-needs", "can-commit"}, FormIO{In: strings.NewReader(""), Out: io.Discard}, true)
	if err != nil || form == nil || len(form.h.p.qs) != 2 {
		t.Fatalf("NewForm = %v, %v", form, err)
	}
	if _, err := NewForm(set, []string{"nope"}, FormIO{}, true); err == nil {
		t.Fatal("NewForm accepted an unknown id")
	}
}

// FuzzParseLine checks that no line of input is ever read as something other
// than one of the three answers.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"1", "yes", "Not sure", " 2 ", "\x1b[A", "sí"} {
		f.Add(s)
	}
	labels := assess.Labels{"option_yes": "Yes", "option_no": "No", "option_unsure": "Not sure"}
	f.Fuzz(func(t *testing.T, line string) {
		a, ok := parseLine(line, &assess.Question{}, labels)
		if ok != (a != "") {
			t.Fatalf("parseLine(%q) = %q, %v", line, a, ok)
		}
		if ok && a != assess.Yes && a != assess.No && a != assess.Unsure {
			t.Fatalf("parseLine(%q) = %q", line, a)
		}
	})
}

// TestAskPlainRefusesALongLine: a line longer than maxLine is no answer,
// whatever its head holds: the prompt says so on one line and asks again.
// A line of exactly maxLine is read.
func TestAskPlainRefusesALongLine(t *testing.T) {
	long := strings.Repeat(" ", maxLine-2) + "not sure"
	for _, end := range []string{"\n", "\r\n"} {
		got, out, err := ask(t, long+end+"1\n2\n3\n"+strings.Repeat(" ", maxLine-1)+"1"+end, nil)
		if err != nil {
			t.Fatalf("%q: %v\n%s", end, err, out)
		}
		want := []assess.Answer{"yes", "no", "unsure", "yes"}
		for i, id := range fixture(t).IDs() {
			if got[id] != want[i] {
				t.Errorf("%q: %s = %q, want %q", end, id, got[id], want[i])
			}
		}
		msg := i18n.T(i18n.English, "prompt.too_long", maxLine)
		if strings.Count(out, msg+"\n") != 1 || strings.Contains(out, "not sure\n") {
			t.Errorf("%q: the long line is not refused once, on its own line:\n%s", end, out)
		}
	}
	// From a pipe, long lines count as tries.
	_, out, err := ask(t, strings.Repeat(long+"\n", MaxTries), nil)
	var tries *TooManyTriesError
	if !errors.As(err, &tries) {
		t.Fatalf("%d long lines: %v\n%s", MaxTries, err, out)
	}
}

// askTerminal runs plain prompts as a person types them at a terminal.
func askTerminal(t *testing.T, input string) (Given, string, error) {
	t.Helper()
	set := fixture(t)
	var out bytes.Buffer
	got, err := AskPlain(context.Background(), PlainIO{In: NewLines(strings.NewReader(input)), Out: &out, Terminal: true}, set, set.IDs())
	return got, out.String(), err
}

// TestAskPlainAtATerminal: what plain prompts do for a person, as the form
// does: each answer said back, back says the answer given, ? asks again,
// stop stops, and a review where an answer can be changed and a copy asked
// for.
func TestAskPlainAtATerminal(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []assess.Answer
		save  bool
		err   error
		says  []string
	}{
		{"Enter on the review shows the result", "1\n2\n3\n1\n\n", []assess.Answer{"yes", "no", "unsure", "yes"}, false, nil,
			[]string{"Your answer: Not sure.", "Your answers:\n1. Yes. Is the fixture home steady?\n2. No. Are the fixture needs", "Press Enter to see your result."}},
		{"save on the review", "1\n2\n3\n1\nsave\n", []assess.Answer{"yes", "no", "unsure", "yes"}, true, nil, nil},
		{"guardar on the review", "1\n2\n3\n1\nGuardar\n", []assess.Answer{"yes", "no", "unsure", "yes"}, true, nil, nil},
		{"a number on the review changes that answer", "1\n2\n3\n1\n2\n1\n\n", []assess.Answer{"yes", "yes", "unsure", "yes"}, false, nil,
			[]string{"Your answer before: No.", "2. Yes. Are the fixture needs"}},
		{"a number out of range on the review", "1\n2\n3\n1\n9\n\n", []assess.Answer{"yes", "no", "unsure", "yes"}, false, nil,
			[]string{"That is not one of the choices: press Enter, type save, or type a number from 1 to 4."}},
		{"back says the answer given", "1\n2\nback\n3\n3\n1\n\n", []assess.Answer{"yes", "unsure", "unsure", "yes"}, false, nil,
			[]string{"Your answer before: No."}},
		{"? asks the question again", "?\n1\n2\n3\n1\n\n", []assess.Answer{"yes", "no", "unsure", "yes"}, false, nil, nil},
		{"stop at a question", "1\nstop\n", nil, false, ErrCancelled, nil},
		{"salir on the review", "1\n2\n3\n1\nsalir\n", nil, false, ErrCancelled, nil},
		{"Ctrl-D on the review", "1\n2\n3\n1\n", nil, false, ErrCancelled, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, out, err := askTerminal(t, tt.input)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v\n%s", err, tt.err, out)
			}
			if tt.err != nil {
				if got.Answers != nil {
					t.Errorf("a stop gave answers %v", got.Answers)
				}
				return
			}
			for i, id := range fixture(t).IDs() {
				if got.Answers[id] != tt.want[i] {
					t.Errorf("%s = %q, want %q", id, got.Answers[id], tt.want[i])
				}
			}
			if got.Save != tt.save {
				t.Errorf("save = %v, want %v", got.Save, tt.save)
			}
			for _, s := range tt.says {
				if !strings.Contains(out, s) {
					t.Errorf("it does not say %q:\n%s", s, out)
				}
			}
		})
	}
	// ? shows the question again: the first question is asked twice.
	_, out, _ := askTerminal(t, "?\n1\n2\n3\n1\n\n")
	if n := strings.Count(out, "Question 1 of 4:"); n != 2 {
		t.Errorf("after ?, question 1 was shown %d times, want 2", n)
	}
}

// TestAskPlainIsForTheEar: plain prompts write numbers to dial as digits
// and addresses as a person types them.
func TestAskPlainIsForTheEar(t *testing.T) {
	set := fixture(t)
	set.Questions[0].Help = "Call 911, or 1-800-662-4357, or chat at https://988lifeline.org."
	var out bytes.Buffer
	if _, err := AskPlain(context.Background(), PlainIO{In: NewLines(strings.NewReader("1\n1\n1\n1\n")), Out: &out}, set, set.IDs()); err != nil {
		t.Fatal(err)
	}
	want := "Call 9\u00a01\u00a01, or 1,\u00a08\u00a00\u00a00,\u00a06\u00a06\u00a02,\u00a04\u00a03\u00a05\u00a07, or chat at 9\u00a08\u00a08 lifeline.org."
	if !strings.Contains(out.String(), want) {
		t.Errorf("the help is not written for the ear:\n%s", out.String())
	}
}
