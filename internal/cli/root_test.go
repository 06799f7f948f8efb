package cli

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

func TestHelpOfEachCommand(t *testing.T) {
	root := runCmd(Env{}, "--help")
	for _, want := range []string{
		"Usage:\n  httpcode-lsp [flags]\n  httpcode-lsp [command]\n",
		"\n  check       Report the findings the editor shows",
		"\n  completion  Generate the autocompletion script",
		"\n  explain     Print what a status code, class or rule means",
		"\n  rules       List the rules",
		"\n  serve       Speak the Language Server Protocol",
		"\n  version     Print the version",
	} {
		if !strings.Contains(root.stdout, want) {
			t.Errorf("--help lacks %q:\n%s", want, root.stdout)
		}
	}
	for _, cmd := range []struct{ name, usage, flag string }{
		{"check", "Usage:\n  httpcode-lsp check [flags] [PATH...]\n", "--include-testdata"},
		{"explain", "Usage:\n  httpcode-lsp explain [flags] TOPIC...\n", "--color WHEN"},
		{"codes", "Usage:\n  httpcode-lsp codes [flags]\n", "--class CLASS"},
		{"rules", "Usage:\n  httpcode-lsp rules [flags]\n", "--help"},
	} {
		help := runCmd(Env{}, "help", cmd.name)
		if help.code != ExitOK || !strings.Contains(help.stdout, cmd.usage) || !strings.Contains(help.stdout, cmd.flag) ||
			strings.Contains(help.stdout, "Available Commands") {
			t.Errorf("help %s: exit %d, stdout\n%s\nwant %q and %s, and no command list", cmd.name, help.code, help.stdout, cmd.usage, cmd.flag)
		}
		for _, h := range []string{"--help", "-h"} {
			if got := runCmd(Env{}, cmd.name, h); got.stdout != help.stdout || got.code != ExitOK {
				t.Errorf("%s %s differs from help %s:\n%s", cmd.name, h, cmd.name, got.stdout)
			}
		}
	}
}

// TestServerFlags: the root and serve take the server's flags, and run
// it; without a server, they say so.
func TestServerFlags(t *testing.T) {
	var level string
	var runs int
	server := Server{
		Flags: func(fs *pflag.FlagSet) { fs.StringVar(&level, "log-level", "info", "log `LEVEL`") },
		Run:   func() int { runs++; return 7 },
	}
	for _, args := range [][]string{{"--log-level", "debug"}, {"serve", "--log-level=debug"}, {"-log-level", "debug"}} {
		level = ""
		if code := Main(args, Env{Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}, server); code != 7 || level != "debug" {
			t.Errorf("%v: exit %d, --log-level %q; want the server's 7 and debug", args, code, level)
		}
	}
	if runs != 3 {
		t.Errorf("the server ran %d times, want 3", runs)
	}
	help := runCmd(Env{}, "--help")
	if !strings.Contains(help.stdout, "Flags:\n") {
		t.Errorf("no flags in --help:\n%s", help.stdout)
	}
	if res := runCmd(Env{}); res.code != ExitError || res.stderr != "httpcode-lsp: no language server in this build (see httpcode-lsp --help)\n" {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"chek", "."}, `httpcode-lsp: unknown command "chek"; did you mean "check"? (see httpcode-lsp --help)`},
		{[]string{"frobnicate"}, `httpcode-lsp: unknown command "frobnicate" (see httpcode-lsp --help)`},
		{[]string{"help", "chek"}, `httpcode-lsp: unknown command "chek"; did you mean "check"? (see httpcode-lsp --help)`},
		{[]string{"--bogus"}, `httpcode-lsp: unknown flag: --bogus (see httpcode-lsp --help)`},
		{[]string{"check", "--bogus"}, `httpcode-lsp: check: unknown flag: --bogus (see httpcode-lsp check --help)`},
		{[]string{"check", "-j"}, `httpcode-lsp: check: flag needs an argument: 'j' in -j (see httpcode-lsp check --help)`},
		{[]string{"rules", "extra"}, `httpcode-lsp: rules: unexpected argument "extra" (see httpcode-lsp rules --help)`},
		{[]string{"serve", "extra"}, `httpcode-lsp: serve: unexpected argument "extra" (see httpcode-lsp serve --help)`},
	} {
		res := runCmd(Env{}, tc.args...)
		if res.code != ExitError || res.stderr != tc.want+"\n" || res.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2 and %q", tc.args, res.code, res.stderr, res.stdout, tc.want)
		}
	}
}

