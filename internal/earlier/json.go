package earlier

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// parser reads one earlier result; every error it makes names that file.
type parser struct {
	file string
	data []byte
}

func (p *parser) failAt(line, col int, msg i18n.Message) error {
	return &load.Error{File: p.file, Line: line, Column: col, Msg: msg}
}

// fail is a problem with the value at path, written as YAML paths are
// ("answers[stable-home].answer"), or with the whole file when path is "".
func (p *parser) fail(path string, msg i18n.Message) error {
	return &load.Error{File: p.file, Path: path, Msg: msg}
}

// maxDepth is deeper than any result iopfit writes nests (a FHIR response
// reaches 6) and keeps a file of a million "[" from being read as one.
const maxDepth = 32

// document reads p.data as exactly one JSON value, as encoding/json reads
// it, but refuses a key given twice in an object, which encoding/json
// would settle silently by keeping the last: a result with two answers to
// one question says nothing for sure. Objects come back as map[string]any,
// lists as []any, numbers as json.Number.
func (p *parser) document() (any, error) {
	if len(bytes.Trim(p.data, jsonSpace)) == 0 {
		return nil, p.failAt(0, 0, i18n.M("compare.empty"))
	}
	dec := json.NewDecoder(bytes.NewReader(p.data))
	dec.UseNumber()
	root, err := p.value(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		line, col := p.position(dec.InputOffset())
		return nil, p.failAt(line, col, i18n.M("compare.extra"))
	}
	return root, nil
}

// value reads the next JSON value from dec.
func (p *parser) value(dec *json.Decoder, depth int) (any, error) {
	start := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if depth >= maxDepth {
		line, col := p.position(start)
		return nil, p.failAt(line, col, i18n.M("compare.too_deep", maxDepth))
	}
	var out any
	if delim == '{' {
		obj := map[string]any{}
		for dec.More() {
			at := dec.InputOffset()
			key, err := dec.Token()
			if err != nil {
				return nil, p.syntax(err)
			}
			k, _ := key.(string) // encoding/json allows only a string here
			if _, dup := obj[k]; dup {
				line, col := p.position(at)
				return nil, p.failAt(line, col, i18n.M("compare.key_twice", safetext.Quote(k)))
			}
			if obj[k], err = p.value(dec, depth+1); err != nil {
				return nil, err
			}
		}
		out = obj
	} else {
		list := []any{}
		for dec.More() {
			v, err := p.value(dec, depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		out = list
	}
	if _, err := dec.Token(); err != nil { // the closing delimiter
		return nil, p.syntax(err)
	}
	return out, nil
}

// syntax explains an error of encoding/json's reader, at its position.
func (p *parser) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// Offset counts the bytes read, the offending one included.
		line, col := p.position(max(se.Offset-1, 0))
		return &load.Error{File: p.file, Line: line, Column: col, Msg: i18n.M("compare.not_json", se.Error()), Err: err}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &load.Error{File: p.file, Msg: i18n.M("compare.cut_off"), Err: err}
	}
	return &load.Error{File: p.file, Msg: i18n.M("compare.not_json", err), Err: err}
}

// position turns a byte offset into a line and a column, both counted
// from 1, the column in characters. Separators (white space, commas and
// colons) at the offset are skipped, so that it points at a token.
func (p *parser) position(off int64) (line, col int) {
	i := int(min(max(off, 0), int64(len(p.data))))
	for i < len(p.data) && strings.IndexByte(jsonSpace+",:", p.data[i]) >= 0 {
		i++
	}
	before := p.data[:i]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[lineStart:]) + 1
}

// field is obj's key, which must be there; path names obj.
func (p *parser) field(obj map[string]any, path, key string) (any, error) {
	v, ok := obj[key]
	if !ok {
		return nil, p.fail(path, i18n.M("compare.no_key", key))
	}
	return v, nil
}

// object is obj's key, which must hold an object.
func (p *parser) object(obj map[string]any, path, key string) (map[string]any, error) {
	v, err := p.field(obj, path, key)
	if err != nil {
		return nil, err
	}
	o, ok := v.(map[string]any)
	if !ok {
		return nil, p.fail(join(path, key), i18n.M("compare.kind", jsonKind(v), i18n.M("kind.object")))
	}
	return o, nil
}

// listField is obj's key, which must hold a list.
func (p *parser) listField(obj map[string]any, path, key string) ([]any, error) {
	v, err := p.field(obj, path, key)
	if err != nil {
		return nil, err
	}
	return p.list(v, join(path, key))
}

func (p *parser) list(v any, path string) ([]any, error) {
	l, ok := v.([]any)
	if !ok {
		return nil, p.fail(path, i18n.M("compare.kind", jsonKind(v), i18n.M("kind.list")))
	}
	return l, nil
}

// textField is obj's key, which must hold text.
func (p *parser) textField(obj map[string]any, path, key string) (string, error) {
	v, err := p.field(obj, path, key)
	if err != nil {
		return "", err
	}
	return p.text(v, join(path, key))
}

// optionalText is obj's key, which may be missing ("") but, when there,
// must hold text.
func (p *parser) optionalText(obj map[string]any, path, key string) (string, error) {
	v, ok := obj[key]
	if !ok {
		return "", nil
	}
	return p.text(v, join(path, key))
}

func (p *parser) text(v any, path string) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", p.fail(path, i18n.M("compare.kind", jsonKind(v), i18n.M("kind.text")))
	}
	return s, nil
}

// jsonSpace is the white space JSON allows between tokens.
const jsonSpace = " \t\r\n"

// itemPath names the i-th element of list by its id when the id is one
// iopfit could have written, and by its place otherwise: the path is
// printed as it is, and an id from the file could hold anything.
func itemPath(list string, i int, id string) string {
	if plainID(id) {
		return list + "[" + id + "]"
	}
	return list + "[" + strconv.Itoa(i) + "]"
}

// plainID is true for an id of lower-case ASCII letters, digits, hyphens
// and colons (iopfit:result), at most 64 of them: one that is safe to print
// as it is.
func plainID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c != '-' && c != ':' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// join names key inside the value at path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonKind names what a JSON value is, in the words of error messages.
func jsonKind(v any) i18n.Message {
	switch v.(type) {
	case map[string]any:
		return i18n.M("kind.object")
	case []any:
		return i18n.M("kind.list")
	case string:
		return i18n.M("kind.text")
	case json.Number:
		return i18n.M("kind.number")
	case bool:
		return i18n.M("kind.bool")
	}
	return i18n.M("kind.empty")
}

// describeJSON shows a scalar as it was written (a number, quoted text),
// and any other value by its kind.
func describeJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		return safetext.Cut(x.String(), 64)
	case string:
		return safetext.Quote(x)
	}
	return jsonKind(v)
}
