// Package fileerr is the error for a problem inside an input file (a question
// set or an answers document): it carries the file and, where known, the line
// and column, and prints them as file:line:column so a person can go straight
// to the spot.
package fileerr

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in a file a person gave iopfit.
type Error struct {
	File   string
	Line   int
	Column int
	// Msg says what is wrong and, where it helps, how to fix it.
	Msg string
	// Err is the underlying cause, such as a file-system error, if any.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of the YAML library's parser, as opposed to
// its scanner. For these the library reports the line where the broken
// construct begins, counted from 0, so they read one line early; scanner
// errors are counted from 1. The two sets of messages do not overlap.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// FromYAML turns a syntax error from the YAML library into an Error. The
// library reports the line only inside its message, so it is lifted out here
// to keep every message in the same file:line form. what names the format in
// the message, such as "YAML" or "YAML or JSON".
func FromYAML(file, what string, err error) *Error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if parserProblems[m[2]] {
			line++
		}
		return &Error{File: file, Line: line, Msg: "invalid " + what + ": " + m[2], Err: err}
	}
	return &Error{File: file, Msg: "invalid " + what + ": " + strings.TrimPrefix(msg, "yaml: "), Err: err}
}

// KindName names what a YAML node holds, in the words of error messages:
// "a list", "a number", "text" and so on.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!str":
		return "text"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!null":
		return "empty"
	}
	return "a value of type " + strings.TrimPrefix(n.Tag, "!!")
}
