package cli

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/report"
	"github.com/iopfit/iopfit/internal/safetext"
	"github.com/iopfit/iopfit/internal/wrap"
)

// print renders res in the chosen format and writes it to stdout in one
// write, so that a failed write (a full disk) is caught and nothing half-done
// is mistaken for a result.
func (o *checkOptions) print(res assess.Result) error {
	var buf bytes.Buffer
	var err error
	out := o.IO.Out
	switch {
	case o.Quiet:
		buf.WriteString(string(res.Recommendation) + "\n")
	case o.Output == formatJSON:
		err = report.JSON(&buf, res)
	case o.Output == formatMarkdown:
		err = report.Markdown(&buf, res, o.Set.Labels, time.Now())
	case o.Output == formatFHIR:
		err = report.ResponseFHIR(&buf, res, o.Set)
	default:
		var opts report.TextOptions
		out, opts = o.textTo(out, o.IO.OutTTY, o.IO.OutWidth)
		err = report.Text(&buf, res, o.Set.Labels, opts)
		// The form leaves the screen with the result's last lines in view;
		// after a long result those are the caveats, so end with the
		// headline and the help lines again.
		if err == nil && o.asked == askForm && o.IO.OutTTY {
			err = report.Recap(&buf, res, o.Set.Labels, opts)
		}
	}
	if err != nil {
		return err
	}
	if _, err = io.Copy(out, &buf); err != nil {
		return outputErr(err)
	}
	return o.sayWritten(res)
}

// sayWritten tells a person who answered at the terminal where their result
// went, when it went to a file or a pipe: otherwise the screen is left blank
// after the form, with no sign that anything happened. The headline and the
// help lines come first, as they end a result shown in the terminal, so
// the screen the person sees still holds the answer and where to get help
// (with -q they asked for the key alone).
func (o *checkOptions) sayWritten(res assess.Result) error {
	if o.asked == askNone || !o.IO.ErrTTY || o.IO.OutTTY {
		return nil
	}
	var buf bytes.Buffer
	errOut, opts := o.textTo(o.IO.ErrOut, true, o.IO.ErrWidth)
	if !o.Quiet {
		if err := report.Recap(&buf, res, o.Set.Labels, opts); err != nil {
			return err
		}
		buf.WriteString("\n")
	}
	l := i18n.Lang(o.Set.Lang)
	path := ""
	if o.IO.OutPath != nil {
		path = o.IO.OutPath()
	}
	msg := i18n.T(l, "cli.written")
	if path != "" {
		msg = i18n.T(l, "cli.written_to", safetext.OneLine(path))
	}
	if o.IO.ErrWidth > 0 {
		msg = strings.Join(wrap.Words(msg, o.IO.ErrWidth-1), "\n")
	}
	buf.WriteString(msg + "\n")
	_, err := io.Copy(errOut, &buf)
	return err
}

// textTo says how text for w may look: wrapped, styled and with links when
// w is a terminal of width columns (styles off under NO_COLOR, links off
// with TERM=dumb), plain for a pipe or a file. It returns w, behind a writer
// that drops any style the terminal cannot show when styles are on.
func (o *checkOptions) textTo(w io.Writer, tty bool, width int) (io.Writer, report.TextOptions) {
	if !tty {
		return w, report.TextOptions{}
	}
	opts := report.TextOptions{Width: width, Color: !o.IO.NoColor(), Links: o.IO.Hyperlinks()}
	if opts.Color {
		w = &colorprofile.Writer{Forward: w, Profile: o.IO.ColorProfile()}
	}
	return w, opts
}
