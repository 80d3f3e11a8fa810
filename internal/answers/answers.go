// Package answers parses an answers document: a YAML or JSON mapping from
// question id to answer, as given to `iopfit check --answers`.
package answers

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/suggest"
)

// MaxSize is the largest answers document iopfit reads. Four answers fit in
// well under a kilobyte; the cap keeps endless input from being read forever.
const MaxSize = 64 << 10

// Parse reads data as answers to the questions in set. name is used in errors
// ("-" is shown as "stdin"). Every value must be an answer word or a boolean;
// nothing is ever guessed.
func Parse(data []byte, name string, set *assess.Set) (map[string]assess.Answer, error) {
	if name == "-" {
		name = "stdin"
	}
	fail := func(n *yaml.Node, path string, msg i18n.Message) error {
		e := &fileerr.Error{File: name, Path: path, Msg: msg}
		if n != nil {
			e.Line, e.Column = n.Line, n.Column
		}
		return e
	}
	ids := set.IDs()
	first := "id" // the example id in messages
	if len(ids) > 0 {
		first = ids[0]
	}
	if len(data) > MaxSize {
		return nil, fail(nil, "", i18n.M("answers.too_large"))
	}
	if !utf8.Valid(data) {
		return nil, fail(nil, "", i18n.M("file.utf8"))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fail(nil, "", i18n.M("answers.empty", first))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fail(nil, "", i18n.M("answers.empty", first))
		}
		return nil, fileerr.FromYAML(name, "yaml.invalid_any", err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fail(&extra, "", i18n.M("answers.multi_doc"))
	} else if !errors.Is(err, io.EOF) {
		return nil, fileerr.FromYAML(name, "yaml.invalid_any", err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "", i18n.M("answers.not_map", first))
	}
	out := make(map[string]assess.Answer, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, fail(k, "", i18n.M("answers.key", strings.Join(ids, ", ")))
		}
		id := k.Value
		if _, ok := set.Question(id); !ok {
			if s := suggest.Closest(id, ids); s != "" {
				return nil, fail(k, "", i18n.M("answers.id_near", id, s))
			}
			return nil, fail(k, "", i18n.M("answers.id", id, strings.Join(ids, ", ")))
		}
		if _, dup := out[id]; dup {
			return nil, fail(k, "", i18n.M("answers.twice", id))
		}
		a, msg := value(v)
		if msg != nil {
			return nil, fail(v, id, *msg)
		}
		out[id] = a
	}
	return out, nil
}

// value reads one answer; msg says why it is not one.
func value(v *yaml.Node) (a assess.Answer, msg *i18n.Message) {
	fail := func(m i18n.Message) (assess.Answer, *i18n.Message) { return "", &m }
	if v.Kind != yaml.ScalarNode {
		return fail(i18n.M("answers.not_word", fileerr.KindName(v)))
	}
	switch v.Tag {
	case "!!str":
		a, err := assess.ParseAnswer(v.Value)
		if err != nil {
			return fail(i18n.M("answer.invalid", safetext.Quote(v.Value)))
		}
		return a, nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(v.Value))
		if err != nil {
			return fail(i18n.M("answer.invalid", safetext.Quote(v.Value)))
		}
		return assess.FromBool(b), nil
	case "!!null":
		return fail(i18n.M("answers.null"))
	}
	return fail(i18n.M("answer.invalid", safetext.Quote(v.Value)))
}
