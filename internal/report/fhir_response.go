package report

import (
	"io"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
)

type fhirAnswer struct {
	ValueCoding *fhirCoding `json:"valueCoding,omitempty"`
	ValueString string      `json:"valueString,omitempty"`
}

type fhirResponseItem struct {
	LinkID string       `json:"linkId"`
	Text   string       `json:"text"`
	Answer []fhirAnswer `json:"answer"`
}

type fhirResponse struct {
	ResourceType  string             `json:"resourceType"`
	Language      string             `json:"language"`
	Text          fhirNarrative      `json:"text"`
	Extension     []fhirExtension    `json:"extension"`
	Questionnaire string             `json:"questionnaire"`
	Status        string             `json:"status"`
	Source        *fhirReference     `json:"source,omitempty"`
	Item          []fhirResponseItem `json:"item"`
}

// fhirReference is an R4 Reference by type alone: who answered, without
// naming them.
type fhirReference struct {
	Type string `json:"type"`
}

// ResponseFHIR writes r, a result of s, as a FHIR R4 QuestionnaireResponse
// to the set's Questionnaire: an item per question, its linkId the
// question's id and its answer coded; then the calculated items as a form
// tool would fill them in: the recommendation (iopfit:result) and, when an
// answer carries one, each urgent text (iopfit:urgent). The recommendation
// is also an extension, with the headline the person read, for readers
// that use it. The response holds nothing the person did not give: no
// time, no subject, no author; only, when someone answered about a person
// they care about, that a related person was the source.
func ResponseFHIR(w io.Writer, r assess.Result, s *assess.Set) error {
	headline := fhirCoding{System: fhirid.RecommendationSystem, Code: string(r.Recommendation), Display: r.Headline}
	result := recommendationCoding(r.Recommendation, s)
	resp := fhirResponse{
		ResourceType:  "QuestionnaireResponse",
		Language:      r.SetInfo.Lang,
		Text:          responseNarrative(r, s.Labels),
		Extension:     []fhirExtension{{URL: fhirid.RecommendationExtension, ValueCoding: &headline}},
		Questionnaire: fhirid.QuestionnaireCanonical(r.SetInfo),
		Status:        "completed",
	}
	if r.SetInfo.For == assess.ForSomeone {
		// Someone answered about a person they care about: the response's
		// source, a core element every server keeps, says so by type
		// alone. The person's own check has none, as before.
		resp.Source = &fhirReference{Type: "RelatedPerson"}
	}
	for _, a := range r.Answers {
		c := fhirCoding{System: fhirid.AnswerSystem, Code: string(a.Answer), Display: a.Option}
		resp.Item = append(resp.Item, fhirResponseItem{LinkID: a.ID, Text: a.Question, Answer: []fhirAnswer{{ValueCoding: &c}}})
	}
	resp.Item = append(resp.Item, fhirResponseItem{LinkID: fhirid.ResultLinkID, Text: s.Title, Answer: []fhirAnswer{{ValueCoding: &result}}})
	if len(r.Urgent) > 0 {
		urgent := fhirResponseItem{LinkID: fhirid.UrgentLinkID, Text: s.Labels.Get("urgent")}
		for _, u := range r.Urgent {
			urgent.Answer = append(urgent.Answer, fhirAnswer{ValueString: u})
		}
		resp.Item = append(resp.Item, urgent)
	}
	return encode(w, resp)
}

// responseNarrative is the result as a server shows it: the headline, what
// to do now, and the answers.
func responseNarrative(r assess.Result, labels assess.Labels) fhirNarrative {
	x := newXHTML()
	x.el("p", r.Headline, true)
	for _, u := range r.Urgent {
		x.el("p", u, false)
	}
	x.raw("<ul>")
	for _, a := range r.Answers {
		x.item(a.Question, a.Option)
	}
	x.raw("</ul>")
	return x.done()
}
