package report

import (
	"io"
	"strings"
	"unicode"

	"github.com/iopfit/iopfit/internal/assess"
)

// The canonical URLs of iopfit's FHIR artefacts. They name things; nothing
// is fetched from them. The README's "For clinics and integrators" documents
// each.
const (
	fhirBase = "https://github.com/iopfit/iopfit/fhir"
	// AnswerSystem is the code system of the three answers (yes, no, unsure).
	AnswerSystem = fhirBase + "/CodeSystem/answer"
	// RecommendationSystem is the code system of the two recommendations.
	RecommendationSystem = fhirBase + "/CodeSystem/recommendation"
	// DecidesExtension marks a question item that can change the result.
	DecidesExtension = fhirBase + "/StructureDefinition/decides"
	// RecommendationExtension carries the result on a QuestionnaireResponse.
	RecommendationExtension = fhirBase + "/StructureDefinition/recommendation"
	// itemControl is the SDC extension that shows an item as help.
	itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
)

type fhirCoding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type fhirCodeableConcept struct {
	Coding []fhirCoding `json:"coding"`
}

type fhirExtension struct {
	URL                  string               `json:"url"`
	ValueBoolean         *bool                `json:"valueBoolean,omitempty"`
	ValueCoding          *fhirCoding          `json:"valueCoding,omitempty"`
	ValueCodeableConcept *fhirCodeableConcept `json:"valueCodeableConcept,omitempty"`
}

type fhirAnswerOption struct {
	ValueCoding fhirCoding `json:"valueCoding"`
}

type fhirItem struct {
	Extension    []fhirExtension    `json:"extension,omitempty"`
	LinkID       string             `json:"linkId"`
	Text         string             `json:"text"`
	Type         string             `json:"type"`
	Required     bool               `json:"required,omitempty"`
	AnswerOption []fhirAnswerOption `json:"answerOption,omitempty"`
	Item         []fhirItem         `json:"item,omitempty"`
}

type fhirQuestionnaire struct {
	ResourceType string     `json:"resourceType"`
	Language     string     `json:"language"`
	URL          string     `json:"url"`
	Version      string     `json:"version"`
	Name         string     `json:"name"`
	Title        string     `json:"title"`
	Status       string     `json:"status"`
	Description  string     `json:"description,omitempty"`
	Item         []fhirItem `json:"item"`
}

// QuestionnaireURL is the canonical URL of set's Questionnaire.
func QuestionnaireURL(s assess.SetInfo) string {
	return fhirBase + "/Questionnaire/" + s.ID
}

// answerCoding codes a in the set's words.
func answerCoding(a assess.Answer, labels assess.Labels) fhirCoding {
	return fhirCoding{System: AnswerSystem, Code: string(a), Display: labels.Option(a)}
}

// QuestionnaireFHIR writes s as a FHIR R4 Questionnaire: one required choice
// item per question, with its help as a child item shown as help (SDC
// itemControl "help"), the three answers coded in iopfit's answer system,
// and whether the question decides as an extension of iopfit's own.
func QuestionnaireFHIR(w io.Writer, s *assess.Set) error {
	q := fhirQuestionnaire{
		ResourceType: "Questionnaire",
		Language:     s.Lang,
		URL:          QuestionnaireURL(s.Info()),
		Version:      s.Version,
		Name:         computableName(s.ID),
		Title:        s.Title,
		Status:       "active",
		Description:  s.Intro,
	}
	for _, sq := range s.Questions {
		decides := sq.Decides
		item := fhirItem{
			Extension: []fhirExtension{{URL: DecidesExtension, ValueBoolean: &decides}},
			LinkID:    sq.ID,
			Text:      sq.Prompt,
			Type:      "choice",
			Required:  true,
			Item: []fhirItem{{
				Extension: []fhirExtension{{URL: itemControl, ValueCodeableConcept: &fhirCodeableConcept{
					Coding: []fhirCoding{{System: "http://hl7.org/fhir/questionnaire-item-control", Code: "help", Display: "Help-Button"}},
				}}},
				LinkID: sq.ID + "-help",
				Text:   sq.Help,
				Type:   "display",
			}},
		}
		for _, a := range assess.Answers {
			item.AnswerOption = append(item.AnswerOption, fhirAnswerOption{ValueCoding: answerCoding(a, s.Labels)})
		}
		q.Item = append(q.Item, item)
	}
	return encode(w, q)
}

type fhirAnswer struct {
	ValueCoding fhirCoding `json:"valueCoding"`
}

type fhirResponseItem struct {
	LinkID string       `json:"linkId"`
	Text   string       `json:"text"`
	Answer []fhirAnswer `json:"answer"`
}

type fhirResponse struct {
	ResourceType  string             `json:"resourceType"`
	Language      string             `json:"language"`
	Extension     []fhirExtension    `json:"extension"`
	Questionnaire string             `json:"questionnaire"`
	Status        string             `json:"status"`
	Item          []fhirResponseItem `json:"item"`
}

// ResponseFHIR writes r as a FHIR R4 QuestionnaireResponse to the set's
// Questionnaire. The recommendation is an extension, not an item: a
// response's items must match its Questionnaire's, and the result is not a
// question the person answered. It holds nothing the person did not give: no
// time, no subject, no author.
func ResponseFHIR(w io.Writer, r assess.Result, labels assess.Labels) error {
	resp := fhirResponse{
		ResourceType: "QuestionnaireResponse",
		Language:     r.SetInfo.Lang,
		Extension: []fhirExtension{{URL: RecommendationExtension, ValueCoding: &fhirCoding{
			System: RecommendationSystem, Code: string(r.Recommendation), Display: r.Headline,
		}}},
		Questionnaire: QuestionnaireURL(r.SetInfo) + "|" + r.SetInfo.Version,
		Status:        "completed",
	}
	for _, a := range r.Answers {
		resp.Item = append(resp.Item, fhirResponseItem{
			LinkID: a.ID,
			Text:   a.Question,
			Answer: []fhirAnswer{{ValueCoding: answerCoding(a.Answer, labels)}},
		})
	}
	return encode(w, resp)
}

// computableName makes a FHIR "name" (a letter, then letters, digits and
// underscores) from a set id such as "iopfit" or "my-set".
func computableName(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		switch {
		case r == '-' || r == '_':
			upper = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
		}
	}
	name := b.String()
	if name == "" || !unicode.IsLetter([]rune(name)[0]) {
		name = "Q" + name
	}
	return name
}
