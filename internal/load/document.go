package load

import (
	"bytes"
	"errors"
	"io"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/i18n"
)

// parser reads one file; every error it makes names that file.
type parser struct {
	file string
}

// failAt is a problem at a line and column of the file (0 when unknown).
func (p *parser) failAt(line, col int, msg i18n.Message) error {
	return &Error{File: p.file, Line: line, Column: col, Msg: msg}
}

// fail is a problem with node n, at the value path names.
func (p *parser) fail(n *yaml.Node, path string, msg i18n.Message) error {
	return &Error{File: p.file, Line: n.Line, Column: n.Column, Path: path, Msg: msg}
}

// document is the one strict YAML decoder: it checks data as text (UTF-8,
// no character that could drive a terminal), then as exactly one YAML
// document without aliases, and returns that document's root. empty is the
// message for a file with nothing in it. Question sets, translations and
// answers files all come through here.
func (p *parser) document(data []byte, k Kind, empty i18n.Message) (*yaml.Node, error) {
	if int64(len(data)) > k.texts().limit {
		return nil, p.failAt(0, 0, k.tooLarge())
	}
	if utf16(data) {
		return nil, p.failAt(1, 1, i18n.M("file.utf16"))
	}
	if line, col, msg, bad := firstBadChar(data); bad {
		return nil, p.failAt(line, col, msg)
	}
	if line, col, ok := longKey(data); ok {
		return nil, p.failAt(line, col, i18n.M("yaml.long_key", maxKey))
	}
	syntax := k.texts().syntax
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.failAt(0, 0, empty)
		}
		return nil, fromYAML(p.file, syntax, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, p.failAt(extra.Line, 0, i18n.M(k.texts().multiDoc))
	case !errors.Is(err, io.EOF):
		return nil, fromYAML(p.file, syntax, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, p.failAt(0, 0, empty)
	}
	root := doc.Content[0]
	if err := p.noAliases(root); err != nil {
		return nil, err
	}
	return root, nil
}

// noAliases rejects YAML aliases anywhere in the file. No file iopfit reads
// has a use for them, and refusing them rules out alias-expansion blow-ups.
func (p *parser) noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return p.fail(n, "", i18n.M("yaml.alias", n.Value))
	}
	for _, c := range n.Content {
		if err := p.noAliases(c); err != nil {
			return err
		}
	}
	return nil
}

// LooksUTF16 is true when data looks like UTF-16 without a byte-order
// mark (see utf16), for a parser of another format to say so as this
// package does.
func LooksUTF16(data []byte) bool { return utf16(data) }

// utf16 is true when data looks like UTF-16 without a byte-order mark: text
// in which every other byte of the start is zero. Read as UTF-8 it is full
// of NUL characters, and "a control character" would not say what to do.
func utf16(data []byte) bool {
	n := min(len(data), 64)
	if n < 4 {
		return false
	}
	zeros := 0
	for _, b := range data[:n] {
		if b == 0 {
			zeros++
		}
	}
	return zeros*3 >= n
}

// maxKey is the longest key YAML reads as a key without explicit "? "
// syntax; a longer one fails with a message that names no line.
const maxKey = 1024

// longKey finds a line whose key (the text before its first ": ") is longer
// than maxKey, and returns its line and column.
func longKey(data []byte) (line, col int, ok bool) {
	for line = 1; len(data) > 0; line++ {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		trimmed := bytes.TrimLeft(l, " -")
		end := bytes.Index(trimmed, []byte(": "))
		if end < 0 && bytes.HasSuffix(bytes.TrimRight(trimmed, "\r"), []byte(":")) {
			end = len(bytes.TrimRight(trimmed, "\r")) - 1
		}
		if end > maxKey {
			return line, len(l) - len(trimmed) + 1, true
		}
	}
	return 0, 0, false
}
