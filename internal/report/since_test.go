package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// sinceCases are re-checks the golden files show: a step down (answers and
// the result changed), answers that changed with the same result, and a
// re-check in which nothing changed, each from a result of today's version
// of the set; and a step down from a result of another version.
var sinceCases = []struct {
	name    string
	today   map[string]assess.Answer
	earlier assess.Earlier
}{
	{"since-step-down", cases[0].answers, assess.Earlier{Answers: cases[2].answers, Recommendation: assess.Residential}},
	{"since-same-result", cases[2].answers, assess.Earlier{Answers: map[string]assess.Answer{"stable-home": "unsure", "manageable-needs": "unsure", "can-commit": "no", "responsibilities": "unsure"}, Recommendation: assess.Residential}},
	{"since-nothing", cases[2].answers, assess.Earlier{Answers: cases[2].answers, Recommendation: assess.Residential}},
	{"since-other-version", cases[0].answers, assess.Earlier{Version: "0.0.9", Answers: cases[2].answers, Recommendation: assess.Residential}},
}

// readBack is c's earlier result as earlier.Parse gives it for set: one
// without a version is of set's own, with the headline the person read.
func readBack(t *testing.T, set *assess.Set, e assess.Earlier) assess.Earlier {
	if e.Version == "" {
		e.Version = set.Version
		e.Headline = result(t, set, e.Answers).Headline
	}
	return e
}

func TestSinceGolden(t *testing.T) {
	for _, l := range i18n.Langs {
		set := fixture(t, l)
		prefix := ""
		if l != i18n.English {
			prefix = string(l) + "-"
		}
		for _, c := range sinceCases {
			res := result(t, set, c.today)
			res.Since = assess.Compare(set, res, readBack(t, set, c.earlier))
			t.Run(prefix+c.name, func(t *testing.T) {
				var b bytes.Buffer
				if err := Text(&b, res, set.Labels, TextOptions{}); err != nil {
					t.Fatal(err)
				}
				golden(t, prefix+c.name+".txt", b.Bytes())
				b.Reset()
				if err := Markdown(&b, res, set.Labels, madeOn); err != nil {
					t.Fatal(err)
				}
				golden(t, prefix+c.name+".md", b.Bytes())
				b.Reset()
				if err := JSON(&b, res); err != nil {
					t.Fatal(err)
				}
				golden(t, prefix+c.name+".json", b.Bytes())
			})
		}
	}
}

// TestSinceUsesTheSetsLabels: the words of "Since last time" are labels a
// set may give, with its placeholders filled in once each; a topic that
// holds a placeholder's spelling is left as it is.
func TestSinceUsesTheSetsLabels(t *testing.T) {
	set := fixture(t, i18n.English)
	set.Labels["since_last"] = "Then and now"
	set.Labels["since_answer"] = "{topic} went from {before} to {after}."
	set.Labels["since_question"] = "«{question}» {before}/{after}"
	set.Labels["since_result"] = "Was: {before} Is: {after}"
	set.Questions[0].Topic = "home {after}"
	res := result(t, set, cases[0].answers)
	res.Since = assess.Compare(set, res, sinceCases[0].earlier)
	var b bytes.Buffer
	if err := Text(&b, res, set.Labels, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\nThen and now\n",
		"- home {after} went from No to Yes.\n",
		"- «Do you have fixture duties?» Not sure/Yes\n",
		"- Was: Fixture residential headline. Is: Fixture IOP headline.\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in\n%s", want, b.String())
		}
	}
}

// TestSinceLeavesFHIRAlone: a FHIR response records the answers of one
// check; what changed since an earlier one is no part of it.
func TestSinceLeavesFHIRAlone(t *testing.T) {
	set := fixture(t, i18n.English)
	res := result(t, set, cases[0].answers)
	var without, with bytes.Buffer
	if err := ResponseFHIR(&without, res, set); err != nil {
		t.Fatal(err)
	}
	res.Since = assess.Compare(set, res, sinceCases[0].earlier)
	if err := ResponseFHIR(&with, res, set); err != nil {
		t.Fatal(err)
	}
	if with.String() != without.String() {
		t.Error("the FHIR response changed with --compare")
	}
}

// TestSinceSaysTheVersion: a result of another version of the set is
// shown as its file records it, and the section says so, naming the
// version when it reads as one; also when nothing changed.
func TestSinceSaysTheVersion(t *testing.T) {
	set := fixture(t, i18n.English)
	note := "Last time's check used version 0.0.9 of these questions, and today's uses 0.1.0: last time's result is shown as its file records it, and a question that only one version asks is left out."
	tests := []struct {
		name    string
		version string
		want    string
	}{
		{"today's version", "0.1.0", "Fixture residential summary.\n\nNothing changed since last time.\n\nNext steps"},
		{"another version", "0.0.9", "\n\nNothing changed since last time. " + note + "\n\nNext steps"},
		{"no version", "", "\n\nNothing changed since last time. Last time's file does not say which version of these questions it used (today's is 0.1.0)"},
		// Named, but not as iopfit writes a version: said so, without it.
		{"a version that is no version", "0.9\x1b[2J", "\n\nNothing changed since last time. Last time's file names a version of these questions that iopfit does not recognise (today's is 0.1.0)"},
		{"a version with a trailing space", "0.0.9 ", "\n\nNothing changed since last time. Last time's file names a version of these questions that iopfit does not recognise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := result(t, set, cases[2].answers)
			res.Since = assess.Compare(set, res, assess.Earlier{Version: tt.version, Answers: cases[2].answers, Recommendation: assess.Residential})
			var b bytes.Buffer
			if err := Text(&b, res, set.Labels, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("no %q in\n%s", tt.want, b.String())
			}
			b.Reset()
			if err := Markdown(&b, res, set.Labels, madeOn); err != nil {
				t.Fatal(err)
			}
			if md := strings.ReplaceAll(tt.want, "Next steps", "## Next steps"); !strings.Contains(b.String(), md) {
				t.Errorf("no %q in\n%s", md, b.String())
			}
		})
	}
}
