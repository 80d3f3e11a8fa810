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

// askedAnswers is what asking the person gave: their answers, how they
// were asked (plain prompts where the person switched to them part way),
// and whether they chose to keep a copy of their result.
type askedAnswers struct {
	answers map[string]assess.Answer
	mode    promptMode
	save    bool
}

// asker asks a person the questions ids, still unanswered: with the form,
// with plain prompts, or not at all (an error that says what to pass
// instead). check depends on this alone, so a test can give its own.
type asker interface {
	ask(ctx context.Context, ids []string) (askedAnswers, error)
}

// chooseAsker follows the order docs/scripting-and-clinics.md gives: the first rule that applies wins.
func chooseAsker(o *checkOptions) asker {
	switch {
	case o.NoInput:
		return noAsker{"cli.why_no_input", "cli.fix_flags"}
	case o.AnswersFile == "-":
		return noAsker{"cli.why_stdin", "cli.fix_stdin"}
	case o.Accessible:
		return plainAsker{&askRun{o: o}}
	case o.IO.InTTY && o.IO.Getenv("TERM") == "dumb":
		return plainAsker{&askRun{o: o}}
	case o.IO.CanPrompt():
		return formAsker{&askRun{o: o}}
	}
	return noAsker{"cli.why_no_tty", "cli.fix_tty"}
}

// noAsker is no way to ask: why and fix are the catalog IDs that say why
// not, and what to pass instead.
type noAsker struct{ why, fix string }

func (n noAsker) ask(_ context.Context, ids []string) (askedAnswers, error) {
	return askedAnswers{}, missingError(ids, n.why, n.fix)
}

// askRun is what one run's asking keeps from one question to the next:
// the options it asks for, whether the intro was shown already (before
// "Who is this check for?", and the questions then start without it),
// whether the person asked for plain prompts on that first page, and the
// one reader of plain prompts' lines, so that a line read ahead by one
// prompt is the next one's.
type askRun struct {
	o          *checkOptions
	introSaid  bool
	wantsPlain bool
	lines      *prompt.Lines
}

// plainAsker asks with plain prompts, line by line.
type plainAsker struct{ *askRun }

func (p plainAsker) ask(ctx context.Context, ids []string) (askedAnswers, error) {
	// The result is laid out for the window as it is once the person has
	// answered, not as it was when they started.
	defer p.o.IO.remeasure()
	return p.askPlain(ctx, ids)
}

// formAsker asks with the full-screen form.
type formAsker struct{ *askRun }

func (f formAsker) ask(ctx context.Context, ids []string) (askedAnswers, error) {
	o := f.o
	if f.wantsPlain {
		// Asked for on the page that asks who the check is for.
		return plainAsker(f).ask(ctx, ids)
	}
	defer o.IO.remeasure()
	form, err := prompt.NewForm(o.Set, ids, o.formIO(), !f.introSaid)
	if err != nil {
		return askedAnswers{}, err
	}
	given, err := form.Run(ctx)
	if err != nil || !given.Plain {
		return askedAnswers{answers: given.Answers, mode: askForm, save: given.Save}, err
	}
	// The person asked for plain prompts part way: they ask the rest, and
	// what follows is written for the ear.
	var rest []string
	for _, id := range ids {
		if given.Answers[id] == "" {
			rest = append(rest, id)
		}
	}
	o.sayKept(given.Answers, ids)
	plain, err := f.askPlain(ctx, rest)
	plain.answers = merge(given.Answers, plain.answers)
	return plain, err
}

// askWho asks, in the form, whose check it is, after the intro.
func (f formAsker) askWho(ctx context.Context) (assess.Perspective, error) {
	given, err := prompt.NewWhoForm(f.o.Set, f.o.formIO()).Run(ctx)
	if err != nil {
		return "", err
	}
	if given.Plain {
		// The person asked for plain prompts on the first page: they ask
		// it again, and the rest.
		f.wantsPlain = true
		return plainAsker(f).askWho(ctx)
	}
	who, ok := given.Who()
	if !ok {
		return "", fmt.Errorf("the form returned no answer to who the check is for")
	}
	f.introSaid = true
	return who, nil
}

// askWho asks, with plain prompts, whose check it is, after the intro.
func (p plainAsker) askWho(ctx context.Context) (assess.Perspective, error) {
	who, err := prompt.AskWhoPlain(ctx, p.plainIO(), p.o.Set)
	if err == nil {
		p.introSaid = true
	}
	return who, err
}

// formIO is the terminal the form draws on: stderr, so that stdout holds
// the result alone.
func (o *checkOptions) formIO() prompt.FormIO {
	return prompt.FormIO{In: o.IO.In, Out: o.IO.ErrOut, Environ: o.IO.Environ, Profile: o.IO.ColorProfile()}
}

// askPlain asks ids with plain prompts.
func (r *askRun) askPlain(ctx context.Context, ids []string) (askedAnswers, error) {
	given, err := prompt.AskPlain(ctx, r.plainIO(), r.o.Set, ids)
	return askedAnswers{answers: given.Answers, mode: askPlain, save: given.Save}, err
}

// plainIO is the terminal, or the pipe, plain prompts read and write.
func (r *askRun) plainIO() prompt.PlainIO {
	o := r.o
	if r.lines == nil {
		r.lines = prompt.NewLines(o.IO.In)
	}
	pio := prompt.PlainIO{In: r.lines, Out: o.IO.ErrOut, Echo: !o.IO.InTTY, Terminal: o.IO.InTTY, IntroSaid: r.introSaid}
	if o.IO.ErrTTY {
		pio.Width = o.IO.ErrWidth
	}
	if f, ok := o.IO.In.(*os.File); ok && o.IO.InTTY {
		// A terminal that has been hung up can no longer even say how it
		// is set.
		pio.Gone = func() bool { _, err := term.GetState(f.Fd()); return err != nil }
	}
	return pio
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
