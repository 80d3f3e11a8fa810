package load

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit"
	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// A set's words for someone else (check --for someone) are a file of their
// own beside it, one per language (questions.someone.yaml,
// questions.someone.es.yaml): the same questions asked about another person,
// and a result written to the one who answers. Like a translation it holds
// only words, keyed by question id, over the set in the same language, so it
// cannot change what the check decides. It must give every text that speaks
// to or about the person, and talking, which only it has; it may leave the
// set's source (the article's name) as it is, its labels replace only those
// it gives, and its sources are added to the set's.
var (
	someoneKeys     = []string{"title", "intro", "questions", "outcomes", "about", "caveats", "resources", "disclaimer", "talking"}
	someoneOptional = []string{"source", "sources", "labels"}
)

// SomeonePath is where the words for someone else of the set at path live,
// in l: beside it, with ".someone" before the language and the extension.
func SomeonePath(path string, l i18n.Lang) string {
	ext := filepath.Ext(path)
	someone := path + ".someone"
	if ext == ".yaml" || ext == ".yml" {
		someone = strings.TrimSuffix(path, ext) + ".someone" + ext
	}
	if l == i18n.English {
		return someone
	}
	return TranslationPath(someone, l)
}

// NoSomeoneError means the set at File has no words for someone else in
// Lang, at Path.
type NoSomeoneError struct {
	File, Path string
	Lang       i18n.Lang
}

func (e *NoSomeoneError) Error() string { return e.In(i18n.English) }

// Usage marks the error as a mistake in what iopfit was given.
func (e *NoSomeoneError) Usage() bool { return true }

// In says the problem in l.
func (e *NoSomeoneError) In(l i18n.Lang) string {
	return i18n.T(l, "cli.no_someone", e.File, e.Path)
}

// embeddedSomeone parses the built-in words for someone else once per
// language, and only when asked for.
var embeddedSomeone = map[i18n.Lang]func() (*assess.Set, error){
	i18n.English: sync.OnceValues(func() (*assess.Set, error) {
		set, err := Embedded(i18n.English)
		if err != nil {
			return nil, err
		}
		return (&parser{file: EmbeddedName + " (someone)"}).parseSomeone(set, iopfit.QuestionsSomeoneYAML)
	}),
	i18n.Spanish: sync.OnceValues(func() (*assess.Set, error) {
		set, err := Embedded(i18n.Spanish)
		if err != nil {
			return nil, err
		}
		return (&parser{file: EmbeddedName + " (someone, es)"}).parseSomeone(set, iopfit.QuestionsSomeoneSpanishYAML)
	}),
}

// ForSomeone returns set in its words for someone else: the built-in
// ones for the built-in set, else those in the file SomeonePath names for
// the set's file and language. A set without them is an error.
func ForSomeone(ctx context.Context, set *assess.Set) (*assess.Set, error) {
	l := i18n.Lang(set.Lang)
	if set.File == EmbeddedName {
		if parse, ok := embeddedSomeone[l]; ok {
			return parse()
		}
	}
	path := SomeonePath(set.File, l)
	data, err := Read(ctx, File(path), KindQuestions)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &NoSomeoneError{File: set.File, Path: path, Lang: l}
	}
	if err != nil {
		return nil, err
	}
	return (&parser{file: path}).parseSomeone(set, data)
}

// ParseSomeone validates data, named name, as the words for someone else
// of set.
func ParseSomeone(set *assess.Set, data []byte, name string) (*assess.Set, error) {
	return (&parser{file: name}).parseSomeone(set, data)
}

func (p *parser) parseSomeone(base *assess.Set, data []byte) (*assess.Set, error) {
	root, err := p.document(data, KindQuestions, i18n.M("questions.empty_someone"))
	if err != nil {
		return nil, err
	}
	return p.someone(base, root)
}

// someone reads the root mapping of a set's words for someone else into a
// copy of base.
func (p *parser) someone(base *assess.Set, n *yaml.Node) (*assess.Set, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.fail(n, "", i18n.M("questions.not_map", kindName(n)))
	}
	f, err := p.mapping(n, "", slices.Concat(someoneKeys, someoneOptional, optionalSetKeys))
	if err != nil {
		return nil, err
	}
	// The copy keeps base's File and Lang: a result names the set it came
	// from, in the language it was read in.
	t := *base
	t.For = assess.ForSomeone
	t.Labels = maps.Clone(base.Labels)
	for i := 1; i < len(n.Content); i += 2 {
		key, v := n.Content[i-1].Value, n.Content[i]
		switch key {
		case "questions":
			t.Questions, err = p.translatedQuestions(base, v, key)
		case "labels":
			var given assess.Labels
			if given, err = p.labels(v, key, nil); err == nil {
				maps.Copy(t.Labels, given)
			}
		case "talking":
			t.Talking, err = p.textList(v, key)
		case "sources":
			var more []assess.Source
			if more, err = p.sources(v, key); err == nil {
				t.Sources = slices.Concat(base.Sources, more)
			}
		case "resources":
			if err = p.noInUrgent(v, key); err == nil {
				err = p.textField(&t, key, key, v)
			}
		default:
			err = p.textField(&t, key, key, v)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, key := range someoneKeys {
		if _, err := f.require(key); err != nil {
			return nil, err
		}
	}
	if err := p.sameAnswerTexts(f, base, &t, ""); err != nil {
		return nil, err
	}
	return &t, nil
}
