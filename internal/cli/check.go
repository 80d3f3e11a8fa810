package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// checkOptions is everything `iopfit check` needs: the flag values, the
// streams, the host and the active question set.
type checkOptions struct {
	IO   *Streams
	Host Host
	Set  *assess.Set

	// Given holds the answers passed as flags, by question id.
	Given       map[string]assess.Answer
	AnswersFile string
	Compare     string // the earlier result to compare with ("-" for stdin)
	Output      outputFormat
	// OutputGiven is true when -o was on the command line, which -q rules out.
	OutputGiven bool
	Quiet       bool
	// Full asks for the handout as text, in place of the answer.
	Full       bool
	Accessible bool
	NoInput    bool
	// For is whose check it is (--for); asked first, at a terminal, when
	// not given.
	For forFlag

	// ask asks the answers still missing; nil chooses by the flags and the
	// terminal (see chooseAsker). Tests give their own.
	ask asker
}

// checkRun is one run of check: its options, and what gathering the
// answers learned, which decides how the result is shown.
type checkRun struct {
	*checkOptions
	// asked is how the missing answers were asked, if they were.
	asked promptMode
	// save is true when the person chose to keep a copy of their result.
	save bool
}

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

// checkCmd is `iopfit check`: the cobra part parses and checks the flags
// into checkOptions, then hands them to runF (runCheck, unless a test gives
// its own).
func (a *app) checkCmd(runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: a.io, Host: a.host, Given: map[string]assess.Answer{}, Output: formatText}
	cmd := &cobra.Command{
		Use:   "check",
		Short: i18n.T(a.lang, "cmd.check.short"),
		Long:  i18n.T(a.lang, "cmd.check.long"),
		Args:  noArgs,
		RunE: a.withSet(func(cmd *cobra.Command, set *assess.Set) error {
			opts.Set = set
			opts.OutputGiven = cmd.Flags().Changed("output")
			// The flag, when given, says what this run wants, even against
			// an ACCESSIBLE set for every run; only without it does the
			// variable decide.
			if !cmd.Flags().Changed("accessible") {
				opts.Accessible = accessibleEnv(a.io.Getenv("ACCESSIBLE"))
			}
			if cmd.Flags().Changed("answers") && opts.AnswersFile == "" {
				return usagef("cli.answers_path")
			}
			if err := opts.compareFlags(cmd.Flags().Changed("compare")); err != nil {
				return err
			}
			if opts.Quiet && opts.OutputGiven {
				return usagef("cli.quiet_output")
			}
			if opts.Full && (opts.Quiet || opts.Output != formatText) {
				return usagef("cli.full_output", string(opts.Output))
			}
			if !opts.Output.validFor(checkFormats) {
				return usagef("cli.format", string(opts.Output), "check", i18n.Or(formatNames(checkFormats)))
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(cmd.Context(), opts)
		}),
	}
	f := cmd.Flags()
	f.SortFlags = false
	if a.set != nil {
		cmd.Example = checkExample(a.set)
		for _, q := range a.set.Questions {
			f.Var(&answerFlag{id: q.ID, into: opts.Given}, q.ID, i18n.T(a.lang, "flag.question", q.Prompt))
			nameArg(f, q.ID, i18n.T(a.lang, "flag.arg_answer"))
			_ = cmd.RegisterFlagCompletionFunc(q.ID, completeAnswers(a.set))
		}
	} else {
		// The question file is broken, so its flags are unknown: take no
		// flag at all, --help included, and report the file's error instead
		// of a confusing "unknown flag" or help that lists no questions.
		cmd.DisableFlagParsing = true
		cmd.Args = cobra.ArbitraryArgs
	}
	f.Var(&opts.For, "for", i18n.T(a.lang, "flag.for"))
	nameArg(f, "for", i18n.T(a.lang, "flag.arg_who"))
	_ = cmd.RegisterFlagCompletionFunc("for", cobra.FixedCompletions([]string{string(assess.ForMe), string(assess.ForSomeone)}, cobra.ShellCompDirectiveNoFileComp))
	f.StringVar(&opts.AnswersFile, "answers", "", i18n.T(a.lang, "flag.answers"))
	f.StringVar(&opts.Compare, "compare", "", i18n.T(a.lang, "flag.compare"))
	f.VarP(&opts.Output, "output", "o", i18n.T(a.lang, "flag.output"))
	f.BoolVar(&opts.Full, "full", false, i18n.T(a.lang, "flag.full"))
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, i18n.T(a.lang, "flag.quiet"))
	f.BoolVar(&opts.Accessible, "accessible", false, i18n.T(a.lang, "flag.accessible"))
	f.BoolVar(&opts.NoInput, "no-input", false, i18n.T(a.lang, "flag.no_input"))
	nameArg(f, "answers", i18n.T(a.lang, "flag.arg_file"))
	nameArg(f, "compare", i18n.T(a.lang, "flag.arg_file"))
	nameArg(f, "output", i18n.T(a.lang, "flag.arg_format"))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formatNames(checkFormats), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("answers", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("compare", cobra.FixedCompletions([]string{"json", "md"}, cobra.ShellCompDirectiveFilterFileExt))
	return cmd
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("cli.no_args", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

// checkHook runs before a result is printed. Only test builds set it (see
// testhook.go).
var checkHook func()

// runCheck gathers the answers (file, then flags, then prompts for what is
// still missing), evaluates them and prints the result.
func runCheck(ctx context.Context, o *checkOptions) error {
	g, err := o.gather(ctx)
	if err != nil {
		return err
	}
	if checkHook != nil {
		checkHook()
	}
	res, err := assess.Evaluate(o.Set, g.answers)
	if err != nil {
		return fmt.Errorf("evaluating the answers: %w", err)
	}
	if g.earlier != nil {
		res.Since = assess.Compare(o.Set, res, *g.earlier)
	}
	run := &checkRun{checkOptions: o, asked: g.asked.mode, save: g.asked.save}
	return run.print(res)
}

// gathered is what gathering the answers learned: every answer, the
// earlier result to compare with (if any), and how the missing answers
// were asked.
type gathered struct {
	answers map[string]assess.Answer
	earlier *assess.Earlier
	asked   askedAnswers
}

// gather collects the answers: from the file, then the flags, then, for
// what is still missing, from the person.
func (o *checkOptions) gather(ctx context.Context) (gathered, error) {
	g := gathered{answers: map[string]assess.Answer{}}
	if o.AnswersFile != "" {
		fromFile, err := readAnswers(ctx, o.IO, o.AnswersFile, o.Set)
		if err != nil {
			return gathered{}, err
		}
		g.answers = fromFile
	}
	for id, a := range o.Given {
		g.answers[id] = a
	}
	missing := assess.Missing(o.Set, g.answers)
	// The earlier result is read before anything is asked, so that a
	// wrong file is said at once, not after the person has answered.
	var err error
	if g.earlier, err = o.readEarlier(ctx, len(missing) > 0); err != nil {
		return gathered{}, err
	}
	ask := o.ask
	if ask == nil {
		ask = chooseAsker(o)
	}
	if err := o.choosePerspective(ctx, ask, len(missing) > 0, g.earlier); err != nil {
		return gathered{}, err
	}
	if len(missing) == 0 {
		return g, nil
	}
	if g.asked, err = ask.ask(ctx, missing); err != nil {
		return gathered{}, err
	}
	for id, a := range g.asked.answers {
		g.answers[id] = a
	}
	return g, nil
}

// whoAsker is an asker that can ask whose check it is, first.
type whoAsker interface {
	askWho(ctx context.Context) (assess.Perspective, error)
}

// choosePerspective settles whose check it is: --for when given; else that
// of the earlier result to compare with; else, when a person at a terminal
// is about to be asked the questions, their answer to "Who is this check
// for?"; else the person's own, as a script that passes answers means. For someone else, the set's words for someone else replace
// its own (an error when it has none). An earlier result to compare with
// must be of the same perspective.
func (o *checkOptions) choosePerspective(ctx context.Context, ask asker, asking bool, earlier *assess.Earlier) error {
	// The earlier result's perspective; one written before iopfit asked
	// was the person's own.
	var before assess.Perspective
	if earlier != nil {
		before = earlier.For
		if before == "" {
			before = assess.ForMe
		}
	}
	who := o.For.value
	switch {
	case o.For.given:
	case earlier != nil:
		// A re-check is of the same kind as the result it compares with,
		// which says whose it was: nothing to ask.
		who = before
	default:
		who = assess.ForMe
		if w, ok := ask.(whoAsker); ok && asking && o.IO.InTTY {
			var err error
			if who, err = w.askWho(ctx); err != nil {
				return err
			}
		}
	}
	if earlier != nil && before != who {
		return usagef("cli.compare_for", safetext.Path(o.Compare), string(before), string(who))
	}
	if who == assess.ForSomeone && o.Set.For != assess.ForSomeone {
		set, err := load.ForSomeone(ctx, o.Set)
		if err != nil {
			return err
		}
		o.Set = set
	}
	return nil
}

// missingError names the flags that would supply the missing answers; why
// and fix are catalog IDs, and fix takes the flags.
func missingError(missing []string, why, fix string) error {
	flags := make([]string, len(missing))
	for i, id := range missing {
		flags[i] = "--" + id
	}
	return usagef("cli.missing", strings.Join(missing, ", "), i18n.M(why), i18n.M(fix, strings.Join(flags, ", ")))
}

// accessibleEnv reads ACCESSIBLE as other tools do (huh, gh's
// GH_ACCESSIBLE_PROMPTER=enabled): set to anything is on, since a person
// who sets it means it, but for the words that say off.
func accessibleEnv(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off", "f", "n":
		return false
	}
	return true
}
