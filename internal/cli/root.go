// Package cli wires iopfit's commands: it resolves the active question set,
// builds the cobra tree from it, owns the signals, and turns every error into
// one line on stderr and an exit code. It is the only package that touches the
// process's streams and environment.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/noprobe"
	"github.com/iopfit/iopfit/internal/report"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/testmark"
	"github.com/iopfit/iopfit/internal/wrap"
)

// BugURL is where a person is asked to report a crash.
const BugURL = "https://github.com/iopfit/iopfit/issues"

// completionWait is how long a shell completion waits for the question set.
const completionWait = time.Second

// questionsEnv names the environment variable that picks another question set.
const questionsEnv = "IOPFIT_QUESTIONS"

// Execute runs iopfit with the process's arguments and streams and returns the
// exit code.
func Execute(build BuildInfo) int {
	// Every package is initialized by now, lipgloss with its colour writer
	// too: the environment can be as the person set it again, before the
	// streams take their copy of it (Run is given that copy, so this is the
	// last moment).
	noprobe.Restore()
	// Go's time package reads $TZ on the first use of local time, with a
	// blocking open of whatever file it names: a FIFO hangs, /dev/tty reads
	// the person's typing. iopfit's own clock (Host.Now) reads the zone
	// safely; anything else that asks for local time gets UTC.
	time.Local = time.UTC
	return Run(context.Background(), os.Args[1:], SystemStreams(), SystemHost(), build, os.Exit)
}

// Run runs iopfit with args and returns the exit code. exit is called only as
// the last resort after a signal, when the command does not stop in time.
func Run(ctx context.Context, args []string, s *Streams, host Host, build BuildInfo, exit func(int)) (code int) {
	lang := i18n.English
	defer func() {
		if r := recover(); r != nil {
			// Nothing outside a form puts the terminal in raw mode, and a form
			// restores it before its panic reaches here, so the terminal is
			// already as it was. The trace goes to stderr only.
			fmt.Fprintf(s.ErrOut, "iopfit: %s\n%s", i18n.T(lang, "cli.internal", r), debug.Stack())
			fmt.Fprintln(s.ErrOut, i18n.T(lang, "cli.bug", BugURL))
			code = ExitInternal
		}
	}()
	ctx, stop := watchSignals(ctx, exit)
	defer stop()
	// Every command's output, cobra's help and completion scripts included,
	// goes through out, which remembers a failed write.
	out := &outWriter{w: s.Out}
	// A copy of the caller's streams, so that Run leaves its arguments
	// alone: a caller that runs iopfit twice with the same streams gets
	// the same result twice.
	run := *s
	run.Out = out
	s = &run

	a, err := newApp(ctx, s, host, build, args)
	lang = a.lang
	if err != nil {
		// A --lang iopfit does not speak stops every command, --version too:
		// it would otherwise be silently ignored.
		a.report(err, ExitUsage)
		return ExitUsage
	}
	root := a.rootCmd(nil)
	root.SetArgs(args)
	err = root.ExecuteContext(ctx)
	if out.err != nil {
		// Help, --version and completion scripts go through cobra, which
		// drops write errors; a full disk or a closed stdout must not pass
		// for success (nor for a usage error).
		err = outputErr(out.err)
	}
	if err != nil && !errors.As(err, new(*commandError)) && !errors.As(err, new(*UsageError)) && !errors.As(err, new(*OutputError)) {
		// cobra rejected the command line before any command ran: an unknown
		// command or flag, a missing flag value, a stray argument.
		err = &UsageError{Msg: i18n.M("cli.raw", err), Err: err}
	}
	if ctxErr := context.Cause(ctx); err != nil && ctxErr != nil && errors.As(ctxErr, new(*SignalError)) {
		err = ctxErr // a signal explains whatever else went wrong after it
	}
	code = exitCode(err)
	a.report(err, code)
	return code
}

// app holds what the commands share: the streams, the host, the language,
// and the active question set in that language, or why it could not be
// loaded.
type app struct {
	io    *Streams
	host  Host
	build BuildInfo
	lang  i18n.Lang
	set   *assess.Set
	// setErr is why the set could not be loaded; a command that needs the
	// set reports it (see withSet).
	setErr error
}

// commandError marks an error that a command returned once it ran, as
// opposed to one cobra found in the command line first.
type commandError struct{ err error }

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// run wraps a command's work, marking what it returns as a command's error.
func run(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := fn(cmd, args); err != nil {
			return &commandError{err}
		}
		return nil
	}
}

