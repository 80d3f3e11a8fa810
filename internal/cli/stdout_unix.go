//go:build unix

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// stdoutWasClosed is true when iopfit started with stdout closed (>&-). Go's
// runtime then opens /dev/null in its place, read-write, so that a result
// would vanish with exit 0. A shell's own >/dev/null opens it write-only.
// The device is compared with /dev/null itself, not with a device number,
// since that number differs between systems (1,3 on Linux, 3,2 on macOS).
func stdoutWasClosed() bool {
	fi, err := os.Stdout.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	if err != nil || !os.SameFile(fi, null) {
		return false
	}
	var flags int
	if rc, err := os.Stdout.SyscallConn(); err == nil {
		_ = rc.Control(func(fd uintptr) { flags, _ = unix.FcntlInt(fd, unix.F_GETFL, 0) })
	}
	return flags&unix.O_ACCMODE == unix.O_RDWR
}
