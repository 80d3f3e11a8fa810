package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// answerFlag is a question's flag. It parses the answer when the flag is set,
// so a bad value fails before anything is asked. Given twice with two
// answers it is refused: iopfit never picks one of them for the person, as
// it never does in an answers file.
type answerFlag struct {
	id    string
	into  map[string]assess.Answer
	value assess.Answer
}

func (f *answerFlag) String() string { return string(f.value) }
func (f *answerFlag) Type() string   { return "answer" }

func (f *answerFlag) Set(s string) error {
	a, ok := assess.ParseAnswer(s)
	if !ok {
		return load.InvalidAnswer(s)
	}
	if f.value != "" && f.value != a {
		return i18n.Errorf("flag.answer_twice", string(f.value), string(a))
	}
	f.value = a
	f.into[f.id] = a
	return nil
}

// completeAnswers offers a question flag's answers in the set's language,
// each with its label.
func completeAnswers(set *assess.Set) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, a := range assess.Answers {
			// The words of the set's language: a Spanish "sí" offered
			// in English reads as a mistake.
			for _, w := range assess.AnswerWordsIn(a, set.Lang) {
				if !strings.Contains(w, " ") {
					out = append(out, w+"\t"+set.Labels.Option(a))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// outputFormat is the value of -o/--output.
type outputFormat string

const (
	formatText     outputFormat = "text"
	formatJSON     outputFormat = "json"
	formatMarkdown outputFormat = "markdown"
	formatFHIR     outputFormat = "fhir"
)

var (
	checkFormats     = []outputFormat{formatText, formatJSON, formatMarkdown, formatFHIR}
	questionsFormats = []outputFormat{formatText, formatJSON, formatFHIR}
)

func (f *outputFormat) String() string { return string(*f) }
func (f *outputFormat) Type() string   { return "format" }

// Set accepts any format name; each command checks that it supports it, so
// that the message can list that command's formats.
func (f *outputFormat) Set(s string) error {
	v := outputFormat(strings.ToLower(s))
	if !slices.Contains(checkFormats, v) {
		return i18n.Errorf("cli.format_value", s, i18n.Or(formatNames(checkFormats)))
	}
	*f = v
	return nil
}

func (f outputFormat) validFor(formats []outputFormat) bool { return slices.Contains(formats, f) }

func formatNames(formats []outputFormat) []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return names
}

// forFlag is --for: whose check it is. It takes the perspectives' names,
// and their words in Spanish, as answers take theirs.
type forFlag struct {
	value assess.Perspective
	given bool
}

func (f *forFlag) String() string { return string(f.value) }
func (f *forFlag) Type() string   { return "who" }

func (f *forFlag) Set(s string) error {
	if p, ok := assess.ParsePerspective(s); ok {
		f.value, f.given = p, true
		return nil
	}
	return i18n.Errorf("cli.for", i18n.Or{string(assess.ForMe), string(assess.ForSomeone)}, safetext.Quote(s))
}
