// Package questions loads and validates a question set (questions.yaml,
// schema 1). Loading is strict: a file a clinician edited by hand must either
// load exactly as written or fail with a message that names the file, the line
// and, where known, the column.
package questions

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit"
	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/fileerr"
	"github.com/iopfit/iopfit/internal/i18n"
)

// MaxSize is the largest question file iopfit reads.
const MaxSize = 1 << 20

// EmbeddedName is the File of the embedded set.
const EmbeddedName = "embedded"

// ReservedIDs are the names of iopfit's own flags and their short forms. A
// question id becomes a flag of `iopfit check`, so it may not take one of them.
var ReservedIDs = []string{
	"help", "version", "questions", "answers", "output", "quiet",
	"accessible", "no-input", "lang", "h", "v", "o", "q",
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// maxIDLen keeps flags typeable and help aligned.
const maxIDLen = 40

// embeddedBase parses the built-in set once, with the labels its file gives
// (which its Spanish must give too).
var embeddedBase = sync.OnceValues(func() (parsed, error) {
	set, given, err := parse(iopfit.QuestionsYAML, EmbeddedName)
	return parsed{set, given}, err
})

type parsed struct {
	set   *assess.Set
	given []string
}

// Embedded returns the question set built into the binary, in English. It is
// parsed once.
func Embedded() (*assess.Set, error) {
	b, err := embeddedBase()
	return b.set, err
}

// embeddedSpanish parses the built-in Spanish once, when first asked for.
var embeddedSpanish = sync.OnceValues(func() (*assess.Set, error) {
	b, err := embeddedBase()
	if err != nil {
		return nil, err
	}
	// Errors name the Spanish file; a result names the set as English does.
	t, err := parseTranslation(b.set, b.given, iopfit.QuestionsSpanishYAML, EmbeddedName+" (es)", i18n.Spanish)
	if err != nil {
		return nil, err
	}
	t.File = EmbeddedName
	return t, nil
})

// EmbeddedIn returns the built-in question set in l. Each language is parsed
// once, and only when it is asked for.
func EmbeddedIn(l i18n.Lang) (*assess.Set, error) {
	if l == i18n.Spanish {
		return embeddedSpanish()
	}
	return Embedded()
}

// Load reads and validates the question file at path.
func Load(path string) (*assess.Set, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	set, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	return set, nil
}

func readFile(path string) ([]byte, error) {
	fail := func(msg i18n.Message, err error) error {
		return &fileerr.Error{File: path, Msg: msg, Err: err}
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(i18n.M("questions.missing"), err)
	case errors.Is(err, fs.ErrPermission):
		return nil, fail(i18n.M("file.denied"), err)
	case err != nil:
		return nil, fail(i18n.M("file.cannot_open", err), err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fail(i18n.M("file.cannot_read", err), err)
	}
	if info.IsDir() {
		return nil, fail(i18n.M("questions.dir"), nil)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fail(i18n.M("file.cannot_read", err), err)
	}
	if len(data) > MaxSize {
		return nil, fail(i18n.M("questions.too_large"), nil)
	}
	return data, nil
}

// Parse validates data as a question set; name is the file name used in errors
// and in the result's question_set.file.
func Parse(data []byte, name string) (*assess.Set, error) {
	set, _, err := parse(data, name)
	return set, err
}

// parseTranslation validates data as a translation of base into l: a file
// that holds, at its top, what a translations section holds for a language.
// given lists the labels base's file gives, which the translation must give.
func parseTranslation(base *assess.Set, given []string, data []byte, name string, l i18n.Lang) (*assess.Set, error) {
	p := &parser{file: name}
	root, err := p.document(data)
	if err != nil {
		return nil, err
	}
	if err := p.noAliases(root); err != nil {
		return nil, err
	}
	t, err := p.translation(base, root, "", l, given)
	if err != nil {
		return nil, err
	}
	t.File = name
	return t, nil
}

// parse validates data as a question set, and returns the labels its file
// gives (a translation must give the same).
func parse(data []byte, name string) (*assess.Set, []string, error) {
	p := &parser{file: name}
	root, err := p.document(data)
	if err != nil {
		return nil, nil, err
	}
	set, given, err := p.set(root)
	if err != nil {
		return nil, nil, err
	}
	set.File = name
	for _, t := range set.Translations {
		t.File = name
	}
	return set, given, nil
}

// document checks data as text and as YAML, and returns its one document's
// root.
func (p *parser) document(data []byte) (*yaml.Node, error) {
	if len(data) > MaxSize {
		return nil, p.failAt(0, 0, i18n.M("questions.too_large"))
	}
	// The byte-level checks are fast; the positions are found only when
	// there is something to report.
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return nil, p.failAt(line, col, i18n.M("file.utf8"))
	}
	if mayHoldBadRaw(data) {
		if line, col, desc, r := firstBadRaw(data); line > 0 {
			return nil, p.failAt(line, col, badChar(desc, r))
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.failAt(0, 0, i18n.M("questions.empty"))
		}
		return nil, p.yamlError(err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, p.failAt(extra.Line, 0, i18n.M("questions.multi_doc"))
	case !errors.Is(err, io.EOF):
		return nil, p.yamlError(err)
	}
	if len(doc.Content) == 0 {
		return nil, p.failAt(0, 0, i18n.M("questions.empty"))
	}
	return doc.Content[0], nil
}

func (p *parser) yamlError(err error) error {
	return fileerr.FromYAML(p.file, "yaml.invalid", err)
}

type parser struct {
	file string
}

// failAt is a problem at a line and column of the file (0 when unknown).
func (p *parser) failAt(line, col int, msg i18n.Message) error {
	return &fileerr.Error{File: p.file, Line: line, Column: col, Msg: msg}
}

// fail is a problem with node n, at the value path names.
func (p *parser) fail(n *yaml.Node, path string, msg i18n.Message) error {
	return &fileerr.Error{File: p.file, Line: n.Line, Column: n.Column, Path: path, Msg: msg}
}
