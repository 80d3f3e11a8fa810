package questions

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/i18n"
)

func withTranslation(t *testing.T, old, new string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/translation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tr := string(b)
	if old != "" {
		if !strings.Contains(tr, old) {
			t.Fatalf("translation.yaml has no %q", old)
		}
		tr = strings.Replace(tr, old, new, 1)
	}
	return minimal(t) + tr
}

func TestTranslationLoads(t *testing.T) {
	set, err := Parse([]byte(withTranslation(t, "", "")), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	es, ok := set.In(i18n.Spanish)
	if !ok {
		t.Fatal("no Spanish set")
	}
	q := es.Questions[0]
	if es.Lang != i18n.Spanish || es.Title != "T es" || q.ID != "stable-home" || !q.Decides || q.Prompt != "P es" || q.Reasons["no"] != "N es" {
		t.Errorf("Spanish set = %+v", es)
	}
	if len(es.Outcomes["residential"].NextSteps) != 2 || es.Labels["option_yes"] != "Sí" || es.File != "t.yaml" || es.ID != set.ID {
		t.Errorf("Spanish set = %+v", es)
	}
	// Optional labels the file leaves out come from the catalog, in Spanish.
	if es.Labels["plain_retry"] != "Esa no es una de las opciones." || set.Labels["plain_retry"] != "That is not one of the choices." {
		t.Errorf("optional labels: es %q, en %q", es.Labels["plain_retry"], set.Labels["plain_retry"])
	}
	if set.Questions[0].Prompt != "P" {
		t.Error("translating changed the English set")
	}
}

func TestEmbeddedSpanishIsComplete(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	es, err := EmbeddedIn(i18n.Spanish)
	if err != nil {
		t.Fatalf("questions.es.yaml does not load: %v", err)
	}
	if es.Lang != i18n.Spanish || es.File != EmbeddedName {
		t.Errorf("Spanish set: lang %q, file %q", es.Lang, es.File)
	}
	if es.Labels["option_yes"] != "Sí" || es.Labels["option_no"] != "No" || es.Labels["option_unsure"] != "No estoy seguro" {
		t.Errorf("Spanish options = %q, %q, %q", es.Labels["option_yes"], es.Labels["option_no"], es.Labels["option_unsure"])
	}
	for _, q := range es.Questions {
		en, _ := set.Question(q.ID)
		if q.Prompt == en.Prompt || q.Help == en.Help {
			t.Errorf("%s is not translated", q.ID)
		}
	}
}

func TestTranslationRejects(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"missing text", "    disclaimer: D es\n", "", `translations.es: is missing the required key "disclaimer"`},
		{"missing question", "      stable-home:\n        prompt: P es\n        help: H es\n        reasons: {yes: Y es, no: N es, unsure: U es}\n", "      {}\n", `translations.es.questions: is missing the required key "stable-home"`},
		{"missing reason", "unsure: U es}", "}", `translations.es.questions.stable-home.reasons: is missing the required key "unsure"`},
		{"empty prompt", "prompt: P es", `prompt: ""`, `translations.es.questions.stable-home.prompt: is empty`},
		{"unknown question", "      stable-home:", "      stable-hom:", `translations.es.questions: unknown key "stable-hom"; did you mean "stable-home"?`},
		{"id in a translation", "        prompt: P es", "        id: x\n        prompt: P es", `translations.es.questions.stable-home: unknown key "id"`},
		{"decides in a translation", "        prompt: P es", "        decides: false\n        prompt: P es", `unknown key "decides"`},
		{"missing label", "cancelled: F}", "}", `translations.es.labels: is missing the required key "cancelled"`},
		{"unknown language", "  es:", "  fr:", `translations: unknown language "fr"; iopfit speaks en or es`},
		{"English", "  es:", "  en:", `translations: English is the set's own language`},
		{"escape in a translation", "title: T es", `title: "\e[2J"`, `translations.es.title: text contains an escape character`},
		{"not a mapping", "  es:\n", "  es: []\n  xx:\n", `unknown language "xx"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(withTranslation(t, tt.old, tt.new)), "t.yaml")
			var fe *fileerr.Error
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tt.want)
			}
			if fe.Line == 0 {
				t.Errorf("no line in %v", err)
			}
		})
	}
}

// A translation must give every label its set gives, optional ones too, so
// that no label is left in English.
func TestTranslationNeedsTheSetsLabels(t *testing.T) {
	src := strings.Replace(withTranslation(t, "", ""), "  cancelled: F\n", "  cancelled: F\n  source: Source\n", 1)
	_, err := Parse([]byte(src), "t.yaml")
	if err == nil || !strings.Contains(err.Error(), `translations.es.labels: is missing the required key "source"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestSiblingTranslationErrors: the built-in Spanish file's errors name the
// file and the text, like a translations section's.
func TestSiblingTranslationErrors(t *testing.T) {
	base, given, err := parse([]byte(minimal(t)), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/translation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The section's body, moved to the top of a file of its own.
	body := strings.ReplaceAll(strings.TrimPrefix(string(b), "translations:\n  es:\n"), "\n    ", "\n")
	body = strings.TrimPrefix(body, "    ")
	es, err := parseTranslation(base, given, []byte(body), "t.es.yaml", i18n.Spanish)
	if err != nil || es.Title != "T es" || es.File != "t.es.yaml" {
		t.Fatalf("parseTranslation = %+v, %v", es, err)
	}
	_, err = parseTranslation(base, given, []byte(strings.Replace(body, "disclaimer: D es\n", "", 1)), "t.es.yaml", i18n.Spanish)
	if err == nil || !strings.HasPrefix(err.Error(), "t.es.yaml:1:1: is missing the required key \"disclaimer\"") {
		t.Fatalf("err = %v", err)
	}
}
