package load

import (
	"context"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// Answers reads in as answers to the questions in set.
func Answers(ctx context.Context, in Input, set *assess.Set) (map[string]assess.Answer, error) {
	data, err := Read(ctx, in, KindAnswers)
	if err != nil {
		return nil, err
	}
	return ParseAnswers(data, in.Name, set)
}

// ParseAnswers reads data, a YAML or JSON mapping from question id to answer,
// as answers to the questions in set. name is used in errors. Every value must
// be an answer word or a boolean; nothing is ever guessed.
func ParseAnswers(data []byte, name string, set *assess.Set) (map[string]assess.Answer, error) {
	p := &parser{file: name}
	ids := set.IDs()
	first := "id" // the example id in messages
	if len(ids) > 0 {
		first = ids[0]
	}
	root, err := p.document(data, KindAnswers, i18n.M("answers.empty", first))
	if err != nil {
		return nil, err
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, p.failAt(0, 0, i18n.M("answers.empty", first)) // only comments
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.fail(root, "", i18n.M("answers.not_map", first))
	}
	out := make(map[string]assess.Answer, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, p.fail(k, "", i18n.M("answers.key", strings.Join(ids, ", ")))
		}
		id := k.Value
		if _, ok := set.Question(id); !ok {
			if s := Closest(id, ids); s != "" {
				return nil, p.fail(k, "", i18n.M("answers.id_near", id, s))
			}
			return nil, p.fail(k, "", i18n.M("answers.id", id, strings.Join(ids, ", ")))
		}
		if _, dup := out[id]; dup {
			return nil, p.fail(k, "", i18n.M("answers.twice", id))
		}
		a, msg := answerValue(v)
		if msg != nil {
			return nil, p.fail(v, id, *msg)
		}
		out[id] = a
	}
	return out, nil
}

// answerValue reads one answer; msg says why it is not one.
func answerValue(v *yaml.Node) (a assess.Answer, msg *i18n.Message) {
	fail := func(m i18n.Message) (assess.Answer, *i18n.Message) { return "", &m }
	if v.Kind != yaml.ScalarNode {
		return fail(i18n.M("answers.not_word", kindName(v)))
	}
	switch v.Tag {
	case "!!str":
		if a, ok := assess.ParseAnswer(v.Value); ok {
			return a, nil
		}
	case "!!bool":
		if b, ok := yamlBool(v); ok {
			return assess.FromBool(b), nil
		}
	case "!!null":
		return fail(i18n.M("answers.null"))
	}
	if v.Style&yaml.TaggedStyle != 0 && v.Tag != "!!str" {
		// "!!bool yes" or "!custom yes": the value may be right, the tag is
		// what makes it unreadable.
		return fail(i18n.M("answers.tag", safetext.Quote(v.Tag)))
	}
	return fail(invalidAnswer(v.Value))
}

// invalidAnswer says why s is not an answer, naming a letter from another
// script that only looks Latin ("yеs" with a Cyrillic е).
func invalidAnswer(s string) i18n.Message {
	if r, ok := safetext.Lookalike(s); ok {
		return i18n.M("answer.lookalike", safetext.Quote(s), r)
	}
	return i18n.M("answer.invalid", safetext.Quote(s))
}

// InvalidAnswer is the error for a flag value that is not an answer.
func InvalidAnswer(s string) error {
	return &i18n.Error{Msg: invalidAnswer(s)}
}
