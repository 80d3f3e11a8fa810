package assess

import (
	"errors"
	"fmt"
	"strings"
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

// AnswerHint is the phrase that tells a person which words are answers.
const AnswerHint = "use yes, no or unsure"

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
	return "", fmt.Errorf("%q is %w (%s)", s, ErrInvalidAnswer, AnswerHint)
}

// FromBool maps a boolean from an answers file to an answer.
func FromBool(b bool) Answer {
	if b {
		return Yes
	}
	return No
}
