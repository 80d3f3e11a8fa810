package assess

import "cmp"

// Earlier is an earlier result of a question set, as read back from a file
// iopfit wrote (-o json, -o fhir, or a kept -o markdown handout): the answers given then and the
// recommendation they led to.
type Earlier struct {
	// SetID is the id of the set the result came from; Version its version
	// then, which may differ from today's.
	SetID   string
	Version string
	// Answers holds the answers given then, by question id.
	Answers        map[string]Answer
	Recommendation Recommendation
	// Headline is the headline the person read then, in today's set and
	// language, when the file shows one and is of today's set and version;
	// "" otherwise, and then the outcome's headline stands for it.
	Headline string
	// For is whose check it was, when the file says; one that does not
	// (written before iopfit asked) was the person's own.
	For Perspective
}

// Since says what changed between an earlier result and today's: it is
// what a re-check shows a person and a clinician at a step-down or
// continued-stay talk.
type Since struct {
	// Before is the earlier recommendation, After today's.
	Before, After Recommendation
	// BeforeHeadline and AfterHeadline are the headlines of Before and
	// After, in today's set and language: the words a person reads for
	// each recommendation. Each is the headline the person read (today's
	// result's; the earlier one's when it is known) or else the outcome's.
	BeforeHeadline, AfterHeadline string
	// OtherVersion is true when the earlier result is of another version
	// of the set, Version: its recommendation is then as the file
	// records it, held to no rule, and a question only one of the two
	// versions asks is left out.
	OtherVersion bool
	Version      string
	// Changes lists, in the set's order, each question answered then and
	// today with a different answer.
	Changes []Change
}

// Change is one answer that changed since the earlier result.
type Change struct {
	ID string
	// Topic names the question inside a sentence; empty when it has none,
	// and then Question (its prompt) names it.
	Topic    string
	Question string
	Before   Answer
	After    Answer
}

// Changed is true when an answer or the recommendation differs.
func (s *Since) Changed() bool {
	return len(s.Changes) > 0 || s.Before != s.After
}

// Compare says what changed between earlier and today's result r, both of
// set. The answers are compared by question id; a question that only one of
// them has (the set's version changed) is left out, since there is nothing
// to compare it with. Today's recommendation is r's, from today's answers
// alone.
func Compare(set *Set, r Result, earlier Earlier) *Since {
	s := &Since{
		Before:         earlier.Recommendation,
		After:          r.Recommendation,
		BeforeHeadline: cmp.Or(earlier.Headline, set.Outcomes[earlier.Recommendation].Headline),
		AfterHeadline:  cmp.Or(r.Headline, set.Outcomes[r.Recommendation].Headline),
		OtherVersion:   earlier.Version != set.Version,
		Version:        earlier.Version,
		Changes:        []Change{},
	}
	for _, a := range r.Answers {
		before, ok := earlier.Answers[a.ID]
		if !ok || before == a.Answer {
			continue
		}
		c := Change{ID: a.ID, Question: a.Question, Before: before, After: a.Answer}
		if q, ok := set.Question(a.ID); ok {
			c.Topic = q.Topic
		}
		s.Changes = append(s.Changes, c)
	}
	return s
}
