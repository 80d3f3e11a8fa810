package load

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
)

func set() *assess.Set {
	return &assess.Set{Questions: []assess.Question{
		{ID: "stable-home"}, {ID: "manageable-needs"}, {ID: "can-commit"}, {ID: "responsibilities"},
	}}
}

func TestParseAnswers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]assess.Answer
	}{
		{"yaml words", "stable-home: yes\ncan-commit: No\nresponsibilities: unsure\n", map[string]assess.Answer{"stable-home": "yes", "can-commit": "no", "responsibilities": "unsure"}},
		{"short words", "stable-home: y\nmanageable-needs: n\ncan-commit: u\nresponsibilities: not-sure", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "no", "can-commit": "unsure", "responsibilities": "unsure"}},
		{"yaml booleans", "stable-home: true\nmanageable-needs: false\n", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "no"}},
		{"yaml booleans as YAML spells them", "stable-home: True\nmanageable-needs: FALSE\ncan-commit: !!bool false\nresponsibilities: !!bool TRUE\n", map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "no", "can-commit": "no", "responsibilities": "yes"}},
		{"json", `{"stable-home": "yes", "manageable-needs": true, "can-commit": false}`, map[string]assess.Answer{"stable-home": "yes", "manageable-needs": "yes", "can-commit": "no"}},
		{"empty mapping", "{}", map[string]assess.Answer{}},
		{"comments", "# mine\nstable-home: yes # sure\n", map[string]assess.Answer{"stable-home": "yes"}},
		{"quoted yes", `stable-home: "YES"`, map[string]assess.Answer{"stable-home": "yes"}},
		{"decomposed accents", "stable-home: \"si\\u0301\"\ncan-commit: no se\u0301\n", map[string]assess.Answer{"stable-home": "yes", "can-commit": "unsure"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnswers([]byte(tt.in), "a.yaml", set())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestParseAnswersRejects(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		want      string
	}{
		{"empty", "", 0, 0, "a.yaml: is empty"},
		{"blank", "\n  \n", 0, 0, "is empty"},
		{"only a comment", "# nothing\n", 0, 0, "is empty"},
		{"list", "- yes\n- no\n", 1, 1, "must be a mapping of question ids to answers"},
		{"scalar", "yes", 1, 1, "must be a mapping"},
		{"unknown id", "stable-hom: yes", 1, 1, `no question has the id "stable-hom"; did you mean "stable-home"?`},
		{"unknown id far off", "colour: yes", 1, 1, `the ids are stable-home, manageable-needs, can-commit, responsibilities`},
		{"duplicate id", "stable-home: yes\nstable-home: no", 2, 1, `answers "stable-home" twice`},
		{"bad word", "stable-home: maybe", 1, 14, `stable-home: "maybe" is not an answer; use yes, no or unsure`},
		{"number", "stable-home: 1", 1, 14, `stable-home: "1" is not an answer; use yes, no or unsure`},
		{"float", "stable-home: 0.5", 1, 14, `"0.5" is not an answer`},
		{"null", "stable-home:", 1, 13, `stable-home: no answer is given`},
		// A tag does not make t, f, 1 or 0 a boolean: YAML's are true and false.
		{"!!bool t", "stable-home: !!bool t", 1, 14, `stable-home: has the tag "!!bool", which iopfit does not read; remove it and write just yes, no or unsure`},
		{"!!bool 1", "stable-home: !!bool 1", 1, 14, `has the tag "!!bool"`},
		{"!!bool 0", "stable-home: !!bool 0", 1, 14, `has the tag "!!bool"`},
		{"!!bool f", "stable-home: !!bool f", 1, 14, `has the tag "!!bool"`},
		{"!!bool yes", "stable-home: !!bool yes", 1, 14, `has the tag "!!bool"`},
		{"null word", "stable-home: null", 1, 14, `no answer is given`},
		{"list value", "stable-home: [yes]", 1, 14, `must be a single word, not a list`},
		{"map value", "stable-home: {a: b}", 1, 14, `not a mapping`},
		{"broken json", `{"stable-home": "yes"`, 0, 0, "invalid YAML or JSON"},
		{"broken yaml", "stable-home: [yes\n", 0, 0, "invalid YAML or JSON"},
		{"two documents", "stable-home: yes\n---\ncan-commit: no\n", 2, 0, "more than one YAML document"},
		{"invalid utf-8", "stable-home: \xff", 0, 0, "not valid UTF-8"},
		{"a mark NFC cannot join", "stable-home: s\u0131\u0301", 1, 14, `stable-home: "sı\u0301" is not an answer`},
		{"escape in value", "stable-home: \"\\e[2J\"", 1, 14, `"\x1b[2J" is not an answer`},
		{"alias", "stable-home: &a yes\ncan-commit: *a", 2, 13, "uses an alias (*a)"},
		{"too large", "stable-home: yes\n#" + strings.Repeat("x", MaxAnswersSize), 0, 0, "larger than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnswers([]byte(tt.in), "a.yaml", set())
			if err == nil {
				t.Fatalf("Parse succeeded with %v", got)
			}
			wantFileError(t, err, "a.yaml", tt.want, tt.line, tt.col)
		})
	}
}

func TestAnswersFromStdin(t *testing.T) {
	got, err := Answers(context.Background(), Stdin(strings.NewReader("stable-home: yes")), set())
	if err != nil || got["stable-home"] != assess.Yes {
		t.Fatalf("Answers(stdin) = %v, %v", got, err)
	}
	_, err = Answers(context.Background(), Stdin(strings.NewReader("x: yes")), set())
	if err == nil || !strings.HasPrefix(err.Error(), "stdin:") {
		t.Fatalf("err = %v, want it to name stdin", err)
	}
}

// FuzzParse checks that any input yields either valid answers to known
// questions or a positioned file error; never a panic, never a guess.
func FuzzParseAnswers(f *testing.F) {
	f.Add([]byte("stable-home: yes\ncan-commit: false\n"))
	f.Add([]byte(`{"stable-home": "u"}`))
	f.Add([]byte("- a\n"))
	f.Add([]byte("stable-home: &a yes\ncan-commit: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := set()
		got, err := ParseAnswers(data, "f", s)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *Error: %v", err, err)
			}
			return
		}
		for id, a := range got {
			if _, ok := s.Question(id); !ok {
				t.Fatalf("answer to unknown question %q", id)
			}
			if a != assess.Yes && a != assess.No && a != assess.Unsure {
				t.Fatalf("invalid answer %q for %s", a, id)
			}
		}
	})
}
