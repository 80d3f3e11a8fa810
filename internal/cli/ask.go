package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/ear"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/prompt"
)

// promptMode is how the missing answers can be asked, if at all.
type promptMode int

const (
	askNone promptMode = iota
	askPlain
	askForm
)

// choosePrompt follows the README's order: the first rule that applies wins.
// For askNone, why and fix are the catalog IDs that explain it.
func choosePrompt(o *checkOptions) (mode promptMode, why, fix string) {
	switch {
	case o.NoInput:
		return askNone, "cli.why_no_input", "cli.fix_flags"
	case o.AnswersFile == "-":
		return askNone, "cli.why_stdin", "cli.fix_stdin"
	case o.Accessible:
		return askPlain, "", ""
	case o.IO.InTTY && o.IO.Getenv("TERM") == "dumb":
		return askPlain, "", ""
	case o.IO.CanPrompt():
		return askForm, "", ""
	}
	return askNone, "cli.why_no_tty", "cli.fix_tty"
}

func (o *checkOptions) ask(ctx context.Context, missing []string) (map[string]assess.Answer, error) {
	mode, why, fix := choosePrompt(o)
	o.asked = mode
	if mode != askNone {
		// The result is laid out for the window as it is once the person
		// has answered, not as it was when they started.
		defer o.IO.remeasure()
	}
	switch mode {
	case askPlain:
		return o.askPlain(ctx, missing)
	case askForm:
		form, err := prompt.NewForm(o.Set, missing, prompt.FormIO{In: o.IO.In, Out: o.IO.ErrOut, Environ: o.IO.Environ, Profile: o.IO.ColorProfile()})
		if err != nil {
			return nil, err
		}
		given, err := form.Run(ctx)
		o.save = given.Save
		if err != nil || !given.Plain {
			return given.Answers, err
		}
		// The person asked for plain prompts part way: they ask the rest,
		// and what follows is written for the ear.
		o.asked = askPlain
		var ids []string
		for _, id := range missing {
			if given.Answers[id] == "" {
				ids = append(ids, id)
			}
		}
		o.sayKept(given.Answers, missing)
		rest, err := o.askPlain(ctx, ids)
		return merge(given.Answers, rest), err
	}
	return nil, missingError(missing, why, fix)
}

// askPlain asks ids with plain prompts.
func (o *checkOptions) askPlain(ctx context.Context, ids []string) (map[string]assess.Answer, error) {
	pio := prompt.PlainIO{In: prompt.NewLines(o.IO.In), Out: o.IO.ErrOut, Echo: !o.IO.InTTY, Terminal: o.IO.InTTY}
	if o.IO.ErrTTY {
		pio.Width = o.IO.ErrWidth
	}
	if f, ok := o.IO.In.(*os.File); ok && o.IO.InTTY {
		// A terminal that has been hung up can no longer even say how it
		// is set.
		pio.Gone = func() bool { _, err := term.GetState(f.Fd()); return err != nil }
	}
	given, err := prompt.AskPlain(ctx, pio, o.Set, ids)
	o.save = given.Save
	return given.Answers, err
}

// merge is a and b in one map, b's answer where both have one.
func merge(a, b map[string]assess.Answer) map[string]assess.Answer {
	out := make(map[string]assess.Answer, len(a)+len(b))
	for id, v := range a {
		out[id] = v
	}
	for id, v := range b {
		out[id] = v
	}
	return out
}

// sayKept tells a person who switched to plain prompts which answers the
// form kept, so that nothing given is out of their hearing.
func (o *checkOptions) sayKept(kept map[string]assess.Answer, ids []string) {
	l := i18n.Lang(o.Set.Lang)
	for _, id := range ids {
		if a := kept[id]; a != "" {
			q, _ := o.Set.Question(id)
			fmt.Fprintln(o.IO.ErrOut, ear.Text(i18n.T(l, "prompt.kept", q.Option(o.Set.Labels, a), q.Prompt)))
		}
	}
}
