package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
)

// Markdown writes r as a summary a person can save, print, or bring to an
// appointment.
func Markdown(w io.Writer, r assess.Result, labels assess.Labels) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(r.Title))
	fmt.Fprintf(&b, "## %s\n\n%s\n", mdEscape(r.Headline), mdEscape(r.Summary))

	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(labels.Get("your_answers")))
	for _, a := range r.Answers {
		fmt.Fprintf(&b, "- **%s** %s. %s\n", mdEscape(a.Question), mdEscape(labels.Option(a.Answer)), mdEscape(a.Reason))
	}
	mdList(&b, labels.Get("about"), r.About)
	mdList(&b, labels.Get("caveats"), r.Caveats)
	mdList(&b, labels.Get("next_steps"), r.NextSteps)

	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(labels.Get("resources")))
	for _, res := range r.Resources {
		fmt.Fprintf(&b, "- **%s:** %s\n", mdEscape(res.Name), mdEscape(res.Contact))
	}
	fmt.Fprintf(&b, "\n---\n\n*%s*\n", mdEscape(r.Disclaimer))
	fmt.Fprintf(&b, "\n%s: %s (%s %s)\n", mdEscape(labels.Get("source")), mdEscape(r.SetInfo.Source), mdEscape(r.SetInfo.ID), mdEscape(r.SetInfo.Version))
	_, err := io.WriteString(w, b.String())
	return err
}

func mdList(b *strings.Builder, heading string, items []string) {
	fmt.Fprintf(b, "\n## %s\n\n", mdEscape(heading))
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", mdEscape(it))
	}
}

// mdEscaper escapes the characters that would turn plain text into markup.
// Text from a custom question file must read the same in any viewer.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`,
	// A paragraph's own line breaks would end a list item or start a heading.
	"\n", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
