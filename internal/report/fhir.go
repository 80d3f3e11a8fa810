package report

import (
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/url"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
)

// FHIRBase is where iopfit's FHIR definitions are published: the fhir/
// folder of the repository, read as raw files, so that each definition's
// canonical URL is the address of the file that holds it. The tests check
// that every URL of iopfit's own that an output uses is defined there.
const FHIRBase = "https://raw.githubusercontent.com/iopfit/iopfit/main/fhir"

// The canonical URLs of iopfit's FHIR definitions, each a file in fhir/.
// The README's "For clinics and integrators" documents each.
const (
	// AnswerSystem is the code system of the three answers (yes, no, unsure).
	AnswerSystem = FHIRBase + "/CodeSystem-answer.json"
	// RecommendationSystem is the code system of the two recommendations.
	RecommendationSystem = FHIRBase + "/CodeSystem-recommendation.json"
	// QuestionSystem codes a question item with its question's id.
	QuestionSystem = FHIRBase + "/CodeSystem-question.json"
	// ItemSystem codes the items the Questionnaire calculates.
	ItemSystem = FHIRBase + "/CodeSystem-item.json"
	// DecidesExtension marks a question item that can change the result.
	DecidesExtension = FHIRBase + "/StructureDefinition-decides.json"
	// RecommendationExtension carries the result on a QuestionnaireResponse.
	RecommendationExtension = FHIRBase + "/StructureDefinition-recommendation.json"
)

// The FHIR definitions of others that the outputs use.
const (
	itemControl          = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	itemControlSystem    = "http://hl7.org/fhir/questionnaire-item-control"
	calculatedExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
)

// The linkIds of the items iopfit adds to a set's questions. A question's
// item has the question's id as its linkId, and a question id is
// kebab-case, so it never holds a colon; every other linkId does. Those of
// iopfit's own items start with "iopfit:", and a help item's is its
// question's id and ":help", a suffix none of iopfit's own items has: no
// two items can share a linkId, whatever the set's ids are.
const (
	// IntroLinkID is the display item that shows the set's intro.
	IntroLinkID = "iopfit:intro"
	// HelpNowLinkID is the group of the set's help lines (its resources).
	HelpNowLinkID = "iopfit:help-now"
	// ResultLinkID is the calculated item whose answer is the recommendation.
	ResultLinkID = "iopfit:result"
	// UrgentLinkID is the calculated item whose answers are the urgent texts.
	UrgentLinkID = "iopfit:urgent"
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
	return fhirCoding{System: AnswerSystem, Code: string(a), Display: q.Option(labels, a)}
}

// recommendationCoding codes rec with the outcome's headline, as the
// calculated result item offers it.
func recommendationCoding(rec assess.Recommendation, s *assess.Set) fhirCoding {
	return fhirCoding{System: RecommendationSystem, Code: string(rec), Display: s.Outcomes[rec].Headline}
}

// isFHIRID reports whether id is what FHIR allows as a resource id:
// [A-Za-z0-9.-]{1,64}. (As a regular expression, the 64 repeats are
// compiled at every start, scripted or not: 765 allocations.)
func isFHIRID(id string) bool {
	if len(id) < 1 || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// QuestionnaireID is the id of the set's Questionnaire: the set's id and
// its language, such as "iopfit-es", so that each language of a set is a
// resource of its own and they can be stored side by side. A set id that
// could not make a FHIR id (which the loader refuses) gets one made from
// its digest instead, still one per set and language.
func QuestionnaireID(s assess.SetInfo) string {
	id := s.ID + "-" + s.Lang
	if isFHIRID(id) {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	return "set-" + hex.EncodeToString(sum[:8])
}

// QuestionnaireURL is the canonical URL of the set's Questionnaire in its
// language. It names the Questionnaire; nothing is published there, since
// the Questionnaire is made from the set that is run.
func QuestionnaireURL(s assess.SetInfo) string {
	return FHIRBase + "/Questionnaire/" + QuestionnaireID(s)
}

// fhirVersion is the set's version as a canonical reference can carry it
// after its "|": a version with a "|" or a space (which the loader
// refuses) is escaped rather than allowed to break the reference.
func fhirVersion(v string) string {
	return url.PathEscape(v)
}

// QuestionnaireCanonical is the reference to the set's Questionnaire,
// "url|version", that a QuestionnaireResponse names.
func QuestionnaireCanonical(s assess.SetInfo) string {
	return QuestionnaireURL(s) + "|" + fhirVersion(s.Version)
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
