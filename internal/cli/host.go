package cli

import (
	"os"
	"sync"
	"time"
)

// Host is what a run takes from the machine besides its streams: the clock,
// for the day a result names, and the one file iopfit ever writes. Tests give
// their own.
type Host struct {
	// Now is the time. Nil means time.Now.
	Now func() time.Time
	// SaveNew writes data to a new file called name, failing with
	// fs.ErrExist if there is one, and leaving nothing behind if the write
	// fails. It is how a result the person asked to keep is saved. Nil means
	// this run cannot save.
	SaveNew func(name string, data []byte) error
}

// SystemHost returns the machine's clock, in the person's time zone, and
// its file system.
func SystemHost() Host {
	// The zone is read once, and only when a result names its day.
	zone := sync.OnceValue(func() *time.Location { return localZone(os.LookupEnv) })
	return Host{
		Now:     func() time.Time { return time.Now().In(zone()) },
		SaveNew: saveNew,
	}
}

// now is the time, for the day a result names.
func (h Host) now() time.Time {
	if h.Now == nil {
		return time.Now()
	}
	return h.Now()
}

// saveNew writes data to the new file name, readable and writable by its
// owner alone (a result is private, whatever the umask says), and removes
// the file again if the write fails, so that no half result is left.
func saveNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	// The mode given to open is cut by the umask (0777 would make the file
	// unreadable even to its owner); set it whole.
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(name)
	}
	return err
}
