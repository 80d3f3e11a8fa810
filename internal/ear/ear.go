// Package ear writes text for a person who listens to it: a screen reader
// reads "911" as "nine hundred eleven" and "1-800-662-4357" as "one dash
// eight hundred dash six hundred sixty-two…", and spells "https://" letter
// by letter. Plain prompts, the screen reader's way in, write numbers to be
// dialled digit by digit, in groups, and web addresses as a person types
// them. The form and the printed result keep their usual forms, which the
// eye reads better.
package ear

import (
	"regexp"
	"strings"
)

var (
	// phone is a US phone number as the content writes it: 1-800-662-4357.
	phone = regexp.MustCompile(`\b1-(\d{3})-(\d{3})-(\d{4})\b`)
	// short is a number dialled or texted as digits: 911, 988, 88788, also
	// where it starts an address (988lifeline.org).
	short = regexp.MustCompile(`\b(911|988|\d{5})(\b|[a-z])`)
	// scheme is the start of a web address that a person does not type.
	scheme = regexp.MustCompile(`https://(www\.)?`)
)

// Text is s written for the ear: each phone number as groups of digits
// ("1, 8 0 0, 6 6 2, 4 3 5 7"), each short code as single digits ("9 1 1",
// "8 8 7 8 8"), and each web address without https:// or www. The spaces
// inside a number are no-break spaces.
func Text(s string) string {
	s = scheme.ReplaceAllString(s, "")
	s = phone.ReplaceAllStringFunc(s, func(m string) string {
		g := phone.FindStringSubmatch(m)
		return "1," + nbsp + digits(g[1]) + "," + nbsp + digits(g[2]) + "," + nbsp + digits(g[3])
	})
	return short.ReplaceAllStringFunc(s, func(m string) string {
		n := strings.TrimRight(m, "abcdefghijklmnopqrstuvwxyz")
		rest := m[len(n):]
		if rest != "" {
			rest = " " + rest
		}
		return digits(n) + rest
	})
}

// nbsp parts the digits of a number: a screen reader says each one alone,
// and a line never breaks inside the number.
const nbsp = "\u00a0"

// digits spaces out a run of digits, so that each is said on its own.
func digits(n string) string {
	return strings.Join(strings.Split(n, ""), nbsp)
}
