package assess

import (
	"errors"
	"strings"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// Answer is a person's answer to one question.
type Answer string

// The three answers. Their string values are the stable keys used in JSON.
const (
	Yes    Answer = "yes"
	No     Answer = "no"
	Unsure Answer = "unsure"
)

// Answers lists the answers in the order the form offers them.
var Answers = []Answer{Yes, No, Unsure}

// ErrInvalidAnswer is wrapped by every error ParseAnswer returns.
var ErrInvalidAnswer = errors.New("not an answer")

// InvalidAnswerError is a word that is not an answer.
type InvalidAnswerError struct {
	Value string
}

func (e *InvalidAnswerError) Error() string { return e.In(i18n.English) }

// In says the problem in l.
func (e *InvalidAnswerError) In(l i18n.Lang) string {
	return i18n.T(l, "answer.invalid", safetext.Quote(e.Value))
}

func (e *InvalidAnswerError) Unwrap() error { return ErrInvalidAnswer }

// ParseAnswer reads an answer word in any case: yes/y, no/n, unsure/not-sure/u.
// Surrounding white space is ignored; anything else is an error, never a guess.
func ParseAnswer(s string) (Answer, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y":
		return Yes, nil
	case "no", "n":
		return No, nil
	case "unsure", "not-sure", "u":
		return Unsure, nil
	}
	return "", &InvalidAnswerError{Value: s}
}

// FromBool maps a boolean from an answers file to an answer.
func FromBool(b bool) Answer {
	if b {
		return Yes
	}
	return No
}
