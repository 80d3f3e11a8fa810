// Package answers parses an answers document: a YAML or JSON mapping from
// question id to answer, as given to `iopfit check --answers`.
package answers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
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
	fail := func(n *yaml.Node, format string, args ...any) error {
		e := &fileerr.Error{File: name, Msg: fmt.Sprintf(format, args...)}
		if n != nil {
			e.Line, e.Column = n.Line, n.Column
		}
		return e
	}
	ids := set.IDs()
	like := "like id: yes"
	if len(ids) > 0 {
		like = fmt.Sprintf("like %s: yes", ids[0])
	}
	if len(data) > MaxSize {
		return nil, fail(nil, "is larger than 64 KiB; an answers file holds one line per question")
	}
	if !utf8.Valid(data) {
		return nil, fail(nil, "is not valid UTF-8; save it as UTF-8 text")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fail(nil, "is empty; write one line per question, %s", like)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fail(nil, "is empty; write one line per question, %s", like)
		}
		return nil, fileerr.FromYAML(name, "YAML or JSON", err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fail(&extra, "holds more than one YAML document; keep one")
	} else if !errors.Is(err, io.EOF) {
		return nil, fileerr.FromYAML(name, "YAML or JSON", err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "must be a mapping of question ids to answers, %s", like)
	}
	out := make(map[string]assess.Answer, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, fail(k, "has a key that is not a question id; the ids are %s", strings.Join(ids, ", "))
		}
		id := k.Value
		if _, ok := set.Question(id); !ok {
			msg := fmt.Sprintf("no question has the id %q", id)
			if s := suggest.Closest(id, ids); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; the ids are " + strings.Join(ids, ", ")
			}
			return nil, fail(k, "%s", msg)
		}
		if _, dup := out[id]; dup {
			return nil, fail(k, "answers %q twice; keep one answer", id)
		}
		a, err := value(v)
		if err != nil {
			return nil, fail(v, "%s: %v", id, err)
		}
		out[id] = a
	}
	return out, nil
}

func value(v *yaml.Node) (assess.Answer, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("the answer must be a single word, not %s; %s", fileerr.KindName(v), assess.AnswerHint)
	}
	switch v.Tag {
	case "!!str":
		return assess.ParseAnswer(v.Value)
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(v.Value))
		if err != nil {
			return "", fmt.Errorf("%q is not an answer; %s", v.Value, assess.AnswerHint)
		}
		return assess.FromBool(b), nil
	case "!!null":
		return "", fmt.Errorf("no answer is given; %s", assess.AnswerHint)
	}
	return "", fmt.Errorf("%s is not an answer; %s", quote(v.Value), assess.AnswerHint)
}

// quote shows a value from the file safely, whatever bytes it holds.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return strconv.Quote(s)
}
