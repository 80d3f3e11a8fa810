package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/pflag"

	"github.com/iopfit/iopfit"
	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/prompt"
)

// modeOf is the way an asker asks, and why not for one that cannot.
func modeOf(a asker) (promptMode, string) {
	switch a := a.(type) {
	case formAsker:
		return askForm, ""
	case plainAsker:
		return askPlain, ""
	case noAsker:
		return askNone, a.why
	}
	return -1, ""
}

func TestChooseAsker(t *testing.T) {
	tests := []struct {
		name                string
		noInput, accessible bool
		answers, term       string
		inTTY, errTTY       bool
		want                promptMode
		whyContains         string
	}{
		{"terminal", false, false, "", "xterm", true, true, askForm, ""},
		{"no-input wins over a terminal", true, false, "", "xterm", true, true, askNone, "cli.why_no_input"},
		{"no-input wins over accessible", true, true, "", "xterm", true, true, askNone, "cli.why_no_input"},
		{"stdin taken by answers", false, true, "-", "xterm", false, false, askNone, "cli.why_stdin"},
		{"answers file leaves stdin free", false, false, "a.yaml", "xterm", true, true, askForm, ""},
		{"accessible with a pipe", false, true, "", "", false, false, askPlain, ""},
		{"accessible in a terminal", false, true, "", "xterm", true, true, askPlain, ""},
		{"dumb terminal", false, false, "", "dumb", true, true, askPlain, ""},
		{"dumb but piped", false, false, "", "dumb", false, true, askNone, "cli.why_no_tty"},
		{"stdin piped", false, false, "", "xterm", false, true, askNone, "cli.why_no_tty"},
		{"stderr piped", false, false, "", "xterm", true, false, askNone, "cli.why_no_tty"},
		{"nothing", false, false, "", "", false, false, askNone, "cli.why_no_tty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Streams{InTTY: tt.inTTY, ErrTTY: tt.errTTY, Environ: []string{"TERM=" + tt.term}}
			o := &checkOptions{IO: s, NoInput: tt.noInput, Accessible: tt.accessible, AnswersFile: tt.answers}
			got, why := modeOf(chooseAsker(o))
			if got != tt.want || !strings.Contains(why, tt.whyContains) {
				t.Errorf("chooseAsker = %v, %q; want %v, %q", got, why, tt.want, tt.whyContains)
			}
		})
	}
}

func TestFlagArg(t *testing.T) {
	tests := []struct {
		args  []string
		path  string
		given bool
	}{
		{nil, "", false},
		{[]string{"check"}, "", false},
		{[]string{"check", "--questions", "q.yaml"}, "q.yaml", true},
		{[]string{"--questions=q.yaml", "check"}, "q.yaml", true},
		{[]string{"--questions="}, "", true},
		{[]string{"--questions", "a", "--questions", "b"}, "b", true},
		{[]string{"--questions"}, "", false},
		{[]string{"--", "--questions", "q.yaml"}, "", false},
		{[]string{"--questionsx", "q.yaml"}, "", false},
	}
	for _, tt := range tests {
		path, given := flagArg(tt.args, "questions")
		if path != tt.path || given != tt.given {
			t.Errorf("flagArg(%q) = %q, %v; want %q, %v", tt.args, path, given, tt.path, tt.given)
		}
	}
}

