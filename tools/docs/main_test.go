package main

import (
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/cli"
)

// pageNames are the pages iopfit ships: iopfit(1) and one per command.
var pageNames = []string{
	"iopfit.1", "iopfit-check.1", "iopfit-questions.1", "iopfit-completion.1",
	"iopfit-completion-bash.1", "iopfit-completion-fish.1", "iopfit-completion-powershell.1", "iopfit-completion-zsh.1",
}

// build runs the tool once into a temporary directory and returns it.
func build(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if err := run(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// readPage reads a gzipped page from out/man.
func readPage(t *testing.T, out, name string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(out, "man", name+".gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s is not gzipped: %v", name, err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("%s.gz names %q or a time (%v): the same page must give the same bytes", name, zr.Name, zr.ModTime)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestManPages checks each page as a packager would: its own name in its
// header and NAME line, arguments named, no [=false], and iopfit(1)'s own
// sections, help lines and sources.
func TestManPages(t *testing.T) {
	out := build(t)
	entries, err := os.ReadDir(filepath.Join(out, "man"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, strings.TrimSuffix(e.Name(), ".gz"))
	}
	if want := slices.Sorted(slices.Values(pageNames)); !slices.Equal(got, want) {
		t.Fatalf("pages %v, want %v", got, want)
	}
	for _, name := range pageNames {
		page := readPage(t, out, name)
		title := strings.ReplaceAll(strings.ToUpper(strings.TrimSuffix(name, ".1")), "-", `\-`)
		if !strings.HasPrefix(page, `.TH `+title+` 1 `) {
			t.Errorf("%s: header %q, want the page's own name %s", name, strings.SplitN(page, "\n", 2)[0], title)
		}
		if !regexp.MustCompile(`(?m)^\.SH NAME\n` + regexp.QuoteMeta(esc(strings.TrimSuffix(name, ".1"))) + ` \\- \S`).MatchString(page) {
			t.Errorf("%s: no NAME line \"name \\- description\"", name)
		}
		for _, bad := range []string{"[=false]", "[=true]", `=""`, "\\fP=", "`"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s holds %q", name, bad)
			}
		}
	}

	check := readPage(t, out, "iopfit-check.1")
	for _, want := range []string{
		`\fB\-\-stable\-home\fR \fIANSWER\fR`,
		`\fB\-\-answers\fR \fIFILE\fR`,
		`\fB\-o\fR, \fB\-\-output\fR \fIFORMAT\fR`,
		`\fB\-q\fR, \fB\-\-quiet\fR` + "\n",
		".SH EXAMPLES",
		`.SH "GLOBAL OPTIONS"`,
		`\fBiopfit\fR(1)`,
	} {
		if !strings.Contains(check, want) {
			t.Errorf("iopfit-check.1 lacks %q", want)
		}
	}

	root := readPage(t, out, "iopfit.1")
	at := func(s string) int { return strings.Index(root, s) }
	order := []string{".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS", `.SH "EXIT STATUS"`, ".SH ENVIRONMENT", ".SH FILES", ".SH NOTES", ".SH EXAMPLES", `.SH "SEE ALSO"`}
	for i, s := range order {
		if at(s) < 0 || (i > 0 && at(s) < at(order[i-1])) {
			t.Errorf("iopfit.1: %s missing or out of man-pages(7)'s order", s)
		}
	}
	for _, want := range []string{"IOPFIT_QUESTIONS", "NO_COLOR", "/usr/share/doc/iopfit/README.md", `\fBiopfit\-check\fR(1)`} {
		if !strings.Contains(root, esc(want)) && !strings.Contains(root, want) {
			t.Errorf("iopfit.1 lacks %q", want)
		}
	}
	// The help lines and sources come from the question set, not from Go.
	_, set, err := cli.DocCommand()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Resources {
		if !strings.Contains(root, esc(r.Name)) {
			t.Errorf("iopfit.1 lacks the help line %q", r.Name)
		}
	}
	for _, src := range set.Sources {
		if !strings.Contains(root, esc(src.Name)) || (src.URL != "" && !strings.Contains(root, "\n"+esc(src.URL)+"\n")) {
			t.Errorf("iopfit.1 lacks the source %q, or its address on a line of its own", src.Name)
		}
	}

	for _, name := range []string{"iopfit.bash", "iopfit.zsh", "iopfit.fish"} {
		if fi, err := os.Stat(filepath.Join(out, "completions", name)); err != nil || fi.Size() < 100 {
			t.Errorf("completion %s missing or empty: %v", name, err)
		}
	}
}

// TestManPagesRenderCleanly renders every page with groff's warnings on, as
// a packager checks it (groff -ww -z -man) and as man draws it at 80
// columns: a page that makes troff warn (a line it cannot adjust or break,
// a bad escape) is one a packager sends back.
func TestManPagesRenderCleanly(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed (Debian: groff-base), so the pages are not rendered; TestManPages checked their source")
	}
	out := build(t)
	for _, name := range pageNames {
		page := readPage(t, out, name)
		for _, args := range [][]string{{"-ww", "-z", "-man"}, {"-ww", "-man", "-Tutf8", "-rLL=78n"}} {
			cmd := exec.Command(groff, args...)
			cmd.Stdin = strings.NewReader(page)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			rendered, err := cmd.Output()
			if err != nil || stderr.Len() > 0 {
				t.Errorf("%s: groff %s says %v\n%s", name, strings.Join(args, " "), err, stderr.String())
				continue
			}
			if name == "iopfit.1" && len(args) > 3 && !strings.Contains(string(rendered), "iopfit check --lang es") {
				t.Errorf("%s: the rendered page lacks its examples", name)
			}
		}
	}
	// man itself, where it is installed, as a reader runs it.
	man, err := exec.LookPath("man")
	if err != nil {
		return
	}
	cmd := exec.Command(man, "-l", filepath.Join(out, "man", "iopfit.1.gz"))
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	rendered, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("man -l: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{"IOPFIT(1)", "EXIT STATUS", "--lang LANG", "iopfit check --lang es"} {
		if !strings.Contains(string(rendered), want) {
			t.Errorf("man -l output lacks %q", want)
		}
	}
}

// TestCopyright checks the Debian copyright file: its format line, iopfit's
// licence, and a paragraph with a licence for Go and for every module
// compiled into the binary on any system the release builds for.
func TestCopyright(t *testing.T) {
	out := build(t)
	b, err := os.ReadFile(filepath.Join(out, "copyright"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n") {
		t.Errorf("copyright does not start with its Format line:\n%.200s", text)
	}
	if !strings.Contains(text, "\nFiles: *\nCopyright: 2026 The iopfit authors\nLicense: Apache-2.0\n") || !strings.Contains(text, "\nLicense: Apache-2.0\n Licensed under the Apache License") {
		t.Error("copyright lacks iopfit's own paragraph or the Apache-2.0 licence paragraph")
	}
	if strings.Contains(text, "TERMS AND CONDITIONS FOR USE") {
		t.Error("copyright repeats the full Apache-2.0 text, which lintian asks to find in /usr/share/common-licenses")
	}
	mods, err := linkedModules()
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) < 5 {
		t.Fatalf("only %d modules linked: %v", len(mods), mods)
	}
	for _, m := range append(mods, module{Path: "std"}) {
		re := regexp.MustCompile(`(?m)^Files: ` + regexp.QuoteMeta(m.Path) + `/\*\nCopyright: \S.*\n( \S.*\n)*License: (Apache-2\.0|MIT|BSD-[23]-Clause|Apache-2\.0 and MIT)\n`)
		if !re.MatchString(text) {
			t.Errorf("copyright has no paragraph, or no licence, for %s", m.Path)
		}
	}
	// Every paragraph is fields and continuation lines, and paragraphs are
	// one blank line apart.
	for i, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, " ") && !regexp.MustCompile(`^[A-Z][A-Za-z-]*: `).MatchString(l) {
			t.Errorf("copyright line %d is neither a field nor a continuation: %q", i+1, l)
		}
	}
}

