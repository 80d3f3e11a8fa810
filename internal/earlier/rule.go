package earlier

import (
	"slices"
	"strings"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// said is what a file says beside its answers and its result: what
// today's rule can hold it to when it is a result of today's set and
// version (byTodaysRule).
type said struct {
	// lang is the language of the file's texts, "" when it does not say.
	lang string
	// headline is the headline the file says the person read: a JSON
	// result's headline, a response's recommendation extension's display.
	// "" when it has none.
	headline string
	// resultAt is the path of the result the file was read from.
	resultAt string
	// shown are the texts the file shows beside its keys.
	shown []shown
}

// shown is a text a file shows beside one of iopfit's keys: the option
// label beside an answer's code, or a headline beside a result's.
type shown struct {
	path, text string
	// answer or result is the key the text stands beside.
	answer assess.Answer
	result assess.Recommendation
	// msg is the catalog text that says the two disagree.
	msg string
}

// byTodaysRule holds e, a result of set's own version, to what iopfit
// writes for that version: an answer to each of its questions and no
// other, the recommendation that set's rule (assess.Evaluate) gives for
// those answers, and, when the file is in set's language, no text beside a
// key that is iopfit's text for another key. A file that breaks one was
// changed, or is broken, and is refused: its recommendation would
// otherwise be believed against its own answers. It also fills in
// e.Headline, the headline the person read, when the file carries one.
//
// A result of another version is not held to this: which questions
// decided then, and the texts it showed, are that version's, which this
// iopfit does not have. Applying today's rule to the questions both
// versions share would be another rule, not the one that made the result.
func (p *parser) byTodaysRule(e *assess.Earlier, s said, set *assess.Set) error {
	ids := make([]string, 0, len(e.Answers))
	for id := range e.Answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if _, ok := set.Question(id); !ok {
			return p.fail("", i18n.M("compare.not_asked", safetext.Quote(id), set.Version))
		}
	}
	if missing := assess.Missing(set, e.Answers); len(missing) > 0 {
		return p.fail("", i18n.M("compare.unanswered", strings.Join(missing, ", "), set.Version))
	}
	res, err := assess.Evaluate(set, e.Answers)
	if err != nil {
		return err // not reached: the answers were checked against set above
	}
	if res.Recommendation != e.Recommendation {
		return p.fail(s.resultAt, i18n.M("compare.contradicts", string(e.Recommendation), string(res.Recommendation), set.Version))
	}
	if s.lang == set.Lang {
		for _, t := range s.shown {
			if key, ok := contradicts(t, set); ok {
				other := string(t.answer) + string(t.result)
				return p.fail(t.path, i18n.M(t.msg, safetext.Quote(t.text), key, other))
			}
		}
	}
	// The headline the person read is the one today's set gives for the
	// same answers: in the file's words when it is in today's language, or
	// their translation. A file in today's language whose headline is
	// another (a set reworded without a new version) keeps the outcome's.
	if s.headline != "" && (s.lang != set.Lang || s.headline == res.Headline) {
		e.Headline = res.Headline
	}
	return nil
}

// contradicts reports whether t is set's text for another key than the one
// it stands beside, and which key that is. Any other text (a form tool's
// own words, a reworded label) is no contradiction: the key is what the
// file means.
func contradicts(t shown, set *assess.Set) (string, bool) {
	if t.text == "" {
		return "", false
	}
	if t.answer != "" {
		if answerWords(set, t.answer)[t.text] {
			return "", false
		}
		for _, a := range assess.Answers {
			if answerWords(set, a)[t.text] {
				return string(a), true
			}
		}
		return "", false
	}
	if headlines(set, t.result)[t.text] {
		return "", false
	}
	for _, r := range []assess.Recommendation{assess.IOP, assess.Residential} {
		if headlines(set, r)[t.text] {
			return string(r), true
		}
	}
	return "", false
}

// headlines are the headlines set can give a result of rec: the outcome's,
// and for a residential result each one a deciding question has for an
// answer that is not yes.
func headlines(set *assess.Set, rec assess.Recommendation) map[string]bool {
	h := map[string]bool{set.Outcomes[rec].Headline: true}
	if rec != assess.Residential {
		return h
	}
	for _, q := range set.Questions {
		if q.Decides {
			for _, text := range q.Headline {
				h[text] = true
			}
		}
	}
	return h
}

// answerWords is every text set shows for a: its option label, and each
// question's own words for it.
func answerWords(set *assess.Set, a assess.Answer) map[string]bool {
	words := map[string]bool{set.Labels.Option(a): true}
	for i := range set.Questions {
		words[set.Questions[i].Option(set.Labels, a)] = true
	}
	return words
}
