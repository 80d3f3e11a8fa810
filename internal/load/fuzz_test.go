package load

import (
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// FuzzParse checks that any input either loads as a set that keeps every
// promise of the schema, or fails with a positioned file error; never a panic.
func FuzzParseSet(f *testing.F) {
	for _, p := range []string{"testdata/minimal.yaml", "../../questions.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("schema: 1\nid: x\nquestions: [{id: a}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("title: \"\\e[2J\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ParseSet(data, "f.yaml")
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *Error: %v", err, err)
			}
			return
		}
		texts := []string{set.ID, set.Version, set.Title, set.Intro, set.Source, set.Disclaimer}
		texts = slices.Concat(texts, set.About, set.Caveats)
		decides := false
		for _, q := range set.Questions {
			if !isQuestionID(q.ID) || slices.Contains(ReservedIDs, q.ID) {
				t.Fatalf("bad id %q loaded", q.ID)
			}
			decides = decides || q.Decides
			texts = append(texts, q.Prompt, q.Help, q.Reasons["yes"], q.Reasons["no"], q.Reasons["unsure"])
		}
		for _, o := range set.Outcomes {
			texts = slices.Concat(texts, []string{o.Headline, o.Summary}, o.NextSteps)
		}
		for _, r := range set.Resources {
			texts = append(texts, r.Name, r.Contact)
		}
		for _, l := range set.Labels {
			texts = append(texts, l)
		}
		if !decides || len(set.Outcomes) != 2 {
			t.Fatal("a set without a deciding question or both outcomes loaded")
		}
		for _, s := range texts {
			if s == "" {
				t.Fatal("an empty text loaded")
			}
			if desc, _ := safetext.Find(s); desc != "" {
				t.Fatalf("text with %s loaded: %q", desc, s)
			}
		}
	})
}

// FuzzParseTranslation checks a translation file the same way: any input
// either loads as a complete translation with safe text, or fails with a
// positioned file error.
func FuzzParseTranslation(f *testing.F) {
	b, err := os.ReadFile("../../questions.es.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("title: x\n"))
	setData := []byte(mustRead(f, "../../questions.yaml"))
	base, err := ParseSet(setData, "q.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ParseTranslation(setData, data, "f.yaml", i18n.Spanish)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *Error: %v", err, err)
			}
			return
		}
		if len(set.Questions) != len(base.Questions) || set.Title == "" {
			t.Fatal("an incomplete translation loaded")
		}
		for _, q := range set.Questions {
			for _, s := range []string{q.Prompt, q.Help, q.Reasons["yes"], q.Reasons["no"], q.Reasons["unsure"]} {
				if desc, _ := safetext.Find(s); desc != "" || s == "" {
					t.Fatalf("unsafe or empty text loaded: %q", s)
				}
			}
		}
	})
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// FuzzParseSomeone: the words for someone else either load whole, over the
// set, with every question's texts safe to print and the rule unchanged,
// or fail with a *Error; never a panic.
func FuzzParseSomeone(f *testing.F) {
	for _, p := range []string{"../../questions.someone.yaml", "../../questions.someone.es.yaml"} {
		f.Add([]byte(mustRead(f, p)))
	}
	f.Add([]byte("title: x\ntalking: [a]\n"))
	base, err := ParseSet([]byte(mustRead(f, "../../questions.yaml")), "q.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ParseSomeone(base, data, "f.yaml")
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *Error: %v", err, err)
			}
			return
		}
		if set.For != assess.ForSomeone || len(set.Questions) != len(base.Questions) || len(set.Talking) == 0 {
			t.Fatal("incomplete words for someone else loaded")
		}
		for i, q := range set.Questions {
			if q.ID != base.Questions[i].ID || q.Decides != base.Questions[i].Decides {
				t.Fatalf("the words for someone else changed the rule: %s", q.ID)
			}
			for _, s := range []string{q.Prompt, q.Help, q.Reasons["yes"], q.Reasons["no"], q.Reasons["unsure"]} {
				if desc, _ := safetext.Find(s); desc != "" || s == "" {
					t.Fatalf("unsafe or empty text loaded: %q", s)
				}
			}
		}
	})
}
