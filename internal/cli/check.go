package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
)

// checkOptions is everything `iopfit check` needs: the flag values, the
// streams and the active question set.
type checkOptions struct {
	IO  *Streams
	Set *assess.Set

	// Given holds the answers passed as flags, by question id.
	Given       map[string]assess.Answer
	AnswersFile string
	Output      outputFormat
	OutputSet   bool
	Quiet       bool
	Accessible  bool
	NoInput     bool
}

const checkLong = `Ask the questions, or take the answers from flags or a file, and print
whether an intensive outpatient program (IOP) may fit, with the reasons,
what IOP involves, things to keep in mind, next steps and where to get help.

Each question has a flag that takes yes, no or unsure (y, n, u and not-sure
work too, in any case). Questions without an answer are asked in a form when
stdin and stderr are a terminal, or line by line with --accessible. With no
terminal to ask in, a missing answer is an error: iopfit never guesses one.

The result goes to stdout; prompts and errors go to stderr.

Exit codes: 0 a result was printed; 1 an internal or output error;
2 a usage or input error; 130 cancelled; 128+N stopped by signal N.`

// checkExample shows the active set's own flags, so that the examples work
// with a custom question set too.
func checkExample(set *assess.Set) string {
	var flags, lines []string
	for i, q := range set.Questions {
		a := assess.Answers[i%2]
		flags = append(flags, "--"+q.ID+" "+string(a))
		lines = append(lines, strconv.Itoa(i%2+1))
	}
	return "  iopfit check\n" +
		"  iopfit check " + strings.Join(flags, " ") + "\n" +
		"  iopfit check --answers answers.yaml -o json\n" +
		"  iopfit check --answers - -q < answers.yaml\n" +
		"  printf '" + strings.Join(lines, `\n`) + `\n` + "' | iopfit check --accessible"
}

func (a *app) checkCmd() *cobra.Command {
	opts := &checkOptions{IO: a.io, Set: a.set, Given: map[string]assess.Answer{}, Output: formatText}
	cmd := &cobra.Command{
		Use:   "check [flags]",
		Short: "Answer the questions and see whether IOP may fit",
		Long:  checkLong,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a.ran = true
			if a.setErr != nil {
				return a.setErr
			}
			opts.OutputSet = cmd.Flags().Changed("output")
			opts.Accessible = opts.Accessible || envTrue(a.io.Getenv("ACCESSIBLE"))
			return runCheck(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	if a.set != nil {
		cmd.Example = checkExample(a.set)
		for _, q := range a.set.Questions {
			f.Var(&answerFlag{id: q.ID, into: opts.Given}, q.ID, q.Prompt+" (yes, no or unsure)")
			_ = cmd.RegisterFlagCompletionFunc(q.ID, completeAnswers(a.set))
		}
	} else {
		// The question file is broken, so its flags are unknown: let any flag
		// through, and report the file's error instead of a confusing
		// "unknown flag".
		cmd.FParseErrWhitelist.UnknownFlags = true
		cmd.SetHelpFunc(func(*cobra.Command, []string) { a.deferredErr = a.setErr })
	}
	f.StringVar(&opts.AnswersFile, "answers", "", "read the answers from `FILE`, a YAML or JSON mapping of id: answer (- for stdin); flags win over it")
	f.VarP(&opts.Output, "output", "o", "result format: text, json or markdown")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print only the recommendation key (iop or residential)")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask with plain numbered prompts, line by line, for screen readers (or set ACCESSIBLE=1)")
	f.BoolVar(&opts.NoInput, "no-input", false, "never ask; a missing answer is an error")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formatNames(checkFormats), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("answers", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, but got %q; run '%s --help' for usage", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

// checkHook runs before a result is printed. Only test builds set it (see
// testhook.go).
var checkHook func()

// runCheck gathers the answers (file, then flags, then prompts for what is
// still missing), evaluates them and prints the result.
func runCheck(ctx context.Context, o *checkOptions) error {
	if o.Quiet && o.OutputSet {
		return usagef("--quiet prints only the recommendation key, so it cannot be used with --output; drop one of them")
	}
	if !o.Output.validFor(checkFormats) {
		return usagef("--output %q is not a format of check; use text, json or markdown", string(o.Output))
	}
	got, err := o.gather(ctx)
	if err != nil {
		return err
	}
	if checkHook != nil {
		checkHook()
	}
	res, err := assess.Evaluate(o.Set, got)
	if err != nil {
		return fmt.Errorf("evaluating the answers: %w", err)
	}
	return o.print(res)
}

func (o *checkOptions) gather(ctx context.Context) (map[string]assess.Answer, error) {
	got := map[string]assess.Answer{}
	if o.AnswersFile != "" {
		fromFile, err := readAnswers(ctx, o.IO, o.AnswersFile, o.Set)
		if err != nil {
			return nil, err
		}
		got = fromFile
	}
	for id, a := range o.Given {
		got[id] = a
	}
	missing := assess.Missing(o.Set, got)
	if len(missing) == 0 {
		return got, nil
	}
	asked, err := o.ask(ctx, missing)
	if err != nil {
		return nil, err
	}
	for id, a := range asked {
		got[id] = a
	}
	return got, nil
}

// missingError names the flags that would supply the missing answers.
func missingError(missing []string, why, fix string) error {
	flags := make([]string, len(missing))
	for i, id := range missing {
		flags[i] = "--" + id
	}
	return usagef("no answer for %s (%s); %s", strings.Join(missing, ", "), why, strings.Replace(fix, "FLAGS", strings.Join(flags, ", "), 1))
}

func envTrue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on", "t", "y":
		return true
	}
	return false
}
