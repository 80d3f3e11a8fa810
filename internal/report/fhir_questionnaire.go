package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fhirid"
)

type fhirAnswerOption struct {
	ValueCoding fhirCoding `json:"valueCoding"`
}

type fhirEnableWhen struct {
	Question      string      `json:"question"`
	Operator      string      `json:"operator"`
	AnswerBoolean *bool       `json:"answerBoolean,omitempty"`
	AnswerCoding  *fhirCoding `json:"answerCoding,omitempty"`
}

type fhirItem struct {
	Extension      []fhirExtension    `json:"extension,omitempty"`
	LinkID         string             `json:"linkId"`
	Code           []fhirCoding       `json:"code,omitempty"`
	Text           string             `json:"text"`
	Type           string             `json:"type"`
	EnableWhen     []fhirEnableWhen   `json:"enableWhen,omitempty"`
	EnableBehavior string             `json:"enableBehavior,omitempty"`
	Required       bool               `json:"required,omitempty"`
	Repeats        bool               `json:"repeats,omitempty"`
	ReadOnly       bool               `json:"readOnly,omitempty"`
	AnswerOption   []fhirAnswerOption `json:"answerOption,omitempty"`
	Item           []fhirItem         `json:"item,omitempty"`
}

type fhirQuestionnaire struct {
	ResourceType string        `json:"resourceType"`
	ID           string        `json:"id"`
	Language     string        `json:"language"`
	Text         fhirNarrative `json:"text"`
	URL          string        `json:"url"`
	Version      string        `json:"version"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	Status       string        `json:"status"`
	Experimental bool          `json:"experimental"`
	SubjectType  []string      `json:"subjectType"`
	Date         string        `json:"date,omitempty"`
	Publisher    string        `json:"publisher"`
	Description  string        `json:"description,omitempty"`
	Copyright    string        `json:"copyright,omitempty"`
	Item         []fhirItem    `json:"item"`
}

// QuestionnaireFHIR writes s as a FHIR R4 Questionnaire in the set's
// language, in the order a person meets it: the intro, the help lines, one
// required choice item per question (its help as a child item shown as
// help), then the result, calculated from the answers as iopfit's rule
// gives it, and what to do now when an answer carries it. It is not
// experimental: it is meant for real use, and what it is not (a diagnosis)
// is its copyright, the set's disclaimer.
func QuestionnaireFHIR(w io.Writer, s *assess.Set) error {
	info := s.Info()
	intro := fhirIntro(s.Intro, s.Labels.Get("not_saved"))
	q := fhirQuestionnaire{
		ResourceType: "Questionnaire",
		ID:           fhirid.QuestionnaireID(info),
		Language:     s.Lang,
		Text:         questionnaireNarrative(s, intro),
		URL:          fhirid.QuestionnaireURL(info),
		Version:      fhirid.Version(s.Version),
		Name:         computableName(s.ID),
		Title:        s.Title,
		Status:       "active",
		SubjectType:  []string{"Patient"},
		Date:         lastChecked(s.Sources),
		// The tool that wrote it; a set's own authors are named in its
		// source and sources.
		Publisher:   "iopfit",
		Description: intro,
		Copyright:   s.Disclaimer,
	}
	if intro != "" {
		q.Item = append(q.Item, fhirItem{LinkID: fhirid.IntroLinkID, Text: intro, Type: "display"})
	}
	if len(s.Resources) > 0 {
		q.Item = append(q.Item, helpNowItem(s))
	}
	for _, sq := range s.Questions {
		q.Item = append(q.Item, questionItem(sq, s.Labels))
	}
	q.Item = append(q.Item, resultItem(s))
	if u, ok := urgentItem(s); ok {
		q.Item = append(q.Item, u)
	}
	return encode(w, q)
}

// fhirIntro is the intro without its sentence that says nothing is saved
// (the not_saved label): true of iopfit, which stores nothing, but not of a
// clinic's form tool, which may save the answers.
func fhirIntro(intro, notSaved string) string {
	if notSaved == "" {
		return intro
	}
	for _, cut := range []string{" " + notSaved, notSaved + " ", notSaved} {
		intro = strings.ReplaceAll(intro, cut, "")
	}
	return strings.TrimSpace(intro)
}

// lastChecked is the day the set's facts were last checked, as the
// Questionnaire's date: the latest day its content is known to hold, the
// same on every run.
func lastChecked(sources []assess.Source) string {
	last := ""
	for _, src := range sources {
		last = max(last, src.Checked)
	}
	return last
}

// helpNowItem shows the set's help lines (the 988 line among them) as
// text on the form itself, not behind a help button.
func helpNowItem(s *assess.Set) fhirItem {
	g := fhirItem{LinkID: fhirid.HelpNowLinkID, Text: s.Labels.Get("resources"), Type: "group"}
	for i, r := range s.Resources {
		g.Item = append(g.Item, fhirItem{LinkID: fhirid.HelpNowLinkID + ":" + strconv.Itoa(i+1), Text: r.Name + ": " + r.Contact, Type: "display"})
	}
	return g
}

func questionItem(sq assess.Question, labels assess.Labels) fhirItem {
	decides := sq.Decides
	item := fhirItem{
		Extension: []fhirExtension{{URL: fhirid.DecidesExtension, ValueBoolean: &decides}, control("radio-button", "Radio Button")},
		LinkID:    sq.ID,
		Code:      []fhirCoding{{System: fhirid.QuestionSystem, Code: sq.ID}},
		Text:      sq.Prompt,
		Type:      "choice",
		Required:  true,
		Item: []fhirItem{{
			Extension: []fhirExtension{control("help", "Help-Button")},
			LinkID:    helpLinkID(sq.ID),
			Text:      sq.Help,
			Type:      "display",
		}},
	}
	for _, a := range assess.Answers {
		item.AnswerOption = append(item.AnswerOption, fhirAnswerOption{ValueCoding: answerCoding(&sq, a, labels)})
	}
	return item
}

// resultItem is the recommendation as a read-only item that a form tool
// calculates (so that it survives a tool that drops extensions), shown once
// every question is answered, with the outcomes' headlines as its options.
func resultItem(s *assess.Set) fhirItem {
	yes := true
	item := fhirItem{
		Extension:      []fhirExtension{calculated(resultExpression(s)), control("radio-button", "Radio Button")},
		LinkID:         fhirid.ResultLinkID,
		Code:           []fhirCoding{{System: fhirid.ItemSystem, Code: "result"}},
		Text:           s.Title,
		Type:           "choice",
		EnableBehavior: "all",
		ReadOnly:       true,
	}
	for _, q := range s.Questions {
		item.EnableWhen = append(item.EnableWhen, fhirEnableWhen{Question: q.ID, Operator: "exists", AnswerBoolean: &yes})
	}
	for _, rec := range []assess.Recommendation{assess.IOP, assess.Residential} {
		item.AnswerOption = append(item.AnswerOption, fhirAnswerOption{ValueCoding: recommendationCoding(rec, s)})
	}
	return item
}

// urgentItem is what to do now, as a read-only item that a form tool
// calculates: one answer per urgent text of the answers given, shown as
// soon as an answer that carries one is chosen. A set with no urgent text
// has none.
func urgentItem(s *assess.Set) (fhirItem, bool) {
	expr := urgentExpression(s)
	if expr == "" {
		return fhirItem{}, false
	}
	item := fhirItem{
		Extension:      []fhirExtension{calculated(expr)},
		LinkID:         fhirid.UrgentLinkID,
		Code:           []fhirCoding{{System: fhirid.ItemSystem, Code: "urgent"}},
		Text:           s.Labels.Get("urgent"),
		Type:           "text",
		EnableBehavior: "any",
		Repeats:        true,
		ReadOnly:       true,
	}
	for _, q := range s.Questions {
		for _, a := range assess.Answers {
			if len(q.Urgent[a]) > 0 {
				c := fhirCoding{System: fhirid.AnswerSystem, Code: string(a)}
				item.EnableWhen = append(item.EnableWhen, fhirEnableWhen{Question: q.ID, Operator: "=", AnswerCoding: &c})
			}
		}
	}
	return item, true
}

// questionnaireNarrative is the Questionnaire as a server shows it: the
// title, the intro, the help lines, the questions and the disclaimer.
func questionnaireNarrative(s *assess.Set, intro string) fhirNarrative {
	x := newXHTML()
	x.el("p", s.Title, true)
	if intro != "" {
		x.el("p", intro, false)
	}
	if len(s.Resources) > 0 {
		x.el("p", s.Labels.Get("resources"), true)
		x.raw("<ul>")
		for _, r := range s.Resources {
			x.item(r.Name+":", r.Contact)
		}
		x.raw("</ul>")
	}
	x.raw("<ol>")
	for _, q := range s.Questions {
		x.el("li", q.Prompt, false)
	}
	x.raw("</ol>")
	x.el("p", s.Disclaimer, false)
	return x.done()
}
