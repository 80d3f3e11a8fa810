package cli

import (
	"runtime"
	"runtime/debug"
)

// BuildInfo identifies the binary. Release builds set it through ldflags in
// package main; other builds fall back to what the Go toolchain recorded.
type BuildInfo struct {
	Version string
	Commit  string
}

var readBuildInfo = debug.ReadBuildInfo

// versionLine is "iopfit <version> (<commit>, <go version>)".
func versionLine(b BuildInfo, read func() (*debug.BuildInfo, bool)) string {
	version, commit := b.Version, b.Commit
	if commit == "none" {
		commit = "" // goreleaser's word when it could not read the commit
	}
	if bi, ok := read(); ok {
		if version == "" && bi.Main.Version != "" {
			version = bi.Main.Version // "v1.2.3" after go install, "(devel)" in a checkout
		}
		if commit == "" {
			commit = vcsRevision(bi)
		}
	}
	if version == "" {
		version = "(devel)"
	}
	if commit == "" {
		commit = "unknown commit"
	}
	return "iopfit " + version + " (" + commit + ", " + runtime.Version() + ")"
}

func vcsRevision(bi *debug.BuildInfo) string {
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return ""
	}
	return rev + dirty
}
