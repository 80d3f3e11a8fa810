package cli

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/iopfit/iopfit/internal/i18n"
)

// Exit codes, as docs/scripting-and-clinics.md documents them.
const (
	ExitOK        = 0
	ExitInternal  = 1
	ExitUsage     = 2
	ExitCancelled = 130
	// ExitGone is SIGHUP's code: the person's terminal has gone, whether a
	// SIGHUP said so or a read of the terminal failed.
	ExitGone = 128 + 1
)

// usageMarker is implemented by every error that is a mistake in what iopfit
// was given (a flag, a file, a line typed at a prompt) rather than a fault of
// iopfit's. The packages that find such mistakes mark their errors with it,
// so that the exit code is chosen here without knowing their types.
type usageMarker interface{ Usage() bool }

// cancelMarker is implemented by the error a person's own stop ends with
// (Esc or Ctrl-C in the form).
type cancelMarker interface{ Cancelled() bool }

// goneMarker is implemented by the error a terminal that can no longer be
// read ends with: the person is gone, as on SIGHUP.
type goneMarker interface{ Gone() bool }

// UsageError is a mistake in how iopfit was called or in what it was given:
// a bad flag or value, or missing answers when no one can be asked.
type UsageError struct {
	Msg i18n.Message
	Err error // the cause, if any
}

func (e *UsageError) Error() string         { return e.Msg.In(i18n.English) }
func (e *UsageError) In(l i18n.Lang) string { return e.Msg.In(l) }
func (e *UsageError) Unwrap() error         { return e.Err }

// Usage marks a UsageError as the person's mistake.
func (e *UsageError) Usage() bool { return true }

// usagef is a usage error with the catalog message id.
func usagef(id string, args ...any) error {
	return &UsageError{Msg: i18n.M(id, args...)}
}

// OutputError means the result could not be written (a full disk, a closed
// file). It exits 1 like an internal error, but it is not a bug.
type OutputError struct {
	Err error
}

func (e *OutputError) Error() string { return e.In(i18n.English) }

// In says the problem in l.
func (e *OutputError) In(l i18n.Lang) string { return i18n.T(l, "cli.output", e.Err) }
func (e *OutputError) Unwrap() error         { return e.Err }

// SaveError means the copy of the result the person asked to keep could not
// be saved. The result itself was shown; it exits 1 like an OutputError, and
// it is not a bug.
type SaveError struct {
	Err error
	// Shown is true when the result was shown at the terminal, above the
	// message.
	Shown bool
}

func (e *SaveError) Error() string { return e.In(i18n.English) }

// In says the problem in l, with the system's words for its cause.
func (e *SaveError) In(l i18n.Lang) string {
	var cause any = e.Err
	var loc i18n.Localized
	var pe *fs.PathError
	switch {
	case errors.As(e.Err, &loc):
		cause = loc.In(l)
	case errors.As(e.Err, &pe):
		cause = pe.Err // "permission denied", without "open iopfit-….md: "
	}
	var taken *NamesTakenError
	switch {
	case errors.As(e.Err, &taken) && e.Shown:
		// The folder can be written to: what stands in the way is the
		// files already there.
		return i18n.T(l, "cli.save_names_taken_shown", taken.Last)
	case errors.As(e.Err, &taken):
		return i18n.T(l, "cli.save_names_taken", taken.Last)
	case e.Shown:
		return i18n.T(l, "cli.save_failed_shown", cause)
	}
	return i18n.T(l, "cli.save_failed", cause)
}
func (e *SaveError) Unwrap() error { return e.Err }

// NamesTakenError means every name a result of the day can be saved under
// is taken, up to Last.
type NamesTakenError struct{ Last string }

func (e *NamesTakenError) Error() string { return "every name is taken, up to " + e.Last }

// SignalError means iopfit was stopped by a signal.
type SignalError struct {
	Signal syscall.Signal
}

func (e *SignalError) Error() string { return "stopped by " + e.Signal.String() }

// exitCode chooses the exit code for err, in one place.
func exitCode(err error) int {
	var (
		sig    *SignalError
		usage  usageMarker
		cancel cancelMarker
		gone   goneMarker
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &sig):
		if sig.Signal == syscall.SIGINT {
			return ExitCancelled
		}
		return 128 + int(sig.Signal)
	case errors.As(err, &cancel) && cancel.Cancelled():
		return ExitCancelled
	case errors.As(err, &gone) && gone.Gone():
		return ExitGone
	case errors.As(err, &usage) && usage.Usage():
		return ExitUsage
	}
	return ExitInternal
}
