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
	// Headline is the headline of the answer that led here, when a deciding
	// question has one for it, else the outcome's.
	Headline string
	// Urgent holds what to do now, from the answers that carry it, as
	// short items, each once; it is shown right under the headline. Empty
	// when there is nothing urgent.
	Urgent []string
	// Emergency is the set's line on where to turn in danger now, shown
	// under the headline when nothing is urgent; empty when something is.
	Emergency string
	// DecidedBy lists the deciding questions not answered yes, in the set's
	// order: the answers that led to a residential result.
	DecidedBy []string
	// Why is the answer's reason in a sentence or two: the one that names
	// the answers in DecidedBy, when there are any, then the outcome's own.
	Why string
	// Summary is the handout's longer reason, starting as Why does.
	Summary string
	Answers []AnsweredQuestion
	// NextSteps are the steps of the person's answers, those with urgent
	// text first, then the outcome's: each once, at most MaxSteps. The
	// answer shows the first AnswerSteps of them, the handout all.
	NextSteps []string
	// StaySafe is the set's overdose and withdrawal safety, when nothing is
	// urgent (what to do now says it otherwise).
	StaySafe  []string
	Resources []Resource
	// About says what IOP involves; OutcomeAbout what the recommended care
	// involves, when the outcome says (a residential result does).
	About        []string
	OutcomeAbout []string
	// KeepInMind is the answer's short caveats; Caveats the handout's rest.
	KeepInMind []string
	Caveats    []string
	// Ask lists the questions to ask a program.
	Ask []string
	// Talking is how to talk with the person about care, when someone
	// answered about them; empty otherwise.
	Talking    []string
	Disclaimer string
	Sources    []Source
	SetInfo    SetInfo
	// Since says what changed since an earlier result; nil unless one was
	// given to compare with (check --compare). Compare fills it in.
	Since *Since
}

// AnsweredQuestion is one question with the person's answer and why it matters.
type AnsweredQuestion struct {
	ID       string
	Question string
	Answer   Answer
	// Option is the words the person chose, the question's own for the
	// answer where it has them.
	Option  string
	Decides bool
	Reason  string
}

// SetInfo names the question set a result came from.
type SetInfo struct {
	ID      string
	Version string
	File    string
	Source  string
	Lang    string
	// For is whose check it was: the person's own, or someone's about them.
	For Perspective
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
	var decidedBy, topics []string
	for _, q := range set.Questions {
		if q.Decides && answers[q.ID] != Yes {
			rec = Residential
			decidedBy = append(decidedBy, q.ID)
			topics = append(topics, q.Topic)
		}
	}
	answered := make([]AnsweredQuestion, 0, len(set.Questions))
	urgent := []string{}
	seen := map[string]bool{}
	for i := range set.Questions {
		q := &set.Questions[i]
		a := answers[q.ID]
		answered = append(answered, AnsweredQuestion{
			ID:       q.ID,
			Question: q.Prompt,
			Answer:   a,
			Option:   q.Option(set.Labels, a),
			Decides:  q.Decides,
			Reason:   q.Reasons[a],
		})
		// Two answers may carry the same item: it is said once.
		for _, u := range q.Urgent[a] {
			if !seen[u] {
				seen[u] = true
				urgent = append(urgent, u)
			}
		}
	}
	out := set.Outcomes[rec]
	order := urgentFirst(set, answers)
	why, summary := out.Why, out.Summary
	if why == "" {
		why = summary
	}
	if len(topics) > 0 {
		because := Because(set.Labels, topics)
		why, summary = because+" "+why, because+" "+summary
	}
	r := Result{
		Title:          set.Title,
		Recommendation: rec,
		Headline:       headline(order, answers, out.Headline),
		Urgent:         urgent,
		DecidedBy:      nonNil(decidedBy),
		Why:            why,
		Summary:        summary,
		Answers:        answered,
		NextSteps:      nextSteps(order, answers, rec, out.NextSteps),
		StaySafe:       []string{},
		Resources:      set.Resources,
		About:          set.About,
		OutcomeAbout:   []string{},
		KeepInMind:     nonNil(set.KeepInMind),
		Caveats:        set.Caveats,
		Ask:            nonNil(set.Ask),
		Talking:        nonNil(set.Talking),
		Disclaimer:     set.Disclaimer,
		Sources:        set.Sources,
		SetInfo:        set.Info(),
	}
	if len(urgent) == 0 {
		r.Emergency = set.Emergency
		r.StaySafe = nonNil(set.StaySafe)
	}
	if showsOutcomeAbout(set, decidedBy) {
		r.OutcomeAbout = nonNil(out.About)
	}
	return r, nil
}

