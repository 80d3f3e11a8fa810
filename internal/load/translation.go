package load

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// A translation is a file of its own beside its set (questions.es.yaml beside
// questions.yaml): every text of the set, in one language, and nothing else.
// Ids, decides and the rule stay in the set, so a translation cannot change
// what the check decides.
var (
	translationKeys = []string{"title", "intro", "source", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "labels"}
	translatedQKeys = []string{"prompt", "help", "topic", "reasons", "urgent", "steps", "headline", "options"}
)

// translation reads a translation's root mapping into a copy of base in l.
// labels lists the labels base's file gives, which the translation must give
// too, so that no label is left in the set's own language.
func (p *parser) translation(base *assess.Set, n *yaml.Node, path string, l i18n.Lang, labels []string) (*assess.Set, error) {
	f, err := p.mapping(n, path, slices.Concat(translationKeys, optionalSetKeys))
	if err != nil {
		return nil, err
	}
	// The copy keeps base's File: a result names the set, whichever
	// language it is read in.
	t := *base
	t.Lang = string(l)
	for i := 1; i < len(n.Content); i += 2 {
		key, v := n.Content[i-1].Value, n.Content[i]
		switch key {
		case "questions":
			t.Questions, err = p.translatedQuestions(base, v, f.name(key))
		case "labels":
			t.Labels, err = p.labels(v, f.name(key), slices.Concat(assess.RequiredLabels, labels))
		case "resources":
			if err = p.noInUrgent(v, f.name(key)); err == nil {
				err = p.textField(&t, key, f.name(key), v)
			}
		default:
			err = p.textField(&t, key, f.name(key), v)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, key := range translationKeys {
		if _, err := f.require(key); err != nil {
			return nil, err
		}
	}
	if err := p.sameAnswerTexts(f, base, &t, path); err != nil {
		return nil, err
	}
	fillLabels(t.Labels, l)
	return &t, nil
}

// translatedQuestions reads a translation's questions, keyed by id: each of
// the set's questions, with its prompt, help and reasons.
func (p *parser) translatedQuestions(base *assess.Set, n *yaml.Node, path string) ([]assess.Question, error) {
	qf, err := p.mapping(n, path, base.IDs())
	if err != nil {
		return nil, err
	}
	qs := make([]assess.Question, len(base.Questions))
	for i, bq := range base.Questions {
		v, err := qf.require(bq.ID)
		if err != nil {
			return nil, err
		}
		f, err := p.mapping(v, qf.name(bq.ID), translatedQKeys)
		if err != nil {
			return nil, err
		}
		q := bq
		if q.Prompt, err = f.text("prompt"); err != nil {
			return nil, err
		}
		if q.Help, err = f.text("help"); err != nil {
			return nil, err
		}
		if err := p.questionTexts(&q, f, &bq); err != nil {
			return nil, err
		}
		qs[i] = q
	}
	return qs, nil
}

// noInUrgent refuses in_urgent in a translation's help lines: which lines
// what to do now already gives is the set's to say, the same in every
// language.
func (p *parser) noInUrgent(n *yaml.Node, path string) error {
	if n.Kind != yaml.SequenceNode {
		return nil
	}
	for i, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			if k := item.Content[j]; k.Value == "in_urgent" {
				return p.fail(k, fmt.Sprintf("%s[%d]", path, i+1), i18n.M("questions.translation_set_only", "in_urgent"))
			}
		}
	}
	return nil
}

// sameAnswerTexts checks that t, read from f over base (a translation, or
// the words for someone else), gives the answer's texts exactly where base
// does, so that no part of a result is left in base's words, and takes
// base's choice of which help lines what to do now already gives: the same
// lines are left out in every language and for everyone.
func (p *parser) sameAnswerTexts(f *fields, base, t *assess.Set, path string) error {
	given := map[string]bool{"intro_short": base.IntroShort != "", "emergency": base.Emergency != "", "stay_safe": base.StaySafe != nil, "keep_in_mind": base.KeepInMind != nil, "ask": base.Ask != nil}
	for _, key := range optionalSetKeys {
		_, has := f.vals[key]
		switch {
		case given[key] && !has:
			_, err := f.require(key)
			return err
		case has && !given[key]:
			return p.fail(f.keys[key], path, i18n.M("questions.translation_extra", key))
		}
	}
	for _, name := range outcomeNames {
		r := assess.Recommendation(name)
		if has, want := len(t.Outcomes[r].About) > 0, len(base.Outcomes[r].About) > 0; has != want {
			path := f.name("outcomes") + "." + name
			if want {
				return p.fail(f.vals["outcomes"], path, i18n.M("key.missing", "about"))
			}
			return p.fail(f.vals["outcomes"], path, i18n.M("questions.translation_extra", "about"))
		}
	}
	for i := range min(len(t.Resources), len(base.Resources)) {
		t.Resources[i].InUrgent = base.Resources[i].InUrgent
	}
	return nil
}
