package iopfit_test

import (
	"bytes"
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iopfit/iopfit/internal/assess"
	goldenfile "github.com/iopfit/iopfit/internal/golden"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/report"
)

// These tests are the contract of the shipped content, questions.yaml and
// questions.es.yaml. Every other test renders a fixture set, so a clinician
// who changes a word breaks only these: a fact below, or a golden result
// that a reviewer reads as a diff (go test . -update rewrites them).

var update = flag.Bool("update", false, "rewrite the golden results in testdata/content")

func shipped(t *testing.T, l i18n.Lang) *assess.Set {
	t.Helper()
	set, err := load.Embedded(l)
	if err != nil {
		t.Fatalf("the built-in %s set does not load: %v", l, err)
	}
	return set
}

// facts a result must carry, in each language, whatever the answers: the
// help lines and the article's numbers.
var facts = map[i18n.Lang][]string{
	i18n.English: {"988", "988lifeline.org", "AYUDA", "1-800-662-4357", "1-800-487-4889", "911", "9 to 19 hours each week", "30 to 90 days", "FindTreatment.gov", "buprenorphine", "naloxone", "Klonopin", "adults"},
	i18n.Spanish: {"988", "988lifeline.org", "AYUDA", "1-800-662-4357", "1-800-487-4889", "911", "9 a 19 horas cada semana", "30 a 90 días", "FindTreatment.gov", "buprenorfina", "naloxona", "Klonopin", "adultos"},
}

var outcomes = map[string]map[string]assess.Answer{
	"iop":         {"stable-home": assess.Yes, "manageable-needs": assess.Yes, "can-commit": assess.Yes, "responsibilities": assess.Yes},
	"residential": {"stable-home": assess.Yes, "manageable-needs": assess.No, "can-commit": assess.Yes, "responsibilities": assess.Yes},
}

func TestShippedContent(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		if got := strings.Join(set.IDs(), " "); got != "stable-home manageable-needs can-commit responsibilities" {
			t.Errorf("%s: ids = %s", l, got)
		}
		for name, answers := range outcomes {
			t.Run(string(l)+"-"+name, func(t *testing.T) {
				res, err := assess.Evaluate(set, answers)
				if err != nil {
					t.Fatal(err)
				}
				if string(res.Recommendation) != name {
					t.Fatalf("recommendation = %s, want %s", res.Recommendation, name)
				}
				var b bytes.Buffer
				if err := report.Text(&b, res, set.Labels, report.TextOptions{}); err != nil {
					t.Fatal(err)
				}
				for _, f := range facts[l] {
					if !strings.Contains(b.String(), f) {
						t.Errorf("the %s result does not say %q", name, f)
					}
				}
				golden(t, filepath.Join("testdata", "content", string(l)+"-"+name+".txt"), b.Bytes())
			})
		}
	}
}

// TestUrgentComesFirst checks the safety rule of the shipped set: a not-yes
// on manageable-needs puts 911 and 988 right under the headline, before the
// summary and the answers, in text and markdown, and in JSON as urgent; an
// all-yes result has nothing urgent.
func TestUrgentComesFirst(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		for _, a := range assess.Answers {
			answers := map[string]assess.Answer{"stable-home": assess.Yes, "manageable-needs": a, "can-commit": assess.Yes, "responsibilities": assess.Yes}
			res, err := assess.Evaluate(set, answers)
			if err != nil {
				t.Fatal(err)
			}
			if a == assess.Yes {
				if len(res.Urgent) != 0 || len(res.DecidedBy) != 0 {
					t.Errorf("%s, all yes: urgent %q, decided by %q; want none", l, res.Urgent, res.DecidedBy)
				}
				continue
			}
			if len(res.Urgent) != 1 || !slices.Equal(res.DecidedBy, []string{"manageable-needs"}) {
				t.Errorf("%s, needs %s: urgent %q, decided by %q", l, a, res.Urgent, res.DecidedBy)
			}
			var text, md bytes.Buffer
			if err := report.Text(&text, res, set.Labels, report.TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := report.Markdown(&md, res, set.Labels, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			for format, out := range map[string]string{"text": text.String(), "markdown": md.String()} {
				answersAt := strings.Index(out, set.Labels.Get("your_answers"))
				summaryAt := strings.Index(out, res.Summary[:20])
				for _, n := range []string{"911", "988", "1-800-662-4357"} {
					if at := strings.Index(out, n); at < 0 || at > answersAt || at > summaryAt {
						t.Errorf("%s %s, needs %s: %s is not before the summary and the answers", l, format, a, n)
					}
				}
			}
		}
	}
}

// TestEachAnswerSaysWhy checks, per deciding question and language, that a
// not-yes answer names its topic in the summary and puts its own steps
// first.
func TestEachAnswerSaysWhy(t *testing.T) {
	for _, l := range i18n.Langs {
		set := shipped(t, l)
		for _, q := range set.Questions {
			if !q.Decides {
				continue
			}
			for _, a := range []assess.Answer{assess.No, assess.Unsure} {
				answers := map[string]assess.Answer{"stable-home": assess.Yes, "manageable-needs": assess.Yes, "can-commit": assess.Yes, "responsibilities": assess.No}
				answers[q.ID] = a
				res, err := assess.Evaluate(set, answers)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(res.Summary, q.Topic) || !strings.HasPrefix(res.Summary, strings.Split(set.Labels.Get("because"), "{")[0]) {
					t.Errorf("%s %s=%s: the summary does not name %q: %s", l, q.ID, a, q.Topic, res.Summary)
				}
				if len(q.Steps[a]) == 0 || res.NextSteps[0] != q.Steps[a][0] {
					t.Errorf("%s %s=%s: the first step is not the answer's own: %q", l, q.ID, a, res.NextSteps[0])
				}
			}
		}
	}
}

// TestPhoneNumbersStayWhole makes sure no window wide enough to hold a number
// or an address splits it across lines.
func TestPhoneNumbersStayWhole(t *testing.T) {
	set := shipped(t, i18n.English)
	res, err := assess.Evaluate(set, outcomes["iop"])
	if err != nil {
		t.Fatal(err)
	}
	for width := 20; width <= 100; width++ {
		var b bytes.Buffer
		if err := report.Text(&b, res, set.Labels, report.TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"1-800-662-4357", "1-800-487-4889", "988lifeline.org", "FindTreatment.gov"} {
			if !strings.Contains(b.String(), n) {
				t.Fatalf("width %d splits %s", width, n)
			}
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got, *update, "go test . -update")
}
