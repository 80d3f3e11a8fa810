package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/iopfit/iopfit/internal/cli"
	"github.com/iopfit/iopfit/internal/wrap"
)

// The pages are iopfit's own roff rather than cobra/doc's, which a packager
// would not accept: every page's header said IOPFIT(1), boolean flags read
// --quiet[=false], arguments had no names (--stable-home=), and a long web
// address made man warn "cannot adjust line".

// manDate is the date in every page's header: fixed, so that the pages are
// the same from build to build.
const manDate = "2026-11-01"

// manSection is a section of a page that cobra's commands do not describe:
// a heading, then paragraphs, tagged paragraphs, or a block of examples.
type manSection struct {
	title    string
	paras    []string
	items    []manItem
	after    []string
	examples []string
}

// manItem is a tagged paragraph: the tag in bold, the text indented below.
type manItem struct{ tag, text string }

// manPages renders the page of root and of each of its commands a person can
// run, by file name (iopfit-check.1). extra holds the sections root's page
// adds to what cobra knows.
func manPages(root *cobra.Command, extra []manSection) map[string]string {
	pages := map[string]string{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		var add []manSection
		if c == root {
			add = extra
		}
		pages[pageName(c)+".1"] = manPage(c, add)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub)
			}
		}
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk(root)
	return pages
}

// pageName is the page a command is documented on: iopfit-completion-bash.
func pageName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "-")
}

// manPage renders one command's page. Its sections come in the order
// man-pages(7) gives them: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, then the
// extra sections (EXIT STATUS, ENVIRONMENT, FILES, NOTES), EXAMPLES and
// SEE ALSO.
func manPage(c *cobra.Command, extra []manSection) string {
	var w roffWriter
	name := pageName(c)
	w.request("TH", strings.ToUpper(name), "1", manDate, "iopfit", "iopfit manual")
	// Words are never hyphenated, nor lines stretched to the right margin:
	// a flag or a phone number must read as it is typed.
	w.request("nh")
	w.request("ad", "l")

	w.request("SH", "NAME")
	w.line(esc(name) + ` \- ` + esc(c.Short))

	w.request("SH", "SYNOPSIS")
	var synopsis []string
	if c.Runnable() {
		synopsis = append(synopsis, bold(c.CommandPath())+" ["+italic("options")+"]")
	}
	if c.HasAvailableSubCommands() {
		synopsis = append(synopsis, bold(c.CommandPath())+" "+italic("command")+" ["+italic("options")+"]")
	}
	for i, s := range synopsis {
		if i > 0 {
			w.request("br")
		}
		w.line(s)
	}

	w.request("SH", "DESCRIPTION")
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	w.paras(desc)

	if fs := c.NonInheritedFlags(); fs.HasAvailableFlags() {
		w.request("SH", "OPTIONS")
		w.flags(fs)
	}
	if fs := c.InheritedFlags(); fs.HasAvailableFlags() {
		w.request("SH", "GLOBAL OPTIONS")
		w.flags(fs)
	}
	if c.HasAvailableSubCommands() {
		w.request("SH", "COMMANDS")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				w.item(bold(sub.Name()), esc(sub.Short)+"; see "+pageRef(sub)+".")
			}
		}
	}
	for _, s := range extra {
		w.section(s)
	}
	if c.Example != "" {
		w.section(manSection{title: "EXAMPLES", examples: strings.Split(c.Example, "\n")})
	}

	var also []string
	if c.HasParent() {
		also = append(also, pageRef(c.Parent()))
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			also = append(also, pageRef(sub))
		}
	}
	if len(also) > 0 {
		w.request("SH", "SEE ALSO")
		w.line(strings.Join(also, ", "))
	}
	return w.b.String()
}

// pageRef names c's page as SEE ALSO does: iopfit-check(1), in bold.
func pageRef(c *cobra.Command) string { return bold(pageName(c)) + "(1)" }

// roffWriter writes roff source: requests, and text lines that can never be
// taken for one.
type roffWriter struct{ b strings.Builder }

