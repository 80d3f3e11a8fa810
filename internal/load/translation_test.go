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

// translation returns testdata/minimal.es.yaml with old replaced by new,
// failing the test if old is not there.
func translation(t *testing.T, old, new string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/minimal.es.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tr := string(b)
	if old != "" {
		if !strings.Contains(tr, old) {
			t.Fatalf("minimal.es.yaml has no %q", old)
		}
		tr = strings.Replace(tr, old, new, 1)
	}
	return tr
}

func TestTranslationLoads(t *testing.T) {
	es, err := ParseTranslation([]byte(minimal(t)), []byte(translation(t, "", "")), "t.es.yaml", i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	q := es.Questions[0]
	if es.Lang != "es" || es.Title != "T es" || q.ID != "stable-home" || !q.Decides || q.Prompt != "P es" || q.Reasons["no"] != "N es" {
		t.Errorf("Spanish set = %+v", es)
	}
	if len(es.Outcomes["residential"].NextSteps) != 2 || es.Labels["option_yes"] != "Sí" || es.ID != "t" {
		t.Errorf("Spanish set = %+v", es)
	}
	// Optional labels the file leaves out come from the catalog, in Spanish.
	if es.Labels["plain_retry"] != "Esa no es una de las opciones." {
		t.Errorf("optional label plain_retry = %q", es.Labels["plain_retry"])
	}
}

func TestEmbeddedSpanishIsComplete(t *testing.T) {
	set, err := Embedded(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	es, err := Embedded(i18n.Spanish)
	if err != nil {
		t.Fatalf("questions.es.yaml does not load: %v", err)
	}
	if es.Lang != "es" || es.File != EmbeddedName {
		t.Errorf("Spanish set: lang %q, file %q", es.Lang, es.File)
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
		{"missing text", "disclaimer: D es\n", "", `t.es.yaml:1:1: is missing the required key "disclaimer"`},
		{"missing question", "  stable-home:\n    prompt: P es\n    help: H es\n    topic: T es\n    reasons: {yes: Y es, no: N es, unsure: U es}\n", "  {}\n", `questions: is missing the required key "stable-home"`},
		{"missing reason", "unsure: U es}", "}", `questions.stable-home.reasons: is missing the required key "unsure"`},
		{"empty prompt", "prompt: P es", `prompt: ""`, `questions.stable-home.prompt: is empty`},
		{"unknown question", "  stable-home:", "  stable-hom:", `questions: unknown key "stable-hom"; did you mean "stable-home"?`},
		{"id in a translation", "    prompt: P es", "    id: x\n    prompt: P es", `questions.stable-home: unknown key "id"`},
		{"decides in a translation", "    prompt: P es", "    decides: false\n    prompt: P es", `unknown key "decides"`},
		{"missing label", "cancelled: F}", "}", `labels: is missing the required key "cancelled"`},
		{"escape in a translation", "title: T es", `title: "\e[2J"`, `title: text contains an escape character`},
		{"a list", "title: T es", "- x\ntitle: T es", `invalid YAML`},
		{"in_urgent in a translation", "resources: [{name: n es, contact: c es}]", "resources: [{name: n es, contact: c es, in_urgent: true}]", `resources[1]: has "in_urgent", which only the set gives`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTranslation([]byte(minimal(t)), []byte(translation(t, tt.old, tt.new)), "t.es.yaml", i18n.Spanish)
			var fe *Error
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tt.want)
			}
			if fe.Line == 0 || fe.File != "t.es.yaml" {
				t.Errorf("no line, or not the translation's file, in %v", err)
			}
		})
	}
}

