package report

import (
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/ear"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/wrap"
)

// TextOptions says how text output may look on the device it goes to.
type TextOptions struct {
	// Color allows bold and colour. The caller turns it off for pipes and
	// NO_COLOR, and downsamples the colours to what the terminal supports.
	Color bool
	// Width wraps lines to this many columns; 0 leaves lines whole, which is
	// right for pipes and files, where the reader wraps.
	Width int
	// Height is the window's height, for the recap: it shrinks to fit.
	// 0 leaves it whole.
	Height int
	// Above is true when the whole result is on the screen above the
	// recap, which then says so.
	Above bool
	// Links makes each web address an OSC 8 hyperlink, which a terminal
	// opens on a click. The caller allows it only for a terminal, and never
	// one with TERM=dumb; a pipe or a file gets the address as plain text.
	Links bool
	// Ear writes for a person who listens (plain prompts): numbers to dial
	// as digits, addresses without https://, no bullets, and headings that
	// end with a colon, so that a screen reader says them as they are meant.
	Ear bool
}

// maxWidth keeps lines readable on very wide terminals.
const maxWidth = 100

// textWriter lays out paragraphs and bullets, wrapping and styling as told.
// Its one style is bold, and only when colour is on: the result sets no
// colour, since the terminal's own foreground is the one colour sure to read
// well on its background, light or dark, so it uses weight alone.
type textWriter struct {
	b      strings.Builder
	opts   TextOptions
	bullet string
}

// bold styles text that stands out: headings, the headline, a name.
func (t *textWriter) bold(text string) string {
	if !t.opts.Color {
		return text
	}
	return ansi.Style{}.Bold().Styled(text)
}

func (t *textWriter) width() int {
	if t.opts.Width <= 0 {
		return 0
	}
	return min(t.opts.Width, maxWidth)
}

// wrap wraps text to fit after an indent of n columns.
func (t *textWriter) wrap(text string, n int) []string {
	w := t.width()
	if w == 0 {
		return strings.Split(text, "\n")
	}
	return wrap.Words(text, max(w-n, 1))
}

// link makes each web address in a wrapped line a hyperlink, when links
// are on. Lines are linked after wrapping, so that an escape sequence is
// never split and a link never spans two lines.
func (t *textWriter) link(line string) string {
	if !t.opts.Links || !wrap.IsAddress(line) {
		return line
	}
	words := strings.Split(line, " ")
	for i, w := range words {
		if before, addr, after, ok := wrap.Address(w); ok && linkable(addr) {
			words[i] = before + ansi.SetHyperlink(addr) + addr + ansi.ResetHyperlink() + after
		}
	}
	return strings.Join(words, " ")
}

// linkable is true for an address OSC 8 can carry: printable ASCII only.
// Anything else is shown, unlinked, as written.
func linkable(addr string) bool {
	for i := 0; i < len(addr); i++ {
		if addr[i] <= ' ' || addr[i] > '~' {
			return false
		}
	}
	return true
}

// say is text as the reader takes it in: for the ear when it listens.
func (t *textWriter) say(text string) string {
	if t.opts.Ear {
		return ear.Text(text)
	}
	return text
}

// heading writes a section's heading; for the ear it ends with a colon, so
// that it is heard as a heading and not run into the first item.
func (t *textWriter) heading(text string) {
	if t.opts.Ear && !strings.HasSuffix(text, ":") {
		text += ":"
	}
	t.para(text, true)
}

// para writes a paragraph, in bold when strong, styled line by line so that
// wrapping never splits an escape sequence.
func (t *textWriter) para(text string, strong bool) {
	for _, line := range t.wrap(t.say(text), 0) {
		line = t.link(line)
		if strong {
			line = t.bold(line)
		}
		t.b.WriteString(line + "\n")
	}
}

// hanging writes text with a hanging indent: first prefixes the first line, and
// spaces of the same width the rest. lead, if not empty, starts the text and is
// shown in bold (a name, or an answer word).
func (t *textWriter) hanging(first, lead, text string) {
	full, lead := t.say(text), t.say(lead)
	if lead != "" {
		full = lead + " " + full
	}
	indent := strings.Repeat(" ", ansi.StringWidth(first))
	for i, line := range t.wrap(full, len(indent)) {
		prefix := indent
		if i == 0 {
			prefix = first
			// In a very narrow window the lead itself may be broken; then it
			// stays unstyled rather than be printed twice.
			if lead != "" && strings.HasPrefix(line, lead) {
				prefix += t.bold(lead)
				line = line[len(lead):]
			}
		}
		t.b.WriteString(prefix + t.link(line) + "\n")
	}
}

