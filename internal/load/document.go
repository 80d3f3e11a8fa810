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
		return nil, p.failAt(0, 0, i18n.M(k.texts().tooLarge))
	}
	if line, col, msg, bad := firstBadChar(data); bad {
		return nil, p.failAt(line, col, msg)
	}
	syntax := k.texts().syntax
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.failAt(0, 0, empty)
		}
		return nil, fromYAML(p.file, syntax, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, p.failAt(extra.Line, 0, i18n.M(k.texts().multiDoc))
	case !errors.Is(err, io.EOF):
		return nil, fromYAML(p.file, syntax, err)
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
