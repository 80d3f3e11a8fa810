package iopfit_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
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
	i18n.English: {"988", "988lifeline.org", "1-800-662-4357", "1-800-487-4889", "911", "9 to 19 hours", "30 to 90 days", "FindTreatment.gov"},
	i18n.Spanish: {"988", "988lifeline.org", "1-800-662-4357", "1-800-487-4889", "911", "9 a 19 horas", "30 a 90 días", "FindTreatment.gov"},
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
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test . -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change to the content is meant, go test . -update rewrites it\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}
