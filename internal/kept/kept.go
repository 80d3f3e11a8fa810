// Package kept names the marks around the result a saved handout keeps for
// check --compare: report writes them, earlier reads them.
package kept

// Open and Close hold, at the end of a handout (-o markdown, the form's
// save), the result as check --compare reads a JSON one: in a comment,
// which a Markdown viewer and a printed page leave out.
const (
	Open  = "<!-- iopfit-result "
	Close = " -->"
)
