package cli

import (
	"context"
	"io/fs"
	"os"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/earlier"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// compareFlags checks --compare against the other flags: given, it needs a
// path, and stdin can carry the answers or the earlier result, not both,
// whether it is named "-" or by a path that is stdin (/dev/stdin, or the
// file stdin was redirected from).
func (o *checkOptions) compareFlags(given bool) error {
	switch {
	case given && o.Compare == "":
		return usagef("cli.compare_path")
	case o.compareIsStdin() && o.AnswersFile != "" && (o.AnswersFile == "-" || o.IO.isStdin(o.AnswersFile)):
		return usagef("cli.compare_stdin", safetext.Path(o.Compare), safetext.Path(o.AnswersFile))
	}
	return nil
}

// compareIsStdin is true when the earlier result comes from stdin: from
// "-", or from a path that names the file stdin is.
func (o *checkOptions) compareIsStdin() bool {
	return o.Compare == "-" || o.Compare != "" && o.IO.isStdin(o.Compare)
}

// readEarlier reads the earlier result --compare names, if any. From
// stdin it is refused when stdin is a terminal, or when asking (there are
// answers missing) would read the answers from it.
func (o *checkOptions) readEarlier(ctx context.Context, asking bool) (*assess.Earlier, error) {
	if o.Compare == "" {
		return nil, nil
	}
	in := load.File(o.Compare)
	if o.compareIsStdin() {
		if o.Compare == "-" && o.IO.InTTY {
			return nil, usagef("cli.compare_tty")
		}
		if _, plain := chooseAsker(o).(plainAsker); asking && plain {
			return nil, usagef("cli.compare_prompts", safetext.Path(o.Compare))
		}
	}
	if o.Compare == "-" {
		in = load.Stdin(o.IO.In)
	}
	stop := o.sayWaiting(in.Name)
	e, err := earlier.Read(ctx, in, o.Set)
	stop()
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// compareWait is how long reading the earlier result may take before a
// person at a terminal is told what iopfit waits for. A file is read in
// microseconds; a FIFO (--compare <(…)) or a stalled network mount may
// take as long as its writer does, with a blank screen.
var compareWait = time.Second

// sayWaiting says once on stderr, when it is a terminal and the read has
// taken compareWait, that iopfit waits for the earlier result from name and
// how to stop. Call the returned func when the read is over: after it
// returns, nothing more is written. A pipe or a file on stderr is never
// written to, nor is stdout.
func (o *checkOptions) sayWaiting(name string) (stop func()) {
	if !o.IO.ErrTTY {
		return func() {}
	}
	done, over := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(over)
		t := time.NewTimer(compareWait)
		defer t.Stop()
		select {
		case <-t.C:
			msg := i18n.T(i18n.Lang(o.Set.Lang), "cli.compare_wait", safetext.Path(name))
			_ = o.writeNotes(o.note(msg))
		case <-done:
		}
	}()
	return func() {
		close(done)
		<-over
	}
}

// isStdin reports whether path names the file stdin is, by file identity:
// /dev/stdin, /proc/self/fd/0, or the file a shell redirected stdin from.
// Reading it would take what stdin carries for something else. Stat never
// opens path, so a FIFO there is not waited for.
func (s *Streams) isStdin(path string) bool {
	in, ok := s.In.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return false
	}
	inInfo, err := in.Stat()
	if err != nil {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && os.SameFile(inInfo, info)
}
