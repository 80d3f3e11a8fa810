//go:build unix && !linux

package cli

import "os"

// platformStopSignals: the other Unix systems have none beyond the common
// list.
func platformStopSignals() []os.Signal { return nil }