// section writes a heading and its items; nothing when there are none.
func (t *textWriter) section(heading string, items []string) {
	if len(items) == 0 {
		return
	}
	t.b.WriteString("\n")
	t.heading(heading)
	for _, it := range items {
		t.hanging(t.bullet, "", it)
	}
}

// Text writes the answer: what a person reads at a terminal, after the
// form or in a pipe, short enough to take in when scared or tired. In
// order: the headline; what to do now (or where to turn in danger); why;
// the first next steps; for someone who answered about a person they care
// about, how to talk with them; how to stay safe; the help lines, a line each; the
// caveats in short and the disclaimer; and how to get the handout. Each
// thing is said once.
func Text(w io.Writer, r assess.Result, labels assess.Labels, opts TextOptions) error {
	t := newTextWriter(r, opts)
	t.top(r, labels)
	t.b.WriteString("\n")
	t.para(r.Why, false)
	t.since(r, labels)
	t.section(labels.Get("next_steps"), r.NextSteps[:r.ShownSteps()])
	t.section(labels.Get("talking"), r.Talking)
	t.section(labels.Get("stay_safe"), r.StaySafe)
	t.b.WriteString("\n")
	t.heading(labels.Get("resources"))
	t.shortLines(r)
	t.section(labels.Get("caveats"), answerCaveats(r))
	t.b.WriteString("\n")
	t.para(r.Disclaimer, false)
	t.para(labels.Get("handout"), false)
	_, err := io.WriteString(w, t.b.String())
	return err
}