// A translation gives the answer's texts when its set does, and only then,
// so that no part of an answer is left in the set's language; and a
// question's own answer words, when the set's question has them.
func TestTranslationGivesTheAnswersTexts(t *testing.T) {
	withTexts := strings.Replace(minimal(t), "about: [a]\n", "about: [a]\nstay_safe: [s]\n", 1)
	if _, err := ParseTranslation([]byte(withTexts), []byte(translation(t, "", "")), "t.es.yaml", i18n.Spanish); err == nil || !strings.Contains(err.Error(), `is missing the required key "stay_safe"`) {
		t.Errorf("set with stay_safe, translation without: err = %v", err)
	}
	if _, err := ParseTranslation([]byte(withTexts), []byte(translation(t, "about: [a es]\n", "about: [a es]\nstay_safe: [s es]\n")), "t.es.yaml", i18n.Spanish); err != nil {
		t.Errorf("both with stay_safe: %v", err)
	}
	if _, err := ParseTranslation([]byte(minimal(t)), []byte(translation(t, "about: [a es]\n", "about: [a es]\nask: [q es]\n")), "t.es.yaml", i18n.Spanish); err == nil || !strings.Contains(err.Error(), `"ask"`) {
		t.Errorf("translation with ask, set without: err = %v", err)
	}
	withOptions := strings.Replace(minimal(t), "    topic: T\n", "    topic: T\n    options: {yes: Y1, no: N1, unsure: U1}\n", 1)
	if _, err := ParseTranslation([]byte(withOptions), []byte(translation(t, "", "")), "t.es.yaml", i18n.Spanish); err == nil || !strings.Contains(err.Error(), `is missing the required key "options"`) {
		t.Errorf("set with options, translation without: err = %v", err)
	}
	es, err := ParseTranslation([]byte(withOptions), []byte(translation(t, "    topic: T es\n", "    topic: T es\n    options: {yes: Sí1, no: No1, unsure: NS1}\n")), "t.es.yaml", i18n.Spanish)
	if err != nil || es.Questions[0].Options["no"] != "No1" {
		t.Errorf("both with options: %v", err)
	}
}

