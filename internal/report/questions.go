package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
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
// question's id and flag, prompt, help, and whether it decides the result.
func QuestionsText(w io.Writer, s *assess.Set, l i18n.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", s.Title)
	fmt.Fprintln(&b, i18n.T(l, "questions.header", s.ID, s.Version, s.File))
	for _, q := range s.Questions {
		decides := i18n.T(l, "questions.decides")
		if !q.Decides {
			decides = i18n.T(l, "questions.not_decides")
		}
		fmt.Fprintf(&b, "\n%s (--%s; %s)\n  %s\n  %s\n", q.ID, q.ID, decides, q.Prompt, q.Help)
	}
	if len(s.Sources) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s.Labels.Get("sources"))
		for _, src := range s.Sources {
			fmt.Fprintf(&b, "- %s (%s)\n", src.Name, i18n.T(l, "questions.checked", src.Checked))
			if src.URL != "" {
				fmt.Fprintf(&b, "  %s\n", src.URL)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