// withSet wraps the work of a command that needs the question set: it gets
// the set, or the command fails with why the set could not be loaded.
func (a *app) withSet(fn func(cmd *cobra.Command, set *assess.Set) error) func(*cobra.Command, []string) error {
	return run(func(cmd *cobra.Command, _ []string) error {
		if a.setErr != nil {
			return a.setErr
		}
		if a.set == nil {
			// needsSet said this command would not run; it did.
			return errors.New("the question set was not loaded for this command")
		}
		return fn(cmd, a.set)
	})
}

// newApp resolves the language and the active question set before any flag is
// parsed, since the set's ids become the flags of check and its words their
// help. Only an unknown --lang is an error here; a set that fails to load is
// kept for the commands that need it. ctx ends a read that never finishes.
func newApp(ctx context.Context, s *Streams, host Host, build BuildInfo, args []string) (*app, error) {
	a := &app{io: s, host: host, build: build}
	lang, explicit, err := chooseLang(args, s)
	a.lang = lang
	if err != nil && completing(args) {
		// While a shell completes --lang, its value is half typed (or
		// empty): offer the languages instead of refusing it.
		lang, explicit, err = i18n.FromLocale(s.Getenv), false, nil
		a.lang = lang
	}
	if err != nil {
		return a, err
	}
	if !needsSet(args) {
		return a, nil
	}
	if completing(args) {
		// The shell waits on a completion with the person's prompt held:
		// a question file that never ends (a pipe) must not hold it long.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, completionWait)
		defer cancel()
	}
	a.set, a.setErr = loadSet(ctx, args, s, lang, explicit)
	if a.set != nil {
		// A set without the locale's language is read in its own, and so is
		// everything else: all in one language is better than a mix.
		a.lang = i18n.Lang(a.set.Lang)
	}
	return a, nil
}

// needsSet is false for the commands that never use the question set:
// --version and the completion scripts. They must not open it, since a
// question file can be a pipe that never ends.
func needsSet(args []string) bool {
	version := false
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--version" || a == "-v":
			version = true
		case a == "--questions" || a == "--lang":
			i++ // its value
		case a == "--":
			return true
		case !strings.HasPrefix(a, "-"):
			// A command: iopfit runs it, --version or not.
			return a != "completion"
		}
	}
	return !version
}

// completing is true when the shell is asking for completions.
func completing(args []string) bool {
	return len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
}

// chooseLang picks the language: --lang when given (an unknown one is an
// error), else the locale.
func chooseLang(args []string, s *Streams) (lang i18n.Lang, explicit bool, err error) {
	v, given := flagArg(args, "lang")
	if !given {
		return i18n.FromLocale(s.Getenv), false, nil
	}
	if l, ok := i18n.Parse(v); ok {
		return l, true, nil
	}
	return i18n.English, true, usagef("cli.lang", v, i18n.Or{"en", "es"})
}

// loadSet reads the active question set in lang: --questions FILE wins over
// IOPFIT_QUESTIONS, and without either the built-in set is used. strict says
// the person asked for lang, so a set without it is an error.
func loadSet(ctx context.Context, args []string, s *Streams, lang i18n.Lang, strict bool) (*assess.Set, error) {
	path, given := flagArg(args, "questions")
	if !given {
		if v := s.Getenv(questionsEnv); v != "" {
			path, given = v, true
		}
	}
	if !given {
		set, err := load.Embedded(lang)
		if err != nil {
			// The built-in files are checked by the tests; this is a broken build.
			return nil, &i18n.Error{Msg: i18n.M("cli.builtin_broken", err), Err: err}
		}
		return set, nil
	}
	if path == "" {
		return nil, usagef("cli.questions_path")
	}
	testmark.Mark("read questions")
	return load.Questions(ctx, path, lang, strict)
}

// flagArg finds the value of the long flag name in args, the way pflag would
// parse it, without parsing the rest; the last one wins, as in pflag.
func flagArg(args []string, name string) (value string, given bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			return value, given
		case arg == "--"+name:
			if i+1 < len(args) {
				value, given = args[i+1], true
				i++
			}
		default:
			if v, ok := strings.CutPrefix(arg, "--"+name+"="); ok {
				value, given = v, true
			}
		}
	}
	return value, given
}

