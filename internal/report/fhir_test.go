package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
)

// fhirSets are the sets the FHIR outputs are checked for: the fixture and
// the shipped content in both languages, and a custom set with a single
// question that does not decide beside one that does.
func fhirSets(t *testing.T) map[string]*assess.Set {
	t.Helper()
	sets := map[string]*assess.Set{"fixture-en": fixture(t, i18n.English), "fixture-es": fixture(t, i18n.Spanish)}
	for _, l := range i18n.Langs {
		s, err := load.Embedded(l)
		if err != nil {
			t.Fatal(err)
		}
		sets["shipped-"+string(l)] = s
	}
	custom, err := load.ParseSet([]byte(customSet), "custom.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sets["custom"] = custom
	return sets
}

const customSet = `schema: 1
id: my-clinic_intake
version: "3"
title: Intake
intro: Two questions.
source: A clinic.
questions:
  - id: safe-place
    prompt: Do you have a safe place?
    help: A place to sleep.
    topic: your home
    reasons: {yes: Y, no: N, unsure: U}
  - id: job
    prompt: Do you have a job?
    help: Work.
    decides: false
    reasons: {yes: Y, no: N, unsure: U}
outcomes:
  iop: {headline: IOP may fit., summary: S, next_steps: [a]}
  residential: {headline: Other care may fit., summary: S, next_steps: [a]}
about: [a]
caveats: [c]
resources: [{name: n, contact: c}]
disclaimer: D
sources: [{name: A source, no_url: true, checked: 2026-11-28}]
labels: {option_yes: "Yes", option_no: "No", option_unsure: Not sure, your_answers: A, about: B, caveats: C, next_steps: D, resources: E, cancelled: F}
`

// validR4 fails the test unless data is a valid FHIR R4 resource of kind, as
// the google/fhir library reads the specification: required fields, value
// types, codes and cardinalities.
func validR4(t *testing.T, what string, data []byte, kind string) {
	t.Helper()
	um, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := um.Unmarshal(data); err != nil {
		t.Fatalf("%s is not valid FHIR R4: %v\n%s", what, err, data)
	}
	var head struct{ ResourceType string }
	if err := json.Unmarshal(data, &head); err != nil || head.ResourceType != kind {
		t.Fatalf("%s: resourceType %q, want %s", what, head.ResourceType, kind)
	}
}

func TestFHIRIsValidR4(t *testing.T) {
	for name, set := range fhirSets(t) {
		t.Run(name, func(t *testing.T) {
			var q bytes.Buffer
			if err := QuestionnaireFHIR(&q, set); err != nil {
				t.Fatal(err)
			}
			validR4(t, "the Questionnaire", q.Bytes(), "Questionnaire")
			for _, a := range assess.Answers {
				answers := map[string]assess.Answer{}
				for _, id := range set.IDs() {
					answers[id] = a
				}
				res, err := assess.Evaluate(set, answers)
				if err != nil {
					t.Fatal(err)
				}
				var r bytes.Buffer
				if err := ResponseFHIR(&r, res, set.Labels); err != nil {
					t.Fatal(err)
				}
				validR4(t, "the QuestionnaireResponse", r.Bytes(), "QuestionnaireResponse")
				var resp struct {
					Questionnaire string
					Extension     []struct{ ValueCoding struct{ Code string } }
					Item          []struct {
						LinkID string
						Answer []struct{ ValueCoding struct{ Code string } }
					}
				}
				if err := json.Unmarshal(r.Bytes(), &resp); err != nil {
					t.Fatal(err)
				}
				if resp.Questionnaire != QuestionnaireURL(set.Info())+"|"+set.Version || resp.Extension[0].ValueCoding.Code != string(res.Recommendation) {
					t.Errorf("the response does not point to its questionnaire or carry the result: %s", r.Bytes())
				}
				for i, it := range resp.Item {
					if it.LinkID != set.Questions[i].ID || it.Answer[0].ValueCoding.Code != string(a) {
						t.Errorf("item %d = %+v, want %s answered %s", i, it, set.Questions[i].ID, a)
					}
				}
				if bytes.Contains(r.Bytes(), []byte(`"authored"`)) || bytes.Contains(r.Bytes(), []byte(`"subject"`)) {
					t.Errorf("the response holds a time or an identity: %s", r.Bytes())
				}
			}
		})
	}
}

func TestComputableName(t *testing.T) {
	for in, want := range map[string]string{"iopfit": "Iopfit", "my-clinic_intake": "MyClinicIntake", "2x": "Q2x"} {
		if got := computableName(in); got != want {
			t.Errorf("computableName(%q) = %q, want %q", in, got, want)
		}
	}
}
