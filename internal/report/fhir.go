package report

import (
	"html"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
)

// The FHIR definitions of others that the outputs use.
const (
	itemControl          = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	itemControlSystem    = "http://hl7.org/fhir/questionnaire-item-control"
	calculatedExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
)

// helpLinkID is the linkId of a question's help item.
func helpLinkID(questionID string) string { return questionID + ":help" }

type fhirCoding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type fhirCodeableConcept struct {
	Coding []fhirCoding `json:"coding"`
}

type fhirExpression struct {
	Language   string `json:"language"`
	Expression string `json:"expression"`
}

type fhirExtension struct {
	URL                  string               `json:"url"`
	ValueBoolean         *bool                `json:"valueBoolean,omitempty"`
	ValueCoding          *fhirCoding          `json:"valueCoding,omitempty"`
	ValueCodeableConcept *fhirCodeableConcept `json:"valueCodeableConcept,omitempty"`
	ValueExpression      *fhirExpression      `json:"valueExpression,omitempty"`
}

// fhirNarrative is a resource's text: XHTML a person can read on a server
// that shows nothing else of it.
type fhirNarrative struct {
	Status string `json:"status"`
	Div    string `json:"div"`
}

// control is the SDC itemControl extension that asks a form tool to show
// an item as code says ("radio-button", "help").
func control(code, display string) fhirExtension {
	return fhirExtension{URL: itemControl, ValueCodeableConcept: &fhirCodeableConcept{
		Coding: []fhirCoding{{System: itemControlSystem, Code: code, Display: display}},
	}}
}

// answerCoding codes a to q in the words the person read: the question's
// own for its answers, where it has them, else the set's.
func answerCoding(q *assess.Question, a assess.Answer, labels assess.Labels) fhirCoding {
	return fhirCoding{System: fhirid.AnswerSystem, Code: string(a), Display: q.Option(labels, a)}
}

// recommendationCoding codes rec with the outcome's headline, as the
// calculated result item offers it.
func recommendationCoding(rec assess.Recommendation, s *assess.Set) fhirCoding {
	return fhirCoding{System: fhirid.RecommendationSystem, Code: string(rec), Display: s.Outcomes[rec].Headline}
}

// computableName makes a FHIR "name" (an ASCII capital, then ASCII letters,
// digits and underscores) from a set id such as "iopfit" or "my-set".
func computableName(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		switch {
		case r == '-' || r == '_':
			upper = true
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9':
			if upper && 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			upper = false
		}
	}
	name := b.String()
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		name = "Q" + name
	}
	return name
}

// xhtml builds a narrative's div from texts, each escaped.
type xhtml struct{ b strings.Builder }

func newXHTML() *xhtml {
	x := &xhtml{}
	x.b.WriteString(`<div xmlns="http://www.w3.org/1999/xhtml">`)
	return x
}

// el writes text as an element; bold wraps it in <b> inside the element.
func (x *xhtml) el(tag, text string, bold bool) {
	x.b.WriteString("<" + tag + ">")
	if bold {
		x.b.WriteString("<b>" + html.EscapeString(text) + "</b>")
	} else {
		x.b.WriteString(html.EscapeString(text))
	}
	x.b.WriteString("</" + tag + ">")
}

// item writes a list item with a bold lead and the rest plain.
func (x *xhtml) item(lead, rest string) {
	x.b.WriteString("<li><b>" + html.EscapeString(lead) + "</b> " + html.EscapeString(rest) + "</li>")
}

func (x *xhtml) raw(s string) { x.b.WriteString(s) }

func (x *xhtml) done() fhirNarrative {
	return fhirNarrative{Status: "generated", Div: x.b.String() + "</div>"}
}
