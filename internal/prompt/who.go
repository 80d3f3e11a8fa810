package prompt

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// whoChoices are the answers to "Who is this check for?", in the order
// they are shown and numbered.
var whoChoices = []assess.Perspective{assess.ForMe, assess.ForSomeone}

// whoLabel is the label that names p as a choice.
func whoLabel(p assess.Perspective) string {
	if p == assess.ForSomeone {
		return "for_someone"
	}
	return "for_me"
}

// AskWhoPlain says the set's title and intro, then asks "Who is this check
// for?" with plain prompts until a line is one of its two choices: its
// number, a word for it (me, someone, yo, alguien) or its label. Nothing
// is chosen for the person: an empty line, or any other, asks again. Only a
// person at a terminal is asked (see check), so the end of input stops,
// as Ctrl-D does at a question.
func AskWhoPlain(ctx context.Context, pio PlainIO, set *assess.Set) (assess.Perspective, error) {
	lang, ok := i18n.Parse(set.Lang)
	if !ok {
		lang = i18n.English
	}
	labels := set.Labels
	pio.print(set.Title, set.Intro, i18n.T(lang, "prompt.keys"))
	for {
		fmt.Fprintln(pio.Out)
		pio.print(labels.Get("for_question"), labels.Get("for_help"))
		for n, p := range whoChoices {
			pio.print(fmt.Sprintf("%d. %s", n+1, sentence(labels.Get(whoLabel(p)))))
		}
		line, err := pio.readChoice(ctx, i18n.T(lang, "prompt.your_who"))
		switch {
		case errors.Is(err, errLineTooLong):
			fmt.Fprintln(pio.Out)
			fmt.Fprintln(pio.Out, i18n.T(lang, "prompt.too_long", maxLine))
			continue
		case err != nil:
			return "", err
		}
		if p, ok := parseWho(line, labels); ok {
			pio.print(i18n.T(lang, "prompt.answered", labels.Get(whoLabel(p))))
			return p, nil
		}
		if stopWords[assess.Fold(line)] {
			return "", errPlainCancelled
		}
		pio.print(labels.Get("plain_retry") + " " + labels.Get("plain_hint"))
	}
}

// parseWho reads a line as one of the choices of "Who is this check for?".
func parseWho(line string, labels assess.Labels) (assess.Perspective, bool) {
	word := assess.Fold(line)
	if n, err := strconv.Atoi(word); err == nil && n >= 1 && n <= len(whoChoices) {
		return whoChoices[n-1], true
	}
	if p, ok := assess.ParsePerspective(word); ok {
		return p, true
	}
	for _, p := range whoChoices {
		if word == assess.Fold(labels.Get(whoLabel(p))) {
			return p, true
		}
	}
	return "", false
}