// TestLongFlagsWithOneDash: the flags Go's flag package read before
// cobra still read the same: -name as --name, --j as -j; values and
// arguments after "--" stay as they are.
func TestLongFlagsWithOneDash(t *testing.T) {
	root := newRoot(Env{Version: "v1.2.3"}, Server{})
	for _, tc := range []struct{ in, want string }{
		{"check -format json -fail-on=none .", "check --format json --fail-on=none ."},
		{"check --j 1 -j2 -jobs 3 .", "check -j 1 -j2 --jobs 3 ."},
		{"check --exclude -format -fix .", "check --exclude -format --fix ."},
		{"check -- -format", "check -- -format"},
		{"check -unknown -h", "check -unknown -h"},
		{"explain -color never 404", "explain --color never 404"},
		{"-version", "--version"},
	} {
		if got := strings.Join(longFlagsWithOneDash(root, strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestRules(t *testing.T) {
	res := runCmd(Env{}, "rules")
	if res.code != ExitOK || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if len(lines) != len(lint.Rules())+1 || !strings.HasPrefix(lines[0], "RULE ") {
		t.Fatalf("want a header and %d rules:\n%s", len(lint.Rules()), res.stdout)
	}
	for i, r := range lint.Rules() {
		f := strings.Fields(lines[i+1])
		want := []string{r.ID, strings.ReplaceAll(r.Language().String(), " ", ""), r.DefaultSeverity.String()}
		if strings.Join(f[:3], " ") != strings.Join(want, " ") || !strings.HasSuffix(lines[i+1], "  "+r.Summary()) {
			t.Errorf("line %q, want %v and %q", lines[i+1], want, r.Summary())
		}
	}
	if !strings.Contains(res.stdout, "\nbody-not-allowed           OpenAPI,Go  error     Content on a 1xx, 204, 205 or 304 response\n") {
		t.Errorf("body-not-allowed's line is not as a person reads it:\n%s", res.stdout)
	}
}

func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct{ topic, want string }{
		{"unqouted-status-code", `httpcode-lsp: explain: "unqouted-status-code" is not a rule ID; did you mean "unquoted-status-code"? (see httpcode-lsp rules)`},
		{"status-constant", `httpcode-lsp: explain: "status-constant" is not a rule ID; did you mean "use-status-constant"? (see httpcode-lsp rules)`},
		{"missing-headers", `httpcode-lsp: explain: "missing-headers" is not a rule ID; did you mean "missing-header"? (see httpcode-lsp rules)`},
		{"no-such-rule", `httpcode-lsp: explain: "no-such-rule" is not a status code, class (4xx), net/http constant or rule ID (see httpcode-lsp codes and httpcode-lsp rules)`},
	} {
		res := runCmd(Env{}, "explain", tc.topic)
		if res.code != ExitError || res.stderr != tc.want+"\n" {
			t.Errorf("explain %s: exit %d, stderr %q; want 2 and %q", tc.topic, res.code, res.stderr, tc.want)
		}
	}

	// A severity override in the configuration.
	dir := t.TempDir()
	writeFile(t, dir, ".httpcode-lsp.yaml", "rules:\n  use-status-constnat: off\n")
	want := `httpcode-lsp: bad configuration .httpcode-lsp.yaml: rules: unknown rule "use-status-constnat"; did you mean "use-status-constant"?` + "\n"
	if res := runCheck(t, dir); res.code != ExitError || res.stderr != want {
		t.Errorf("exit %d, stderr %q; want 2 and %q", res.code, res.stderr, want)
	}
}

func TestVersionOf(t *testing.T) {
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "a32859b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7"},
			{Key: "vcs.time", Value: "2026-12-03T07:30:00Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	built := func(version string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/httpcode-lsp/httpcode-lsp", Version: version}, Settings: settings}
	}
	for _, tc := range []struct {
		release string
		bi      *debug.BuildInfo
		want    string
	}{
		{"v1.2.3", built("(devel)", nil), "httpcode-lsp v1.2.3"},
		{"v1.2.3", built("(devel)", vcs("false")), "httpcode-lsp v1.2.3 (commit a32859b1c2d3, 2026-12-03T07:30:00Z)"},
		{"", built("v1.4.0", nil), "httpcode-lsp v1.4.0"},
		{"", built("v0.0.0-20261203073000-a32859b1c2d3+dirty", vcs("true")),
			"httpcode-lsp v0.0.0-20261203073000-a32859b1c2d3+dirty (commit a32859b1c2d3, 2026-12-03T07:30:00Z, modified)"},
		{"", built("(devel)", vcs("true")), "httpcode-lsp devel-a32859b1c2d3-dirty (commit a32859b1c2d3, 2026-12-03T07:30:00Z, modified)"},
		{"", built("(devel)", nil), "httpcode-lsp (devel)"},
		{"", nil, "httpcode-lsp (devel)"},
	} {
		if got := versionLine(versionOf(tc.release, tc.bi), tc.bi); got != tc.want {
			t.Errorf("release %q, build %v: %q, want %q", tc.release, tc.bi, got, tc.want)
		}
	}
	res := runCmd(Env{Version: "v9.8.7"}, "version")
	if want := versionLine("v9.8.7", buildInfo()) + "\n"; res.code != ExitOK || res.stdout != want {
		t.Errorf("version: %q, want %q", res.stdout, want)
	}
	if again := runCmd(Env{Version: "v9.8.7"}, "--version"); again.stdout != res.stdout {
		t.Errorf("--version: %q, want %q", again.stdout, res.stdout)
	}
}

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o default -F __start_httpcode-lsp httpcode-lsp",
		"zsh":  "#compdef httpcode-lsp",
		"fish": "complete -c httpcode-lsp ",
	} {
		res := runCmd(Env{}, "completion", shell)
		if res.code != ExitOK || !strings.Contains(res.stdout, want) {
			t.Errorf("completion %s: exit %d, no %q in\n%.300s", shell, res.code, want, res.stdout)
		}
	}
	// What the scripts ask the binary for.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--format", ""}, "text\njson\nsarif\n:4\n"},
		{[]string{"check", "--fail-on", "w"}, "error\nwarning\ninfo\nhint\nnone\n:4\n"},
		{[]string{"explain", "unq"}, "unquoted-status-code\n:4\n"},
		{[]string{"ch"}, "check\tReport the findings the editor shows, for CI (exit 1 on findings, 2 on errors)\n:4\n"},
	} {
		res := runCmd(Env{}, append([]string{"__complete"}, tc.args...)...)
		if res.stdout != tc.want {
			t.Errorf("complete %v: %q, want %q", tc.args, res.stdout, tc.want)
		}
	}
}