func TestVersionLine(t *testing.T) {
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	vcs := func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"},
		}}, true
	}
	installed := func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true
	}
	tests := []struct {
		build BuildInfo
		read  func() (*debug.BuildInfo, bool)
		want  string
	}{
		{BuildInfo{Version: "v1.0.0", Commit: "abc1234"}, vcs, "iopfit v1.0.0 (abc1234, "},
		{BuildInfo{}, vcs, "iopfit (devel) (0123456789ab-dirty, "},
		{BuildInfo{}, installed, "iopfit v1.2.3 (unknown commit, "},
		{BuildInfo{}, none, "iopfit (devel) (unknown commit, "},
		{BuildInfo{Version: "0.1.0", Commit: "none"}, none, "iopfit 0.1.0 (unknown commit, "},
	}
	for _, tt := range tests {
		got := versionLine(tt.build, tt.read)
		if !strings.HasPrefix(got, tt.want) || !strings.HasSuffix(got, ")") || !strings.Contains(got, "go1.") {
			t.Errorf("versionLine(%+v) = %q, want it to start with %q", tt.build, got, tt.want)
		}
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("boom"), 1},
		{&OutputError{Err: syscall.ENOSPC}, 1},
		{usagef("cli.questions_path"), 2},
		{fmt.Errorf("wrapped: %w", usagef("cli.questions_path")), 2},
		{&load.Error{File: "q.yaml", Msg: i18n.M("value.empty")}, 2},
		{&prompt.EndOfInputError{ID: "x"}, 2},
		{&prompt.TooManyTriesError{ID: "x"}, 2},
		{&prompt.ReadError{Err: syscall.EISDIR}, 2},
		{&prompt.GoneError{Err: syscall.EIO}, 129},
		{&load.NoTranslationError{File: "q.yaml", Lang: i18n.Spanish}, 2},
		{&commandError{usagef("cli.questions_path")}, 2},
		{&commandError{errors.New("boom")}, 1},
		{prompt.ErrCancelled, 130},
		{&SignalError{Signal: syscall.SIGINT}, 130},
		{&SignalError{Signal: syscall.SIGTERM}, 143},
		{&SignalError{Signal: syscall.SIGHUP}, 129},
		{fmt.Errorf("reading: %w", &SignalError{Signal: syscall.SIGTERM}), 143},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestReservedIDsCoverFlags keeps the loader's list of reserved ids in step
// with the flags iopfit defines, so that no question can shadow one.
func TestReservedIDsCoverFlags(t *testing.T) {
	a, err := newApp(context.Background(), &Streams{}, Host{}, BuildInfo{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	root := a.rootCmd(nil)
	for _, c := range append(root.Commands(), root) {
		c.InitDefaultHelpFlag()
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if _, isQuestion := a.set.Question(f.Name); isQuestion {
					return
				}
				for _, name := range []string{f.Name, f.Shorthand} {
					if name != "" && !slices.Contains(load.ReservedIDs, name) {
						t.Errorf("flag %q of %s is not in load.ReservedIDs", name, c.Name())
					}
				}
			})
		}
	}
}

