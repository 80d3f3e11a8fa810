package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
)

// DocCommand returns iopfit's command tree in English (LANG=C) with the built-in
// question set, as the man pages and shell completions describe it, and that
// set, whose help lines and disclaimer the man page carries. It touches no
// stream and reads no environment.
func DocCommand() (*cobra.Command, *assess.Set, error) {
	s := &Streams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard, Environ: []string{"LANG=C"}}
	a, err := newApp(context.Background(), s, Host{}, BuildInfo{}, nil)
	if err == nil {
		err = a.setErr
	}
	if err != nil {
		return nil, nil, err
	}
	root := a.rootCmd(nil)
	root.DisableAutoGenTag = true
	return root, a.set, nil
}
