package assess

import "strings"

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

// ParseAnswer reads an answer word in any case: yes/y, no/n, unsure/not-sure/u.
// Surrounding white space is ignored; anything else is not an answer, never a
// guess.
func ParseAnswer(s string) (Answer, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y":
		return Yes, true
	case "no", "n":
		return No, true
	case "unsure", "not-sure", "u":
		return Unsure, true
	}
	return "", false
}

// FromBool maps a boolean from an answers file to an answer.
func FromBool(b bool) Answer {
	if b {
		return Yes
	}
	return No
}
