package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// Exit codes of every command.
const (
	// ExitOK: nothing at or above the --fail-on threshold.
	ExitOK = 0
	// ExitFindings: findings at or above the threshold.
	ExitFindings = 1
	// ExitError: a usage error, a bad configuration or an I/O error.
	ExitError = 2
)

// Env is what a command sees of its process.
type Env struct {
	Stdout, Stderr io.Writer
	// Dir is the working directory: relative paths, the default
	// configuration file and SARIF's %SRCROOT% are taken from it. Empty
	// means the process's working directory.
	Dir string
	// Version is the tool's version, for SARIF.
	Version string
	// StdoutTerminal and StderrTerminal tell whether the streams are
	// terminals: colour and excerpts (--color auto) and the progress line
	// depend on them.
	StdoutTerminal, StderrTerminal bool
	// NoColor is set where the NO_COLOR convention asks for no colour;
	// --color auto then means never.
	NoColor bool
}

// NewEnv describes the process: its working directory, whether stdout and
// stderr are terminals, and NO_COLOR.
func NewEnv(stdout, stderr io.Writer, version string) Env {
	return Env{
		Stdout:         stdout,
		Stderr:         stderr,
		Version:        version,
		StdoutTerminal: IsTerminal(stdout),
		StderrTerminal: IsTerminal(stderr),
		NoColor:        os.Getenv("NO_COLOR") != "",
	}
}

// IsTerminal reports whether w is a terminal, as isatty does: /dev/null
// is a character device, but no terminal (`check > /dev/null` kept every
// file's text for excerpts nobody saw).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// dir returns the working directory.
func (e Env) dir() (string, error) {
	if e.Dir != "" {
		return e.Dir, nil
	}
	return os.Getwd()
}

// fail prints one line, "httpcode-lsp: msg", on stderr and returns
// ExitError.
func (e Env) fail(format string, args ...interface{}) int {
	e.errorf(format, args...)
	return ExitError
}

func (e Env) errorf(format string, args ...interface{}) {
	fmt.Fprintf(e.Stderr, "httpcode-lsp: %s\n", oneLine(fmt.Sprintf(format, args...)))
}

// oneLine folds a multi-line message (YAML errors can have several) into
// one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// colorFor parses --color.
func (e Env) colorFor(mode string, terminal bool) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return terminal && !e.NoColor, nil
	}
	return false, fmt.Errorf("--color %q: want auto, always or never", mode)
}
