package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// releaseGOOS are the systems the release builds for (.goreleaser.yaml's
// goos; the test checks that the two agree). A module compiled in for one of
// them only, such as mousetrap on Windows, is in the binary of that archive,
// so the one copyright file covers them all.
var releaseGOOS = []string{"linux", "darwin", "windows"}

// module is a Go module compiled into the iopfit binary.
type module struct {
	Path, Version, Dir string
}

// writeCopyright writes the Debian machine-readable copyright file
// (copyright-format 1.0) for the iopfit binary: iopfit's own licence, then
// Go's runtime and every module compiled into the binary, each with its
// copyright lines and its licence. The binary is linked statically, so their
// notices travel with it; MIT and BSD licences ask for exactly that.
func writeCopyright(path string) error {
	text, err := copyrightFile()
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

func copyrightFile() (string, error) {
	mods, err := linkedModules()
	if err != nil {
		return "", err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return "", err
	}
	goVersion, err := goEnv("GOVERSION")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(copyrightHeader)
	std := module{Path: "std", Version: goVersion, Dir: goroot}
	for _, m := range append([]module{std}, mods...) {
		p, err := moduleParagraph(m)
		if err != nil {
			return "", fmt.Errorf("%s: %w", m.Path, err)
		}
		b.WriteString("\n" + p)
	}
	b.WriteString("\n" + apacheParagraph)
	return b.String(), nil
}

// copyrightHeader is the header paragraph and iopfit's own files paragraph.
const copyrightHeader = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: iopfit
Upstream-Contact: https://github.com/iopfit/iopfit/issues
Source: https://github.com/iopfit/iopfit
Comment: This file covers the iopfit binary: iopfit's own code, then Go's
 runtime and standard library and each Go module compiled into the binary
 (named by its module path), with the licence each one carries.

Files: *
Copyright: 2026 The iopfit authors
License: Apache-2.0
`

// apacheParagraph is the Apache-2.0 licence paragraph that the files
// paragraphs refer to. Debian keeps the full text in common-licenses, and
// lintian asks that a copyright file point there rather than repeat it.
const apacheParagraph = `License: Apache-2.0
 Licensed under the Apache License, Version 2.0 (the "License");
 you may not use this file except in compliance with the License.
 You may obtain a copy of the License at
 .
     http://www.apache.org/licenses/LICENSE-2.0
 .
 Unless required by applicable law or agreed to in writing, software
 distributed under the License is distributed on an "AS IS" BASIS,
 WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 See the License for the specific language governing permissions and
 limitations under the License.
 .
 On Debian systems, the full text of the Apache License, Version 2.0 is in
 /usr/share/common-licenses/Apache-2.0. The RPM package holds it in
 /usr/share/licenses/iopfit/LICENSE, and the archives as LICENSE.
`

// linkedModules lists the modules compiled into iopfit on any release
// system, sorted by path, iopfit itself left out.
func linkedModules() ([]module, error) {
	seen := map[string]module{}
	for _, goos := range releaseGOOS {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", "github.com/iopfit/iopfit/cmd/iopfit")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=0")
		out, err := output(cmd)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			if f[2] == "" {
				return nil, fmt.Errorf("module %s is not downloaded; run go mod download", f[0])
			}
			seen[f[0]] = module{Path: f[0], Version: f[1], Dir: f[2]}
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

func goEnv(key string) (string, error) {
	out, err := output(exec.Command("go", "env", key))
	return strings.TrimSpace(out), err
}

// output runs cmd and returns its stdout, or an error with its stderr.
func output(cmd *exec.Cmd) (string, error) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w: %s", strings.Join(cmd.Args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// moduleParagraph is the files paragraph of one module: its copyright lines,
// and its licence by name, with the text as the module ships it (Apache-2.0,
// whose full text Debian has, by name alone), and its NOTICE, which
// Apache-2.0 asks to be passed on.
func moduleParagraph(m module) (string, error) {
	text, err := licenseText(m.Dir)
	if err != nil {
		return "", err
	}
	id, err := licenseID(text)
	if err != nil {
		return "", err
	}
	notice, _ := os.ReadFile(filepath.Join(m.Dir, "NOTICE"))
	holders := copyrightLines(text + "\n" + string(notice))
	if len(holders) == 0 {
		holders = []string{"the authors of " + m.Path}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Files: %s/*\n", m.Path)
	fmt.Fprintf(&b, "Copyright: %s\n", strings.Join(holders, "\n "))
	b.WriteString("License: " + id + "\n")
	if id != "Apache-2.0" {
		b.WriteString(continuation(text))
	}
	what := "The Go module " + m.Path + " " + m.Version
	if m.Path == "std" {
		what = "Go's runtime and standard library, " + m.Version + ","
	}
	b.WriteString("Comment: " + what + " compiled into the iopfit binary.\n")
	if len(notice) > 0 {
		b.WriteString(" Its NOTICE file says:\n .\n" + continuation(string(notice)))
	}
	return b.String(), nil
}

// licenseText reads the licence file at the root of a module.
func licenseText(dir string) (string, error) {
	for _, name := range []string{"LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			return string(b), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	return "", errors.New("no LICENSE file at the module's root")
}

// licenseID names a licence by its SPDX identifier, from the words that set
// each licence apart. A licence it does not know stops the release: someone
// must read it before iopfit ships under it.
func licenseID(text string) (string, error) {
	has := func(s string) bool { return strings.Contains(strings.Join(strings.Fields(text), " "), s) }
	mit := has("Permission is hereby granted, free of charge")
	switch {
	case mit && has("Licensed under the Apache License, Version 2.0"):
		return "Apache-2.0 and MIT", nil
	case strings.HasPrefix(strings.TrimSpace(text), "Apache License") && has("Version 2.0, January 2004"):
		return "Apache-2.0", nil
	case mit:
		return "MIT", nil
	case has("Redistribution and use in source and binary forms") && has("Neither the name"):
		return "BSD-3-Clause", nil
	case has("Redistribution and use in source and binary forms"):
		return "BSD-2-Clause", nil
	}
	return "", errors.New("its licence is none that tools/docs knows; read it, and name it in licenseID")
}

// copyrightRE finds a copyright statement: the word, an optional (c) or ©,
// then a year. The Apache licence's own template ("Copyright [yyyy]") and
// its sentences about copyright have no year there.
var copyrightRE = regexp.MustCompile(`(?i)^\s*copyright\s+(?:\(c\)\s*|©\s*)?(\d{4}.*)$`)

// copyrightLines are a licence's copyright statements, without the word
// Copyright and "All rights reserved.", each once.
func copyrightLines(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		m := copyrightRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), "All rights reserved."))
		if !slices.Contains(lines, s) {
			lines = append(lines, s)
		}
	}
	return lines
}

// continuation writes text as the continuation lines of a field: each line
// after one space, and an empty line as " .".
func continuation(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			l = "."
		}
		b.WriteString(" " + l + "\n")
	}
	return b.String()
}
