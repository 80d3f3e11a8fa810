package cli

import (
	"context"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/testmark"
)

// readAnswers reads and parses the answers file at path ("-" for stdin).
func readAnswers(ctx context.Context, s *Streams, path string, set *assess.Set) (map[string]assess.Answer, error) {
	in := load.File(path)
	if path == "-" {
		if s.InTTY {
			return nil, usagef("cli.stdin_tty")
		}
		in = load.Stdin(s.In)
	}
	testmark.Mark("read answers")
	return load.Answers(ctx, in, set)
}
