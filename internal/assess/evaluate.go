package assess

import (
	"fmt"
	"strings"
)

// Recommendation is the result's key: what level of care may fit.
type Recommendation string

// The two recommendations. Their string values are stable keys for scripts.
const (
	IOP         Recommendation = "iop"
	Residential Recommendation = "residential"
)

// Result is everything a renderer prints, already chosen from the set.
type Result struct {
	// Title is the question set's title, for renderers that print a heading.
	Title          string
	Recommendation Recommendation
	Headline       string
	Summary        string
	Answers        []AnsweredQuestion
	About          []string
	Caveats        []string
	NextSteps      []string
	Resources      []Resource
	Disclaimer     string
	SetInfo        SetInfo
}

// AnsweredQuestion is one question with the person's answer and why it matters.
type AnsweredQuestion struct {
	ID       string
	Question string
	Answer   Answer
	Decides  bool
	Reason   string
}

// SetInfo names the question set a result came from.
type SetInfo struct {
	ID      string
	Version string
	File    string
	Source  string
	Lang    string
}

// MissingAnswersError reports questions that have no answer. Evaluate never
// fills one in: a result built on an answer nobody gave would be untrue.
type MissingAnswersError struct {
	IDs []string
}

func (e *MissingAnswersError) Error() string {
	return "no answer for " + strings.Join(e.IDs, ", ")
}

// UnknownQuestionError reports an answer to a question the set does not have.
type UnknownQuestionError struct {
	ID string
}

func (e *UnknownQuestionError) Error() string {
	return fmt.Sprintf("no question has the id %q", e.ID)
}

// Evaluate applies the deciding rule: the recommendation is IOP when every
// deciding question is answered yes, and residential care otherwise. "Unsure"
// on a deciding question counts as not-yes: the check does not point to IOP
// until that question is settled. A question that does not decide only shapes
// the explanation.
func Evaluate(set *Set, answers map[string]Answer) (Result, error) {
	for id := range answers {
		if _, ok := set.Question(id); !ok {
			return Result{}, &UnknownQuestionError{ID: id}
		}
	}
	if missing := Missing(set, answers); len(missing) > 0 {
		return Result{}, &MissingAnswersError{IDs: missing}
	}
	rec := IOP
	answered := make([]AnsweredQuestion, 0, len(set.Questions))
	for _, q := range set.Questions {
		a := answers[q.ID]
		if q.Decides && a != Yes {
			rec = Residential
		}
		answered = append(answered, AnsweredQuestion{
			ID:       q.ID,
			Question: q.Prompt,
			Answer:   a,
			Decides:  q.Decides,
			Reason:   q.Reasons[a],
		})
	}
	out := set.Outcomes[rec]
	return Result{
		Title:          set.Title,
		Recommendation: rec,
		Headline:       out.Headline,
		Summary:        out.Summary,
		Answers:        answered,
		About:          set.About,
		Caveats:        set.Caveats,
		NextSteps:      out.NextSteps,
		Resources:      set.Resources,
		Disclaimer:     set.Disclaimer,
		SetInfo:        set.Info(),
	}, nil
}

// Missing returns the ids of the questions in set that answers does not cover,
// in the set's order.
func Missing(set *Set, answers map[string]Answer) []string {
	var ids []string
	for _, q := range set.Questions {
		if answers[q.ID] == "" {
			ids = append(ids, q.ID)
		}
	}
	return ids
}
