package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestTerminfoProfile: the first entry found decides, true colour only when
// it says so, and any entry that cannot be parsed means the terminal's own
// colours, without a panic.
func TestTerminfoProfile(t *testing.T) {
	tc, err := os.ReadFile(filepath.Join("..", "terminfo", "testdata", "iopfit-tc"))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile(filepath.Join("..", "terminfo", "testdata", "iopfit-plain"))
	if err != nil {
		t.Fatal(err)
	}
	// A name size of -2: the crash in the library iopfit used before.
	crafted := append([]byte{0x1a, 0x01, 0xfe, 0xff}, make([]byte, 12)...)

	// entry writes data as xterm-256color's entry in dir, in layout ("x"
	// or "78"). FIFOs and devices are the binary's tests
	// (TestHostileTerminfo) and load's (TestRegularFileOnly).
	entry := func(t *testing.T, dir, layout string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, layout, "xterm-256color")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		layout string
		data   []byte
		want   colorprofile.Profile
	}{
		{"Tc", "x", tc, colorprofile.TrueColor},
		{"Tc in the hex layout", "78", tc, colorprofile.TrueColor},
		{"no Tc", "x", plain, colorprofile.ANSI},
		{"a crafted entry", "x", crafted, colorprofile.ANSI},
		{"a truncated entry", "x", tc[:len(tc)-3], colorprofile.ANSI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			entry(t, dir, tt.layout, tt.data)
			env := map[string]string{"TERMINFO": dir}
			if got := terminfoProfile("xterm-256color", func(k string) string { return env[k] }); got != tt.want {
				t.Fatalf("profile = %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("the first entry found decides", func(t *testing.T) {
		first, second := t.TempDir(), t.TempDir()
		entry(t, first, "x", plain)
		entry(t, second, "x", tc)
		env := map[string]string{"TERMINFO": first, "TERMINFO_DIRS": second}
		if got := terminfoProfile("xterm-256color", func(k string) string { return env[k] }); got != colorprofile.ANSI {
			t.Fatalf("profile = %v", got)
		}
	})
	t.Run("an empty TERMINFO_DIRS entry is not the current directory", func(t *testing.T) {
		cwd := t.TempDir()
		entry(t, cwd, "x", tc)
		t.Chdir(cwd)
		env := map[string]string{"TERMINFO_DIRS": ":" + t.TempDir()}
		if got := terminfoProfile("xterm-256color", func(k string) string { return env[k] }); got == colorprofile.TrueColor {
			t.Fatal("read an entry from the current directory")
		}
	})
}
