package assess

import (
	"strings"

	"golang.org/x/text/unicode/norm"
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

// answerWords are the words for each answer in every language iopfit
// speaks, folded (lower case, no accents, single spaces). A person may type
// any of them, whatever language the run is in: "si" is never anything but
// yes, and a Spanish speaker in an English locale should not be refused.
var answerWords = map[string]Answer{
	"yes": Yes, "y": Yes,
	"no": No, "n": No,
	"unsure": Unsure, "not-sure": Unsure, "not sure": Unsure, "u": Unsure,
	// Spanish.
	"si": Yes, "s": Yes,
	"no se": Unsure, "nose": Unsure, "no lo se": Unsure, "no estoy seguro": Unsure, "no estoy segura": Unsure,
}

// AnswerWords lists the words ParseAnswer takes for a, as a person would
// type them (with their accents), for completion and help.
func AnswerWords(a Answer) []string {
	switch a {
	case Yes:
		return []string{"yes", "y", "sí", "s"}
	case No:
		return []string{"no", "n"}
	default:
		return []string{"unsure", "not-sure", "not sure", "u", "no sé", "no lo sé", "no estoy seguro", "no estoy segura"}
	}
}

// AnswerWordsIn lists the words of AnswerWords that a person writing lang
// ("en", "es") would type, the answer's own key first, which every
// language takes: the words shell completion offers.
func AnswerWordsIn(a Answer, lang string) []string {
	if lang != "es" {
		switch a {
		case Yes:
			return []string{"yes", "y"}
		case No:
			return []string{"no", "n"}
		default:
			return []string{"unsure", "not-sure", "u"}
		}
	}
	switch a {
	case Yes:
		return []string{"yes", "sí", "s"}
	case No:
		return []string{"no"}
	default:
		return []string{"unsure", "no sé", "no lo sé"}
	}
}

// ParseAnswer reads an answer word of any language iopfit speaks, in any
// case, with or without accents: yes/y, no/n, unsure/not-sure/not sure/u,
// sí/si/s, no sé/no se/nose/no lo sé, no estoy seguro/segura. Surrounding
// white space and a full stop after the word, as a sentence ends, are
// ignored; anything else is not an answer, never a guess.
func ParseAnswer(s string) (Answer, bool) {
	a, ok := answerWords[strings.TrimSuffix(Fold(s), ".")]
	return a, ok
}

// accents maps the accented letters of the answer words to plain ones.
var accents = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u")

// Fold puts s in Unicode's composed form (NFC), lowers it, removes the
// accents of Spanish vowels, and collapses white space, so that "No  Sé ",
// "no se" and a "sé" typed as e and a combining accent all compare equal:
// they look the same, so they are the same word.
func Fold(s string) string {
	return strings.Join(strings.Fields(accents.Replace(strings.ToLower(norm.NFC.String(s)))), " ")
}

// FromBool maps a boolean from an answers file to an answer.
func FromBool(b bool) Answer {
	if b {
		return Yes
	}
	return No
}
