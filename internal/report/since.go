package report

import (
	"fmt"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
)

// sinceLines says what changed since the earlier result, in the set's
// words: a line per answer that changed, by its topic (or, without one, its
// prompt) with the answer then and now, and one on the result.
func sinceLines(s *assess.Since, labels assess.Labels) []string {
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
	return lines
}

// fill replaces each placeholder in label with its text, in one pass, so
// that a text holding a placeholder's spelling is left as it is.
func fill(label string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(label)
}

// since writes the "Since last time" section of a text result, when the
// run compared with an earlier one; when nothing changed, one line says so.
func (t *textWriter) since(s *assess.Since, labels assess.Labels) {
	if s == nil {
		return
	}
	if !s.Changed() {
		t.b.WriteString("\n")
		t.para(labels.Get("since_none"), false)
		return
	}
	t.section(labels.Get("since_last"), sinceLines(s, labels))
}

// mdSince writes the "Since last time" section of a markdown result.
func mdSince(b *strings.Builder, s *assess.Since, labels assess.Labels) {
	if s == nil {
		return
	}
	if !s.Changed() {
		fmt.Fprintf(b, "\n%s\n", mdEscape(labels.Get("since_none")))
		return
	}
	mdList(b, labels.Get("since_last"), sinceLines(s, labels))
}
