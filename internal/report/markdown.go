package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/kept"
)

// Markdown writes r as the handout a person can save, print, or bring to an
// appointment: what Full writes as text. made is when the check was done:
// its local date, under the title, tells whoever reads the page later how
// old the answers are. It ends with what check --compare reads from a kept
// handout (see package kept).
func Markdown(w io.Writer, r assess.Result, labels assess.Labels, made time.Time) error {
	var b strings.Builder
	lang := i18n.Lang(r.SetInfo.Lang)
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(r.Title))
	fmt.Fprintf(&b, "%s\n\n", mdEscape(i18n.T(lang, "report.made_on", made.Format(time.DateOnly))))
	fmt.Fprintf(&b, "## %s\n", mdEscape(r.Headline))
	if len(r.Urgent) > 0 {
		// A quote block sets what to do now apart, right under the headline.
		fmt.Fprintf(&b, "\n> **%s**\n>\n", mdEscape(labels.Get("urgent")))
		for _, u := range r.Urgent {
			fmt.Fprintf(&b, "> - %s\n", mdEscape(u))
		}
	} else if r.Emergency != "" {
		fmt.Fprintf(&b, "\n> %s\n", mdEscape(r.Emergency))
	}
	fmt.Fprintf(&b, "\n%s\n", mdEscape(r.Summary))
	mdSince(&b, r, labels)
	mdList(&b, labels.Get("next_steps"), r.NextSteps)
	mdList(&b, labels.Get("talking"), r.Talking)
	mdList(&b, labels.Get("stay_safe"), r.StaySafe)
	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(labels.Get("resources")))
	for _, res := range r.Resources {
		fmt.Fprintf(&b, "- **%s:** %s\n", mdEscape(res.Name), mdEscape(res.Contact))
	}
	mdList(&b, labels.Get("caveats"), HandoutCaveats(r))
	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(labels.Get("your_answers")))
	for _, a := range r.Answers {
		fmt.Fprintf(&b, "- **%s** %s. %s\n", mdEscape(a.Question), mdEscape(a.Option), mdEscape(a.Reason))
	}
	mdList(&b, labels.Get("about"), r.About)
	mdList(&b, labels.Get("outcome_about"), r.OutcomeAbout)
	mdList(&b, labels.Get("ask"), r.Ask)
	fmt.Fprintf(&b, "\n---\n\n*%s*\n", mdEscape(r.Disclaimer))
	mdSources(&b, lang, labels, r.Sources)
	fmt.Fprintf(&b, "\n%s: %s (%s %s)\n", mdEscape(labels.Get("source")), mdEscape(r.SetInfo.Source), mdEscape(r.SetInfo.ID), mdEscape(r.SetInfo.Version))
	data, err := keptResult(r)
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "\n%s%s%s\n", kept.Open, data, kept.Close)
	_, err = io.WriteString(w, b.String())
	return err
}

// keptResult is r as check --compare reads a JSON result: the set, whose
// check it was, the answers, the recommendation and the headline, and
// nothing else. encoding/json writes > as \u003e, so the comment cannot end
// inside it.
func keptResult(r assess.Result) ([]byte, error) {
	type answer struct {
		ID     string `json:"id"`
		Answer string `json:"answer"`
	}
	// The set by id, version and language alone: its file's path, which a
	// JSON result names, may say more about the person than they meant to
	// keep on a page.
	type set struct {
		ID      string `json:"id"`
		Version string `json:"version"`
		Lang    string `json:"lang"`
	}
	k := struct {
		SchemaVersion  int      `json:"schema_version"`
		QuestionSet    set      `json:"question_set"`
		For            string   `json:"for"`
		Recommendation string   `json:"recommendation"`
		Headline       string   `json:"headline"`
		Answers        []answer `json:"answers"`
	}{SchemaVersion: SchemaVersion, QuestionSet: set{r.SetInfo.ID, r.SetInfo.Version, r.SetInfo.Lang}, For: string(r.SetInfo.For), Recommendation: string(r.Recommendation), Headline: r.Headline}
	for _, a := range r.Answers {
		k.Answers = append(k.Answers, answer{a.ID, string(a.Answer)})
	}
	return json.Marshal(k)
}

// mdSources lists the sources as links, each with the day it was checked.
func mdSources(b *strings.Builder, lang i18n.Lang, labels assess.Labels, sources []assess.Source) {
	if len(sources) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", mdEscape(labels.Get("sources")))
	for _, s := range sources {
		if s.URL == "" {
			fmt.Fprintf(b, "- %s, %s\n", mdEscape(s.Name), i18n.T(lang, "report.checked", s.Checked))
			continue
		}
		fmt.Fprintf(b, "- [%s](<%s>), %s\n", mdEscape(s.Name), mdURL(s.URL), i18n.T(lang, "report.checked", s.Checked))
	}
}

// mdURL keeps an address whole inside <…>: only < and > would end it.
func mdURL(u string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u)
}

// mdList writes a heading and its items; nothing when there are none.
func mdList(b *strings.Builder, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", mdEscape(heading))
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", mdEscape(it))
	}
}

// mdEscaper escapes the characters that would turn plain text into markup
// wherever they stand. Text from a custom question file must read the same
// in any viewer.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`,
	// A character reference (&rlm;, &zwnj;, &shy;) would show a character
	// the loader refuses: an invisible one, or a bidi control.
	"&", `\&`,
	// ~~ strikes through (GitHub), and ~~~ at a line's start opens a code
	// block.
	"~", `\~`,
	// A paragraph's own line breaks would end a list item or start a heading.
	"\n", " ",
)

// mdEscape escapes s, plain text, for markdown: every character that is
// markup anywhere (see mdEscaper), and what is markup only at the start of
// a line, where iopfit puts every text it writes, alone or after a list
// item's "- ": a list marker (-, + or a number and . or ), which would nest
// a list) and so a rule (---, - - -).
func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	rest := strings.TrimLeft(s, " \t")
	lead := s[:len(s)-len(rest)]
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "+") {
		return lead + `\` + rest
	}
	digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
	if digits > 0 && digits < len(rest) && (rest[digits] == '.' || rest[digits] == ')') {
		if after := rest[digits+1:]; after == "" || after[0] == ' ' || after[0] == '\t' {
			return lead + rest[:digits] + `\` + rest[digits:]
		}
	}
	return s
}