// A translation must give every label its set gives, optional ones too, so
// that no label is left in English.
func TestTranslationNeedsTheSetsLabels(t *testing.T) {
	src := strings.Replace(minimal(t), "  cancelled: F\n", "  cancelled: F\n  source: Source\n", 1)
	_, err := ParseTranslation([]byte(src), []byte(translation(t, "", "")), "t.es.yaml", i18n.Spanish)
	if err == nil || !strings.Contains(err.Error(), `labels: is missing the required key "source"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestQuestionsFindsTheTranslation: a set's translation is the file beside
// it; a missing one is an error only when the language was asked for.
func TestQuestionsFindsTheTranslation(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "set.yaml")
	if err := os.WriteFile(path, []byte(minimal(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := Questions(ctx, path, i18n.Spanish, false)
	if err != nil || set.Lang != "en" {
		t.Fatalf("no translation, from the locale: %+v, %v; want the set in English", set, err)
	}
	_, err = Questions(ctx, path, i18n.Spanish, true)
	var nt *NoTranslationError
	if !errors.As(err, &nt) || !strings.Contains(err.Error(), filepath.Join(dir, "set.es.yaml")) {
		t.Fatalf("no translation, asked for: err = %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "set.es.yaml"), []byte(translation(t, "", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	es, err := Questions(ctx, path, i18n.Spanish, true)
	if err != nil || es.Lang != "es" || es.File != path || es.Title != "T es" {
		t.Fatalf("translation beside the set: %+v, %v", es, err)
	}
	if langs := Langs(path); len(langs) != 2 || langs[1] != i18n.Spanish {
		t.Errorf("Langs = %v", langs)
	}
	if err := os.WriteFile(filepath.Join(dir, "set.es.yaml"), []byte("title: [x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Questions(ctx, path, i18n.Spanish, false); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "set.es.yaml")+":") {
		t.Fatalf("a broken translation: err = %v", err)
	}
}

func TestTranslationPath(t *testing.T) {
	for in, want := range map[string]string{"q.yaml": "q.es.yaml", "a/b.yml": "a/b.es.yml", "set": "set.es"} {
		if got := TranslationPath(in, i18n.Spanish); got != want {
			t.Errorf("TranslationPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTranslationGivesTheSameAnswerTexts: a translation gives a topic, an
// urgent text, a headline and steps for exactly the answers its set's
// question has them.
func TestTranslationGivesTheSameAnswerTexts(t *testing.T) {
	base := strings.Replace(minimal(t), "    topic: T\n", "    topic: T\n    urgent: {no: Call now.}\n    headline: {no: Head.}\n    steps: {no: [Step.], unsure: [Step.]}\n", 1)
	full := "    topic: T es\n    urgent: {no: Llame ya.}\n    headline: {no: Titular.}\n    steps: {no: [Paso.], unsure: [Paso.]}\n"
	es, err := ParseTranslation([]byte(base), []byte(translation(t, "    topic: T es\n", full)), "t.es.yaml", i18n.Spanish)
	if err != nil {
		t.Fatalf("a complete translation is refused: %v", err)
	}
	if got := es.Questions[0].Headline["no"]; got != "Titular." {
		t.Errorf("translated headline = %q", got)
	}
	tests := []struct {
		name, set, old, new, want string
	}{
		{"urgent missing", base, "    topic: T es\n", "    topic: T es\n    headline: {no: Titular.}\n    steps: {no: [Paso.], unsure: [Paso.]}\n", `questions.stable-home: is missing the required key "urgent"`},
		{"headline missing", base, "    topic: T es\n", "    topic: T es\n    urgent: {no: Llame ya.}\n    steps: {no: [Paso.], unsure: [Paso.]}\n", `questions.stable-home: is missing the required key "headline"`},
		{"headline for another answer", base, "    topic: T es\n", "    topic: T es\n    urgent: {no: Llame ya.}\n    headline: {unsure: Titular.}\n    steps: {no: [Paso.], unsure: [Paso.]}\n", `questions.stable-home.headline: unknown key "unsure"; the keys here are no`},
		{"an answer's steps missing", base, "    topic: T es\n", "    topic: T es\n    urgent: {no: Llame ya.}\n    headline: {no: Titular.}\n    steps: {no: [Paso.]}\n", `questions.stable-home.steps: is missing the required key "unsure"`},
		{"urgent for another answer", base, "    topic: T es\n", "    topic: T es\n    urgent: {unsure: Llame ya.}\n    headline: {no: Titular.}\n    steps: {no: [Paso.], unsure: [Paso.]}\n", `unknown key "unsure"`},
		{"headline the set does not have", minimal(t), "    topic: T es\n", "    topic: T es\n    headline: {no: Titular.}\n", `has "headline", which the set does not have at this place`},
		{"urgent the set does not have", minimal(t), "    topic: T es\n", "    topic: T es\n    urgent: {no: Llame ya.}\n", `has "urgent", which the set does not have at this place`},
		{"topic missing", minimal(t), "    topic: T es\n", "", `questions.stable-home: is missing the required key "topic"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTranslation([]byte(tt.set), []byte(translation(t, tt.old, tt.new)), "t.es.yaml", i18n.Spanish)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestSetAnswerTexts: a set's question may give urgent texts for no and
// unsure, and steps for the answers that fit whether it decides.
func TestSetAnswerTexts(t *testing.T) {
	tests := []struct{ name, add, want string }{
		{"urgent for yes", "    urgent: {yes: Now.}\n", `unknown key "yes"`},
		{"yes steps on a deciding question", "    steps: {yes: [a]}\n", `unknown key "yes"`},
		{"empty steps", "    steps: {no: []}\n", `steps.no: is an empty list`},
		{"empty urgent", "    urgent: {}\n", `urgent: is empty`},
		{"urgent and steps", "    urgent: {no: Now.}\n    steps: {no: [a], unsure: [b]}\n", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSet([]byte(strings.Replace(minimal(t), "    topic: T\n", "    topic: T\n"+tt.add, 1)), "t.yaml")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}
