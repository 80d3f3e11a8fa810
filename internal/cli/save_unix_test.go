//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSavedFileIsPrivateWhateverTheUmask: a kept result is readable and
// writable by its owner alone, whatever umask the person's shell has; a
// mode given to open alone is cut by the umask (0777 made it unreadable).
func TestSavedFileIsPrivateWhateverTheUmask(t *testing.T) {
	dir := t.TempDir()
	for _, mask := range []int{0o777, 0o277, 0o022, 0} {
		old := syscall.Umask(mask)
		name := filepath.Join(dir, "saved-"+string(rune('a'+mask%26)))
		err := saveNew(name, []byte("result"))
		syscall.Umask(old)
		if err != nil {
			t.Fatalf("umask %#o: %v", mask, err)
		}
		info, err := os.Stat(name)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("umask %#o: %v (%v), want -rw-------", mask, info.Mode(), err)
		}
	}
	if err := saveNew(filepath.Join(dir, "saved-a"), []byte("again")); !os.IsExist(err) {
		t.Errorf("saving over a file: %v, want it to exist already", err)
	}
}
