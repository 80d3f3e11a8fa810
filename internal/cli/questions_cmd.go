package cli

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/report"
)

func (a *app) questionsCmd() *cobra.Command {
	format := formatText
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "List the questions of the active question set",
		Long: `List the questions of the active question set: each one's id and flag,
its prompt and help, and whether it decides the result. With -o json the
list is one JSON object, for scripts that build their own forms.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a.ran = true
			if a.setErr != nil {
				return a.setErr
			}
			if !format.validFor(questionsFormats) {
				return usagef("--output %q is not a format of questions; use text or json", string(format))
			}
			var buf bytes.Buffer
			var err error
			if format == formatJSON {
				err = report.QuestionsJSON(&buf, a.set)
			} else {
				err = report.QuestionsText(&buf, a.set)
			}
			if err != nil {
				return err
			}
			_, err = io.Copy(a.io.Out, &buf)
			return outputErr(err)
		},
	}
	cmd.Flags().VarP(&format, "output", "o", "list format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formatNames(questionsFormats), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
