package terminfo

import (
	"fmt"
	"path/filepath"
	"strings"
)

// SystemDirs are the directories ncurses searches last, as Debian and most
// Linux systems build it.
var SystemDirs = []string{"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"}

// Paths lists the files that may hold the entry for the terminal type term,
// in the order ncurses searches them (terminfo(5), "Fetching Compiled
// Descriptions"): $TERMINFO, $HOME/.terminfo, each directory of
// $TERMINFO_DIRS, then SystemDirs. An empty entry in $TERMINFO_DIRS stands
// for the system directories, never for the current one; a relative
// directory is left out for the same reason, since it would read whatever
// folder iopfit was started in. Each directory is looked at in both of its
// layouts: x/xterm and, for file systems that ignore case, 78/xterm. A
// directory listed twice is looked at once.
//
// A term that is empty, has a path separator in it or starts with a dot
// would name a file outside the database, and has no paths.
func Paths(term string, getenv func(string) string) []string {
	if term == "" || strings.ContainsAny(term, "/\\\x00") || strings.HasPrefix(term, ".") {
		return nil
	}
	var dirs []string
	if d := getenv("TERMINFO"); d != "" {
		dirs = append(dirs, d)
	}
	if h := getenv("HOME"); h != "" {
		dirs = append(dirs, filepath.Join(h, ".terminfo"))
	}
	if list := getenv("TERMINFO_DIRS"); list != "" {
		for _, d := range strings.Split(list, ":") {
			if d == "" {
				dirs = append(dirs, SystemDirs...)
				continue
			}
			dirs = append(dirs, d)
		}
	}
	dirs = append(dirs, SystemDirs...)

	var paths []string
	seen := map[string]bool{} // a map: the variable can list thousands
	for _, d := range dirs {
		d = filepath.Clean(d)
		if !filepath.IsAbs(d) || seen[d] {
			continue
		}
		seen[d] = true
		paths = append(paths,
			filepath.Join(d, term[:1], term),
			filepath.Join(d, fmt.Sprintf("%02x", term[0]), term))
	}
	return paths
}
