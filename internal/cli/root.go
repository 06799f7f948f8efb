// root.go defines the command tree (cobra): the language server as the
// root's own run and as `serve`, then check, explain, codes, rules,
// version, help and completion, and how a run ends in an exit code.

package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Server is the language server as the command line starts it; package
// cli does not depend on the server itself.
type Server struct {
	// Flags defines the server's flags on a command's flag set: the
	// root's and serve's, bound to the same variables.
	Flags func(fs *pflag.FlagSet)
	// Run serves on stdin and stdout with the parsed flags and returns
	// the exit code.
	Run func() int
}

const rootLong = `httpcode-lsp is a language server that knows HTTP status codes, and a
command line that checks files with the same rules.

Run without a command, or as "serve", it speaks the Language Server
Protocol on stdin and stdout: stdout carries protocol frames only, logs go
to stderr or --log-file.`

// Main runs the command line, args without the program's name, and
// returns the process's exit code.
func Main(args []string, env Env, server Server) int {
	root := newRoot(env, server)
	root.SetArgs(longFlagsWithOneDash(root, args))
	cmd, err := root.ExecuteC()
	var status exitStatus
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &status):
		return int(status)
	}
	// An error cobra found before the run: a flag or an argument; help's
	// unknown topic is the root's unknown command.
	if cmd.Name() == "help" {
		cmd = root
	}
	name := ""
	if cmd != root {
		name = strings.TrimPrefix(cmd.CommandPath(), root.Name()+" ") + ": "
	}
	return env.fail("%s%v (see %s --help)", name, err, cmd.CommandPath())
}

func newRoot(env Env, server Server) *cobra.Command {
	root := &cobra.Command{
		Use:     "httpcode-lsp",
		Short:   "A language server and linter for HTTP status codes",
		Long:    rootLong,
		Version: env.Version,
		Args:    unknownCommand,
		RunE:    serveRun(server),
	}
	root.SetVersionTemplate(versionLine(env.Version, buildInfo()) + "\n")
	serve := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Speak the Language Server Protocol on stdin/stdout (the default)",
		Long:  "Speaks the Language Server Protocol on stdin and stdout, as an editor starts it.\nstdout carries protocol frames only; logs go to stderr or --log-file.",
		Args:  noArguments,
		RunE:  serveRun(server),
	}
	if server.Flags != nil {
		server.Flags(root.Flags())
		server.Flags(serve.Flags())
	}
	root.AddCommand(serve, checkCommand(env), explainCommand(env), codesCommand(env), rulesCommand(env), versionCommand(env))
	root.SetHelpCommand(helpCommand(root))
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SuggestionsMinimumDistance = 2
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return err })
	return root
}

func serveRun(server Server) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		if server.Run == nil {
			return errors.New("no language server in this build")
		}
		return exitWith(server.Run())
	}
}

// helpCommand is `httpcode-lsp help [COMMAND]`: cobra's, but a topic that
// is no command's name is a usage error, with the nearest name.
func helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Long:  "Prints the help of a command, or of httpcode-lsp with none.",
		ValidArgsFunction: func(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, c := range root.Commands() {
				if len(args) == 0 && c.IsAvailableCommand() && strings.HasPrefix(c.Name(), prefix) {
					names = append(names, c.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err == nil && len(rest) > 0 {
				err = unknownCommand(root, rest)
			}
			if err != nil {
				return err
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// unknownCommand is the root's check of its arguments: the root takes
// none, so a word that is no command's name is a mistake, with the
// nearest command's name when there is one.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return errors.New(msg)
}

// noArguments is the check of a command that takes no arguments.
func noArguments(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q", args[0])
	}
	return nil
}

// exitStatus is a run's exit code other than ExitOK, as the error cobra
// returns; what the run had to say it printed itself.
type exitStatus int

func (s exitStatus) Error() string { return "exit status " + strconv.Itoa(int(s)) }

// exitWith turns an exit code into RunE's result.
func exitWith(code int) error {
	if code == ExitOK {
		return nil
	}
	return exitStatus(code)
}

// longFlagsWithOneDash rewrites -name to --name for the long flags of the
// command args run, as Go's flag package, which httpcode-lsp used
// before, read both: `check -format json` keeps working. A value of a
// flag, and everything after "--", is left alone.
func longFlagsWithOneDash(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil {
		return args
	}
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	flags := cmd.Flags()
	out := make([]string, 0, len(args))
	takesValue := false // the previous argument is a flag whose value is next
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if takesValue || !strings.HasPrefix(a, "-") {
			takesValue = false
			out = append(out, a)
			continue
		}
		dashes := "--"
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := flags.Lookup(name)
		if len(name) == 1 {
			dashes, f = "-", flags.ShorthandLookup(name)
		}
		if f == nil {
			out = append(out, a)
			continue
		}
		takesValue = !hasValue && f.NoOptDefVal == ""
		out = append(out, dashes+strings.TrimLeft(a, "-"))
	}
	return out
}

// enumFlag completes a flag's value from a fixed list in the shells.
func enumFlag(cmd *cobra.Command, name string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}
