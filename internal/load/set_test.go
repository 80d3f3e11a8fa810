package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/i18n"
)

func minimal(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit returns the minimal set with old replaced by new, failing the test if
// old is not there, so that a change to minimal.yaml cannot silently turn a
// case into a test of the valid file.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	m := minimal(t)
	if !strings.Contains(m, old) {
		t.Fatalf("minimal.yaml has no %q", old)
	}
	return strings.Replace(m, old, new, 1)
}

func TestParseMinimal(t *testing.T) {
	set, err := ParseSet([]byte(minimal(t)), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q := set.Questions[0]
	if q.ID != "stable-home" || q.Prompt != "P" || !q.Decides || q.Reasons["unsure"] != "U" {
		t.Errorf("question = %+v", q)
	}
	if set.Outcomes["residential"].NextSteps[0] != "a" || set.Labels["cancelled"] != "F" || set.File != "t.yaml" {
		t.Errorf("set = %+v", set)
	}
}

func TestParseAccepts(t *testing.T) {
	tests := []struct{ name, yaml string }{
		{"windows line endings", strings.ReplaceAll(minimal(t), "\n", "\r\n")},
		{"byte-order mark", "\ufeff" + minimal(t)},
		{"comments", "# a comment\n" + minimal(t)},
		{"tab inside text", edit(t, "help: H", "help: \"a\\tb\"")},
		{"decides false beside a deciding question", edit(t, "questions:\n", "questions:\n  - id: other\n    prompt: P\n    help: H\n    decides: false\n    reasons: {yes: Y, no: N, unsure: U}\n")},
		{"optional label", edit(t, "  cancelled: F", "  cancelled: F\n  source: Fuente")},
		{"explicit document start", "---\n" + minimal(t)},
		{"set id with digits", edit(t, "id: t\n", "id: 2026-check\n")},
		{"version with every URL-safe character", edit(t, "version: \"1\"", "version: \"2.0.0-rc_1~x\"")},
		{"decides True", edit(t, "    help: H\n", "    help: H\n    decides: True\n")},
		{"decides TRUE with its tag", edit(t, "    help: H\n", "    help: H\n    decides: !!bool TRUE\n")},
		{"headline for a not-yes answer", edit(t, "    topic: T\n", "    topic: T\n    headline: {no: H}\n")},
		{"source with no public address", edit(t, "    url: https://example.org/n\n", "    no_url: true\n")},
		{"urgent as one text", edit(t, "    topic: T\n", "    topic: T\n    urgent: {no: Call 911.}\n")},
		{"urgent as short items", edit(t, "    topic: T\n", "    topic: T\n    urgent: {no: [Call 911., Call 988.]}\n")},
		{"a question's own answer words", edit(t, "    topic: T\n", "    topic: T\n    options: {yes: \"Yes, none\", no: \"No, one\", unsure: Not sure}\n")},
		{"outcome_about false", edit(t, "    topic: T\n", "    topic: T\n    outcome_about: false\n")},
		{"the answer's texts", edit(t, "about: [a]\n", "about: [a]\nemergency: E\nstay_safe: [s]\nkeep_in_mind: [k, l, m]\nask: [q]\n")},
		{"a help line's short line", edit(t, "    contact: c\n", "    contact: c\n    short: s\n    in_urgent: true\n")},
		{"an outcome's why", edit(t, "    summary: S\n", "    summary: S\n    why: W\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseSet([]byte(tt.yaml), "t.yaml"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	deep := "schema: 1\nabout: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	tests := []struct {
		name      string
		yaml      string
		line, col int
		want      string
	}{
		{"empty file", "", 0, 0, "is empty"},
		{"only white space", " \n\n", 0, 0, "is empty"},
		{"only comments", "# nothing\n", 0, 0, "is empty"},
		{"not a mapping", "- a\n- b\n", 1, 1, "the file must be a mapping of keys to values, not a list"},
		{"two documents", minimal(t) + "---\nschema: 1\n", 45, 0, "more than one YAML document"},
		{"syntax error", edit(t, "title: T", "title: [T"), 0, 0, "invalid YAML"},
		{"tab indent", edit(t, "    prompt: P", "\tprompt: P"), 9, 0, "invalid YAML"},
		{"misspelled key", edit(t, "    prompt: P", "    promt: P"), 9, 5, `questions[stable-home]: unknown key "promt"; did you mean "prompt"?`},
		{"unknown top-level key", edit(t, "title: T", "title: T\ncolour: red"), 5, 1, `: unknown key "colour"; the keys here are schema, id,`},
		{"duplicate key", edit(t, "title: T", "title: T\ntitle: U"), 5, 1, `has the key "title" twice (first on line 4)`},
		{"non-text key", edit(t, "title: T", "title: T\n1: x"), 5, 1, "key that is not text"},
		{"missing schema", edit(t, "schema: 1\n", ""), 1, 1, `missing the required key "schema"`},
		{"schema 2", edit(t, "schema: 1", "schema: 2"), 1, 9, `schema must be 1`},
		{"key longer than YAML allows", edit(t, "title: T", strings.Repeat("k", 1100)+": x\ntitle: T"), 4, 1, `a key is longer than 1024 characters`},
		{"UTF-16 without a byte-order mark", "s\x00c\x00h\x00e\x00m\x00a\x00:\x00 \x001\x00\n\x00", 1, 1, `looks like UTF-16 text`},
		{"schema as text", edit(t, "schema: 1", `schema: "1"`), 1, 9, `schema must be the number 1, without quotes`},
		{"missing prompt", edit(t, "    prompt: P\n", ""), 8, 5, `questions[stable-home]: is missing the required key "prompt"`},
		{"two of three answer words", edit(t, "    topic: T\n", "    topic: T\n    options: {yes: Y, no: N}\n"), 12, 14, `questions[stable-home].options: is missing the required key "unsure"`},
		{"four caveats in short", edit(t, "about: [a]\n", "about: [a]\nkeep_in_mind: [a, b, c, d]\n"), 26, 15, `keep_in_mind: has 4 items; the answer shows at most 3`},
		{"an empty urgent item", edit(t, "    topic: T\n", "    topic: T\n    urgent: {no: [a, \"\"]}\n"), 12, 22, `questions[stable-home].urgent.no[2]: is empty`},
		{"in_urgent as text", edit(t, "    contact: c\n", "    contact: c\n    in_urgent: \"yes\"\n"), 30, 16, `in_urgent`},
		{"empty prompt", edit(t, "    prompt: P", `    prompt: ""`), 9, 13, `questions[stable-home].prompt: is empty; write the text it needs`},
		{"null prompt", edit(t, "    prompt: P", `    prompt:`), 9, 12, `questions[stable-home].prompt: is empty; write the text it needs`},
		{"blank prompt", edit(t, "    prompt: P", `    prompt: "   "`), 9, 13, `questions[stable-home].prompt: is empty; write the text it needs`},
		{"number as text", edit(t, "title: T", "title: 5"), 4, 8, `title: must be text, not a number; put it in quotes, like "5"`},
		{"unquoted version", edit(t, `version: "1"`, "version: 1.0"), 3, 10, `version: must be text, not a number; put it in quotes, like "1.0"`},
		{"list as text", edit(t, "intro: I", "intro: [I]"), 5, 8, `intro: must be text, not a list`},
		{"mapping as question", edit(t, "questions:\n", "questions:\n  - just text\n"), 8, 5, `questions[1]: must be a mapping of keys to values, not text`},
		{"questions not a list", edit(t, "about: [a]", "about: a"), 25, 8, `about: must be a list, not text`},
		{"empty questions", strings.Replace(minimal(t), minimal(t)[strings.Index(minimal(t), "questions:"):strings.Index(minimal(t), "outcomes:")], "questions: []\n", 1), 7, 12, `questions: is an empty list; add at least one item`},
		{"empty caveats", edit(t, "caveats: [c]", "caveats: []"), 26, 10, `caveats: is an empty list`},
		{"empty list item", edit(t, "about: [a]", `about: [a, ""]`), 25, 12, `about[2]: is empty`},
		{"duplicate id", edit(t, "outcomes:", "  - id: stable-home\n    prompt: P\n    help: H\n    reasons: {yes: Y, no: N, unsure: U}\noutcomes:"), 16, 9, `question id "stable-home" is used twice (first on line 8)`},
		{"reserved id", edit(t, "id: stable-home", "id: help"), 8, 9, `"help" is the name of one of iopfit's own flags`},
		{"reserved short id", edit(t, "id: stable-home", "id: q"), 8, 9, `"q" is the name of one of iopfit's own flags`},
		{"reserved lang", edit(t, "id: stable-home", "id: lang"), 8, 9, `own flags`},
		{"id not kebab-case", edit(t, "id: stable-home", "id: Stable_Home"), 8, 9, `"Stable_Home" is not kebab-case`},
		// The set's id and version become a FHIR canonical URL, url|version.
		{"set id with a bar and a space", edit(t, "id: t\n", "id: \"my set|v2\"\n"), 2, 5, `id: set id "my set|v2" is not kebab-case ASCII; use lower-case letters a to z, digits and single hyphens, like my-clinic`},
		{"set id not ASCII", edit(t, "id: t\n", "id: café-ßet\n"), 2, 5, `id: set id "café-ßet" is not kebab-case ASCII`},
		{"set id in capitals", edit(t, "id: t\n", "id: MySet\n"), 2, 5, `not kebab-case ASCII`},
		{"set id with double hyphen", edit(t, "id: t\n", "id: my--set\n"), 2, 5, `not kebab-case ASCII`},
		{"set id with a trailing hyphen", edit(t, "id: t\n", "id: my-set-\n"), 2, 5, `not kebab-case ASCII`},
		{"set id too long", edit(t, "id: t\n", "id: "+strings.Repeat("a", 65)+"\n"), 2, 5, `id: is 65 characters long; keep it to 64 or fewer`},
		{"version with a bar and a space", edit(t, "version: \"1\"", "version: \"1.0|beta 2\""), 3, 10, `version: version "1.0|beta 2" may hold only letters, digits and . - _ ~, with no spaces or |, like "2.0.0"; it becomes part of a web address`},
		{"version with a slash", edit(t, "version: \"1\"", "version: \"1/2\""), 3, 10, `version "1/2" may hold only`},
		{"version with a hash", edit(t, "version: \"1\"", "version: \"1#2\""), 3, 10, `may hold only`},
		{"version not ASCII", edit(t, "version: \"1\"", "version: \"1.0-β\""), 3, 10, `may hold only`},
		{"version too long", edit(t, "version: \"1\"", "version: \""+strings.Repeat("1", 65)+"\""), 3, 10, `version: is 65 characters long; keep it to 64 or fewer`},
		{"id with double hyphen", edit(t, "id: stable-home", "id: stable--home"), 8, 9, `not kebab-case`},
		{"id too long", edit(t, "id: stable-home", "id: "+strings.Repeat("a", 41)), 8, 9, `longer than 40`},
		{"id as number", edit(t, "id: stable-home", "id: 7"), 8, 9, `questions[1].id: must be text, not a number`},
		{"no deciding question", edit(t, "    help: H\n", "    help: H\n    decides: false\n"), 8, 3, `questions: no question decides the result`},
		{"decides as text", edit(t, "    help: H\n", "    help: H\n    decides: \"yes\"\n"), 11, 14, `questions[stable-home].decides: must be true or false, not text`},
		// YAML's booleans are true and false; a tag does not make t or 1 one.
		{"decides !!bool t", edit(t, "    help: H\n", "    help: H\n    decides: !!bool t\n"), 11, 14, `questions[stable-home].decides: must be true or false, not "t"`},
		{"decides !!bool 1", edit(t, "    help: H\n", "    help: H\n    decides: !!bool 1\n"), 11, 14, `must be true or false, not "1"`},
		{"decides !!bool 0", edit(t, "    help: H\n", "    help: H\n    decides: !!bool 0\n"), 11, 14, `must be true or false, not "0"`},
		{"decides !!bool f", edit(t, "    help: H\n", "    help: H\n    decides: !!bool f\n"), 11, 14, `must be true or false, not "f"`},
		{"decides !!bool yes", edit(t, "    help: H\n", "    help: H\n    decides: !!bool yes\n"), 11, 14, `must be true or false, not "yes"`},
		{"missing reason", edit(t, "      unsure: U\n", ""), 13, 7, `questions[stable-home].reasons: is missing the required key "unsure"`},
		{"unknown reason", edit(t, "      unsure: U", "      unsure: U\n      maybe: M"), 16, 7, `unknown key "maybe"`},
		{"missing outcome", edit(t, "  residential:\n    headline: H\n    summary: S\n    next_steps: [a]\n", ""), 17, 3, `outcomes: is missing the required key "residential"`},
		{"extra outcome", edit(t, "  residential:", "  outpatient: {}\n  residential:"), 21, 3, `outcomes: unknown key "outpatient"; the keys here are iop, residential`},
		{"empty next steps", edit(t, "    next_steps: [a]\n  residential", "    next_steps: []\n  residential"), 20, 17, `outcomes.iop.next_steps: is an empty list`},
		{"resource without contact", edit(t, "    contact: c\n", ""), 28, 5, `resources[1]: is missing the required key "contact"`},
		{"missing label", edit(t, "  cancelled: F\n", ""), 36, 3, `labels: is missing the required key "cancelled"`},
		{"unknown label", edit(t, "  cancelled: F", "  cancelled: F\n  canceled: G"), 45, 3, `labels: unknown key "canceled"; did you mean "cancelled"?`},
		{"a label without its placeholder", edit(t, "  cancelled: F", "  cancelled: F\n  since_answer: \"{topic}: {after}\""), 45, 17, `labels.since_answer: must contain each of these once: {topic} {before} {after}`},
		{"a placeholder twice", edit(t, "  cancelled: F", "  cancelled: F\n  since_result: \"{before} {after} {after}\""), 45, 17, `labels.since_result: must contain each of these once: {before} {after}`},
		{"alias", edit(t, "about: [a]\ncaveats: [c]", "about: &x [a]\ncaveats: *x"), 26, 10, `uses an alias (*x)`},
		{"escape from \\e", edit(t, "title: T", `title: "\e[31mT"`), 4, 8, `title: text contains an escape character (U+001B)`},
		{"escape from \\x1b", edit(t, "title: T", `title: "\x1b]0;x\x07"`), 4, 8, `an escape character`},
		{"C1 CSI from \\u009b", edit(t, "title: T", `title: "\u009b2J"`), 4, 8, `a C1 control character (U+009B)`},
		{"bell", edit(t, "title: T", `title: "\a"`), 4, 8, `a control character (U+0007)`},
		{"carriage return", edit(t, "title: T", `title: "a\rb"`), 4, 8, `a control character (U+000D)`},
		{"right-to-left override", edit(t, "title: T", `title: "a\u202eb"`), 4, 8, `bidirectional-text control character (U+202E)`},
		{"isolate", edit(t, "title: T", `title: "a\u2066b"`), 4, 8, `bidirectional-text control character (U+2066)`},
		{"raw escape byte", edit(t, "title: T", "title: \x1b[2JT"), 4, 8, `an escape character (U+001B)`},
		{"raw escape in a comment", edit(t, "title: T", "title: T # \x1b[2J"), 4, 12, `an escape character`},
		{"raw NUL", edit(t, "title: T", "title: T\x00"), 4, 9, `a control character (U+0000)`},
		{"invalid UTF-8", edit(t, "title: T", "title: T\xff"), 4, 9, `not valid UTF-8`},
		{"headline for yes", edit(t, "    topic: T\n", "    topic: T\n    headline: {yes: H}\n"), 12, 16, `questions[stable-home].headline: unknown key "yes"; the keys here are no, unsure`},
		{"empty headline", edit(t, "    topic: T\n", "    topic: T\n    headline: {}\n"), 12, 15, `questions[stable-home].headline: is empty; give the text for at least one answer`},
		{"headline on a question that does not decide", edit(t, "    topic: T\n", "    topic: T\n    decides: false\n    headline: {no: H}\n"), 13, 5, `questions[stable-home]: has a headline, which only a question that decides can have`},
		{"source without url", edit(t, "    url: https://example.org/n\n", ""), 32, 5, `sources[1]: is missing the key "url": give its web address (https://…), or no_url: true`},
		{"source with url and no_url", edit(t, "    url: https://example.org/n\n", "    url: https://example.org/n\n    no_url: true\n"), 34, 5, `sources[1]: has both url and no_url`},
		{"no_url false", edit(t, "    url: https://example.org/n\n", "    no_url: false\n"), 33, 13, `sources[1].no_url: no_url can only be true`},
		{"no_url as text", edit(t, "    url: https://example.org/n\n", "    no_url: \"true\"\n"), 33, 13, `sources[1].no_url: must be true or false, not text`},
		{"url not https", edit(t, "url: https://example.org/n", "url: http://example.org/n"), 33, 10, `sources[1].url: must be a web address that starts with https://`},
		{"bare domain as url", edit(t, "url: https://example.org/n", "url: example.org"), 33, 10, `must be a web address that starts with https://`},
		{"too large", minimal(t) + "# " + strings.Repeat("x", MaxQuestionsSize) + "\n", 0, 0, `larger than 1 MiB`},
		{"deep nesting", deep, 0, 0, `invalid YAML`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ParseSet([]byte(tt.yaml), "t.yaml")
			if err == nil {
				t.Fatalf("Parse succeeded with %+v", set)
			}
			wantFileError(t, err, "t.yaml", tt.want, tt.line, tt.col)
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(minimal(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := Questions(context.Background(), good, i18n.English, false)
	if err != nil || set.File != good {
		t.Fatalf("Questions(context.Background(), good, i18n.English, false) = %v, %v", set, err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.yaml"), "no such file"},
		{"directory", dir, "is a directory"},
		{"endless", "/dev/zero", "larger than 1 MiB"},
		{"empty", "/dev/null", "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Questions(context.Background(), tt.path, i18n.English, false)
			var fe *Error
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.path+":") {
				t.Fatalf("Questions(context.Background(), %s, i18n.English, false) err = %v, want a *Error containing %q", tt.path, err, tt.want)
			}
		})
	}
	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any file, so permissions cannot make one unreadable")
		}
		p := filepath.Join(dir, "locked.yaml")
		if err := os.WriteFile(p, []byte(minimal(t)), 0o000); err != nil {
			t.Fatal(err)
		}
		if _, err := Questions(context.Background(), p, i18n.English, false); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Fatalf("err = %v", err)
		}
	})
}
