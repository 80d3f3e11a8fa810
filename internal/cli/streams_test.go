package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestColorProfile: the colours come from the environment alone; a terminfo
// entry that says true colour, where $TERMINFO points, changes nothing.
func TestColorProfile(t *testing.T) {
	tc, err := os.ReadFile(filepath.Join("..", "..", "cmd", "iopfit", "testdata", "truecolor.terminfo"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x", "xterm-256color"), tc, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		env  []string
		want colorprofile.Profile
	}{
		{[]string{"TERM=xterm-256color", "TERMINFO=" + dir}, colorprofile.ANSI256},
		{[]string{"TERM=xterm-256color", "COLORTERM=truecolor"}, colorprofile.TrueColor},
		{[]string{"TERM=xterm"}, colorprofile.ANSI},
		{[]string{"TERM=xterm-256color", "NO_COLOR=1"}, colorprofile.Ascii},
		{[]string{"TERM=dumb"}, colorprofile.NoTTY},
	} {
		s := &Streams{Environ: tt.env}
		if got := s.ColorProfile(); got != tt.want {
			t.Errorf("%q: profile %v, want %v", tt.env, got, tt.want)
		}
	}
}