// TestAgreesWithTheRelease holds the systems the copyright file covers to
// those .goreleaser.yaml builds for, and the changelog's maintainer to the
// packages'.
func TestAgreesWithTheRelease(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Builds []struct {
			GOOS []string `yaml:"goos"`
		} `yaml:"builds"`
		NFPMs []struct {
			Maintainer string `yaml:"maintainer"`
		} `yaml:"nfpms"`
	}
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	var goos []string
	for _, bd := range c.Builds {
		goos = append(goos, bd.GOOS...)
	}
	if !slices.Equal(slices.Sorted(slices.Values(goos)), slices.Sorted(slices.Values(releaseGOOS))) {
		t.Errorf("releaseGOOS = %v, .goreleaser.yaml builds for %v", releaseGOOS, goos)
	}
	if len(c.NFPMs) != 1 || c.NFPMs[0].Maintainer != maintainer {
		t.Errorf("the changelog's maintainer is %q, the packages' %+v", maintainer, c.NFPMs)
	}
}

func TestLicenseID(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"Permission is hereby granted, free of charge, to any person", "MIT"},
		{"Redistribution and use in source and binary forms ... * Neither the name of", "BSD-3-Clause"},
		{"Redistribution and use in source and binary forms, with or without", "BSD-2-Clause"},
		{"                                 Apache License\n                           Version 2.0, January 2004", "Apache-2.0"},
		{"Permission is hereby granted, free of charge ... Licensed under the Apache License, Version 2.0", "Apache-2.0 and MIT"},
	} {
		if got, err := licenseID(c.file); got != c.want || err != nil {
			t.Errorf("licenseID(%.30q) = %q, %v; want %q", c.file, got, err, c.want)
		}
	}
	if _, err := licenseID("GNU GENERAL PUBLIC LICENSE Version 3"); err == nil {
		t.Error("a licence nobody has read passed")
	}
	got := copyrightLines("Copyright (c) 2012 Alex Ogier. All rights reserved.\nCopyright 2009 The Go Authors.\n  Copyright [yyyy] [name of copyright owner]\nthe copyright owner that is granting\nCopyright (c) 2012 Alex Ogier. All rights reserved.")
	if want := []string{"2012 Alex Ogier.", "2009 The Go Authors."}; !slices.Equal(got, want) {
		t.Errorf("copyrightLines = %q, want %q", got, want)
	}
}

// TestDebianFiles: the changelog names the version as the .deb does (a
// pre-release after "~") and the commit's date in Debian's form, and the
// overrides silence only the static-binary error.
func TestDebianFiles(t *testing.T) {
	out := t.TempDir()
	if err := writeDebianFiles(out, "1.2.0-rc.1", "2026-12-01T20:08:00Z"); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(out, "changelog.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	changelog := string(b)
	if !strings.HasPrefix(changelog, "iopfit (1.2.0~rc.1) unstable; urgency=medium\n\n  * ") ||
		!strings.HasSuffix(changelog, "\n -- "+maintainer+"  Tue, 01 Dec 2026 20:08:00 +0000\n") {
		t.Errorf("changelog:\n%s", changelog)
	}
	overrides, err := os.ReadFile(filepath.Join(out, "lintian-overrides"))
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, l := range strings.Split(string(overrides), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			tags = append(tags, l)
		}
	}
	if !slices.Equal(tags, []string{"iopfit: statically-linked-binary [usr/bin/iopfit]"}) {
		t.Errorf("overrides %q", tags)
	}
	if err := writeDebianFiles(out, "1.2.0", "yesterday"); err == nil {
		t.Error("a date that is not RFC 3339 passed")
	}
}