// Full writes the handout as text (check --full): each part of the answer
// in full, then the person's answers with their reasons, what IOP and (where
// it is the route) the recommended care involve, the questions to ask a
// program, and the sources. It holds what Markdown holds.
func Full(w io.Writer, r assess.Result, labels assess.Labels, opts TextOptions) error {
	t := newTextWriter(r, opts)
	t.top(r, labels)
	t.b.WriteString("\n")
	t.para(r.Summary, false)
	t.since(r, labels)
	t.section(labels.Get("next_steps"), r.NextSteps)
	t.section(labels.Get("talking"), r.Talking)
	t.section(labels.Get("stay_safe"), r.StaySafe)
	t.b.WriteString("\n")
	t.heading(labels.Get("resources"))
	t.resources(r.Resources)
	t.section(labels.Get("caveats"), HandoutCaveats(r))
	t.b.WriteString("\n")
	t.heading(labels.Get("your_answers"))
	for _, a := range r.Answers {
		t.hanging(t.bullet, "", a.Question)
		// The answer and its reason line up under the question's text.
		t.hanging(strings.Repeat(" ", ansi.StringWidth(t.bullet)), a.Option+".", a.Reason)
	}
	t.section(labels.Get("about"), r.About)
	t.section(labels.Get("outcome_about"), r.OutcomeAbout)
	t.section(labels.Get("ask"), r.Ask)
	t.b.WriteString("\n")
	t.para(r.Disclaimer, false)
	if len(r.Sources) > 0 {
		t.b.WriteString("\n")
		t.heading(labels.Get("sources"))
		for _, src := range r.Sources {
			t.hanging(t.bullet, "", SourceLine(src, i18n.Lang(r.SetInfo.Lang)))
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

// SourceLine is a source as a line of text: its name, its address when it
// has one, and the day it was checked.
func SourceLine(s assess.Source, l i18n.Lang) string {
	line := s.Name
	if s.URL != "" {
		line += " " + s.URL
	}
	return line + " (" + i18n.T(l, "report.checked", s.Checked) + ")"
}

// top writes the headline and, under it, what to do now: the urgent items
// when there are any, else the line on where to turn in danger.
func (t *textWriter) top(r assess.Result, labels assess.Labels) {
	t.para(r.Headline, true)
	if len(r.Urgent) > 0 {
		t.section(labels.Get("urgent"), r.Urgent)
		return
	}
	if r.Emergency != "" {
		t.b.WriteString("\n")
		t.para(r.Emergency, false)
	}
}

// shortLines writes the help lines a line each, leaving out those that
// what to do now, or the emergency line, already gave.
func (t *textWriter) shortLines(r assess.Result) {
	for _, res := range AnswerResources(r) {
		t.hanging(t.bullet, res.Name+":", res.ShortLine())
	}
}

// AnswerResources are the help lines the answer lists: every one, but
// those that what to do now or the emergency line already gave.
func AnswerResources(r assess.Result) []assess.Resource {
	said := len(r.Urgent) > 0 || r.Emergency != ""
	var out []assess.Resource
	for _, res := range r.Resources {
		if !(res.InUrgent && said) {
			out = append(out, res)
		}
	}
	return out
}

// answerCaveats are the caveats the answer shows: the short ones, or, for a
// set that has none, the caveats themselves.
func answerCaveats(r assess.Result) []string {
	if len(r.KeepInMind) > 0 {
		return r.KeepInMind
	}
	return r.Caveats
}

// HandoutCaveats are the caveats the handout shows: the short ones, then
// the rest, each once.
func HandoutCaveats(r assess.Result) []string {
	out := slices.Clone(r.KeepInMind)
	for _, c := range r.Caveats {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Recap writes the end of a result shown in a terminal after the form: the
// headline, what to do now, and the help lines, again. The screen the person
// sees when the form closes then holds the answer and where to get help,
// however long the result above it is. When opts.Height is set, the recap
// shrinks until it fits (leaving a line for the shell's prompt): first the
// rule above it and the line that says the result is above go, then the
// words that introduce what to do now, then what to do now from its end
// (the whole list is in the result above), down to its first two items,
// which are 911 and 988 in the built-in set. When even that cannot fit with
// the help lines, the help lines go: they are in the result above too, and
// what could hurt the person now comes first.
func Recap(w io.Writer, r assess.Result, labels assess.Labels, opts TextOptions) error {
	fits := func(out string) bool { return opts.Height <= 0 || strings.Count(out, "\n") <= opts.Height-1 }
	out := ""
	try := func(tier recapTier, urgent int, help bool) bool {
		out = recap(r, labels, opts, tier, urgent, help)
		return fits(out)
	}
	all := len(r.Urgent)
	least := min(all, recapLeastUrgent)
	done := try(recapFull, all, true) || try(recapCompact, all, true)
	for n := all; !done && n >= least; n-- {
		done = try(recapTight, n, true)
	}
	if !done {
		try(recapTight, least, false)
	}
	_, err := io.WriteString(w, out)
	return err
}

// recapLeastUrgent is how many of the first items of what to do now a recap
// keeps however small the window: the built-in set's 911 and 988.
const recapLeastUrgent = 2

// recapTier is how much a recap leaves out to fit its window.
type recapTier int

const (
	recapFull recapTier = iota
	recapCompact
	recapTight
)

// recap is the recap at tier, with the first urgent items of what to do now,
// and the help lines when help is set.
func recap(r assess.Result, labels assess.Labels, opts TextOptions, tier recapTier, urgent int, help bool) string {
	t := newTextWriter(r, opts)
	if tier == recapFull && opts.Ear {
		// No rule for the ear: a screen reader says each of its characters,
		// or nothing, and a blank line is the pause.
		t.b.WriteString("\n")
		if t.opts.Above {
			t.para(labels.Get("recap_above"), false)
		}
	} else if tier == recapFull {
		rule := 40
		if wd := t.width(); wd > 0 {
			rule = min(rule, wd)
		}
		t.b.WriteString("\n" + strings.Repeat("─", rule) + "\n")
		if t.opts.Above {
			t.para(labels.Get("recap_above"), false)
		}
	}
	t.para(r.Headline, true)
	if len(r.Urgent) > 0 && tier != recapTight {
		t.para(labels.Get("urgent")+":", true)
	}
	for _, u := range r.Urgent[:urgent] {
		t.hanging(t.bullet, "", u)
	}
	if r.Emergency != "" {
		t.para(r.Emergency, false)
	}
	if help {
		for _, res := range AnswerResources(r) {
			t.hanging(t.bullet, res.Name+":", res.ShortLine())
		}
	}
	return t.b.String()
}

// HelpLines writes the help lines in short, each as its name and the first
// sentence of its contact (the short way to reach it), under the heading
// of the resources label: for a person who stops part way, who may be the
// one who most needs them.
func HelpLines(w io.Writer, rs []assess.Resource, labels assess.Labels, opts TextOptions) error {
	t := newTextWriter(assess.Result{}, opts)
	t.para(labels.Get("resources")+":", true)
	for _, res := range rs {
		t.hanging(t.bullet, res.Name+":", res.ShortLine())
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

// FirstSentence is the first sentence of s, or all of s.
func FirstSentence(s string) string { return assess.FirstSentence(s) }

func newTextWriter(r assess.Result, opts TextOptions) *textWriter {
	t := &textWriter{opts: opts, bullet: "- "}
	switch {
	case opts.Ear:
		// A screen reader says a bullet's name ("bullet", "dash"); an item
		// on its own line needs none.
		t.bullet = ""
	case opts.Color:
		t.bullet = "• "
	}
	return t
}

// resources writes the help lines, each with its name in bold.
func (t *textWriter) resources(rs []assess.Resource) {
	for _, res := range rs {
		t.hanging(t.bullet, res.Name+":", res.Contact)
	}
}
