// Package assess is iopfit's pure core: the types of a question set, the parsing
// of a single answer, and Evaluate, which turns a set and a person's answers into
// the result that every renderer prints. It does no I/O and keeps no state.
package assess

import (
	"strings"
	"unicode"
)

// Set is a validated question set: every word of the assessment a person reads.
type Set struct {
	ID      string
	Version string
	Title   string
	Intro   string
	// IntroShort is the intro's key facts, for a window too small for the
	// intro: what IOP is, that nothing is saved, where to turn in a crisis.
	IntroShort string
	Source     string
	Questions  []Question
	Outcomes   map[Recommendation]Outcome
	// About says what IOP involves; the handout carries it.
	About []string
	// Emergency is the line under the headline of a result with nothing
	// urgent: where to turn in danger now, so that 911 is never far down.
	Emergency string
	// StaySafe is overdose and withdrawal safety in short items, in every
	// answer that has nothing urgent (what is urgent says it then).
	StaySafe []string
	// KeepInMind is the article's caveats in at most MaxKeepInMind short
	// items, for the answer; Caveats the rest of them, for the handout.
	KeepInMind []string
	Caveats    []string
	// Ask lists the questions to ask a program, for the handout.
	Ask []string
	// For says who the set's words are about: the person answering, or
	// someone they care about (see Perspective).
	For Perspective
	// Talking is how to talk with the person about care, for someone who
	// answers about them; empty in the person's own words.
	Talking    []string
	Resources  []Resource
	Disclaimer string
	// Sources are the documents the set's facts were checked against.
	Sources []Source
	Labels  Labels
	// File says where the set came from: "embedded" or the path it was read from.
	File string
	// Lang is the language of the set's text, as its ISO 639-1 code.
	Lang string
}

// Perspective says whose check it is: the person answering it about
// themselves, or someone who answers about a person they care about and
// reads a result written to them.
type Perspective string

// The perspectives a check can be asked from.
const (
	ForMe      Perspective = "me"
	ForSomeone Perspective = "someone"
)

// Perspectives lists them, the person's own first.
var Perspectives = []Perspective{ForMe, ForSomeone}

// perspectiveWords are the words that name each perspective, in every
// language iopfit speaks, folded as Fold folds them.
var perspectiveWords = map[Perspective][]string{
	ForMe:      {"me", "myself", "yo", "mi"},
	ForSomeone: {"someone", "someone-else", "someone else", "other", "alguien", "otra persona", "otra-persona"},
}

// ParsePerspective reads a perspective from its name or a word for it, in
// any letter case and with or without accents.
func ParsePerspective(s string) (Perspective, bool) {
	w := Fold(s)
	for _, p := range Perspectives {
		for _, word := range perspectiveWords[p] {
			if w == word {
				return p, true
			}
		}
	}
	return "", false
}

// Question is one question of a set.
type Question struct {
	ID     string
	Prompt string
	Help   string
	// Topic names the question inside a sentence ("your health needs"), so
	// that a result can say which answers led to it.
	Topic string
	// Decides is true when the question can change the recommendation.
	Decides bool
	Reasons map[Answer]string
	// Urgent holds, for the answers that need it, what to do now as short
	// items, one action each: they are printed right under the headline.
	Urgent map[Answer][]string
	// Steps holds, per answer, the next steps that fit that answer; they
	// come before the outcome's own.
	Steps map[Answer][]string
	// Headline holds, for the not-yes answers of a deciding question, the
	// headline that fits that reason ("a flexible program may fit"), in
	// place of the outcome's own.
	Headline map[Answer]string
	// Options holds the question's own words for its answers ("No, one of
	// these is true for me"), when the set's option labels would not say
	// what an answer means; nil for the set's own.
	Options map[Answer]string
	// NoOutcomeAbout is true for a question whose not-yes answer points away
	// from the outcome's kind of care (a schedule problem points to a more
	// flexible IOP, not to living at a program): alone, it does not show
	// what that care involves.
	NoOutcomeAbout bool
}

// Option returns the words a person reads for answer a to q: the
// question's own, else the set's option label.
func (q *Question) Option(labels Labels, a Answer) string {
	if o := q.Options[a]; o != "" {
		return o
	}
	return labels.Option(a)
}