// AnswerSteps is how many next steps the answer shows: the first, which fit
// best; the handout lists them all. When what to do now is shown, it holds
// the actions for today, and the answer shows AnswerStepsUrgent.
const (
	AnswerSteps       = 4
	AnswerStepsUrgent = 3
)

// ShownSteps is how many of r's next steps the answer shows.
func (r Result) ShownSteps() int {
	if len(r.Urgent) > 0 {
		return min(len(r.NextSteps), AnswerStepsUrgent)
	}
	return min(len(r.NextSteps), AnswerSteps)
}

// MaxKeepInMind is the most caveats the answer may carry.
const MaxKeepInMind = 3

// showsOutcomeAbout is true when what the recommended care involves is worth
// reading: the result is not IOP, and some answer behind it points to that
// care rather than to another kind of IOP.
func showsOutcomeAbout(set *Set, decidedBy []string) bool {
	for _, id := range decidedBy {
		if q, _ := set.Question(id); !q.NoOutcomeAbout {
			return true
		}
	}
	return false
}

// MaxSteps is the most next steps a result lists: a scared and tired
// person can act on a few, and the first ones are those that fit best.
const MaxSteps = 6

// urgentFirst orders the questions for choosing a headline and steps: those
// whose answer carries urgent text first, since what could hurt the person
// now comes first, then the others, each group in the set's order.
func urgentFirst(set *Set, answers map[string]Answer) []*Question {
	order := make([]*Question, 0, len(set.Questions))
	for _, urgent := range []bool{true, false} {
		for i := range set.Questions {
			q := &set.Questions[i]
			if (len(q.Urgent[answers[q.ID]]) > 0) == urgent {
				order = append(order, q)
			}
		}
	}
	return order
}

// headline is the headline of the first deciding question in order that
// is not answered yes and has one for its answer, else fallback, the
// outcome's. With urgent questions first, a health need outranks a schedule.
func headline(order []*Question, answers map[string]Answer, fallback string) string {
	for _, q := range order {
		if a := answers[q.ID]; q.Decides && a != Yes && q.Headline[a] != "" {
			return q.Headline[a]
		}
	}
	return fallback
}

// nextSteps lists the steps of the answers in order, then the outcome's,
// each once, at most MaxSteps of them. A question that does not decide
// cannot make a result residential; its steps help a person make room for
// care away from home, so they belong to a residential result only.
func nextSteps(order []*Question, answers map[string]Answer, rec Recommendation, outcome []string) []string {
	var steps []string
	seen := map[string]bool{}
	add := func(list []string) {
		for _, s := range list {
			if !seen[s] {
				seen[s] = true
				steps = append(steps, s)
			}
		}
	}
	for _, q := range order {
		if q.Decides || rec == Residential {
			add(q.Steps[answers[q.ID]])
		}
	}
	add(outcome)
	return steps[:min(len(steps), MaxSteps)]
}

// TopicsPlaceholder is where the because label puts the list of topics.
const TopicsPlaceholder = "{topics}"

// Because is the sentence that names the topics of the answers that led to
// a result: the because label with its placeholder replaced by the topics,
// joined with the list_and label ("your home and your schedule").
func Because(labels Labels, topics []string) string {
	list := topics[len(topics)-1]
	if len(topics) > 1 {
		list = strings.Join(topics[:len(topics)-1], ", ") + " " + labels.Get("list_and") + " " + list
	}
	return strings.Replace(labels.Get("because"), TopicsPlaceholder, list, 1)
}

// nonNil keeps empty lists as [] in JSON, as the schema promises.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
