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
	// SIGTSTP and SIGCONT on one channel, so that they come in the order
	// they were sent: a SIGCONT after a SIGTSTP cancels its stop.
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, syscall.SIGTSTP, syscall.SIGCONT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-ch:
				if sig == syscall.SIGTSTP {
					suspend(p, ch, in, out, done)
				}
				// A SIGCONT with no stop to end: nothing to do.
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

// suspend releases the terminal, stops iopfit unless a SIGCONT came after
// the last SIGTSTP on ch while it did, and takes the terminal back.
func suspend(p *tea.Program, ch <-chan os.Signal, in io.Reader, out io.Writer, done <-chan struct{}) {
	if p.ReleaseTerminal() != nil {
		return
	}
	// Releasing takes a while; signals sent meanwhile are on ch, in order.
	// Stopping after the SIGCONT that was to end the stop would leave iopfit
	// stopped with nothing to wake it.
	if stillStopping(ch) {
		// Only iopfit stops: a SIGTSTP sent to it alone must not stop the
		// script that ran it, which shares its process group.
		_ = syscall.Kill(os.Getpid(), syscall.SIGSTOP)
	}
	// Here after SIGCONT. After bg, the terminal is not ours until fg; and
	// the shell sets the terminal's modes as it hands it over, so take it
	// back only once that is done.
	waitForeground(in, done)
	if p.RestoreTerminal() == nil {
		p.Send(tea.ClearScreen())
		// The window may have changed while iopfit was stopped.
		sendSize(p, out)
		p.Send(tea.ResumeMsg{})
	}
}

// signalQuiet is how long stillStopping waits, after the last signal it
// read, for more: Go's runtime hands a signal on to ch a moment after the
// kernel delivered it, and on a busy machine that moment grows. A SIGCONT
// that reached iopfit before it stops itself, but not ch, would leave it
// stopped with nothing to wake it. A person's Ctrl-Z waits this long more.
const signalQuiet = 50 * time.Millisecond

// stillStopping reads the signals on ch until none has come for
// signalQuiet, and says whether the last of them leaves a stop to make:
// true unless a SIGCONT came after the last SIGTSTP.
func stillStopping(ch <-chan os.Signal) bool {
	stopping := true
	quiet := time.NewTimer(signalQuiet)
	defer quiet.Stop()
	for {
		select {
		case sig := <-ch:
			stopping = sig == syscall.SIGTSTP
			quiet.Reset(signalQuiet)
		case <-quiet.C:
			return stopping
		}
	}
}

// suspendSelf is Ctrl-Z as a key, which a terminal in raw mode does not turn
// into a signal: it sends the signal relaySuspend handles.
func suspendSelf() tea.Msg {
	_ = syscall.Kill(os.Getpid(), syscall.SIGTSTP)
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
