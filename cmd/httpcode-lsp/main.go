package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/httpcode-lsp/httpcode-lsp/internal/cli"
	"github.com/httpcode-lsp/httpcode-lsp/internal/server"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build info.
var version = ""

func main() {
	stdout := os.Stdout
	// Anything printed by accident must not corrupt the protocol stream.
	os.Stdout = os.Stderr
	os.Exit(run(os.Args[1:], os.Stdin, stdout, os.Stderr))
}

func run(args []string, stdin io.ReadCloser, stdout io.WriteCloser, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(args, stdin, stdout, stderr)
	case "check":
		return cli.Check(args, cli.NewEnv(stdout, stderr, buildVersion()))
	case "explain":
		return cli.Explain(args, cli.NewEnv(stdout, stderr, buildVersion()))
	case "codes":
		return cli.Codes(args, cli.NewEnv(stdout, stderr, buildVersion()))
	case "version":
		fmt.Fprintf(stdout, "%s %s\n", server.Name, buildVersion())
		return 0
	case "help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "httpcode-lsp: unknown command %q\n", cmd)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  httpcode-lsp [serve] [--stdio] [--log-file PATH] [--log-level debug|info|warn|error] [--debounce 150ms]
      speak the Language Server Protocol on stdin/stdout (the default)
  httpcode-lsp check [--format text|json|sarif] [--fail-on error|warning|info|hint|none]
                     [--fix | --diff] [--color auto|always|never] [--config FILE]
                     [--exclude PATTERN] [--no-gitignore] [-j N] [PATH...]
      report the findings the editor shows, for CI (exit 1 on findings, 2 on errors)
  httpcode-lsp explain CODE|4xx|default|RULE-ID...
      print what a status code, class or rule means
  httpcode-lsp codes [--class 4xx] [--json]
      list the status codes httpcode-lsp knows
  httpcode-lsp version
      print the version

Run "httpcode-lsp COMMAND -h" for a command's flags.
`)
}

func serve(args []string, stdin io.ReadCloser, stdout io.WriteCloser, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "speak LSP on stdin/stdout (the only transport; accepted for clients that pass it)")
	fs.Int("clientProcessId", 0, "accepted for clients that pass it; unused")
	logFile := fs.String("log-file", "", "write logs to `PATH` instead of stderr")
	logLevel := fs.String("log-level", "info", "log `LEVEL`: debug, info, warn or error")
	debounce := fs.Duration("debounce", server.DefaultDebounce, "analyse a document once it has been unchanged for `DURATION`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "httpcode-lsp: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	log, closeLog, err := newLogger(*logFile, *logLevel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "httpcode-lsp: %v\n", err)
		return 2
	}
	defer closeLog()

	if os.Getenv("GOGC") == "" {
		// The heap of a server is mostly the node trees of its open
		// documents, long-lived and shared between versions. Collecting
		// at three quarters of their size again, not their size again,
		// keeps a 13 MB spec under 300 MB through an editing session
		// (250 MB measured, 273 MB at 100); at half, 215 MB, collections
		// come so often that they slow one hover or completion in a
		// hundred past 2 ms.
		debug.SetGCPercent(gcPercent)
	}
	s := server.New(server.Options{Version: buildVersion(), Logger: log, Debounce: *debounce})
	log.Info("serving on stdio", zap.String("version", buildVersion()))
	code := s.Serve(context.Background(), stdio{pollable(stdin), stdout})
	log.Info("exiting", zap.Int("code", code))
	return code
}

// gcPercent is the server's GOGC unless the environment sets one.
const gcPercent = 75

// newLogger logs to stderr, or to path when given, at the named level.
func newLogger(path, level string, stderr io.Writer) (*zap.Logger, func(), error) {
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, nil, fmt.Errorf("--log-level: %w", err)
	}
	out := zapcore.AddSync(stderr)
	closeFn := func() {}
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("--log-file: %w", err)
		}
		out, closeFn = zapcore.AddSync(f), func() { f.Close() }
	}
	enc := zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig())
	return zap.New(zapcore.NewCore(enc, out, lvl)), closeFn, nil
}

// stdio joins stdin and stdout into the server's stream.
type stdio struct {
	io.ReadCloser
	io.WriteCloser
}

func (s stdio) Close() error {
	return errors.Join(s.ReadCloser.Close(), s.WriteCloser.Close())
}

func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		return "devel-" + rev + dirty
	}
	return "(devel)"
}