// report prints the one line that explains a failed run, in the reader's
// language.
func (a *app) report(err error, code int) {
	if err == nil {
		return
	}
	switch {
	case code == ExitCancelled:
		msg := i18n.T(a.lang, "cli.cancelled")
		if a.set != nil {
			msg = a.set.Labels.Get("cancelled")
		}
		var sig *SignalError
		if errors.As(err, &sig) && a.io.ErrTTY {
			// After ^C the cursor sits at the end of the prompt line.
			fmt.Fprintln(a.io.ErrOut)
		}
		fmt.Fprintln(a.io.ErrOut, msg)
		if a.set != nil && a.io.ErrTTY {
			// A person who stops part way at a terminal still sees where
			// to get help; at plain prompts, hears it.
			errOut, opts := textTo(a.io, a.io.ErrOut, true, a.io.ErrWidth, 0)
			var ear interface{ Ear() bool }
			opts.Ear = errors.As(err, &ear) && ear.Ear()
			_ = report.HelpLines(errOut, a.set.Resources, a.set.Labels, opts)
		}
	case code > 128:
		// Stopped by a signal: the terminal is restored, and nothing more is
		// printed, as for any other program that is ended.
	default:
		text := err.Error()
		var l i18n.Localized
		if errors.As(err, &l) {
			text = l.In(a.lang)
		}
		line := "iopfit: " + safetext.OneLine(text)
		if errors.As(err, new(*SaveError)) && a.io.ErrTTY && a.io.ErrWidth > 0 {
			// It ends a screen of text wrapped to the window (the result,
			// or its recap): wrapped alike, it is never cut mid-word.
			line = strings.Join(wrap.Words(line, a.io.ErrWidth-1), "\n")
		}
		fmt.Fprintln(a.io.ErrOut, line)
		if code == ExitInternal && !errors.As(err, new(*OutputError)) && !errors.As(err, new(*SaveError)) {
			fmt.Fprintln(a.io.ErrOut, i18n.T(a.lang, "cli.bug", BugURL))
		}
	}
}

// rootCmd builds the command tree. checkRun, when given, replaces check's
// work, so that tests can see what the flags parsed into.
func (a *app) rootCmd(checkRun func(*checkOptions) error) *cobra.Command {
	var showVersion bool
	l := a.lang
	root := &cobra.Command{
		Use:   "iopfit",
		Short: i18n.T(l, "cmd.root.short"),
		Long:  i18n.T(l, "cmd.root.long", a.questionCount()),
		// cobra's own check of the command name, with its suggestions, is
		// replaced by this one, which says the same in the reader's language.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			return nil
		},
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		// cobra's default, which SuggestionsFor alone does not apply.
		SuggestionsMinimumDistance: 2,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if showVersion {
				_, err := io.WriteString(a.io.Out, versionLine(a.build, readBuildInfo)+"\n")
				return outputErr(err)
			}
			return cmd.Help()
		}),
	}
	root.SetIn(a.io.In)
	root.SetOut(a.io.Out)
	root.SetErr(a.io.ErrOut)
	root.SetFlagErrorFunc(a.flagError)
	root.Flags().BoolVarP(&showVersion, "version", "v", false, i18n.T(l, "flag.version"))
	root.PersistentFlags().String("questions", "", i18n.T(l, "flag.questions"))
	root.PersistentFlags().String("lang", "", i18n.T(l, "flag.lang"))
	nameArg(root.PersistentFlags(), "questions", i18n.T(l, "flag.arg_file"))
	nameArg(root.PersistentFlags(), "lang", i18n.T(l, "flag.arg_lang"))
	_ = root.RegisterFlagCompletionFunc("questions", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en\tEnglish", "es\tEspañol"}, cobra.ShellCompDirectiveNoFileComp))
	root.AddCommand(a.checkCmd(checkRun), a.questionsCmd())
	a.localizeHelp(root)
	return root
}

// unknownCommand is the error for a command name root does not have, with
// the names it may be a typo of (cobra's suggestions: "chek" is "check").
func unknownCommand(root *cobra.Command, name string) error {
	var near []string
	if name != "" {
		for _, s := range root.SuggestionsFor(name) {
			near = append(near, strconv.Quote(s))
		}
	}
	if len(near) == 0 {
		return usagef("cli.unknown_cmd", name)
	}
	return usagef("cli.did_you_mean", name, i18n.Or(near))
}

// outWriter remembers the first error writing stdout.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// outputErr marks a failed write to stdout (a full disk, a closed file) as an
// output error, which exits 1.
func outputErr(err error) error {
	if err != nil {
		return &OutputError{Err: err}
	}
	return nil
}

// questionCount says how many questions the active set asks, for the help.
func (a *app) questionCount() i18n.Message {
	switch {
	case a.set == nil:
		return i18n.M("cmd.count_unknown")
	case len(a.set.Questions) == 1:
		return i18n.M("cmd.count_one")
	}
	return i18n.M("cmd.count_many", len(a.set.Questions))
}
