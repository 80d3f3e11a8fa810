package cli

import (
	"context"

	"github.com/iopfit/iopfit/internal/earlier"
	"github.com/iopfit/iopfit/internal/load"
)

// compareFlags checks --compare against the other flags: given, it needs a
// path, and stdin can carry the answers or the earlier result, not both.
func (o *checkOptions) compareFlags(given bool) error {
	switch {
	case given && o.Compare == "":
		return usagef("cli.compare_path")
	case o.Compare == "-" && o.AnswersFile == "-":
		return usagef("cli.compare_stdin")
	}
	return nil
}

// readEarlier reads the earlier result --compare names, if any. From
// stdin it is refused when stdin is a terminal, or when asking (there are
// answers missing) would read the answers from it.
func (o *checkOptions) readEarlier(ctx context.Context, asking bool) error {
	if o.Compare == "" {
		return nil
	}
	in := load.File(o.Compare)
	if o.Compare == "-" {
		if o.IO.InTTY {
			return usagef("cli.compare_tty")
		}
		if mode, _, _ := choosePrompt(o); asking && mode == askPlain {
			return usagef("cli.compare_prompts")
		}
		in = load.Stdin(o.IO.In)
	}
	e, err := earlier.Read(ctx, in, o.Set)
	if err != nil {
		return err
	}
	o.earlier = &e
	return nil
}
