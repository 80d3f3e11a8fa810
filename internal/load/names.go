package load

import "strings"

// The shapes of names and of a YAML error line, as plain functions rather
// than regular expressions: a package-level regexp is compiled at every
// start, before main, and CONTRIBUTING.md says that none is.

// isQuestionID reports whether id is kebab-case starting with a letter
// (^[a-z][a-z0-9]*(-[a-z0-9]+)*$): a question id becomes a flag of iopfit
// check.
func isQuestionID(id string) bool {
	return id != "" && id[0] >= 'a' && id[0] <= 'z' && isKebab(id)
}

// isKebab reports whether s is words of lowercase ASCII letters and digits
// joined by single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$).
func isKebab(s string) bool {
	if s == "" {
		return false
	}
	for word := range strings.SplitSeq(s, "-") {
		if word == "" {
			return false
		}
		for i := 0; i < len(word); i++ {
			if c := word[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// isUnreserved reports whether s is one or more of the characters a URL
// carries as they are, RFC 3986's unreserved (^[A-Za-z0-9._~-]+$).
func isUnreserved(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && !strings.ContainsRune("._~-", rune(c)) {
			return false
		}
	}
	return true
}

// yamlLine splits the YAML library's "yaml: line N: problem" into N and the
// problem (^yaml: line (\d+): (.*)$, the problem on one line); ok is false
// for a message of any other shape.
func yamlLine(msg string) (line, problem string, ok bool) {
	rest, found := strings.CutPrefix(msg, "yaml: line ")
	if !found {
		return "", "", false
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	problem, found = strings.CutPrefix(rest[n:], ": ")
	if n == 0 || !found || strings.Contains(problem, "\n") {
		return "", "", false
	}
	return rest[:n], problem, true
}
