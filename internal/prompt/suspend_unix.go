//go:build unix

package prompt

import (
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"

	"github.com/iopfit/iopfit/internal/testmark"
)

// relaySuspend lets a person put the form aside with Ctrl-Z, or their shell
// stop it with SIGTSTP, as with less or vim: the form releases the terminal
// (leaves the alternate screen, restores its modes, shows the cursor), the
// process stops, and on fg the form takes the terminal back and redraws.
// Left alone, a SIGTSTP would stop iopfit with the terminal raw and on the
// form's screen. Bubble Tea's own suspend cannot be used once SIGTSTP has
// been caught: Go's runtime then ignores the SIGTSTP it sends itself, so the
// process stops with SIGSTOP instead, which no handler can keep.
// It handles each SIGTSTP until the returned func is called.
func relaySuspend(p *tea.Program, in io.Reader, out io.Writer) (stop func()) {
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, syscall.SIGTSTP, syscall.SIGCONT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-ch:
				// A SIGCONT after a SIGTSTP cancels its stop, but the order
				// they come off ch is not always the order they were sent
				// (see readDelivered): a SIGTSTP among them stops iopfit only
				// if no SIGCONT came with it.
				s := readDelivered(ch)
				s.add(sig)
				if s.stop && !s.cont {
					suspend(p, ch, in, out, done)
				}
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		signal.Stop(ch)
	}
}

// suspend releases the terminal, stops iopfit unless a SIGCONT has come
// since the SIGTSTP that began it, and takes the terminal back.
func suspend(p *tea.Program, ch <-chan os.Signal, in io.Reader, out io.Writer, done <-chan struct{}) {
	if p.ReleaseTerminal() != nil {
		return
	}
	testmark.Mark("suspend released")
	// Releasing takes a while, and a SIGCONT that came meanwhile was to end
	// this stop: stopping after it would leave iopfit stopped with nothing
	// to wake it.
	if !readDelivered(ch).cont {
		testmark.Mark("suspend stop")
		// Only iopfit stops: a SIGTSTP sent to it alone must not stop the
		// script that ran it, which shares its process group.
		_ = syscall.Kill(os.Getpid(), syscall.SIGSTOP)
	}
	// Here after SIGCONT. After bg, the terminal is not ours until fg; and
	// the shell sets the terminal's modes as it hands it over, so take it
	// back only once that is done.
	waitForeground(in, done)
	if p.RestoreTerminal() == nil {
		testmark.Mark("suspend restored")
		p.Send(tea.ClearScreen())
		// The window may have changed while iopfit was stopped.
		sendSize(p, out)
		p.Send(tea.ResumeMsg{})
	}
}

// delivered is what a read of the job-control signals found.
type delivered struct{ stop, cont bool }

// add counts sig among them.
func (d *delivered) add(sig os.Signal) {
	switch sig {
	case syscall.SIGTSTP:
		d.stop = true
	case syscall.SIGCONT:
		d.cont = true
	}
}

// probeSignal marks the end of the signals already delivered. Its number is
// above SIGTSTP's and SIGCONT's on every system, and catching it costs
// nothing: its default is to be ignored, and a spare one only makes Bubble
// Tea measure the window again.
const probeSignal = syscall.SIGWINCH

// probeWait bounds the wait for the probe. If it never comes, the read
// counts a SIGCONT: a Ctrl-Z that does nothing can be pressed again, and a
// stop nothing ends cannot be undone.
const probeWait = 2 * time.Second

// probeGrace is that moment: far longer than a signal handler runs, even
// on a busy machine, and far shorter than a person can tell. A variable,
// so that the test of the probe alone can do without it.
var probeGrace = 10 * time.Millisecond

// readDelivered reads the signals on ch, up to every one the kernel has
// delivered to iopfit so far.
//
// Go's runtime hands signals on in batches, and within a batch by number,
// not by arrival: a SIGCONT sent after a SIGTSTP can come off ch first, and
// a SIGTSTP that came with it is not known to be the later one. So a read
// that finds both counts as continued; at worst a second Ctrl-Z that raced
// a SIGCONT is lost. A probe signal that iopfit sends itself, with a larger
// number, leaves the runtime after every signal delivered before it, and
// the channels in that order, so once it is read they are all on ch. One
// sent between the read and the stop can still be missed, as with every
// program that stops itself; that is a few microseconds, not the tens of
// milliseconds a busy machine can take to hand a signal on. (A probe is
// handled on any thread, so a signal another thread was handling as it
// came can follow it by a hair; probeGrace covers that.)
func readDelivered(ch <-chan os.Signal) delivered {
	probe := make(chan os.Signal, 1)
	signal.Notify(probe, probeSignal)
	defer signal.Stop(probe)
	if syscall.Kill(os.Getpid(), probeSignal) != nil {
		return delivered{cont: true}
	}
	select {
	case <-probe:
	case <-time.After(probeWait):
		return delivered{cont: true}
	}
	// A signal the kernel gave another thread just before the probe may
	// still be in that thread's handler, on its way to the runtime, when
	// the probe comes out; a moment more lets it through.
	time.Sleep(probeGrace)
	var d delivered
	for {
		select {
		case sig := <-ch:
			d.add(sig)
		default:
			return d
		}
	}
}

// suspendSelf is Ctrl-Z as a key, which a terminal in raw mode does not turn
// into a signal: it does what the terminal would, SIGTSTP to the whole
// foreground job, iopfit's process group. Sent to iopfit alone, it would
// stop iopfit and leave the rest of a pipeline (iopfit check | cat)
// running, and the shell, which waits for the whole job to stop, would give
// the person no prompt and no way back. relaySuspend handles iopfit's own.
func suspendSelf() tea.Msg {
	_ = syscall.Kill(-syscall.Getpgrp(), syscall.SIGTSTP)
	return nil
}

// waitForeground returns once this process's group owns the terminal in
// again, and a moment later, or when done is closed.
func waitForeground(in io.Reader, done <-chan struct{}) {
	// SyscallConn, not Fd: Fd would switch the file to blocking mode under
	// Bubble Tea's reader.
	sc, ok := in.(syscall.Conn)
	var rc syscall.RawConn
	if ok {
		var err error
		rc, err = sc.SyscallConn()
		ok = err == nil
	}
	for ok {
		pgrp, err := 0, error(nil)
		if cerr := rc.Control(func(fd uintptr) { pgrp, err = unix.IoctlGetInt(int(fd), unix.TIOCGPGRP) }); cerr != nil {
			err = cerr
		}
		if err != nil || pgrp == unix.Getpgrp() {
			break
		}
		select {
		case <-done:
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	time.Sleep(30 * time.Millisecond)
}
