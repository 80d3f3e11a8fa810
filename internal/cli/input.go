package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/iopfit/iopfit/internal/answers"
	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/i18n"
)

// readAnswers reads and parses the answers file at path ("-" for stdin).
func readAnswers(ctx context.Context, s *Streams, path string, set *assess.Set) (map[string]assess.Answer, error) {
	name := path
	var open func() (io.ReadCloser, error)
	if path == "-" {
		if s.InTTY {
			return nil, usagef("cli.stdin_tty")
		}
		name = "stdin"
		open = func() (io.ReadCloser, error) { return io.NopCloser(s.In), nil }
	} else {
		open = func() (io.ReadCloser, error) { return openRegular(path) }
	}
	data, err := readLimited(ctx, open, answers.MaxSize)
	if err != nil {
		return nil, fileError(name, err)
	}
	return answers.Parse(data, name, set)
}

// openRegular opens path for reading and refuses a directory up front, where
// reading it would give a less clear error.
func openRegular(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		f.Close()
		return nil, errIsDir
	}
	return f, nil
}

var (
	errIsDir    = errors.New("is a directory")
	errTooLarge = errors.New("too large")
)

// readLimited reads at most limit bytes from what open returns. It reads in a
// goroutine so that a signal ends the wait even on a pipe that never closes
// (or a named pipe with no writer); the goroutine ends with the process.
func readLimited(ctx context.Context, open func() (io.ReadCloser, error), limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		r, err := open()
		if err != nil {
			done <- result{err: err}
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err == nil && int64(len(data)) > limit {
			err = errTooLarge
		}
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// fileError explains a failure to read an answers file, with what to do.
func fileError(name string, err error) error {
	var sig *SignalError
	if errors.As(err, &sig) {
		return err
	}
	msg := i18n.M("file.cannot_read", err)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = i18n.M("answers.missing")
	case errors.Is(err, fs.ErrPermission):
		msg = i18n.M("file.denied")
	case errors.Is(err, errIsDir):
		msg = i18n.M("answers.dir")
	case errors.Is(err, errTooLarge):
		msg = i18n.M("answers.too_large")
	}
	return &fileerr.Error{File: name, Msg: msg, Err: err}
}
