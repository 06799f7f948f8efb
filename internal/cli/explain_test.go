package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// runCmd runs a command line, args without the program's name.
func runCmd(env Env, args ...string) runResult {
	var stdout, stderr bytes.Buffer
	env.Stdout, env.Stderr = &stdout, &stderr
	code := Main(args, env, Server{})
	return runResult{code, stdout.String(), stderr.String()}
}

func TestExplainGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"explain-404.txt", []string{"404"}},
		{"explain-404.color.txt", []string{"--color", "always", "404"}},
		{"explain-4xx.txt", []string{"4xx"}},
		{"explain-default.txt", []string{"default"}},
		{"explain-418.txt", []string{"418"}},
		{"explain-unquoted-status-code.txt", []string{"unquoted-status-code"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			res := runCmd(Env{}, append([]string{"explain"}, tc.args...)...)
			if res.code != ExitOK || res.stderr != "" {
				t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
			}
			golden(t, tc.golden, res.stdout)
		})
	}
}

func TestExplain(t *testing.T) {
	same := [][]string{
		{"4xx", "4XX"},
		{"404", "StatusNotFound", "http.StatusNotFound"},
	}
	for _, group := range same {
		first := runCmd(Env{}, "explain", group[0]).stdout
		for _, other := range group[1:] {
			if got := runCmd(Env{}, "explain", other).stdout; got != first {
				t.Errorf("explain %s differs from explain %s", other, group[0])
			}
		}
	}

	// Every rule, and every catalog entry, can be explained; no line is
	// wider than the terminal width unless it is one long word.
	var topics []string
	for _, r := range lint.Rules() {
		topics = append(topics, r.ID)
	}
	topics = append(topics, "syntax-error", "limits", "1xx", "2xx", "3xx", "4xx", "5xx", "default")
	for _, e := range catalog.All() {
		topics = append(topics, strings.TrimSpace(strings.Split(e.Title(), " ")[0]))
	}
	for _, topic := range topics {
		res := runCmd(Env{}, "explain", topic)
		if res.code != ExitOK || res.stdout == "" {
			t.Errorf("explain %s: exit %d, stderr %q", topic, res.code, res.stderr)
			continue
		}
		for _, line := range strings.Split(res.stdout, "\n") {
			if displayWidth(line) > textWidth && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("explain %s: line of %d columns: %q", topic, displayWidth(line), line)
			}
			if strings.Contains(line, "**") || strings.Contains(line, "](") || strings.HasPrefix(line, "#") {
				t.Errorf("explain %s: Markdown left in %q", topic, line)
			}
		}
	}

	// Rule docs end with their link.
	if res := runCmd(Env{}, "explain", "missing-header"); !strings.Contains(res.stdout, lint.URL("missing-header")) {
		t.Errorf("explain missing-header lacks its URL:\n%s", res.stdout)
	}

	// Colour on a terminal only, unless forced.
	if res := runCmd(Env{StdoutTerminal: true}, "explain", "404"); !strings.Contains(res.stdout, "\x1b[1m") {
		t.Error("explain on a terminal has no colour")
	}
	if res := runCmd(Env{}, "explain", "404"); strings.Contains(res.stdout, "\x1b[") {
		t.Error("explain on a pipe has colour")
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"999"}, "httpcode-lsp: explain: 999 is not a status code"},
		{[]string{"299"}, "httpcode-lsp: explain: 299 is not a registered status code"},
		{[]string{"6xx"}, `httpcode-lsp: explain: "6xx" is not a status code`},
		{[]string{"no-such-rule"}, `httpcode-lsp: explain: "no-such-rule" is not`},
		{nil, "httpcode-lsp: explain: name a status code"},
		{[]string{"--color", "blue", "404"}, "httpcode-lsp: explain: --color"},
		{[]string{"--bogus"}, "httpcode-lsp: explain: unknown flag: --bogus (see httpcode-lsp explain --help)"},
	} {
		res := runCmd(Env{}, append([]string{"explain"}, tc.args...)...)
		if res.code != ExitError || !strings.HasPrefix(res.stderr, tc.want) || strings.Count(res.stderr, "\n") != 1 || res.stdout != "" {
			t.Errorf("explain %v: exit %d, stderr %q, stdout %q; want 2 and %q", tc.args, res.code, res.stderr, res.stdout, tc.want)
		}
	}
}

func TestCodes(t *testing.T) {
	res := runCmd(Env{}, "codes", "--class", "4xx")
	if res.code != ExitOK {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	golden(t, "codes-4xx.txt", res.stdout)

	all := runCmd(Env{}, "codes")
	if n := strings.Count(all.stdout, "\n"); n != len(catalog.All())+1 {
		t.Errorf("codes lists %d lines, want a header and %d codes", n, len(catalog.All()))
	}
	for _, class := range []string{"4", "4XX"} {
		if got := runCmd(Env{}, "codes", "--class", class).stdout; got != res.stdout {
			t.Errorf("--class %s differs from --class 4xx", class)
		}
	}

	js := runCmd(Env{}, "codes", "--json", "--class", "2xx")
	var entries []codeJSON
	if err := json.Unmarshal([]byte(js.stdout), &entries); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.Class != 2 {
			t.Errorf("%d in --class 2xx", e.Code)
		}
		if e.Code == 204 {
			found = e.Phrase == "No Content" && e.GoConstant == "StatusNoContent" && e.Registration == "registered" &&
				strings.HasPrefix(e.SpecURL, "https://")
		}
	}
	if !found {
		t.Errorf("204 is missing or wrong in %s", js.stdout)
	}

	for _, args := range [][]string{{"--class", "6xx"}, {"--class", "x"}, {"extra"}, {"--nope"}} {
		if res := runCmd(Env{}, append([]string{"codes"}, args...)...); res.code != ExitError || strings.Count(res.stderr, "\n") != 1 {
			t.Errorf("codes %v: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
}

func TestRenderMarkdown(t *testing.T) {
	md := "### 404 Not Found\n\n**4xx Client Error** · `http.StatusNotFound` · [RFC 9110 §15.5.5](https://e.x)\n\n" +
		"- **410 Gone**: a list item long enough to wrap onto the next line so that the hanging indent shows up here\n\n" +
		"> **Note:** quoted\n\n```yaml\nrules:\n\tx: off\n```\n"
	want := "404 Not Found\n\n4xx Client Error · http.StatusNotFound · RFC 9110 §15.5.5 (https://e.x)\n\n" +
		"  - 410 Gone: a list item long enough to wrap onto the next line so that the\n    hanging indent shows up here\n\n" +
		"  > Note: quoted\n\n    rules:\n        x: off\n"
	if got := renderMarkdown(md, false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
