package load

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/iopfit/iopfit/internal/i18n"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "q.yaml", Msg: i18n.M("value.empty")}, "q.yaml: is empty; write the text it needs"},
		{&Error{File: "q.yaml", Line: 3, Msg: i18n.M("value.empty")}, "q.yaml:3: is empty; write the text it needs"},
		{&Error{File: "q.yaml", Line: 3, Column: 7, Path: "title", Msg: i18n.M("value.empty")}, "q.yaml:3:7: title: is empty; write the text it needs"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if got := (&Error{File: "q.yaml", Line: 3, Path: "title", Msg: i18n.M("value.empty")}).In(i18n.Spanish); got != "q.yaml:3: title: está vacío; escriba el texto que necesita" {
		t.Errorf("In(Spanish) = %q", got)
	}
	e := &Error{File: "x", Msg: i18n.M("value.empty"), Err: fs.ErrNotExist}
	if !errors.Is(e, fs.ErrNotExist) {
		t.Error("Error does not unwrap to its cause")
	}
}

// TestFromYAMLLines checks that each syntax error points at the line where the
// problem is, whichever part of the YAML library found it.
func TestFromYAMLLines(t *testing.T) {
	tests := []struct {
		yaml string
		line int
	}{
		{"a: 1\ntitle: [unclosed\nid: x\n", 2},
		{"a: 1\nb: {x: 1\n", 2},
		{"a: 1\nb: 2\nc: \"unterminated\nd: 4\n", 3},
		{"a: 1\nb: c: d\n", 2},
		{"a: 1\n\tb: 2\n", 2},
		{"a: 1\nb:\n  - x\n - y\n", 4},
		{"a: 1\nb: !x!y z\n", 2},
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.yaml), &n)
		if err == nil {
			t.Fatalf("%q parsed", tt.yaml)
		}
		got := fromYAML("f.yaml", "yaml.invalid", []byte(tt.yaml), err)
		if got.Line != tt.line {
			t.Errorf("%q: line %d, want %d (%v)", tt.yaml, got.Line, tt.line, got)
		}
	}
}

// TestFromYAMLFindsTheFault: the YAML library names the line where the
// mapping or list around a fault starts (line 14 for a fault at line 417);
// the error names the fault's own line, and for a line out of place, the
// column where it starts.
func TestFromYAMLFindsTheFault(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: 1\nquestions:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - id: q%d\n    prompt: P\n    help: [H]\n    reasons:\n      yes: [Y]\n      no: [N]\n", i)
	}
	long := strings.Split(b.String(), "\n")
	edit := func(line int, text string) string {
		l := slices.Clone(long)
		l[line-1] = text
		return strings.Join(l, "\n")
	}
	tests := []struct {
		name      string
		yaml      string
		line, col int
	}{
		{"a key indented one space too far", edit(417, "       no: [N]"), 417, 8},
		{"a key indented one space too little", edit(415, "   reasons:"), 415, 4},
		{"a key at the root indented", edit(600, " outcomes: x"), 600, 2},
		{"a flow list left open deep down", edit(416, "      yes: [Y"), 416, 7},
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.yaml), &n)
		if err == nil {
			t.Fatalf("%s: parsed", tt.name)
		}
		got := fromYAML("f.yaml", "yaml.invalid", []byte(tt.yaml), err)
		if got.Line != tt.line || got.Column != tt.col {
			t.Errorf("%s: %d:%d, want %d:%d (%v; the library says %v)", tt.name, got.Line, got.Column, tt.line, tt.col, got, err)
		}
	}
}

// wantFileError fails t unless err is an *Error in file that says want, at
// line:col when line is not 0, on one line with no escape codes.
func wantFileError(t *testing.T, err error, file, want string, line, col int) {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("err %T %v is not a *Error", err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %q\nwant it to contain %q", err, want)
	}
	if line > 0 && (fe.Line != line || fe.Column != col) {
		t.Errorf("position = %d:%d, want %d:%d (%v)", fe.Line, fe.Column, line, col, err)
	}
	if !strings.HasPrefix(err.Error(), file+":") {
		t.Errorf("err = %q does not start with the file name", err)
	}
	if strings.ContainsAny(err.Error(), "\n\x1b") {
		t.Errorf("err = %q is not one safe line", err)
	}
}
