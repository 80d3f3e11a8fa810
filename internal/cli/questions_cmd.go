package cli

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/report"
)

func (a *app) questionsCmd() *cobra.Command {
	format := formatText
	cmd := &cobra.Command{
		Use:   "questions",
		Short: i18n.T(a.lang, "cmd.questions.short"),
		Long:  i18n.T(a.lang, "cmd.questions.long"),
		Args:  noArgs,
		RunE: a.withSet(func(cmd *cobra.Command, set *assess.Set) error {
			if !format.validFor(questionsFormats) {
				return usagef("cli.format", string(format), "questions", i18n.Or(formatNames(questionsFormats)))
			}
			var buf bytes.Buffer
			var err error
			switch format {
			case formatJSON:
				err = report.QuestionsJSON(&buf, set)
			case formatFHIR:
				err = report.QuestionnaireFHIR(&buf, set)
			default:
				var opts report.TextOptions
				if a.io.OutTTY {
					opts = report.TextOptions{Width: a.io.OutWidth, Links: a.io.Hyperlinks()}
				}
				err = report.QuestionsText(&buf, set, a.lang, opts)
			}
			if err != nil {
				return err
			}
			_, err = io.Copy(a.io.Out, &buf)
			return outputErr(err)
		}),
	}
	cmd.Flags().VarP(&format, "output", "o", i18n.T(a.lang, "flag.output_q"))
	nameArg(cmd.Flags(), "output", i18n.T(a.lang, "flag.arg_format"))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formatNames(questionsFormats), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