func TestRunInProcess(t *testing.T) {
	var out, errOut bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	code := Run(context.Background(), []string{"check", "--stable-home=y", "--manageable-needs=y", "--can-commit=y", "--responsibilities=n", "-q"}, s, Host{}, BuildInfo{}, func(int) { t.Fatal("exit called") })
	if code != 0 || out.String() != "iop\n" || errOut.Len() != 0 {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

func embeddedYAML(tb testing.TB) []byte {
	tb.Helper()
	return iopfit.QuestionsYAML
}

// TestCheckFlags parses check's command line apart from running it: what
// each flag turns into, and the mistakes found before anything is asked.
func TestCheckFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     []string
		want    func(*checkOptions) bool
		wantErr string
	}{
		{"answers as flags", []string{"--stable-home", "Y", "--can-commit=unsure", "--can-commit", "not sure"}, nil,
			func(o *checkOptions) bool {
				return len(o.Given) == 2 && o.Given["stable-home"] == assess.Yes && o.Given["can-commit"] == assess.Unsure
			}, ""},
		{"two answers to one question", []string{"--can-commit=no", "--can-commit", "unsure"}, nil, nil, "given twice, as no and as unsure"},
		{"formats and files", []string{"-o", "JSON", "--answers", "a.yaml", "--no-input"}, nil,
			func(o *checkOptions) bool {
				return o.Output == formatJSON && o.OutputGiven && o.AnswersFile == "a.yaml" && o.NoInput && !o.Quiet
			}, ""},
		{"defaults", nil, nil,
			func(o *checkOptions) bool {
				return o.Output == formatText && !o.OutputGiven && !o.Accessible && o.Set != nil
			}, ""},
		{"ACCESSIBLE", nil, []string{"ACCESSIBLE=1"}, func(o *checkOptions) bool { return o.Accessible }, ""},
		{"--accessible=false wins over ACCESSIBLE", []string{"--accessible=false"}, []string{"ACCESSIBLE=1"}, func(o *checkOptions) bool { return !o.Accessible }, ""},
		{"--accessible with ACCESSIBLE=0", []string{"--accessible"}, []string{"ACCESSIBLE=0"}, func(o *checkOptions) bool { return o.Accessible }, ""},
		{"quiet with a format", []string{"-q", "-o", "text"}, nil, nil, "-q"},
		{"unknown format", []string{"-o", "yaml"}, nil, nil, `"yaml"`},
		{"bad answer", []string{"--stable-home", "maybe"}, nil, nil, `"maybe" is not an answer`},
		{"a decomposed accent", []string{"--stable-home", "si\u0301", "--can-commit", "No Se\u0301"}, nil,
			func(o *checkOptions) bool {
				return o.Given["stable-home"] == assess.Yes && o.Given["can-commit"] == assess.Unsure
			}, ""},
		{"a refused word never looks like an accepted one", []string{"--stable-home", "s\u0131\u0301"}, nil, nil, `"sı\u0301" is not an answer`},
		{"stray argument", []string{"yes"}, nil, nil, `"yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}, Environ: tt.env}
			a, err := newApp(context.Background(), s, Host{}, BuildInfo{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got *checkOptions
			root := a.rootCmd(func(o *checkOptions) error { got = o; return nil })
			root.SetArgs(append([]string{"check"}, tt.args...))
			err = root.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || exitCode(err) != ExitUsage {
					t.Fatalf("err = %v (exit %d), want a usage error with %q", err, exitCode(err), tt.wantErr)
				}
				if got != nil {
					t.Fatal("check ran despite the error")
				}
				return
			}
			if err != nil || got == nil || !tt.want(got) {
				t.Fatalf("err %v, options %+v", err, got)
			}
		})
	}
}

// TestPlainStopIsForTheEar: a person who stops at plain prompts hears where
// to get help as the prompts say it: numbers to dial digit by digit, no
// bullets.
func TestPlainStopIsForTheEar(t *testing.T) {
	var out, errOut bytes.Buffer
	s := &Streams{In: strings.NewReader("1\nstop\n"), Out: &out, ErrOut: &errOut, InTTY: true, ErrTTY: true, ErrWidth: 80}
	code := Run(context.Background(), []string{"check", "--accessible"}, s, Host{}, BuildInfo{}, func(int) { t.Fatal("exit called") })
	got := errOut.String()
	if code != ExitCancelled || out.Len() != 0 {
		t.Fatalf("code %d, stdout %q", code, out.String())
	}
	if !strings.Contains(got, "9\u00a01\u00a01") || strings.Contains(got, "911") || strings.Contains(got, "•") {
		t.Errorf("the help lines after a stop are not for the ear:\n%s", got)
	}
}

// fakeAsker answers every question it is asked with yes, as plain prompts
// would, and says it was asked to keep a copy when save is set.
type fakeAsker struct {
	asked []string
	save  bool
}

func (f *fakeAsker) ask(_ context.Context, ids []string) (askedAnswers, error) {
	f.asked = ids
	got := map[string]assess.Answer{}
	for _, id := range ids {
		got[id] = assess.Yes
	}
	return askedAnswers{answers: got, mode: askPlain, save: f.save}, nil
}

// TestCheckAsksThroughItsAsker: check asks what is missing through the
// asker it is given, and shows the result as that way of asking needs (for
// the ear, after plain prompts).
func TestCheckAsksThroughItsAsker(t *testing.T) {
	var out bytes.Buffer
	fake := &fakeAsker{}
	o := &checkOptions{
		IO:  &Streams{In: strings.NewReader(""), Out: &out, ErrOut: io.Discard},
		Set: fixtureSet(t), Given: map[string]assess.Answer{"stable-home": assess.No}, Output: formatText, ask: fake,
	}
	if err := runCheck(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if want := []string{"manageable-needs", "can-commit", "responsibilities"}; !slices.Equal(fake.asked, want) {
		t.Errorf("asked %q, want %q", fake.asked, want)
	}
	if !strings.Contains(out.String(), "Help now:\nFixture Line:") {
		t.Errorf("the result after plain prompts is not for the ear:\n%s", out.String())
	}
}

// TestRunLeavesItsStreamsAlone: Run works on a copy of the streams it is
// given: the caller's stdout is still its own after the run.
func TestRunLeavesItsStreamsAlone(t *testing.T) {
	var out bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, ErrOut: io.Discard}
	for range 2 {
		Run(context.Background(), []string{"check", "--stable-home=y", "--manageable-needs=y", "--can-commit=y", "--responsibilities=n", "-q"}, s, Host{}, BuildInfo{}, func(int) { t.Fatal("exit called") })
		if s.Out != io.Writer(&out) {
			t.Fatalf("Run replaced the caller's stdout with %T", s.Out)
		}
	}
	if out.String() != "iop\niop\n" {
		t.Errorf("stdout = %q", out.String())
	}
}
