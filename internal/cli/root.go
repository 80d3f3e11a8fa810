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
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/questions"
	"github.com/iopfit/iopfit/internal/safetext"
)

// BugURL is where a person is asked to report a crash.
const BugURL = "https://github.com/iopfit/iopfit/issues"

// questionsEnv names the environment variable that picks another question set.
const questionsEnv = "IOPFIT_QUESTIONS"

// Execute runs iopfit with the process's arguments and streams and returns the
// exit code.
func Execute(build BuildInfo) int {
	return Run(context.Background(), os.Args[1:], SystemStreams(), build, os.Exit)
}

// Run runs iopfit with args and returns the exit code. exit is called only as
// the last resort after a signal, when the command does not stop in time.
func Run(ctx context.Context, args []string, s *Streams, build BuildInfo, exit func(int)) (code int) {
	defer func() {
		if r := recover(); r != nil {
			// Nothing outside a form puts the terminal in raw mode, and a form
			// restores it before its panic reaches here, so the terminal is
			// already as it was. The trace goes to stderr only.
			fmt.Fprintf(s.ErrOut, "iopfit: internal error: %v\n%s", r, debug.Stack())
			fmt.Fprintln(s.ErrOut, bugLine)
			code = ExitInternal
		}
	}()
	ctx, stop := watchSignals(ctx, exit)
	defer stop()

	a := newApp(s, build, args)
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		err = a.deferredErr
	}
	if err != nil && !a.ran {
		// cobra rejected the command line before any command ran: an unknown
		// command or flag, a missing flag value, a stray argument.
		var usage *UsageError
		if !errors.As(err, &usage) {
			err = &UsageError{Err: err}
		}
	}
	if ctxErr := context.Cause(ctx); err != nil && ctxErr != nil && errors.As(ctxErr, new(*SignalError)) {
		err = ctxErr // a signal explains whatever else went wrong after it
	}
	code = exitCode(err)
	a.report(err, code)
	return code
}

const bugLine = "This is a bug in iopfit, not something you did. Please report it, with the lines above, at " + BugURL

// app holds what the commands share: the streams, the active question set
// (or why it could not be loaded), and what happened during the run.
type app struct {
	io     *Streams
	build  BuildInfo
	set    *assess.Set
	setErr error
	ran    bool
	// deferredErr is an error found where cobra cannot return one, such as
	// in a help function.
	deferredErr error
}

func newApp(s *Streams, build BuildInfo, args []string) *app {
	a := &app{io: s, build: build}
	a.set, a.setErr = loadSet(args, s)
	return a
}

// loadSet resolves the active question set before any flag is parsed, since
// its ids become the flags of `check`: --questions FILE wins over
// IOPFIT_QUESTIONS, and without either the embedded set is used.
func loadSet(args []string, s *Streams) (*assess.Set, error) {
	path, given := questionsArg(args)
	if !given {
		if v := s.Getenv(questionsEnv); v != "" {
			path, given = v, true
		}
	}
	if !given {
		set, err := questions.Embedded()
		if err != nil {
			// The embedded file is checked by the tests; this is a broken build.
			return nil, fmt.Errorf("the built-in question set is broken: %w", err)
		}
		return set, nil
	}
	if path == "" {
		return nil, usagef("--questions needs the path of a question file")
	}
	return questions.Load(path)
}

// questionsArg finds the value of --questions in args, the way pflag would
// parse it, without parsing the rest.
func questionsArg(args []string) (path string, given bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			return path, given
		case arg == "--questions":
			if i+1 < len(args) {
				path, given = args[i+1], true
				i++
			}
		default:
			if v, ok := strings.CutPrefix(arg, "--questions="); ok {
				path, given = v, true
			}
		}
	}
	return path, given
}

// report prints the one line that explains a failed run.
func (a *app) report(err error, code int) {
	if err == nil {
		return
	}
	switch {
	case code == ExitCancelled:
		msg := "Stopped. Nothing was saved."
		if a.set != nil {
			msg = a.set.Labels.Get("cancelled")
		}
		var sig *SignalError
		if errors.As(err, &sig) && a.io.ErrTTY {
			// After ^C the cursor sits at the end of the prompt line.
			fmt.Fprintln(a.io.ErrOut)
		}
		fmt.Fprintln(a.io.ErrOut, msg)
	case code > 128:
		// Stopped by a signal: the terminal is restored, and nothing more is
		// printed, as for any other program that is ended.
	default:
		fmt.Fprintln(a.io.ErrOut, "iopfit: "+safetext.OneLine(err.Error()))
		if code == ExitInternal && !errors.As(err, new(*OutputError)) {
			fmt.Fprintln(a.io.ErrOut, bugLine)
		}
	}
}

func (a *app) rootCmd() *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:   "iopfit",
		Short: "Check whether an intensive outpatient program (IOP) may fit your life",
		Long: `iopfit asks four questions and explains whether an intensive outpatient
program (IOP) for addiction recovery may fit your life now, or whether
residential care may be the safer choice for now.

It is private: nothing you enter is stored or sent. It is not a diagnosis;
a clinician's assessment decides what care is right for you.

Start with:  iopfit check`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q; run 'iopfit --help' to see the commands", args[0])
			}
			return nil
		},
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		RunE: func(cmd *cobra.Command, args []string) error {
			a.ran = true
			if showVersion {
				_, err := io.WriteString(a.io.Out, versionLine(a.build, readBuildInfo)+"\n")
				return outputErr(err)
			}
			return cmd.Help()
		},
	}
	root.SetIn(a.io.In)
	root.SetOut(a.io.Out)
	root.SetErr(a.io.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usagef("%v; run '%s --help' for usage", err, cmd.CommandPath())
	})
	root.Flags().BoolVarP(&showVersion, "version", "v", false, "print the version and exit")
	root.PersistentFlags().String("questions", "", "use the question set in `FILE` instead of the built-in one (or set "+questionsEnv+")")
	_ = root.RegisterFlagCompletionFunc("questions", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	root.AddCommand(a.checkCmd(), a.questionsCmd())
	return root
}

// outputErr marks a failed write to stdout (a full disk, a closed file) as an
// output error, which exits 1.
func outputErr(err error) error {
	if err != nil {
		return &OutputError{Err: err}
	}
	return nil
}
