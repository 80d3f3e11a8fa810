package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/i18n"
)

// DocCommand returns iopfit's command tree in English with the built-in
// question set, as the man pages and shell completions describe it. It
// touches no stream and reads no environment.
func DocCommand() *cobra.Command {
	s := &Streams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard, Environ: []string{"LANG=C"}}
	a := newApp(s, BuildInfo{}, nil)
	a.lang = i18n.English
	root := a.rootCmd()
	root.DisableAutoGenTag = true
	return root
}
