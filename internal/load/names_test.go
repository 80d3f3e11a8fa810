package load

import (
	"regexp"
	"testing"
)

// TestNamesAsTheirPatterns: each plain function accepts exactly what the
// regular expression it stands for matches. The expressions are compiled
// here, in the test, and never in iopfit.
func TestNamesAsTheirPatterns(t *testing.T) {
	inputs := []string{
		"", "a", "z9", "9a", "a-b", "a--b", "-a", "a-", "stable-home", "Stable-home", "a_b", "a.b", "a~b",
		"v1.0.0", "1", "é", "a b", "a|b", "a-1-b2", "a-", "A", "~", "-", ".", "abc-DEF", "a\nb",
	}
	question := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	unreserved := regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)
	for _, s := range inputs {
		if got, want := isQuestionID(s), question.MatchString(s); got != want {
			t.Errorf("isQuestionID(%q) = %v, want %v", s, got, want)
		}
		if got, want := isKebab(s), kebab.MatchString(s); got != want {
			t.Errorf("isKebab(%q) = %v, want %v", s, got, want)
		}
		if got, want := isUnreserved(s), unreserved.MatchString(s); got != want {
			t.Errorf("isUnreserved(%q) = %v, want %v", s, got, want)
		}
	}
	line := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	for _, msg := range []string{
		"yaml: line 3: did not find expected key", "yaml: line : x", "yaml: line 12:x", "yaml: line 7: ",
		"yaml: unmarshal errors:\n  line 1: x", "yaml: line 2: a\nb", "yaml: line 4a: x", "yaml: line 5: a: b", "x yaml: line 1: y",
	} {
		n, problem, ok := yamlLine(msg)
		m := line.FindStringSubmatch(msg)
		if ok != (m != nil) || ok && (n != m[1] || problem != m[2]) {
			t.Errorf("yamlLine(%q) = %q, %q, %v; the pattern gives %q", msg, n, problem, ok, m)
		}
	}
}

// FuzzNamesAsTheirPatterns: the same, for any text.
func FuzzNamesAsTheirPatterns(f *testing.F) {
	f.Add("stable-home")
	f.Add("yaml: line 3: did not find expected key")
	question := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	unreserved := regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)
	line := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	f.Fuzz(func(t *testing.T, s string) {
		if isQuestionID(s) != question.MatchString(s) || isKebab(s) != kebab.MatchString(s) || isUnreserved(s) != unreserved.MatchString(s) {
			t.Fatalf("a name function and its pattern disagree on %q", s)
		}
		n, problem, ok := yamlLine(s)
		m := line.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (n != m[1] || problem != m[2]) {
			t.Fatalf("yamlLine(%q) = %q, %q, %v; the pattern gives %q", s, n, problem, ok, m)
		}
	})
}
