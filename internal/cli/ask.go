package cli

import (
	"context"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/iopfit/iopfit/internal/assess"
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
		pio := prompt.PlainIO{In: prompt.NewLines(o.IO.In), Out: o.IO.ErrOut, Echo: !o.IO.InTTY, Terminal: o.IO.InTTY}
		if o.IO.ErrTTY {
			pio.Width = o.IO.ErrWidth
		}
		if f, ok := o.IO.In.(*os.File); ok && o.IO.InTTY {
			// A terminal that has been hung up can no longer even say how
			// it is set.
			pio.Gone = func() bool { _, err := term.GetState(f.Fd()); return err != nil }
		}
		given, err := prompt.AskPlain(ctx, pio, o.Set, missing)
		o.save = given.Save
		return given.Answers, err
	case askForm:
		form, err := prompt.NewForm(o.Set, missing, prompt.FormIO{In: o.IO.In, Out: o.IO.ErrOut, Environ: o.IO.Environ, Profile: o.IO.ColorProfile()})
		if err != nil {
			return nil, err
		}
		given, err := form.Run(ctx)
		o.save = given.Save
		return given.Answers, err
	}
	return nil, missingError(missing, why, fix)
}
