// Command docs writes iopfit's man pages (iopfit(1) and a page for each
// subcommand) and its bash, zsh and fish completions, for `make man` and the
// release packages.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/cli"
)

func main() {
	out := flag.String("out", "build", "directory to write man/ and completions/ into")
	flag.Parse()
	if err := run(*out); err != nil {
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
	// A fixed date keeps the pages the same from build to build.
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	header := &doc.GenManHeader{Title: "IOPFIT", Section: "1", Source: "iopfit", Manual: "iopfit manual", Date: &date}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return fmt.Errorf("writing man pages: %w", err)
	}
	page := filepath.Join(manDir, "iopfit.1")
	f, err := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(extraSections + notes(set)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return completions(root, filepath.Join(out, "completions"))
}

func completions(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, gen := range map[string]func(*bytes.Buffer) error{
		"iopfit.bash": func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) },
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

// extraSections are the parts of iopfit(1) that cobra does not generate.
const extraSections = `.SH EXIT STATUS
.TP
.B 0
A result was printed, whatever it recommends.
.TP
.B 1
An internal error (with a request for a bug report), or the result could not be written, for example to a full disk.
.TP
.B 2
A usage or input error: a bad flag or value, a missing answer when no one can be asked, or a broken answers or question file.
.TP
.B 130
The person stopped it with Ctrl-C or Esc. One line says nothing was saved.
.TP
.B 128+N
Ended by signal N: 143 for SIGTERM, 129 for SIGHUP, 141 for a closed pipe. The terminal is restored and nothing more is printed.
.SH ENVIRONMENT
.TP
.B IOPFIT_QUESTIONS
A question file to use instead of the built-in one; --questions wins over it.
.TP
.B LC_ALL, LC_MESSAGES, LANG
The first one set chooses the language: Spanish when it starts with "es", English otherwise. --lang wins over them.
.TP
.B ACCESSIBLE
Set to 1, true, yes or on, it asks with plain numbered prompts, as --accessible does.
.TP
.B NO_COLOR
Set to anything, the result has no colour or bold.
.SH FILES
.TP
.I questions.yaml, questions.es.yaml
The built-in question set and its Spanish translation are compiled into the binary. A file given with --questions or IOPFIT_QUESTIONS replaces them; its translation, if any, is the file beside it with the language before the extension (questions.es.yaml). See the README for their keys.
.PP
iopfit writes no file and stores nothing: your answers exist only in memory while it runs.
.SH EXAMPLES
.nf
iopfit check
iopfit check --lang es
iopfit check --stable-home yes --manageable-needs yes --can-commit yes --responsibilities no
iopfit check --answers answers.yaml -o json
iopfit check --answers - -q < answers.yaml
printf '1\en1\en2\en1\en' | iopfit check --accessible
iopfit questions -o json
.fi
`

// notes is the NOTES section: the question set's disclaimer, where to get
// help and the sources of its facts, from the set itself, so that the man page never says a phone number
// the set does not.
func notes(set *assess.Set) string {
	var b strings.Builder
	b.WriteString(".SH NOTES\n" + roff(set.Disclaimer) + "\n")
	b.WriteString(".PP\n" + roff(set.Labels.Get("resources")) + "\n")
	for _, r := range set.Resources {
		b.WriteString(".TP\n.B " + roff(r.Name) + "\n" + roff(r.Contact) + "\n")
	}
	if len(set.Sources) > 0 {
		b.WriteString(".PP\n" + roff(set.Labels.Get("sources")) + "\n")
		for _, src := range set.Sources {
			line := src.Name + ", " + src.Checked
			if src.URL != "" {
				line += ": " + src.URL
			}
			b.WriteString(".IP \\(bu 2\n" + roff(line) + "\n")
		}
	}
	return b.String()
}

// roff escapes text for a man page: backslashes, and a period or quote that
// would start a line as a request.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
