package report

import (
	"fmt"
	"io"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

type jsonQuestions struct {
	QuestionSet jsonSet         `json:"question_set"`
	Questions   []jsonQuestion  `json:"questions"`
	Sources     []assess.Source `json:"sources"`
}

type jsonQuestion struct {
	ID      string `json:"id"`
	Flag    string `json:"flag"`
	Prompt  string `json:"prompt"`
	Help    string `json:"help"`
	Decides bool   `json:"decides"`
}

// QuestionsJSON writes the active question set for scripts.
func QuestionsJSON(w io.Writer, s *assess.Set) error {
	out := jsonQuestions{QuestionSet: setInfoJSON(s.Info()), Questions: make([]jsonQuestion, len(s.Questions)), Sources: orEmpty(s.Sources)}
	for i, q := range s.Questions {
		out.Questions[i] = jsonQuestion{ID: q.ID, Flag: "--" + q.ID, Prompt: q.Prompt, Help: q.Help, Decides: q.Decides}
	}
	return encode(w, out)
}

// QuestionsText writes the active question set for a person reviewing it: each
// question's id and flag, prompt, help, and whether it decides the result,
// then the sources. opts.Width wraps the lines for a terminal (0 leaves them
// whole, for a pipe or a file) and opts.Links makes addresses links; the
// listing has no bold, so opts.Color changes nothing.
func QuestionsText(w io.Writer, s *assess.Set, l i18n.Lang, opts TextOptions) error {
	if opts.Width > 0 {
		opts.Width = max(opts.Width-1, 1) // the last column stays empty
	}
	t := &textWriter{opts: TextOptions{Width: opts.Width, Links: opts.Links}}
	line := func(indent, text string) { t.hanging(indent, "", text) }
	line("", s.Title)
	// "embedded" is a key for scripts (JSON's question_set.file); a person
	// reads it in their own words.
	file := safetext.OneLine(s.File)
	if s.File == "embedded" {
		file = i18n.T(l, "questions.embedded")
	}
	line("", i18n.T(l, "questions.header", s.ID, s.Version, file))
	for _, q := range s.Questions {
		decides := i18n.T(l, "questions.decides")
		if !q.Decides {
			decides = i18n.T(l, "questions.not_decides")
		}
		t.b.WriteString("\n")
		line("", fmt.Sprintf("%s (--%s; %s)", q.ID, q.ID, decides))
		line("  ", q.Prompt)
		line("  ", q.Help)
	}
	if len(s.Sources) > 0 {
		t.b.WriteString("\n")
		line("", s.Labels.Get("sources"))
		for _, src := range s.Sources {
			line("- ", fmt.Sprintf("%s (%s)", src.Name, i18n.T(l, "questions.checked", src.Checked)))
			if src.URL != "" {
				line("  ", src.URL)
			}
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}
