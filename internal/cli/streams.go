package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

// Streams carries stdin, stdout and stderr with what is known about each, and
// the environment. It is the only way the commands reach the outside world, so
// tests can swap in buffers and set the terminal facts by hand.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY, OutTTY, ErrTTY bool
	// OutWidth and ErrWidth are the widths of the terminals on stdout and
	// stderr, or 0; OutHeight and ErrHeight their heights.
	OutWidth, ErrWidth   int
	OutHeight, ErrHeight int

	Environ []string

	// OutPath names the file stdout writes to, when it is a regular file
	// and the system can say; "" otherwise. Nil means "".
	OutPath func() string

	// Measure gives the sizes of the terminals on stdout and stderr as they
	// are now (0 where there is none), as OutWidth, OutHeight, ErrWidth and
	// ErrHeight: a person may resize the window while they answer, and
	// what follows is laid out for the window they have. Nil keeps the
	// sizes given.
	Measure func() (outW, outH, errW, errH int)
}

// SystemStreams returns the process's own streams.
func SystemStreams() *Streams {
	s := &Streams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:   term.IsTerminal(os.Stdin.Fd()),
		OutTTY:  term.IsTerminal(os.Stdout.Fd()),
		ErrTTY:  term.IsTerminal(os.Stderr.Fd()),
		Environ: os.Environ(),
	}
	outTTY, errTTY := s.OutTTY, s.ErrTTY
	s.Measure = func() (outW, outH, errW, errH int) {
		if outTTY {
			outW, outH, _ = term.GetSize(os.Stdout.Fd())
		}
		if errTTY {
			errW, errH, _ = term.GetSize(os.Stderr.Fd())
		}
		return outW, outH, errW, errH
	}
	s.remeasure()
	if stdoutWasClosed() {
		s.Out = closedWriter{}
	}
	s.OutPath = stdoutPath
	return s
}

// Getenv returns the value of the environment variable key, or "".
func (s *Streams) Getenv(key string) string {
	for i := len(s.Environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(s.Environ[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// NoColor reports whether the person asked for no colour (NO_COLOR set to
// anything, or TERM=dumb).
func (s *Streams) NoColor() bool {
	return s.Getenv("NO_COLOR") != "" || s.Getenv("TERM") == "dumb"
}

// Hyperlinks reports whether a terminal here may be sent OSC 8 hyperlinks
// (a web address a person can click): not with TERM=dumb or no TERM at all,
// where escape codes may show as they are. NO_COLOR leaves them on: it asks
// for no colour, and a link is not one. The address reads the same with or
// without it; the link only lets a person open it with a click.
func (s *Streams) Hyperlinks() bool {
	term := s.Getenv("TERM")
	return term != "" && term != "dumb"
}

// CanPrompt reports whether a form can run: the person must be able to type
// (stdin is a terminal) and see the form (stderr is a terminal, since stdout
// is kept for the result).
func (s *Streams) CanPrompt() bool {
	return s.InTTY && s.ErrTTY
}

// ColorProfile is the colours a terminal here can show, as the environment
// says them (TERM, COLORTERM, NO_COLOR and the like), decided once for the
// form and the result alike. colorprofile.Detect would also read the
// terminfo entry and run `tmux info`; iopfit does neither. A terminfo entry
// is a file anyone can point at ($TERMINFO, $HOME/.terminfo), and its only
// gain was true colour where the environment says 256 colours; the form's
// colours meet their contrast in 256 colours too. Reading it safely took a
// parser of iopfit's own with a fuzz target, and finding $HOME's entry the
// way the library does looks the user up (nscd over a socket in a cgo
// build); iopfit starts no program, and tmux sets TERM=tmux-256color.
func (s *Streams) ColorProfile() colorprofile.Profile {
	return colorprofile.Env(s.Environ)
}

// remeasure reads the terminals' sizes again, when Measure can.
func (s *Streams) remeasure() {
	if s.Measure != nil {
		s.OutWidth, s.OutHeight, s.ErrWidth, s.ErrHeight = s.Measure()
	}
}

// stdoutPath is the path of the regular file stdout writes to, from Linux's
// /proc; "" for a pipe, a terminal, or a system without /proc.
func stdoutPath() string {
	fi, err := os.Stdout.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	p, err := os.Readlink("/proc/self/fd/1")
	if err != nil || !filepath.IsAbs(p) {
		return ""
	}
	return p
}

// errStdoutClosed is what writing a result to a closed stdout gives.
var errStdoutClosed = errors.New("stdout is closed")

// closedWriter fails every write: see stdoutWasClosed.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) { return 0, errStdoutClosed }
