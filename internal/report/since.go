package report

import (
	"fmt"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// sinceLines says what changed since the earlier result, in the set's
// words: a line per answer that changed, by its topic (or, without one, its
// prompt) with the answer then and now, one on the result, and, for a
// result of another version of the set, what that means (versionNote).
func sinceLines(r assess.Result, labels assess.Labels) []string {
	s := r.Since
	lines := make([]string, 0, len(s.Changes)+1)
	for _, c := range s.Changes {
		label, name, mark := "since_answer", c.Topic, assess.TopicPlaceholder
		if c.Topic == "" {
			label, name, mark = "since_question", c.Question, assess.QuestionPlaceholder
		}
		lines = append(lines, fill(labels.Get(label), mark, name,
			assess.BeforePlaceholder, labels.Option(c.Before), assess.AfterPlaceholder, labels.Option(c.After)))
	}
	if s.Before != s.After {
		lines = append(lines, fill(labels.Get("since_result"),
			assess.BeforePlaceholder, s.BeforeHeadline, assess.AfterPlaceholder, s.AfterHeadline))
	} else {
		lines = append(lines, labels.Get("since_same"))
	}
	if note := versionNote(r); note != "" {
		lines = append(lines, note)
	}
	return lines
}

// versionNote says, when the earlier result is of another version of the
// set, that its result is as the file records it (no rule of this version
// could check it) and that a question only one version asks is left out;
// "" for a result of today's version. The earlier version is named when
// it reads as a version the loader takes: it comes from the file. A file
// that names none, and one that names a version no set could have, are
// told apart.
func versionNote(r assess.Result) string {
	s, l := r.Since, i18n.Lang(r.SetInfo.Lang)
	switch {
	case !s.OtherVersion:
		return ""
	case plainVersion(s.Version):
		return i18n.T(l, "report.since_version", s.Version, r.SetInfo.Version)
	case s.Version != "":
		// Named, but not as a set can name it: never echoed, as it could
		// hold anything.
		return i18n.T(l, "report.since_version_unrecognised", r.SetInfo.Version)
	}
	return i18n.T(l, "report.since_version_unknown", r.SetInfo.Version)
}

// plainVersion is true for a version a set file may have: up to 64
// ASCII letters, digits and ._~- (as the loader requires).
func plainVersion(v string) bool {
	if v == "" || len(v) > 64 {
		return false
	}
	for _, c := range []byte(v) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._~-", c) >= 0) {
			return false
		}
	}
	return true
}

// fill replaces each placeholder in label with its text, in one pass, so
// that a text holding a placeholder's spelling is left as it is.
func fill(label string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(label)
}

// sinceNone is what a result says when nothing changed since the earlier
// one: one line, with the version note after it when there is one.
func sinceNone(r assess.Result, labels assess.Labels) string {
	if note := versionNote(r); note != "" {
		return labels.Get("since_none") + " " + note
	}
	return labels.Get("since_none")
}

// since writes the "Since last time" section of a text result, when the
// run compared with an earlier one; when nothing changed, one line says so.
func (t *textWriter) since(r assess.Result, labels assess.Labels) {
	if r.Since == nil {
		return
	}
	if !r.Since.Changed() {
		t.b.WriteString("\n")
		t.para(sinceNone(r, labels), false)
		return
	}
	lines := sinceLines(r, labels)
	if t.opts.Ear {
		// An arrow is heard as "right arrow": say what it means.
		then := i18n.T(i18n.Lang(r.SetInfo.Lang), "report.ear_then")
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(l, " → ", then)
		}
	}
	t.section(labels.Get("since_last"), lines)
}

// mdSince writes the "Since last time" section of a markdown result.
func mdSince(b *strings.Builder, r assess.Result, labels assess.Labels) {
	if r.Since == nil {
		return
	}
	if !r.Since.Changed() {
		fmt.Fprintf(b, "\n%s\n", mdEscape(sinceNone(r, labels)))
		return
	}
	mdList(b, labels.Get("since_last"), sinceLines(r, labels))
}
