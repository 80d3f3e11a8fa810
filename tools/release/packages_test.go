package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var dist = flag.String("dist", "", "the dist/ directory that make release-snapshot filled; the built packages are checked only when it is given")

// TestBuiltPackages looks inside what make release-snapshot built, which
// make test does not build: the amd64 .deb holds the copyright file, the
// gzipped man pages, the README and a changelog, and lintian (where it is
// installed) reports no error and no warning but the one it cannot know.
func TestBuiltPackages(t *testing.T) {
	if *dist == "" {
		t.Skip("no -dist: make release-snapshot runs this test on the packages it built")
	}
	debs, _ := filepath.Glob(filepath.Join(*dist, "iopfit_*_linux_amd64.deb"))
	if len(debs) != 1 {
		t.Fatalf("%d amd64 .deb files in %s, want 1", len(debs), *dist)
	}
	files, err := debFiles(debs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"./usr/bin/iopfit",
		"./usr/share/doc/iopfit/copyright",
		"./usr/share/doc/iopfit/README.md",
		"./usr/share/doc/iopfit/docs/using.md",
		"./usr/share/doc/iopfit/docs/scripting-and-clinics.md",
		"./usr/share/doc/iopfit/changelog.gz",
		"./usr/share/man/man1/iopfit.1.gz",
		"./usr/share/man/man1/iopfit-check.1.gz",
		"./usr/share/bash-completion/completions/iopfit",
		"./usr/share/lintian/overrides/iopfit",
	} {
		if !slices.Contains(files, want) {
			t.Errorf("%s lacks %s; it holds %v", filepath.Base(debs[0]), want, files)
		}
	}
	for _, f := range files {
		if strings.HasPrefix(f, "./usr/share/man/") && strings.HasSuffix(f, ".1") {
			t.Errorf("%s: %s is not gzipped", filepath.Base(debs[0]), f)
		}
	}

	lintian, err := exec.LookPath("lintian")
	if err != nil {
		t.Log("lintian is not installed; the .deb's contents were checked above")
		return
	}
	out, err := exec.Command(lintian, "--pedantic", debs[0]).CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "E: "):
			t.Errorf("lintian: %s", line)
		case strings.HasPrefix(line, "W: ") && !strings.Contains(line, "unknown-field Architecture-Variant"):
			// nfpm writes Architecture-Variant for Debian's amd64
			// ISA levels, a field newer than this lintian.
			t.Errorf("lintian: %s", line)
		}
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("lintian: %v\n%s", err, out)
	}
}

// debFiles lists the files of a .deb: an ar archive whose data.tar.gz holds
// them.
func debFiles(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(b, []byte("!<arch>\n"))
	if !ok {
		return nil, errors.New(path + " is not an ar archive")
	}
	for len(rest) >= 60 {
		name := strings.TrimRight(string(rest[:16]), " /")
		size, err := strconv.Atoi(strings.TrimSpace(string(rest[48:58])))
		if err != nil || 60+size > len(rest) {
			return nil, errors.New(path + ": a broken ar member header")
		}
		data := rest[60 : 60+size]
		rest = rest[60+size+size%2:]
		if name != "data.tar.gz" {
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		var files []string
		tr := tar.NewReader(zr)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				return files, nil
			}
			if err != nil {
				return nil, err
			}
			if h.Typeflag == tar.TypeReg {
				files = append(files, h.Name)
			}
		}
	}
	return nil, errors.New(path + " has no data.tar.gz")
}
