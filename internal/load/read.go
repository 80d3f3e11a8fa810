package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/iopfit/iopfit/internal/i18n"
)

// Input is something iopfit reads: a file, or stdin. Every file iopfit reads
// comes in through Read, so that each is bounded, cancellable and explained
// the same way.
type Input struct {
	// Name is how errors name the input: the path, or "stdin".
	Name string
	open func() (io.ReadCloser, error)
}

// File is the file at path. A directory is refused when it is opened, where
// reading it would give a less clear error.
func File(path string) Input {
	return Input{Name: path, open: func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			if info, serr := os.Stat(path); serr == nil && info.Mode()&os.ModeSocket != 0 {
				// Opening a socket fails with "no such device or address",
				// which says nothing of what to give instead.
				return nil, fmt.Errorf("%w: %w", errIsSocket, err)
			}
			return nil, err
		}
		info, err := f.Stat()
		switch {
		case err == nil && info.IsDir():
			f.Close()
			return nil, errIsDir
		case err == nil && info.Mode()&os.ModeCharDevice != 0 && term.IsTerminal(f.Fd()):
			// /dev/tty, /dev/stdin at a terminal, /proc/self/fd/0: iopfit
			// would wait, silently, for a person to type a file.
			f.Close()
			return nil, errIsTerminal
		}
		return f, nil
	}}
}

// RegularFile is the file at path, read only if it is a regular file: a
// FIFO, a device (a link to /dev/zero) or a directory is refused when it is
// opened, and opening never waits (see openRegular). It is for a file iopfit
// reads without a person naming it, such as the terminfo entry the
// environment points at, where nothing but a file makes sense.
func RegularFile(path string) Input {
	return Input{Name: path, open: func() (io.ReadCloser, error) {
		f, err := openRegular(path)
		if err != nil {
			return nil, err
		}
		return f, nil
	}}
}

// Stdin is the process's standard input, given as r. Read does not close it.
func Stdin(r io.Reader) Input {
	return Input{Name: "stdin", open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }}
}

// Kind says what an input holds, which chooses the words of its errors.
type Kind string

// The kinds of file iopfit reads.
const (
	KindQuestions Kind = "questions"
	KindAnswers   Kind = "answers"
	// KindTerminfo is a compiled terminfo entry. Its errors are never shown:
	// a terminfo file that cannot be read only means plain styling.
	KindTerminfo Kind = "terminfo"
	// KindEarlier is an earlier result to compare with (check --compare).
	KindEarlier Kind = "earlier"
	// KindZone is a compiled time zone (tzfile(5)) that TZ names. Its
	// errors are never shown: a zone that cannot be read means UTC.
	KindZone Kind = "zone"
)

// Limits on what iopfit reads. A question file is a few kilobytes and four
// answers fit in well under one; the caps keep endless input from being read
// forever. The messages about them are given the numbers.
const (
	MaxQuestionsSize = 1 << 20
	MaxAnswersSize   = 64 << 10
	// MaxTerminfoSize is the largest compiled entry term(5) allows.
	MaxTerminfoSize = 32 << 10
	// MaxEarlierSize bounds an earlier result: it holds at most the texts
	// of its set, some of them twice (a FHIR response repeats the answers
	// in its narrative), so twice a question file's cap.
	MaxEarlierSize = 2 * MaxQuestionsSize
	// MaxZoneSize bounds a zone file: the largest in the tz database is a
	// few kilobytes.
	MaxZoneSize = 64 << 10
)

// kindTexts are the catalog texts for what can be wrong with a file of
// each kind, and how large one may be. An empty text falls back to
// file.cannot_read with the cause.
type kindTexts struct {
	missing, dir, terminal, tooLarge, multiDoc string
	// socket is for a socket given where a file belongs.
	socket string
	// syntax introduces the YAML library's own words for a syntax error.
	syntax string
	limit  int64
}

var kinds = map[Kind]kindTexts{
	KindQuestions: {"questions.missing", "questions.dir", "questions.terminal", "questions.too_large", "questions.multi_doc", "questions.socket", "yaml.invalid", MaxQuestionsSize},
	// Answers may be written as JSON too.
	KindAnswers:  {"answers.missing", "answers.dir", "answers.terminal", "answers.too_large", "answers.multi_doc", "answers.socket", "yaml.invalid_any", MaxAnswersSize},
	KindTerminfo: {limit: MaxTerminfoSize},
	KindZone:     {limit: MaxZoneSize},
	// An earlier result is JSON, read by its own parser (earlier.go).
	KindEarlier: {missing: "compare.missing", dir: "compare.dir", terminal: "compare.terminal", tooLarge: "compare.too_large", socket: "compare.socket", limit: MaxEarlierSize},
}

func (k Kind) texts() kindTexts { return kinds[k] }

// tooLarge is the message for a file of kind k over its limit, which it
// names.
func (k Kind) tooLarge() i18n.Message {
	return i18n.M(k.texts().tooLarge, i18n.Size(k.texts().limit))
}

var (
	errIsTerminal = errors.New("is a terminal")
	errIsSocket   = errors.New("is a socket")
	errIsDir      = errors.New("is a directory")
	errTooLarge   = errors.New("too large")
	errNotRegular = errors.New("is not a regular file")
)

// Read reads all of in, up to k's size limit. It reads in a goroutine so that
// a cancelled ctx ends the wait even on a pipe that never closes or a named
// pipe with no writer; then it returns ctx's cause, and the goroutine ends
// with the process. Any other failure is an *Error that says what to do.
func Read(ctx context.Context, in Input, k Kind) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		r, err := in.open()
		if err != nil {
			done <- result{err: err}
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, k.texts().limit+1))
		if err == nil && int64(len(data)) > k.texts().limit {
			err = errTooLarge
		}
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return nil, readError(in.Name, k, res.err)
		}
		return res.data, nil
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// readError explains a failure to open or read a file, with what to do.
func readError(name string, k Kind, err error) error {
	msg := i18n.M("file.cannot_read", err)
	t := k.texts()
	switch {
	case errors.Is(err, fs.ErrNotExist) && t.missing != "":
		msg = i18n.M(t.missing)
	case errors.Is(err, fs.ErrPermission):
		msg = i18n.M("file.denied")
	case errors.Is(err, errIsDir) && t.dir != "":
		msg = i18n.M(t.dir)
	case errors.Is(err, errIsSocket) && t.socket != "":
		msg = i18n.M(t.socket)
	case errors.Is(err, errIsTerminal) && t.terminal != "":
		msg = i18n.M(t.terminal)
	case errors.Is(err, errTooLarge) && t.tooLarge != "":
		msg = k.tooLarge()
	}
	return &Error{File: name, Msg: msg, Err: err}
}

// checkRegular returns f if it is a regular file, and closes it otherwise.
func checkRegular(f *os.File) (*os.File, error) {
	info, err := f.Stat()
	switch {
	case err != nil:
		f.Close()
		return nil, err
	case info.IsDir():
		f.Close()
		return nil, errIsDir
	case !info.Mode().IsRegular():
		f.Close()
		return nil, errNotRegular
	}
	return f, nil
}