// request writes a request or macro such as .SH. An argument with a space
// is quoted; one without is not, since a request such as .ad takes no
// quotes.
func (w *roffWriter) request(name string, args ...string) {
	w.b.WriteString("." + name)
	for _, a := range args {
		a = strings.ReplaceAll(esc(a), `"`, `\(dq`)
		if a == "" || strings.Contains(a, " ") {
			a = `"` + a + `"`
		}
		w.b.WriteString(" " + a)
	}
	w.b.WriteString("\n")
}

// line writes a line of text that is already roff (escaped, with fonts).
func (w *roffWriter) line(s string) {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	w.b.WriteString(s + "\n")
}

// paras writes plain text, a paragraph per blank line. A paragraph whose
// lines are all indented is a command to type, shown as it is.
func (w *roffWriter) paras(text string) {
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		lines := strings.Split(p, "\n")
		if !slices.ContainsFunc(lines, func(l string) bool { return !strings.HasPrefix(l, "  ") }) {
			w.examples(lines)
			continue
		}
		w.request("PP")
		w.text(p)
	}
}

// text writes plain text to be filled. A web address never breaks, since
// half of one leads nowhere: it stands on a line of its own, unfilled,
// where a long one may run past the margin rather than be cut or make man
// warn that it cannot fit the line.
func (w *roffWriter) text(s string) {
	var words []string
	flush := func() {
		if len(words) > 0 {
			w.line(esc(strings.Join(words, " ")))
			words = nil
		}
	}
	for _, word := range strings.Fields(s) {
		if wrap.IsAddress(word) {
			flush()
			w.request("br")
			w.request("nf")
			w.line(esc(word))
			w.request("fi")
			continue
		}
		words = append(words, word)
	}
	flush()
}

// item writes a tagged paragraph; tag and text are roff already.
func (w *roffWriter) item(tag, text string) {
	w.request("TP")
	w.line(tag)
	w.line(text)
}

// examples writes lines as they are typed, unfilled and indented.
func (w *roffWriter) examples(lines []string) {
	w.request("PP")
	w.request("RS", "4")
	w.request("nf")
	for _, l := range lines {
		w.line(esc(strings.TrimPrefix(l, "  ")))
	}
	w.request("fi")
	w.request("RE")
}

// section writes one of the sections cobra does not describe.
func (w *roffWriter) section(s manSection) {
	w.request("SH", s.title)
	for _, p := range s.paras {
		w.request("PP")
		w.text(p)
	}
	for _, it := range s.items {
		w.request("TP")
		w.line(bold(it.tag))
		w.text(it.text)
	}
	for _, p := range s.after {
		w.request("PP")
		w.text(p)
	}
	if len(s.examples) > 0 {
		w.examples(s.examples)
	}
}

// flags writes each flag of fs as pflag's help does, with its argument
// named: -o, --output FORMAT.
func (w *roffWriter) flags(fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		tag := bold("--" + f.Name)
		if f.Shorthand != "" {
			tag = bold("-"+f.Shorthand) + ", " + tag
		}
		if arg := cli.FlagArg(f); arg != "" {
			tag += " " + italic(arg)
		}
		usage := f.Usage
		if f.DefValue != "" && cli.FlagArg(f) != "" {
			usage += fmt.Sprintf(" (default: %s)", f.DefValue)
		}
		w.request("TP")
		w.line(tag)
		w.text(usage)
	})
}

func bold(s string) string   { return `\fB` + esc(s) + `\fR` }
func italic(s string) string { return `\fI` + esc(s) + `\fR` }

// esc makes plain text roff: a backslash, which starts every escape; a
// hyphen, which roff would print as a typographic one, so that a flag copied
// from the page would not work; quotes, which roff would curl; and anything
// outside ASCII, named by its code point so that no input encoding is
// assumed.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r == '\'':
			b.WriteString(`\(aq`)
		case r == '`':
			b.WriteString(`\(ga`)
		case r > '~':
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
