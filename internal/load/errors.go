package load

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/safetext"
)

// Error is a problem in a file a person gave iopfit. It carries the file
// and, where known, the line and column, and prints them as
// file:line:column so a person can go straight to the spot.
type Error struct {
	File   string
	Line   int
	Column int
	// Path names the value in the file, as YAML keys: "title",
	// "questions[stable-home].prompt". It is the same in every language.
	Path string
	// Msg says what is wrong and, where it helps, how to fix it.
	Msg i18n.Message
	// Err is the underlying cause, such as a file-system error, if any.
	Err error
}

// Error says the problem in English.
func (e *Error) Error() string { return e.In(i18n.English) }

// In says the problem in l: file:line:column: path: message.
func (e *Error) In(l i18n.Lang) string {
	var b strings.Builder
	// A path comes from outside: it may hold escape sequences.
	b.WriteString(safetext.Path(e.File))
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg.In(l))
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

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

// fromYAML turns a syntax error from the YAML library, found in data, into
// an Error. The library reports the line only inside its message, so it is
// lifted out here to keep every message in the same file:line form; and it
// often names the line where the mapping or list around the fault starts
// (line 14 for a fault at line 417), so the fault's own line is looked for
// (see faultLine). id is the catalog message that names the format
// ("yaml.invalid", "yaml.invalid_any"); the library's own words follow it,
// in English.
func fromYAML(file, id string, data []byte, err error) *Error {
	msg := err.Error()
	n, problem, ok := yamlLine(msg)
	if !ok {
		return &Error{File: file, Msg: i18n.M(id, strings.TrimPrefix(msg, "yaml: ")), Err: err}
	}
	line, _ := strconv.Atoi(n)
	if parserProblems[problem] {
		line++
	}
	col := 0
	if at, ok := faultLine(data, problem); ok {
		line = at
		if parserProblems[problem] {
			// The parser found a line it could not fit where it stands:
			// where that line starts is the fault.
			col = firstColumn(data, at)
		}
	}
	return &Error{File: file, Line: line, Column: col, Msg: i18n.M(id, problem), Err: err}
}

// faultLine is the first line of data at which the YAML library meets
// problem: the shortest run of whole lines from the start that fails with
// that problem ends there. Lines before the fault parse (or fail with
// another problem, such as a text cut off at the end), and every run that
// holds the fault fails at it, so a binary search finds it in a few
// parses, each bounded by the file's cap. ok is false when no run fails
// with problem.
func faultLine(data []byte, problem string) (line int, ok bool) {
	ends := []int{} // ends[i] is the offset after line i+1
	for i, c := range data {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(n int) bool {
		_, p, ok := yamlLine(yamlProblem(data[:ends[n-1]]))
		return ok && p == problem
	}
	lo, hi := 1, len(ends)
	if !fails(hi) {
		return 0, false
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}

// yamlProblem is the YAML library's error for data, every document of it,
// or "" when there is none.
func yamlProblem(data []byte) string {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		switch err := dec.Decode(&n); {
		case errors.Is(err, io.EOF):
			return ""
		case err != nil:
			return err.Error()
		}
	}
}

// firstColumn is the column of the first character of line (1-based) of
// data that is not a space: where a line out of place starts.
func firstColumn(data []byte, line int) int {
	text := string(data)
	for range line - 1 {
		_, text, _ = strings.Cut(text, "\n")
	}
	text, _, _ = strings.Cut(text, "\n")
	return len(text) - len(strings.TrimLeft(text, " ")) + 1
}

// kindName names what a YAML node holds, in the words of error messages:
// "a list", "a number", "text" and so on.
func kindName(n *yaml.Node) i18n.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return i18n.M("kind.mapping")
	case yaml.SequenceNode:
		return i18n.M("kind.list")
	case yaml.AliasNode:
		return i18n.M("kind.alias")
	}
	switch n.Tag {
	case "!!str":
		return i18n.M("kind.text")
	case "!!int", "!!float":
		return i18n.M("kind.number")
	case "!!bool":
		return i18n.M("kind.bool")
	case "!!null":
		return i18n.M("kind.empty")
	}
	return i18n.M("kind.other", strings.TrimPrefix(n.Tag, "!!"))
}

// Usage marks a file's problem as a mistake in what iopfit was given, which
// exits 2.
func (e *Error) Usage() bool { return true }
