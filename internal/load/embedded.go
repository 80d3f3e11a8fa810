// Package load reads everything iopfit is given: question sets, their
// translations and answers files, from files or stdin. It has one bounded,
// cancellable reader (Read) and one strict YAML decoder, and every problem it
// finds is an *Error that names the file, the line and the column, and says
// how to fix it. A file a clinician edited by hand either loads exactly as
// written or fails that way.
package load

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/iopfit/iopfit"
	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
)

// EmbeddedName is the File of the built-in set.
const EmbeddedName = "embedded"

// ReservedIDs are the names of iopfit's own flags and their short forms. A
// question id becomes a flag of `iopfit check`, so it may not take one of them.
var ReservedIDs = []string{
	"help", "version", "questions", "answers", "compare", "output", "quiet", "full", "for",
	"accessible", "no-input", "lang", "h", "v", "o", "q",
}

// base is a question set in its own language with the labels its file gives,
// which each translation of it must give too.
type base struct {
	set   *assess.Set
	given []string
}

// embedded parses the built-in set once, when first needed.
var embedded = sync.OnceValues(func() (base, error) {
	p := &parser{file: EmbeddedName}
	set, given, err := p.parseSet(iopfit.QuestionsYAML)
	return base{set, given}, err
})

// embeddedSpanish parses the built-in Spanish once, and only when asked for,
// so that a run in English never reads it.
var embeddedSpanish = sync.OnceValues(func() (*assess.Set, error) {
	b, err := embedded()
	if err != nil {
		return nil, err
	}
	// Errors name the Spanish file; the set keeps the name of its own.
	p := &parser{file: EmbeddedName + " (es)"}
	return p.parseTranslation(b, iopfit.QuestionsSpanishYAML, i18n.Spanish)
})

// Embedded returns the built-in question set in l. Each language is parsed
// once.
func Embedded(l i18n.Lang) (*assess.Set, error) {
	if l == i18n.Spanish {
		return embeddedSpanish()
	}
	b, err := embedded()
	return b.set, err
}

// NoTranslationError means the question set at File has no translation into
// Lang; Have lists the languages it has.
type NoTranslationError struct {
	File string
	Lang i18n.Lang
	Have []i18n.Lang
}

func (e *NoTranslationError) Error() string { return e.In(i18n.English) }

// Usage marks the error as a mistake in what iopfit was given.
func (e *NoTranslationError) Usage() bool { return true }

// In says the problem in l.
func (e *NoTranslationError) In(l i18n.Lang) string {
	have := make([]string, len(e.Have))
	for i, h := range e.Have {
		have[i] = string(h)
	}
	return i18n.T(l, "cli.no_translation", e.File, string(e.Lang), strings.Join(have, ", "), TranslationPath(e.File, e.Lang))
}

// Questions reads the question set at path, and its translation into l from
// the file TranslationPath names. A missing translation is an error when
// strict is set (the person asked for l with --lang); otherwise the set comes
// back in its own language, since all in one language beats a mix.
func Questions(ctx context.Context, path string, l i18n.Lang, strict bool) (*assess.Set, error) {
	data, err := Read(ctx, File(path), KindQuestions)
	if err != nil {
		return nil, err
	}
	p := &parser{file: path}
	set, given, err := p.parseSet(data)
	if err != nil || l == i18n.English {
		return set, err
	}
	tpath := TranslationPath(path, l)
	data, err = Read(ctx, File(tpath), KindQuestions)
	switch {
	case errors.Is(err, fs.ErrNotExist) && strict:
		return nil, &NoTranslationError{File: path, Lang: l, Have: Langs(path)}
	case errors.Is(err, fs.ErrNotExist):
		return set, nil
	case err != nil:
		return nil, err
	}
	return (&parser{file: tpath}).parseTranslation(base{set, given}, data, l)
}

// TranslationPath is where the translation into l of the set at path lives:
// beside it, with the language before the extension (questions.es.yaml).
func TranslationPath(path string, l i18n.Lang) string {
	ext := filepath.Ext(path)
	if ext != ".yaml" && ext != ".yml" {
		return path + "." + string(l)
	}
	return strings.TrimSuffix(path, ext) + "." + string(l) + ext
}

// Langs lists the languages the set at path can be read in: its own, and
// each whose translation file exists.
func Langs(path string) []i18n.Lang {
	langs := []i18n.Lang{i18n.English}
	for _, l := range i18n.Langs[1:] {
		if _, err := os.Stat(TranslationPath(path, l)); err == nil {
			langs = append(langs, l)
		}
	}
	return langs
}

// ParseSet validates data as a question set; name is the file name used in
// errors and in the result's question_set.file.
func ParseSet(data []byte, name string) (*assess.Set, error) {
	p := &parser{file: name}
	set, _, err := p.parseSet(data)
	return set, err
}

// ParseTranslation validates data, named name, as the translation into l of
// the set that setData holds.
func ParseTranslation(setData, data []byte, name string, l i18n.Lang) (*assess.Set, error) {
	set, given, err := (&parser{file: "set"}).parseSet(setData)
	if err != nil {
		return nil, err
	}
	return (&parser{file: name}).parseTranslation(base{set, given}, data, l)
}

func (p *parser) parseSet(data []byte) (*assess.Set, []string, error) {
	root, err := p.document(data, KindQuestions, i18n.M("questions.empty"))
	if err != nil {
		return nil, nil, err
	}
	return p.set(root)
}

func (p *parser) parseTranslation(b base, data []byte, l i18n.Lang) (*assess.Set, error) {
	root, err := p.document(data, KindQuestions, i18n.M("questions.empty_translation"))
	if err != nil {
		return nil, err
	}
	return p.translation(b.set, root, "", l, b.given)
}
