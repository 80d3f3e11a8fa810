package cli

import (
	"context"

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
// why explains askNone in the error message.
func choosePrompt(o *checkOptions) (mode promptMode, why, fix string) {
	const flagsFix = "pass FLAGS with yes, no or unsure, or --answers FILE"
	switch {
	case o.NoInput:
		return askNone, "--no-input is set", flagsFix
	case o.AnswersFile == "-":
		return askNone, "stdin holds the answers file, so nothing can be asked", "add them to the answers, or pass FLAGS"
	case o.Accessible:
		return askPlain, "", ""
	case o.IO.InTTY && o.IO.Getenv("TERM") == "dumb":
		return askPlain, "", ""
	case o.IO.CanPrompt():
		return askForm, "", ""
	}
	return askNone, "no terminal to ask in", flagsFix + ", or --accessible to answer line by line"
}

func (o *checkOptions) ask(ctx context.Context, missing []string) (map[string]assess.Answer, error) {
	mode, why, fix := choosePrompt(o)
	switch mode {
	case askPlain:
		pio := prompt.PlainIO{In: prompt.NewLines(o.IO.In), Out: o.IO.ErrOut, Echo: !o.IO.InTTY}
		return prompt.AskPlain(ctx, pio, o.Set, missing)
	case askForm:
		form, vals, err := prompt.BuildForm(o.Set, missing, prompt.FormIO{In: o.IO.In, Out: o.IO.ErrOut, Environ: o.IO.Environ, Profile: o.IO.ColorProfile()})
		if err != nil {
			return nil, err
		}
		return prompt.RunForm(ctx, form, missing, vals)
	}
	return nil, missingError(missing, why, fix)
}
