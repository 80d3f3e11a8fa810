package cli

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/prompt"
)

// Exit codes, as documented in the README.
const (
	ExitOK        = 0
	ExitInternal  = 1
	ExitUsage     = 2
	ExitCancelled = 130
)

// UsageError is a mistake in how iopfit was called or in what it was given:
// a bad flag or value, or missing answers when no one can be asked.
type UsageError struct {
	Err error
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// OutputError means the result could not be written (a full disk, a closed
// file). It exits 1 like an internal error, but it is not a bug.
type OutputError struct {
	Err error
}

func (e *OutputError) Error() string { return "writing the output: " + e.Err.Error() }
func (e *OutputError) Unwrap() error { return e.Err }

// SignalError means iopfit was stopped by a signal.
type SignalError struct {
	Signal syscall.Signal
}

func (e *SignalError) Error() string { return "stopped by " + e.Signal.String() }

// exitCode chooses the exit code for err, in one place.
func exitCode(err error) int {
	var (
		usage *UsageError
		file  *fileerr.Error
		sig   *SignalError
		eoi   *prompt.EndOfInputError
		tries *prompt.TooManyTriesError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &sig):
		if sig.Signal == syscall.SIGINT {
			return ExitCancelled
		}
		return 128 + int(sig.Signal)
	case errors.Is(err, prompt.ErrCancelled):
		return ExitCancelled
	case errors.As(err, &usage), errors.As(err, &file), errors.As(err, &eoi), errors.As(err, &tries):
		return ExitUsage
	}
	return ExitInternal
}
