// Package noprobe keeps lipgloss, which huh draws with, from probing the
// terminal while the program's packages are initialized.
//
// lipgloss builds a package-level colour writer for os.Stdout as it is
// initialized. When stdout is a terminal, that detection loads the terminal's
// terminfo entry through xo/terminfo, which looks the user up (os/user: nscd
// over a socket in a cgo build, /etc/passwd otherwise), reads the file whole
// (a FIFO there never ends, a link to /dev/zero grows without bound), panics
// on a crafted file, and runs `tmux info` inside tmux. All of that would
// happen before main, where nothing of iopfit's can catch a panic or end a
// wait, and for nothing: iopfit never writes through that writer. Its colours
// are decided once, by internal/cli, from the environment alone.
//
// The detection stops at the environment when NO_COLOR is true, so this
// package sets NO_COLOR=1 as it is initialized, and Restore puts it back as
// the person had it. Go initializes packages in import-path order, each as
// soon as all its imports are (the spec, since Go 1.21): this package imports
// only os, while lipgloss depends on packages that import os and sort after
// this one (github.com/xo/terminfo, github.com/lucasb-eyer/go-colorful), so
// this init always runs first. TestNoProbeRunsBeforeLipgloss, in cmd/iopfit,
// checks that order in the built binary; the pseudo-terminal tests check its
// effect with a crafted terminfo file.
package noprobe

import "os"

// noColor is the variable whose value makes lipgloss's detection stop early.
const noColor = "NO_COLOR"

var (
	saved  string
	wasSet bool
)

func init() {
	saved, wasSet = os.LookupEnv(noColor)
	_ = os.Setenv(noColor, "1")
}

// Restore puts NO_COLOR back as it was when the program started. cli.Execute
// calls it first, once every package (lipgloss too) is initialized and
// before anything reads the environment for the person.
func Restore() {
	if wasSet {
		_ = os.Setenv(noColor, saved)
		return
	}
	_ = os.Unsetenv(noColor)
}
