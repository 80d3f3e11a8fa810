package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/iopfit/iopfit/internal/i18n"
	"github.com/iopfit/iopfit/internal/load"
	"github.com/iopfit/iopfit/internal/safetext"
)

// localizeHelp gives every command, including cobra's own help and
// completion commands, its help in the reader's language, and renders help
// without cobra's templates (which would link text/template and its
// reflection into the binary, 2.6 MiB).
func (a *app) localizeHelp(root *cobra.Command) {
	l := a.lang
	root.SetHelpCommand(a.helpCmd())
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			c.Short = i18n.T(l, "help.completion")
			c.Long = i18n.T(l, "help.completion_long")
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usagef("cli.unknown_shell", safetext.Quote(args[0]), "bash, zsh, fish, powershell")
				}
				return cmd.Help()
			}
			for _, sh := range c.Commands() {
				sh.Short = i18n.T(l, "help.completion_sh", sh.Name())
				sh.Long = i18n.T(l, "help.completion_sh_long", sh.Name())
				if sh.Name() == "bash" {
					sh.Long += "\n\n" + i18n.T(l, "help.completion_bash_note")
					sh.RunE = func(cmd *cobra.Command, _ []string) error {
						noDesc, _ := cmd.Flags().GetBool("no-descriptions")
						return BashCompletion(root, cmd.OutOrStdout(), !noDesc)
					}
				}
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = i18n.T(l, "help.no_descriptions")
				}
			}
		}
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = i18n.T(l, "help.help_flag", c.Name())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		fmt.Fprint(c.OutOrStdout(), helpText(c, l))
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		fmt.Fprint(c.OutOrStderr(), usageText(c, l))
		return nil
	})
}

// helpCmd is `iopfit help [command]`. Unlike cobra's own, it can fail: help
// for check with a broken question file is that file's error, since check's
// flags come from the file.
func (a *app) helpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: i18n.T(a.lang, "help.help_cmd"),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			if len(args) == 0 {
				for _, sub := range c.Root().Commands() {
					if sub.IsAvailableCommand() {
						names = append(names, sub.Name()+"\t"+sub.Short)
					}
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: run(func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				if len(args) == 1 {
					return unknownCommand(c.Root(), args[0])
				}
				return usagef("cli.unknown_cmd", strings.Join(args, " "))
			}
			if target.Name() == "check" && a.setErr != nil {
				return a.setErr
			}
			return target.Help()
		}),
	}
}

// helpText is a command's description followed by its usage.
func helpText(c *cobra.Command, l i18n.Lang) string {
	desc := strings.TrimSpace(c.Long)
	if desc == "" {
		desc = c.Short
	}
	if desc == "" {
		return usageText(c, l)
	}
	return desc + "\n\n" + usageText(c, l)
}

// usageText lays out a command's usage, commands and flags as cobra does.
func usageText(c *cobra.Command, l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(i18n.T(l, "help.usage") + "\n")
	if c.Runnable() {
		line := c.CommandPath()
		if c.HasAvailableFlags() {
			line += " " + i18n.T(l, "help.flags_word")
		}
		b.WriteString("  " + line + "\n")
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("  " + c.CommandPath() + " " + i18n.T(l, "help.command_word") + "\n")
	}
	if c.Example != "" {
		b.WriteString("\n" + i18n.T(l, "help.examples") + "\n" + c.Example + "\n")
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n" + i18n.T(l, "help.commands") + "\n")
		width := 0
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				width = max(width, len(sub.Name()))
			}
		}
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "  %-*s  %s\n", width, sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n" + i18n.T(l, "help.flags") + "\n" + flagUsages(c.LocalFlags(), l))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n" + i18n.T(l, "help.global_flags") + "\n" + flagUsages(c.InheritedFlags(), l))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n" + i18n.T(l, "help.more", c.CommandPath()) + "\n")
	}
	return b.String()
}

// flagUsages lists flags as pflag does, but says the default in l.
func flagUsages(fs *pflag.FlagSet, l i18n.Lang) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		// The usage is shown as written: pflag's UnquoteUsage would take a
		// backticked word of a question's prompt for the argument's name.
		usage := f.Usage
		if arg := FlagArg(f); arg != "" {
			left += " " + arg
		}
		if f.DefValue != "" && f.Value.Type() != "bool" {
			usage += " " + i18n.T(l, "help.default", f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s%s   %s\n", r.left, strings.Repeat(" ", width-len([]rune(r.left))), r.usage)
	}
	return b.String()
}

// argAnnotation is the flag annotation that names a flag's argument.
const argAnnotation = "iopfit_arg"

// nameArg names the argument of flag name in fs, for --help and the man
// pages, in the reader's language.
func nameArg(fs *pflag.FlagSet, name, arg string) {
	_ = fs.SetAnnotation(name, argAnnotation, []string{arg})
}

// FlagArg is the name of the argument f takes, as --help and the man pages
// show it ("ANSWER"), or "" for a flag that takes none.
func FlagArg(f *pflag.Flag) string {
	if f.NoOptDefVal != "" {
		return ""
	}
	if v := f.Annotations[argAnnotation]; len(v) == 1 {
		return v[0]
	}
	return strings.ToUpper(f.Value.Type())
}

// flagError explains a bad flag in the reader's language. pflag reports each
// kind of mistake as its own error type.
func (a *app) flagError(c *cobra.Command, err error) error {
	var (
		unknown  *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
		msg      i18n.Message
	)
	switch {
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if shorts := unknown.GetSpecifiedShortnames(); shorts != "" && name != "" {
			msg = i18n.M("flag.unknown_short", []rune(name)[0], shorts)
		} else if near := nearFlag(c, name); near != "" {
			msg = i18n.M("flag.unknown_near", "--"+name, "--"+near)
		} else {
			msg = i18n.M("flag.unknown", "--"+name)
		}
	case errors.As(err, &noValue):
		msg = i18n.M("flag.needs_value", "--"+noValue.GetFlag().Name)
	case errors.As(err, &badValue):
		f := badValue.GetFlag()
		name := "--" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", " + name
		}
		cause := errors.Unwrap(badValue)
		var loc i18n.Localized
		switch {
		case f.Value.Type() == "bool":
			// pflag's own words here are strconv's, in English.
			msg = i18n.M("flag.bool", name, safetext.Quote(badValue.GetValue()))
		case errors.As(cause, &loc):
			// The cause already quotes the value; once is enough.
			msg = i18n.M("flag.invalid_because", name, loc)
		default:
			msg = i18n.M("flag.invalid", badValue.GetValue(), name, cause)
		}
	case errors.As(err, &syntax):
		msg = i18n.M("flag.syntax", syntax.GetSpecifiedFlag())
	default:
		msg = i18n.M("cli.raw", err)
	}
	return &UsageError{Msg: i18n.M("cli.flag_hint", msg, c.CommandPath()), Err: err}
}

// nearFlag is the flag of c nearest to a mistyped name, or "" when none is
// near enough to be the one meant.
func nearFlag(c *cobra.Command, name string) string {
	var names []string
	add := func(f *pflag.Flag) { names = append(names, f.Name) }
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	return load.Closest(name, names)
}
