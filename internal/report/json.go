// Package report renders an assessment result, and the question set itself, as
// text for a person, JSON for a script, or markdown to save and bring along.
package report

import (
	"encoding/json"
	"io"

	"github.com/iopfit/iopfit/internal/assess"
)

// SchemaVersion is the version of the JSON result. Its keys are stable: a new
// key may be added, but none is renamed or removed without a new version.
const SchemaVersion = 1

type jsonResult struct {
	SchemaVersion  int               `json:"schema_version"`
	Recommendation string            `json:"recommendation"`
	Headline       string            `json:"headline"`
	Summary        string            `json:"summary"`
	Answers        []jsonAnswer      `json:"answers"`
	About          []string          `json:"about"`
	Caveats        []string          `json:"caveats"`
	NextSteps      []string          `json:"next_steps"`
	Resources      []assess.Resource `json:"resources"`
	Disclaimer     string            `json:"disclaimer"`
	QuestionSet    jsonSet           `json:"question_set"`
}

type jsonAnswer struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Decides  bool   `json:"decides"`
	Reason   string `json:"reason"`
}

type jsonSet struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	File    string `json:"file"`
	Source  string `json:"source"`
	// Lang is the language of the texts; added in schema 1, as keys may be.
	Lang string `json:"lang"`
}

func setInfoJSON(s assess.SetInfo) jsonSet {
	return jsonSet{ID: s.ID, Version: s.Version, File: s.File, Source: s.Source, Lang: s.Lang}
}

// JSON writes r as one indented JSON object and a newline.
func JSON(w io.Writer, r assess.Result) error {
	out := jsonResult{
		SchemaVersion:  SchemaVersion,
		Recommendation: string(r.Recommendation),
		Headline:       r.Headline,
		Summary:        r.Summary,
		Answers:        make([]jsonAnswer, len(r.Answers)),
		About:          r.About,
		Caveats:        r.Caveats,
		NextSteps:      r.NextSteps,
		Resources:      r.Resources,
		Disclaimer:     r.Disclaimer,
		QuestionSet:    setInfoJSON(r.SetInfo),
	}
	for i, a := range r.Answers {
		out.Answers[i] = jsonAnswer{ID: a.ID, Question: a.Question, Answer: string(a.Answer), Decides: a.Decides, Reason: a.Reason}
	}
	return encode(w, out)
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// The texts are for people; "&" should stay "&", not become \u0026.
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
