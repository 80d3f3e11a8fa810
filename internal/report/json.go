// Package report renders an assessment result, and the question set itself, as
// text for a person, JSON for a script, or markdown to save and bring along.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/safetext"
)

// SchemaVersion is the version of the JSON result. Its keys are stable: a new
// key may be added, but none is renamed or removed without a new version.
const SchemaVersion = 1

type jsonResult struct {
	SchemaVersion  int               `json:"schema_version"`
	Recommendation string            `json:"recommendation"`
	Headline       string            `json:"headline"`
	Urgent         []string          `json:"urgent"`
	DecidedBy      []string          `json:"decided_by"`
	Summary        string            `json:"summary"`
	Answers        []jsonAnswer      `json:"answers"`
	NextSteps      []string          `json:"next_steps"`
	Resources      []assess.Resource `json:"resources"`
	About          []string          `json:"about"`
	OutcomeAbout   []string          `json:"outcome_about"`
	Caveats        []string          `json:"caveats"`
	Disclaimer     string            `json:"disclaimer"`
	// The answer's own parts, added in schema 1 as keys may be: the short
	// reason, the line on where to turn in danger (when nothing is
	// urgent), how to stay safe (when nothing is urgent), the short caveats,
	// the questions to ask a program, and how many of next_steps the
	// answer shows.
	Why         string   `json:"why"`
	Emergency   string   `json:"emergency"`
	StaySafe    []string `json:"stay_safe"`
	KeepInMind  []string `json:"keep_in_mind"`
	Ask         []string `json:"ask"`
	AnswerSteps int      `json:"answer_steps"`
	// For is whose check it was, "me" or "someone"; Talking how to talk
	// with them, for someone who answered about a person they care about
	// (empty otherwise). Both added in schema 1, as keys may be.
	For         string          `json:"for"`
	Talking     []string        `json:"talking"`
	Sources     []assess.Source `json:"sources"`
	QuestionSet jsonSet         `json:"question_set"`
	// PreviousRecommendation and Changes are there only with --compare:
	// added in schema 1, as keys may be.
	PreviousRecommendation string        `json:"previous_recommendation,omitempty"`
	Changes                *[]jsonChange `json:"changes,omitempty"`
}

type jsonAnswer struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Decides  bool   `json:"decides"`
	Reason   string `json:"reason"`
	// Option is the words the person chose; added in schema 1.
	Option string `json:"option"`
}

// jsonChange is an answer that changed since the earlier result.
type jsonChange struct {
	ID     string `json:"id"`
	Before string `json:"before"`
	After  string `json:"after"`
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
		Urgent:         orEmpty(r.Urgent),
		DecidedBy:      orEmpty(r.DecidedBy),
		Summary:        r.Summary,
		Answers:        make([]jsonAnswer, len(r.Answers)),
		NextSteps:      r.NextSteps,
		Resources:      r.Resources,
		About:          r.About,
		OutcomeAbout:   orEmpty(r.OutcomeAbout),
		Caveats:        r.Caveats,
		Disclaimer:     r.Disclaimer,
		Sources:        orEmpty(r.Sources),
		QuestionSet:    setInfoJSON(r.SetInfo),
		Why:            r.Why,
		Emergency:      r.Emergency,
		StaySafe:       orEmpty(r.StaySafe),
		KeepInMind:     orEmpty(r.KeepInMind),
		Ask:            orEmpty(r.Ask),
		AnswerSteps:    r.ShownSteps(),
		For:            string(r.SetInfo.For),
		Talking:        orEmpty(r.Talking),
	}
	for i, a := range r.Answers {
		out.Answers[i] = jsonAnswer{ID: a.ID, Question: a.Question, Answer: string(a.Answer), Decides: a.Decides, Reason: a.Reason, Option: a.Option}
	}
	if s := r.Since; s != nil {
		out.PreviousRecommendation = string(s.Before)
		changes := make([]jsonChange, len(s.Changes))
		for i, c := range s.Changes {
			changes[i] = jsonChange{ID: c.ID, Before: string(c.Before), After: string(c.After)}
		}
		out.Changes = &changes
	}
	return encode(w, out)
}

// orEmpty keeps a list that has nothing to say as [] rather than null, as
// the schema promises.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func encode(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// The texts are for people; "&" should stay "&", not become \u0026.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, escapeControls(buf.String()))
	return err
}

// escapeControls writes the characters that encoding/json leaves as they are
// but that a terminal acts on (C1 controls such as U+009B, which starts an
// escape sequence, and the bidirectional controls that reorder text) as
// \u escapes. They can only occur inside JSON strings, where an escape
// means the same character to any JSON reader; someone who runs
// "iopfit check -o json" in a terminal sees them, not their effect.
func escapeControls(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x80 && safetext.Bad(r) != "" {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
