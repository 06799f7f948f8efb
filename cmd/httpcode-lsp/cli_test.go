package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// TestVersionFromVCS builds the binary as from a git checkout, without
// -ldflags: the version is the module's as Go derives it from the
// checkout, followed by the commit and its time, never "(devel)". Go records the commit only
// for a checkout whose .git is a directory (not a git worktree's file).
func TestVersionFromVCS(t *testing.T) {
	if info, err := os.Stat(filepath.Join(repoRoot, ".git")); err != nil || !info.IsDir() {
		t.Skip("not a git checkout with a .git directory; Go records no commit")
	}
	out, err := exec.Command("git", "-C", repoRoot, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("no git:", err)
	}
	rev := strings.TrimSpace(string(out))
	bin := filepath.Join(t.TempDir(), "httpcode-lsp")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	res := runBinary(t, repoRoot, exec.Command(bin, "version"))
	short := rev[:12]
	// A tag at HEAD gives its name, otherwise a pseudo-version naming the
	// commit (v0.0.0-20261203074453-b104e359cfc2, +dirty when modified).
	re := regexp.MustCompile(`^httpcode-lsp v\d+\.\d+\.\d+\S* \(commit ` + short +
		`, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(?:, modified)?\)\n$`)
	if res.code != 0 || !re.MatchString(res.stdout) {
		t.Errorf("version: exit %d, %q; want the pseudo-version of %s and the commit", res.code, res.stdout, short)
	}
}

// TestHelp is what a person reads first: the commands and the server's
// flags; each command's help its own usage.
func TestHelp(t *testing.T) {
	res := runCLI(t, repoRoot, "--help")
	for _, want := range []string{
		"Usage:\n  httpcode-lsp [flags]\n  httpcode-lsp [command]\n",
		"Available Commands:\n  check ", "\n  rules ", "\n  completion ", "\n  version ",
		"--stdio", "--log-file PATH", "--log-level LEVEL", "--debounce DURATION", "--trace PATH",
	} {
		if res.code != 0 || !strings.Contains(res.stdout, want) {
			t.Errorf("--help: exit %d, no %q in\n%s", res.code, want, res.stdout)
		}
	}
	check := runCLI(t, repoRoot, "help", "check")
	if check.code != 0 || !strings.Contains(check.stdout, "Usage:\n  httpcode-lsp check [flags] [PATH...]\n") ||
		!strings.Contains(check.stdout, "--include-testdata") || strings.Contains(check.stdout, "--log-level") {
		t.Errorf("help check: exit %d,\n%s", check.code, check.stdout)
	}
	if again := runCLI(t, repoRoot, "check", "--help"); again.stdout != check.stdout {
		t.Errorf("check --help differs from help check:\n%s", again.stdout)
	}
}

// TestCheckSkipsTestdata runs check on this repository: the rules'
// fixtures under testdata/ are left out, as Go tools leave them.
func TestCheckSkipsTestdata(t *testing.T) {
	count := func(args ...string) (all, testdata int) {
		res := runCLI(t, repoRoot, append([]string{"check", "--format", "json", "--fail-on", "none"}, args...)...)
		if res.code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, res.code, res.stderr)
		}
		var findings []struct{ Path string }
		if err := json.Unmarshal([]byte(res.stdout), &findings); err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			if strings.Contains("/"+filepath.ToSlash(f.Path), "/testdata/") {
				testdata++
			}
		}
		return len(findings), testdata
	}
	all, inTestdata := count(".")
	if inTestdata != 0 {
		t.Errorf("check . reports %d findings in testdata/", inTestdata)
	}
	withAll, withTestdata := count("--include-testdata", ".")
	if withTestdata == 0 || withAll != all+withTestdata {
		t.Errorf("--include-testdata: %d findings, %d in testdata/; want %d more than without", withAll, withTestdata, all)
	}
}

// TestBashCompletion sources `completion bash` in bash, as a user's shell
// does, and asks it to complete what a user types. The script needs the
// bash-completion package (Debian's bash-completion).
func TestBashCompletion(t *testing.T) {
	const lib = "/usr/share/bash-completion/bash_completion"
	bash, err := exec.LookPath("bash")
	if _, serr := os.Stat(lib); err != nil || serr != nil {
		t.Skip("no bash with bash-completion")
	}
	complete := func(line string) string {
		return `COMP_LINE="` + line + `"; read -ra COMP_WORDS <<< "$COMP_LINE"; [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("");` +
			` COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_POINT=${#COMP_LINE}; COMPREPLY=(); __start_httpcode-lsp; echo "${COMPREPLY[*]}"` + "\n"
	}
	script := "source " + lib + "\nsource <(httpcode-lsp completion bash)\n" +
		complete("httpcode-lsp ru") + complete("httpcode-lsp check --for") + complete("httpcode-lsp check --format ") +
		complete("httpcode-lsp explain unq")
	cmd := exec.Command(bash, "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "rules\n--format\ntext json sarif\nunquoted-status-code\n"; string(out) != want {
		t.Errorf("completions %q, want %q", out, want)
	}
}
