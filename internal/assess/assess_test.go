package assess

import (
	"errors"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		in      string
		want    Answer
		wantErr bool
	}{
		{"yes", Yes, false},
		{"Y", Yes, false},
		{"YES", Yes, false},
		{" yes\n", Yes, false},
		{"no", No, false},
		{"N", No, false},
		{"unsure", Unsure, false},
		{"Not-Sure", Unsure, false},
		{"u", Unsure, false},
		{"", "", true},
		{"maybe", "", true},
		{"not sure", "", true}, // the flag form is hyphenated; the label "Not sure" is a prompt answer
		{"true", "", true},     // booleans are accepted only as YAML/JSON values
		{"1", "", true},
		{"yess", "", true},
	}
	for _, tt := range tests {
		got, ok := ParseAnswer(tt.in)
		if ok == tt.wantErr || got != tt.want {
			t.Errorf("ParseAnswer(%q) = %q, %v; want %q, ok %v", tt.in, got, ok, tt.want, !tt.wantErr)
		}
	}
}

func TestFromBool(t *testing.T) {
	if FromBool(true) != Yes || FromBool(false) != No {
		t.Fatal("FromBool does not map true to yes and false to no")
	}
}

// testSet mirrors the shape of the real set: three deciding questions and one
// that only explains.
func testSet() *Set {
	q := func(id string, decides bool) Question {
		return Question{ID: id, Prompt: id + "?", Decides: decides, Reasons: map[Answer]string{
			Yes: id + " yes", No: id + " no", Unsure: id + " unsure",
		}}
	}
	return &Set{
		ID: "test", Version: "1", Title: "T", Source: "S", File: "embedded", Lang: "en",
		Questions: []Question{q("stable-home", true), q("manageable-needs", true), q("can-commit", true), q("responsibilities", false)},
		Outcomes: map[Recommendation]Outcome{
			IOP:         {Headline: "iop head", Summary: "iop sum", NextSteps: []string{"iop step"}},
			Residential: {Headline: "res head", Summary: "res sum", NextSteps: []string{"res step"}},
		},
		About: []string{"about"}, Caveats: []string{"caveat"},
		Resources:  []Resource{{Name: "988", Contact: "call 988"}},
		Disclaimer: "not a diagnosis",
	}
}

// TestEvaluateEveryCombination checks all 81 combinations of answers against
// the rule stated plainly: IOP exactly when every deciding answer is yes.
func TestEvaluateEveryCombination(t *testing.T) {
	set := testSet()
	for _, home := range Answers {
		for _, needs := range Answers {
			for _, commit := range Answers {
				for _, resp := range Answers {
					answers := map[string]Answer{"stable-home": home, "manageable-needs": needs, "can-commit": commit, "responsibilities": resp}
					res, err := Evaluate(set, answers)
					if err != nil {
						t.Fatalf("Evaluate(%v): %v", answers, err)
					}
					want := Residential
					if home == Yes && needs == Yes && commit == Yes {
						want = IOP
					}
					if res.Recommendation != want {
						t.Errorf("Evaluate(%v) = %s, want %s", answers, res.Recommendation, want)
					}
					out := set.Outcomes[want]
					if res.Headline != out.Headline || res.Summary != out.Summary || res.NextSteps[0] != out.NextSteps[0] {
						t.Errorf("Evaluate(%v): text is not the %s outcome's", answers, want)
					}
					for i, a := range res.Answers {
						q := set.Questions[i]
						if a.ID != q.ID || a.Answer != answers[q.ID] || a.Reason != q.Reasons[a.Answer] || a.Decides != q.Decides || a.Question != q.Prompt {
							t.Errorf("Evaluate(%v): answer %d = %+v", answers, i, a)
						}
					}
				}
			}
		}
	}
}

func TestEvaluateCarriesTheSet(t *testing.T) {
	set := testSet()
	res, err := Evaluate(set, map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes, "responsibilities": Yes})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "T" || res.Disclaimer != "not a diagnosis" || len(res.Resources) != 1 || res.About[0] != "about" || res.Caveats[0] != "caveat" {
		t.Errorf("result does not carry the set's text: %+v", res)
	}
	if res.SetInfo != (SetInfo{ID: "test", Version: "1", File: "embedded", Source: "S", Lang: "en"}) {
		t.Errorf("SetInfo = %+v", res.SetInfo)
	}
}

func TestEvaluateNeverGuesses(t *testing.T) {
	set := testSet()
	tests := []struct {
		name    string
		answers map[string]Answer
		missing []string
	}{
		{"none", map[string]Answer{}, []string{"stable-home", "manageable-needs", "can-commit", "responsibilities"}},
		{"non-deciding missing", map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes}, []string{"responsibilities"}},
		{"empty answer", map[string]Answer{"stable-home": "", "manageable-needs": Yes, "can-commit": Yes, "responsibilities": No}, []string{"stable-home"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Evaluate(set, tt.answers)
			var m *MissingAnswersError
			if !errors.As(err, &m) {
				t.Fatalf("err = %v, want MissingAnswersError", err)
			}
			if len(m.IDs) != len(tt.missing) {
				t.Fatalf("missing = %v, want %v", m.IDs, tt.missing)
			}
			for i := range tt.missing {
				if m.IDs[i] != tt.missing[i] {
					t.Fatalf("missing = %v, want %v", m.IDs, tt.missing)
				}
			}
		})
	}
}

func TestEvaluateUnknownID(t *testing.T) {
	_, err := Evaluate(testSet(), map[string]Answer{"stable-hom": Yes})
	var u *UnknownQuestionError
	if !errors.As(err, &u) || u.ID != "stable-hom" {
		t.Fatalf("err = %v, want UnknownQuestionError for stable-hom", err)
	}
}

func TestLabels(t *testing.T) {
	l := Labels{"option_yes": "Yes", "option_no": "No", "option_unsure": "Not sure", "source": "Fuente"}
	if l.Option(Yes) != "Yes" || l.Option(No) != "No" || l.Option(Unsure) != "Not sure" {
		t.Error("Option does not return the option labels")
	}
	if l.Get("source") != "Fuente" {
		t.Error("Get does not return the label")
	}
}
