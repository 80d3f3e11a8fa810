// Package ear writes text for a person who listens to it: a screen reader
// reads "911" as "nine hundred eleven" and "1-800-662-4357" as "one dash
// eight hundred dash six hundred sixty-two…", and spells "https://" letter
// by letter. Plain prompts, the screen reader's way in, write numbers to be
// dialled digit by digit, in groups, and web addresses as a person types
// them. The form and the printed result keep their usual forms, which the
// eye reads better.
package ear

import (
	"strings"
	"unicode"
)

// nbsp parts the digits of a number: a screen reader says each one alone,
// and a line never breaks inside the number.
const nbsp = "\u00a0"

// scheme is the start of a web address that a person does not type.
var scheme = strings.NewReplacer("https://www.", "", "https://", "")

// Text is s written for the ear: each phone number as groups of digits
// ("1, 8 0 0, 6 6 2, 4 3 5 7"), each code dialled or texted as single digits
// ("9 1 1", "8 8 7 8 8"), also where it starts an address ("9 8 8
// lifeline.org"), and each web address without https:// or www. The spaces
// inside a number are no-break spaces. Amounts ("9 to 19 hours", "2024")
// read well as they are.
func Text(s string) string {
	s = scheme.Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && isWordByte(s[i-1]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		if groups, n := phone(s[i:]); n > 0 {
			b.WriteString(strings.Join(groups, ","+nbsp))
			i += n
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		run := s[i:j]
		if run == "911" || run == "988" || len(run) == 5 {
			b.WriteString(digits(run))
			if j < len(s) && unicode.IsLetter(rune(s[j])) {
				b.WriteString(" ")
			}
		} else {
			b.WriteString(run)
		}
		i = j
	}
	return b.String()
}

// phone reads a phone number as the content writes it, 1-800-662-4357, at
// the start of s: its groups for the ear, and how many bytes it took.
func phone(s string) (groups []string, n int) {
	shape := "1-ddd-ddd-dddd"
	if len(s) < len(shape) || len(s) > len(shape) && isDigit(s[len(shape)]) {
		return nil, 0
	}
	for i := 0; i < len(shape); i++ {
		if shape[i] == 'd' && !isDigit(s[i]) || shape[i] != 'd' && s[i] != shape[i] {
			return nil, 0
		}
	}
	return []string{"1", digits(s[2:5]), digits(s[6:9]), digits(s[10:14])}, len(shape)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte is true for what makes a digit part of a longer word.
func isWordByte(c byte) bool { return isDigit(c) || c == '-' || c == '/' || unicode.IsLetter(rune(c)) }

// digits spaces out a run of digits, so that each is said on its own.
func digits(n string) string {
	return strings.Join(strings.Split(n, ""), nbsp)
}
