package cli

import (
	"context"
	"path/filepath"
	"time"

	"github.com/iopfit/iopfit/internal/load"
)

// zoneDirs are where Go's time package looks for a zone that TZ names by a
// relative name, in its order (time/zoneinfo_unix.go).
var zoneDirs = []string{"/usr/share/zoneinfo", "/usr/share/lib/zoneinfo", "/usr/lib/locale/TZ", "/etc/zoneinfo"}

// zoneWait is how long reading a zone file may take: one on a stalled
// network mount is not waited for.
const zoneWait = time.Second

// localZone is the time zone that TZ names, found as Go's time package finds
// it: unset, /etc/localtime; empty or UTC, UTC; an absolute path, with or
// without a leading colon, that file; any other name, that file under
// zoneDirs. Go's own reading opens the file with a blocking open and reads
// it whatever it is, so a TZ naming a FIFO hangs the first use of local
// time, and TZ=/dev/tty reads the person's typing. Here the file is read as
// every file iopfit reads: a regular file only, opened without blocking,
// bounded in size and time. Anything wrong with it means UTC: the zone only
// names the day a result was made.
func localZone(lookup func(string) (string, bool)) *time.Location {
	tz, set := lookup("TZ")
	var paths []string
	switch {
	case !set:
		paths = []string{"/etc/localtime"}
	case len(tz) > 0 && tz[0] == ':':
		tz = tz[1:]
	}
	switch {
	case !set:
	case tz == "" || tz == "UTC":
		return time.UTC
	case filepath.IsAbs(tz):
		paths = []string{tz}
	default:
		for _, d := range zoneDirs {
			paths = append(paths, filepath.Join(d, tz))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), zoneWait)
	defer cancel()
	for _, p := range paths {
		data, err := load.Read(ctx, load.RegularFile(p), load.KindZone)
		if err != nil {
			continue
		}
		if loc, err := time.LoadLocationFromTZData("Local", data); err == nil {
			return loc
		}
	}
	return time.UTC
}
