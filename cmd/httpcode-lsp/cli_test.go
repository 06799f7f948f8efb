package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The command-line subcommands, driven through the built binary as a
// shell or CI runs them: stdout and stderr are pipes, not terminals.

type cliResult struct {
	code           int
	stdout, stderr string
}

func runBinary(t *testing.T, dir string, cmd *exec.Cmd) cliResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return cliResult{code, stdout.String(), stderr.String()}
}

func runCLI(t *testing.T, dir string, args ...string) cliResult {
	t.Helper()
	return runBinary(t, dir, exec.Command(binary, args...))
}

// repoRoot is where the README's first command runs.
const repoRoot = "../.."

// TestCheckExamples is the README's first command: findings of several
// rules from both example files, and exit status 1.
func TestCheckExamples(t *testing.T) {
	res := runCLI(t, repoRoot, "check", "./examples")
	if res.code != 1 || res.stderr != "" {
		t.Fatalf("check ./examples: exit %d, stderr %q; want 1 and nothing", res.code, res.stderr)
	}
	for _, want := range []string{
		"examples/main.go:", "examples/openapi.yaml:", "error body-not-allowed:", "warning unquoted-status-code:",
		"hint use-status-constant:", "warning deprecated-status-code:",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("no %q in\n%s", want, res.stdout)
		}
	}
	if strings.Contains(res.stdout, "\x1b[") {
		t.Error("colour on a pipe")
	}
}

func TestCLIExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--fail-on", "none", "./examples"}, 0},
		{[]string{"check", "--format", "sarif", "./examples"}, 1},
		{[]string{"check", "--format", "json", "--fail-on", "warning", "examples/main.go"}, 1},
		{[]string{"check", "--fail-on", "error", "examples/main.go"}, 0},
		{[]string{"check", "--format", "yaml"}, 2},
		{[]string{"check", "--no-such-flag"}, 2},
		{[]string{"check", "examples/nonexistent"}, 2},
		{[]string{"check", "--config", "examples/missing.yaml", "examples"}, 2},
		{[]string{"explain", "404"}, 0},
		{[]string{"explain", "4XX"}, 0},
		{[]string{"explain", "body-not-allowed"}, 0},
		{[]string{"explain", "7xx"}, 2},
		{[]string{"explain"}, 2},
		{[]string{"codes", "--class", "5xx"}, 0},
		{[]string{"codes", "--class", "9xx"}, 2},
		{[]string{"check", "-h"}, 0},
	} {
		res := runCLI(t, repoRoot, tc.args...)
		if res.code != tc.want {
			t.Errorf("%v: exit %d, want %d; stderr %q", tc.args, res.code, tc.want, res.stderr)
		}
		if tc.want == 2 && (strings.Count(res.stderr, "\n") != 1 || !strings.HasPrefix(res.stderr, "httpcode-lsp: ")) {
			t.Errorf("%v: stderr %q, want one line", tc.args, res.stderr)
		}
	}
}

// TestUnreadableAsNobody checks a file without read permission. Root
// reads every file, so when the test runs as root (as CI does) the binary
// runs as the unprivileged user nobody (uid 65534).
func TestUnreadableAsNobody(t *testing.T) {
	dir := t.TempDir()
	// t.TempDir makes two levels of private directories.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, content string, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package a\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(http.StatusTeapot) }\n", 0o644)
	write("locked.yaml", "openapi: 3.0.0\n", 0)

	cmd := exec.Command(binary, "check", "--fail-on", "none", ".")
	if os.Geteuid() == 0 {
		asNobody(cmd)
	}
	res := runBinary(t, dir, cmd)
	if res.code != 2 || res.stderr != "httpcode-lsp: locked.yaml: permission denied\n" {
		t.Errorf("exit %d, stderr %q; want 2 and one line for locked.yaml", res.code, res.stderr)
	}
	if !strings.Contains(res.stdout, "a.go:5:47: warning deprecated-status-code:") {
		t.Errorf("the readable file's findings are missing:\n%s", res.stdout)
	}
}
