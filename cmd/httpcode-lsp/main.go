package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"github.com/spf13/pflag"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/httpcode-lsp/httpcode-lsp/internal/cli"
	"github.com/httpcode-lsp/httpcode-lsp/internal/server"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build info (cli.Version).
var version = ""

func main() {
	stdout := os.Stdout
	// Anything printed by accident must not corrupt the protocol stream.
	os.Stdout = os.Stderr
	os.Exit(run(os.Args[1:], os.Stdin, stdout, os.Stderr))
}

func run(args []string, stdin io.ReadCloser, stdout io.WriteCloser, stderr io.Writer) int {
	v := cli.Version(version)
	var flags serveFlags
	return cli.Main(args, cli.NewEnv(stdout, stderr, v), cli.Server{
		Flags: flags.define,
		Run:   func() int { return serve(flags, v, stdin, stdout, stderr) },
	})
}

// serveFlags are the language server's flags.
type serveFlags struct {
	stdio           bool
	clientProcessID int
	logFile         string
	logLevel        string
	debounce        time.Duration
	trace           string
}

// define defines the flags on fs.
func (f *serveFlags) define(fs *pflag.FlagSet) {
	fs.BoolVar(&f.stdio, "stdio", true, "speak LSP on stdin/stdout (the only transport; accepted for clients that pass it)")
	fs.IntVar(&f.clientProcessID, "clientProcessId", 0, "accepted for clients that pass it; unused")
	fs.StringVar(&f.logFile, "log-file", "", "write logs to `PATH` instead of stderr")
	fs.StringVar(&f.logLevel, "log-level", "info", "log `LEVEL`: debug, info, warn or error")
	fs.DurationVar(&f.debounce, "debounce", server.DefaultDebounce, "analyse a document once it has been unchanged for `DURATION`")
	fs.StringVar(&f.trace, "trace", "", "write a Go execution trace of the session to `PATH`, each request a task (go tool trace PATH)")
}

func serve(flags serveFlags, version string, stdin io.ReadCloser, stdout io.WriteCloser, stderr io.Writer) int {
	log, closeLog, err := newLogger(flags.logFile, flags.logLevel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "httpcode-lsp: %v\n", err)
		return 2
	}
	defer closeLog()
	if flags.trace != "" {
		stop, err := startTrace(flags.trace)
		if err != nil {
			fmt.Fprintf(stderr, "httpcode-lsp: --trace: %v\n", err)
			return 2
		}
		defer stop()
	}

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
	s := server.New(server.Options{Version: version, Logger: log, Debounce: flags.debounce})
	log.Info("serving on stdio", zap.String("version", version))
	code := s.Serve(context.Background(), stdio{pollable(stdin), stdout})
	log.Info("exiting", zap.Int("code", code))
	return code
}

// startTrace writes the execution trace to path until stop is called. It
// shows where a request waited between its frame and its answer: for a
// processor, for the collector, for another goroutine. The CPU profiler
// runs meanwhile, its profile dropped, so that the trace holds its samples:
// what the goroutines that held the processors were doing.
func startTrace(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		f.Close()
		return nil, err
	}
	if err := trace.Start(f); err != nil {
		pprof.StopCPUProfile()
		f.Close()
		return nil, err
	}
	return func() {
		trace.Stop()
		pprof.StopCPUProfile()
		f.Close()
	}, nil
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