// Outcome is the text shown for one recommendation.
type Outcome struct {
	Headline  string
	Summary   string
	NextSteps []string
	// Why is the answer's short reason, after the sentence that names the
	// deciding answers; Summary is the handout's longer one.
	Why string
	// About says what this kind of care involves; it may be empty.
	About []string
}

// Source is a document that the set's facts were checked against.
type Source struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	// Checked is the day the fact was last checked, as YYYY-MM-DD.
	Checked string `json:"checked"`
}

// Resource is a place to get help, such as a crisis line.
type Resource struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
	// Short is the answer's one line for it: the number or text code, and
	// when to use it. Empty in a set that gives none: then the first
	// sentence of Contact stands in (see ShortLine).
	Short string `json:"short,omitempty"`
	// InUrgent is true for a line that what to do now, or the emergency
	// line, already gives (911, 988): the answer lists it once, there.
	InUrgent bool `json:"in_urgent,omitempty"`
}

// ShortLine is the resource's one line in the answer.
func (r Resource) ShortLine() string {
	if r.Short != "" {
		return r.Short
	}
	return FirstSentence(r.Contact)
}

// FirstSentence is the first sentence of s, or all of s.
func FirstSentence(s string) string {
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if rest := s[i+1:]; rest == "" || unicode.IsSpace([]rune(rest)[0]) {
			return strings.TrimSpace(s[:i+1])
		}
	}
	return strings.TrimSpace(s)
}

// Labels holds the fixed strings of the form and the result, keyed as in the
// question file's labels section.
type Labels map[string]string

// Get returns the label for key. A loaded set has every label: the ones its
// file leaves out are filled in, in the set's language, when it is loaded.
func (l Labels) Get(key string) string {
	return l[key]
}

// Option returns the label a person reads for an answer.
func (l Labels) Option(a Answer) string {
	switch a {
	case Yes:
		return l.Get("option_yes")
	case No:
		return l.Get("option_no")
	default:
		return l.Get("option_unsure")
	}
}

// RequiredLabels are the label keys every question set must define.
var RequiredLabels = []string{
	"option_yes", "option_no", "option_unsure",
	"your_answers", "about", "caveats", "next_steps", "resources",
	"cancelled",
}

// OptionalLabels are the label keys a question set may define. They name
// the keys of iopfit's own screens, so each has a default text in every
// language iopfit speaks, used when a set leaves it out.
var OptionalLabels = []string{
	"form_hint", "plain_hint", "plain_retry", "source", "key_up", "key_down", "key_select", "key_back",
	"urgent", "because", "list_and", "outcome_about", "sources", "handout",
	"plain_back", "form_choose", "form_more", "form_read", "form_read_end", "recap_above", "intro_start", "review_title", "review_show", "review_save", "review_hint", "key_number", "key_quit",
	"not_saved", "stay_safe", "ask", "talking", "for_question", "for_me", "for_someone", "for_help", "for_choose", "form_stop", "key_plain", "form_hint_short",
	"since_last", "since_none", "since_answer", "since_question", "since_result", "since_same",
}

// The placeholders of the labels that say what changed since last time.
const (
	TopicPlaceholder    = "{topic}"
	QuestionPlaceholder = "{question}"
	BeforePlaceholder   = "{before}"
	AfterPlaceholder    = "{after}"
)

// LabelPlaceholders lists, for a label that holds placeholders, those it
// must contain, each once: without one, a line would leave out what it is
// there to say.
var LabelPlaceholders = map[string][]string{
	"since_answer":   {TopicPlaceholder, BeforePlaceholder, AfterPlaceholder},
	"since_question": {QuestionPlaceholder, BeforePlaceholder, AfterPlaceholder},
	"since_result":   {BeforePlaceholder, AfterPlaceholder},
}

// Question returns the question with the given id.
func (s *Set) Question(id string) (*Question, bool) {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return &s.Questions[i], true
		}
	}
	return nil, false
}

// IDs returns the question ids in the set's order.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.Questions))
	for i, q := range s.Questions {
		ids[i] = q.ID
	}
	return ids
}

// Info names the set, for a result or a listing of the set.
func (s *Set) Info() SetInfo {
	return SetInfo{ID: s.ID, Version: s.Version, File: s.File, Source: s.Source, Lang: s.Lang, For: s.perspective()}
}

// perspective is s.For, the person's own when a set does not say.
func (s *Set) perspective() Perspective {
	if s.For == "" {
		return ForMe
	}
	return s.For
}
