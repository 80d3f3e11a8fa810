// Command docs writes what iopfit's archives and packages carry beside the
// binary: its man pages (iopfit(1) and a page for each subcommand, gzipped),
// its bash, zsh and fish completions, and the Debian copyright file of the
// binary and every module it links. `make man` and the release run it.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/cli"
)

func main() {
	out := flag.String("out", "build", "directory to write man/, completions/ and copyright into")
	version := flag.String("version", "", "the release's version; with -date, also write the Debian changelog")
	date := flag.String("date", "", "the release commit's date (RFC 3339), for the Debian changelog")
	flag.Parse()
	err := run(*out)
	if err == nil && *version != "" {
		err = writeDebianFiles(*out, *version, *date)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docs:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	root, set, err := cli.DocCommand()
	if err != nil {
		return fmt.Errorf("reading the built-in question set: %w", err)
	}
	manDir := filepath.Join(out, "man")
	if err := os.MkdirAll(manDir, 0o755); err != nil {
		return err
	}
	for name, page := range manPages(root, append(rootSections, notes(set), rootExamples)) {
		if err := writeGzip(filepath.Join(manDir, name+".gz"), page); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := completions(root, filepath.Join(out, "completions")); err != nil {
		return err
	}
	return writeCopyright(filepath.Join(out, "copyright"))
}

// writeGzip writes text gzipped at the best compression, as Debian wants man
// pages, and with no name or time in the header, so that the same page
// always gives the same bytes.
func writeGzip(path, text string) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte(text)); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func completions(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, gen := range map[string]func(*bytes.Buffer) error{
		"iopfit.bash": func(b *bytes.Buffer) error { return cli.BashCompletion(root, b, true) },
		"iopfit.zsh":  func(b *bytes.Buffer) error { return root.GenZshCompletion(b) },
		"iopfit.fish": func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) },
	} {
		var b bytes.Buffer
		if err := gen(&b); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// rootSections are the parts of iopfit(1) that cobra's commands do not
// describe.
var rootSections = []manSection{
	{title: "EXIT STATUS", items: []manItem{
		{"0", "A result was printed, whatever it recommends."},
		{"1", "An internal error (with a request for a bug report), or the result could not be written, for example to a full disk."},
		{"2", "A usage or input error: a bad flag or value, a missing answer when no one can be asked, or a broken answers or question file."},
		{"130", "The person stopped it with Ctrl-C or Esc. One line says nothing was saved."},
		{"128+N", "Ended by signal N: 143 for SIGTERM, 129 for SIGHUP, 141 for a closed pipe. The terminal is restored and nothing more is printed."},
	}},
	{title: "ENVIRONMENT", items: []manItem{
		{"IOPFIT_QUESTIONS", "A question file to use instead of the built-in one; --questions wins over it."},
		{"LC_ALL, LC_MESSAGES, LANG", "The first one set chooses the language: Spanish when it starts with \"es\", English otherwise. --lang wins over them."},
		{"ACCESSIBLE", "Set to 1, true, yes or on, it asks with plain numbered prompts, as --accessible does."},
		{"NO_COLOR", "Set to anything, the result has no colour or bold. Web addresses stay links in a terminal: a link is not a colour, and the text reads the same without one."},
		{"TERM", "With TERM=dumb (or no TERM), iopfit writes no escape code at all: the questions are plain prompts, and the result has no style and no links."},
	}},
	{title: "FILES", items: []manItem{
		{"questions.yaml, questions.es.yaml", "The built-in question set and its Spanish translation are compiled into the binary. A file given with --questions or IOPFIT_QUESTIONS replaces them; its translation, if any, is the file beside it with the language before the extension (questions.es.yaml). The words for someone else (check --for someone) are the file beside it with .someone before the extension (questions.someone.yaml, questions.someone.es.yaml). docs/editing-questions.md describes their keys; a package installs it as /usr/share/doc/iopfit/docs/editing-questions.md, beside the README (/usr/share/doc/iopfit/README.md), and the project's page shows them: https://github.com/iopfit/iopfit"},
	}, after: []string{
		"iopfit stores nothing and sends nothing: your answers exist only in memory while it runs. It writes one file only when you ask it to: choosing Show and save my result at the end of the form keeps the handout, as markdown, in a new file in the current folder (iopfit-YYYY-MM-DD.md, or -2, -3 and on), readable by you alone (mode 0600), never over another file.",
	}},
}

// rootExamples ends iopfit(1), after NOTES, as man-pages(7) orders them.
var rootExamples = manSection{title: "EXAMPLES", examples: []string{
	"iopfit check",
	"iopfit check --lang es",
	"iopfit check --stable-home yes --manageable-needs yes --can-commit yes --responsibilities no",
	"iopfit check --answers answers.yaml -o json",
	"iopfit check --answers - -q < answers.yaml",
	`printf '1\n1\n2\n1\n' | iopfit check --accessible`,
	"iopfit check --full",
	"(umask 077; iopfit check -o markdown > my-iop-check.md)",
	"iopfit questions -o json",
}}

// notes is the NOTES section: the question set's disclaimer, where to get
// help and the sources of its facts, from the set itself, so that the man
// page never says a phone number the set does not.
func notes(set *assess.Set) manSection {
	s := manSection{title: "NOTES", paras: []string{set.Disclaimer, set.Labels.Get("resources")}}
	for _, r := range set.Resources {
		s.items = append(s.items, manItem{r.Name, r.Contact})
	}
	if len(set.Sources) > 0 {
		s.after = append(s.after, set.Labels.Get("sources"))
		for _, src := range set.Sources {
			line := src.Name + ", checked " + src.Checked
			if src.URL != "" {
				line += ": " + src.URL
			}
			s.after = append(s.after, line)
		}
	}
	return s
}
