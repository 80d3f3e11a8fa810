package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maintainer is the packages' maintainer, as .goreleaser.yaml names it.
const maintainer = "The iopfit authors <iopfit@users.noreply.github.com>"

// writeDebianFiles writes what the .deb carries for Debian's tools alone:
// the changelog that every package with a /usr/share/doc directory must have
// (lintian's no-changelog), and the package's lintian overrides.
func writeDebianFiles(out, version, date string) error {
	when, err := time.Parse(time.RFC3339, date)
	if err != nil {
		return fmt.Errorf("-date %q: %w", date, err)
	}
	if err := writeGzip(filepath.Join(out, "changelog.gz"), debianChangelog(version, when)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "lintian-overrides"), []byte(lintianOverrides), 0o644)
}

// debianChangelog is a one-entry changelog in Debian's format for version,
// made on date; the release notes list what changed. The package's version
// is the one nfpm writes, with a pre-release after "~" (0.0.1~snapshot), so
// that it sorts before the release itself.
func debianChangelog(version string, date time.Time) string {
	debVersion := strings.Replace(version, "-", "~", 1)
	return fmt.Sprintf(`iopfit (%s) unstable; urgency=medium

  * iopfit %s. What changed is in the release notes:
    https://github.com/iopfit/iopfit/releases

 -- %s  %s
`, debVersion, version, maintainer, date.UTC().Format(time.RFC1123Z))
}

// lintianOverrides answers the one lintian error that is a choice, not a
// mistake.
const lintianOverrides = `# iopfit is a Go program built with CGO_ENABLED=0 on purpose: a static
# binary runs on any Linux and starts faster. lintian exempts Go binaries
# only when it can see a source package that build-depends on golang-go.
iopfit: statically-linked-binary [usr/bin/iopfit]
`
