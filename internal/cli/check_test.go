package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	goldenfile "github.com/httpcode-lsp/httpcode-lsp/internal/golden"
)

const testVersion = "v0.0.0-test"

type runResult struct {
	code           int
	stdout, stderr string
}

// runCheck runs check in dir, as if started there, with stdout and stderr
// not terminals.
func runCheck(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	return runCheckEnv(t, Env{Dir: dir}, args...)
}

func runCheckEnv(t *testing.T, env Env, args ...string) runResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env.Stdout, env.Stderr, env.Version = &stdout, &stderr, testVersion
	code := Main(append([]string{"check"}, args...), env, Server{})
	return runResult{code, stdout.String(), stderr.String()}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyExamples copies the repository's examples/ into a new directory,
// which it returns; tests run check there so that neither the
// repository's configuration nor its .gitignore plays a part.
func copyExamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "examples/"+e.Name(), string(data))
	}
	return dir
}

// golden compares got with testdata/golden/name (go test -update rewrites
// it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), []byte(got), lineDiffText)
}

// lineDiffText shows how got differs from want, with the package's own
// diff.
func lineDiffText(want, got string) string {
	var b bytes.Buffer
	writeUnifiedDiff(&b, "golden", []byte(want), []byte(got))
	return b.String()
}

// srcRootRE matches the temporary directory in SARIF's originalUriBaseIds.
var srcRootRE = regexp.MustCompile(`"uri": "file:///[^"]*/"`)

func TestGolden(t *testing.T) {
	dir := copyExamples(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"examples.txt", []string{"--color", "never"}},
		{"examples.color.txt", []string{"--color", "always"}},
		{"examples.json", []string{"--format", "json"}},
		{"examples.sarif", []string{"--format", "sarif"}},
		{"examples.diff", []string{"--diff"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runCheck(t, dir, append(tc.args, "examples")...)
			if res.code != ExitFindings || res.stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 1 and nothing", res.code, res.stderr)
			}
			out := res.stdout
			if strings.HasSuffix(tc.name, ".sarif") {
				out = srcRootRE.ReplaceAllString(out, `"uri": "file:///SRCROOT/"`)
			}
			golden(t, tc.name, out)
		})
	}
}

// TestExamplesShowcase keeps examples/ what the README promises: several
// findings of several rules, from both files, and exit status 1.
func TestExamplesShowcase(t *testing.T) {
	res := runCheck(t, copyExamples(t), "--format", "json", "examples")
	if res.code != ExitFindings {
		t.Fatalf("exit %d, want 1", res.code)
	}
	var findings []jsonFinding
	if err := json.Unmarshal([]byte(res.stdout), &findings); err != nil {
		t.Fatal(err)
	}
	rules, files := map[string]bool{}, map[string]bool{}
	for _, f := range findings {
		rules[f.Rule] = true
		files[f.Path] = true
	}
	for _, want := range []string{
		"use-status-constant", "deprecated-status-code", "unknown-status-code", "body-not-allowed",
		"missing-header", "unquoted-status-code", "missing-not-found",
		"undocumented-status", "unsent-status", "route-without-operation", "operation-without-handler",
		"swaggo-unlisted-status", "swaggo-unsent-status", "swaggo-router-mismatch",
	} {
		if !rules[want] {
			t.Errorf("examples/ shows no %s finding", want)
		}
	}
	if !files[filepath.Join("examples", "main.go")] || !files[filepath.Join("examples", "openapi.yaml")] {
		t.Errorf("findings in %v, want both files", files)
	}
}

func TestExitCodes(t *testing.T) {
	examples := copyExamples(t)
	hints := t.TempDir()
	writeFile(t, hints, "h.go", "package h\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(404) }\n")
	clean := t.TempDir()
	writeFile(t, clean, "c.go", "package c\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(http.StatusNotFound) }\n")
	writeFile(t, clean, "notes.txt", "404\n")

	for _, tc := range []struct {
		name string
		dir  string
		args []string
		want int
	}{
		{"findings", examples, []string{"examples"}, ExitFindings},
		{"default path", examples, nil, ExitFindings},
		{"fail-on none", examples, []string{"--fail-on", "none", "examples"}, ExitOK},
		{"fail-on warning", examples, []string{"--fail-on=warning", "examples"}, ExitFindings},
		{"flags after paths", examples, []string{"examples", "--fail-on", "none"}, ExitOK},
		{"clean", clean, nil, ExitOK},
		{"hint below error", hints, nil, ExitOK},
		{"hint below info", hints, []string{"--fail-on", "info"}, ExitOK},
		{"hint at hint", hints, []string{"--fail-on", "hint"}, ExitFindings},
		{"json keeps the exit code", hints, []string{"--format", "json", "--fail-on", "hint"}, ExitFindings},
		{"bad flag", clean, []string{"--frobnicate"}, ExitError},
		{"bad format", clean, []string{"--format", "xml"}, ExitError},
		{"bad fail-on", clean, []string{"--fail-on", "loud"}, ExitError},
		{"fail-on off is not a threshold", clean, []string{"--fail-on", "off"}, ExitError},
		{"bad color", clean, []string{"--color", "sometimes"}, ExitError},
		{"bad -j", clean, []string{"-j", "0"}, ExitError},
		{"diff with json", clean, []string{"--diff", "--format", "json"}, ExitError},
		{"missing path", clean, []string{"no/such/dir"}, ExitError},
		{"missing config", clean, []string{"--config", "nope.yaml"}, ExitError},
		{"bad exclude", clean, []string{"--exclude", "[unclosed"}, ExitError},
		{"-j 1", examples, []string{"-j", "1", "examples"}, ExitFindings},
		{"-- ends the flags", examples, []string{"--", "examples"}, ExitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runCheck(t, tc.dir, tc.args...)
			if res.code != tc.want {
				t.Fatalf("exit %d, want %d; stderr %q", res.code, tc.want, res.stderr)
			}
			if tc.want == ExitError {
				if strings.Count(res.stderr, "\n") != 1 || !strings.HasPrefix(res.stderr, "httpcode-lsp: ") {
					t.Errorf("stderr %q, want one line", res.stderr)
				}
				if res.stdout != "" && !strings.Contains(tc.name, "path") {
					t.Errorf("stdout %q on a usage error", res.stdout)
				}
			}
		})
	}
}

func TestHelp(t *testing.T) {
	res := runCheck(t, t.TempDir(), "-h")
	if res.code != ExitOK || !strings.Contains(res.stdout, "--fail-on") {
		t.Errorf("check -h: %d %q", res.code, res.stdout)
	}
}

func TestConfiguration(t *testing.T) {
	for _, tc := range []struct {
		name, config, want string
	}{
		{"unknown rule", "rules:\n  no-such-rule: off\n", `httpcode-lsp: bad configuration .httpcode-lsp.yaml: rules: unknown rule "no-such-rule"`},
		{"bad severity", "rules:\n  body-not-allowed: loud\n", `httpcode-lsp: bad configuration .httpcode-lsp.yaml: rules: body-not-allowed: severity "loud"`},
		{"yaml syntax", "rules: [\n", "httpcode-lsp: bad configuration .httpcode-lsp.yaml: yaml: line "},
		{"not a mapping", "- a\n", "httpcode-lsp: bad configuration .httpcode-lsp.yaml: the file must be a mapping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyExamples(t)
			writeFile(t, dir, ".httpcode-lsp.yaml", tc.config)
			res := runCheck(t, dir, "examples")
			if res.code != ExitError || !strings.HasPrefix(res.stderr, tc.want) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line starting %q", res.code, res.stderr, tc.want)
			}
			if res.stdout != "" {
				t.Errorf("stdout %q", res.stdout)
			}
		})
	}

	t.Run("applied", func(t *testing.T) {
		dir := copyExamples(t)
		// The only error of the examples, demoted, and a rule turned off.
		writeFile(t, dir, ".httpcode-lsp.yaml", "rules:\n  body-not-allowed: hint\n  use-status-constant: off\ncodes:\n  299: Lent Out\n")
		res := runCheck(t, dir, "--format", "json", "examples")
		if res.code != ExitOK {
			t.Fatalf("exit %d, stderr %q; want 0 with body-not-allowed a hint", res.code, res.stderr)
		}
		var findings []jsonFinding
		if err := json.Unmarshal([]byte(res.stdout), &findings); err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			switch {
			case f.Rule == "use-status-constant", f.Rule == "unknown-status-code":
				t.Errorf("%s reported though configured away: %s", f.Rule, f.Message)
			case f.Rule == "body-not-allowed" && f.Severity != "hint":
				t.Errorf("body-not-allowed is %s, want hint", f.Severity)
			}
		}
	})

	t.Run("--config overrides", func(t *testing.T) {
		dir := copyExamples(t)
		writeFile(t, dir, ".httpcode-lsp.yaml", "rules:\n  no-such-rule: off\n")
		writeFile(t, dir, "ci/strict.yaml", "rules:\n  missing-not-found: error\n")
		res := runCheck(t, dir, "--config", "ci/strict.yaml", "--format", "json", "examples")
		if res.code != ExitFindings || !strings.Contains(res.stdout, `"severity": "error",
    "rule": "missing-not-found"`) {
			t.Errorf("exit %d, stderr %q, stdout %s", res.code, res.stderr, res.stdout)
		}
	})

	t.Run("the configuration file is not checked", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, ".httpcode-lsp.yaml", "codes:\n  499: Client Closed Request\n")
		res := runCheck(t, dir, "--format", "json")
		if res.code != ExitOK || res.stdout != "[]\n" {
			t.Errorf("exit %d, stdout %q", res.code, res.stdout)
		}
	})
}

func TestFixRoundTrip(t *testing.T) {
	dir := copyExamples(t)
	yamlPath := filepath.Join(dir, "examples", "openapi.yaml")
	if err := os.Chmod(yamlPath, 0o640); err != nil {
		t.Fatal(err)
	}
	before := jsonFindings(t, runCheck(t, dir, "--format", "json", "examples"))
	files, err := os.ReadDir(filepath.Join(dir, "examples"))
	if err != nil {
		t.Fatal(err)
	}

	res := runCheck(t, dir, "--fix", "--color", "never", "examples")
	if res.code != ExitOK {
		t.Fatalf("--fix: exit %d, want 0 (the only error is fixable); stderr %q", res.code, res.stderr)
	}
	wantReport := "fixed " + filepath.Join("examples", "main.go") + ": 2 findings (use-status-constant ×2)\n" +
		"fixed " + filepath.Join("examples", "openapi.yaml") + ": 4 findings (body-not-allowed, description-mismatch, missing-header, unquoted-status-code)\n"
	if res.stderr != wantReport {
		t.Errorf("--fix report:\n%s\nwant:\n%s", res.stderr, wantReport)
	}
	// What remains is printed, and is what a check now finds.
	after := runCheck(t, dir, "--color", "never", "examples")
	if after.stdout != res.stdout {
		t.Errorf("--fix printed\n%s\nbut check finds\n%s", res.stdout, after.stdout)
	}

	// Every fixable finding went, every other stayed.
	key := func(f jsonFinding) string { return f.Path + " " + f.Rule + ": " + f.Message }
	var wantLeft, left []string
	for _, f := range before {
		if !f.Fixable {
			wantLeft = append(wantLeft, key(f))
		}
	}
	for _, f := range jsonFindings(t, runCheck(t, dir, "--format", "json", "examples")) {
		left = append(left, key(f))
		if f.Fixable {
			t.Errorf("a safe fix is left after --fix: %s", key(f))
		}
	}
	sort.Strings(wantLeft)
	sort.Strings(left)
	if strings.Join(left, "\n") != strings.Join(wantLeft, "\n") {
		t.Errorf("after --fix:\n%s\nwant the unfixable findings:\n%s", strings.Join(left, "\n"), strings.Join(wantLeft, "\n"))
	}

	// The files: the mode kept, no temporary file left, still Go.
	info, err := os.Stat(yamlPath)
	if err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode after --fix: %v, %v; want 0640", info.Mode(), err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "examples"))
	if len(entries) != len(files) {
		t.Errorf("examples/ holds %d files after --fix, want %d (a temporary file left?)", len(entries), len(files))
	}
	fixedGo, _ := os.ReadFile(filepath.Join(dir, "examples", "main.go"))
	if _, err := parser.ParseFile(token.NewFileSet(), "main.go", fixedGo, parser.AllErrors); err != nil {
		t.Errorf("fixed main.go does not parse: %v", err)
	}
	fixedYAML, _ := os.ReadFile(yamlPath)

	// A second --fix changes nothing.
	again := runCheck(t, dir, "--fix", "examples")
	if again.stderr != "" || again.code != ExitOK {
		t.Errorf("second --fix: exit %d, stderr %q; want 0 and no report", again.code, again.stderr)
	}
	goAgain, _ := os.ReadFile(filepath.Join(dir, "examples", "main.go"))
	yamlAgain, _ := os.ReadFile(yamlPath)
	if !bytes.Equal(goAgain, fixedGo) || !bytes.Equal(yamlAgain, fixedYAML) {
		t.Error("a second --fix changed the files")
	}
}

func jsonFindings(t *testing.T, res runResult) []jsonFinding {
	t.Helper()
	var out []jsonFinding
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("%v: %q (stderr %q)", err, res.stdout, res.stderr)
	}
	return out
}

// TestDiffMatchesFix applies --diff's output to the originals and expects
// what --fix writes; --diff itself writes nothing.
func TestDiffMatchesFix(t *testing.T) {
	dir := copyExamples(t)
	orig := map[string][]byte{}
	for _, name := range []string{"main.go", "openapi.yaml"} {
		orig[name], _ = os.ReadFile(filepath.Join(dir, "examples", name))
	}
	res := runCheck(t, dir, "--diff", "examples")
	if res.code != ExitFindings {
		t.Fatalf("--diff: exit %d, want 1 (nothing was fixed)", res.code)
	}
	for name, data := range orig {
		now, _ := os.ReadFile(filepath.Join(dir, "examples", name))
		if !bytes.Equal(now, data) {
			t.Errorf("--diff changed %s", name)
		}
	}
	patched := applyUnifiedDiff(t, res.stdout, func(path string) []byte {
		return orig[filepath.Base(path)]
	})
	if runCheck(t, dir, "--fix", "examples").code != ExitOK {
		t.Fatal("--fix failed")
	}
	for name := range orig {
		fixed, _ := os.ReadFile(filepath.Join(dir, "examples", name))
		if got := patched["examples/"+name]; !bytes.Equal(got, fixed) {
			t.Errorf("%s: the diff applied gives\n%s\n--fix wrote\n%s", name, got, fixed)
		}
	}
	if again := runCheck(t, dir, "--diff", "examples"); again.stdout != "" {
		t.Errorf("--diff after --fix: %q, want nothing", again.stdout)
	}
}

func TestParallelOutputIsStable(t *testing.T) {
	dir := copyExamples(t)
	for i := 0; i < 30; i++ {
		writeFile(t, dir, fmt.Sprintf("more/f%02d.go", i),
			"package more\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(404); w.WriteHeader(418) }\n")
	}
	one := runCheck(t, dir, "-j", "1", "--format", "json")
	for _, j := range []string{"2", "8"} {
		if many := runCheck(t, dir, "-j", j, "--format", "json"); many.stdout != one.stdout {
			t.Errorf("-j %s gives other output than -j 1", j)
		}
	}
	var last jsonFinding
	for i, f := range jsonFindings(t, one) {
		if i > 0 && (f.Path < last.Path || f.Path == last.Path && (f.Line < last.Line || f.Line == last.Line && f.Column < last.Column)) {
			t.Errorf("%v after %v", f, last)
		}
		last = f
	}
}

// TestColumns: text columns count characters, SARIF's count UTF-16 code
// units; both are 1-based.
func TestColumns(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "api.yaml", "openapi: 3.0.0\r\npaths:\r\n  /x:\r\n    get: {summary: \"é😀\", responses: {200: {description: OK}}}\r\n")
	res := runCheck(t, dir, "--color", "never", "api.yaml")
	// "    get: {summary: "é😀", responses: {" is 37 characters.
	if want := "\napi.yaml:4:38: warning unquoted-status-code:"; !strings.Contains(res.stdout, want) {
		t.Errorf("text: %q, want %q", res.stdout, want)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	sarif := runCheck(t, dir, "--format", "sarif", "api.yaml")
	if err := json.Unmarshal([]byte(sarif.stdout), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "unquoted-status-code" {
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "api.yaml" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact %+v", loc.ArtifactLocation)
		}
		// 😀 is two UTF-16 code units.
		if reg := loc.Region; reg.StartLine != 4 || reg.StartColumn != 39 || reg.EndLine != 4 || reg.EndColumn != 42 {
			t.Errorf("region %+v, want 4:39-4:42", reg)
		}
		return
	}
	t.Errorf("no unquoted-status-code result in %s", sarif.stdout)
}

func TestColorAuto(t *testing.T) {
	dir := copyExamples(t)
	tty := runCheckEnv(t, Env{Dir: dir, StdoutTerminal: true}, "examples")
	if !strings.Contains(tty.stdout, "\x1b[") || !strings.Contains(tty.stdout, "^~~") {
		t.Errorf("--color auto on a terminal: no colour or excerpt:\n%s", tty.stdout)
	}
	noColor := runCheckEnv(t, Env{Dir: dir, StdoutTerminal: true, NoColor: true}, "examples")
	pipe := runCheckEnv(t, Env{Dir: dir}, "examples")
	for name, out := range map[string]string{"NO_COLOR": noColor.stdout, "not a terminal": pipe.stdout} {
		if strings.Contains(out, "\x1b[") || strings.Contains(out, "^~") {
			t.Errorf("%s: colour or excerpt in\n%s", name, out)
		}
	}
	if tty.code != pipe.code {
		t.Errorf("exit %d on a terminal, %d on a pipe", tty.code, pipe.code)
	}
}

// Output to /dev/null, a character device, is not output to a terminal:
// `check > /dev/null` has no colour, excerpts or progress to make.
func TestDevNullIsNoTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if env := NewEnv(null, null, testVersion); env.StdoutTerminal || env.StderrTerminal {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
}

func TestExcerptOfALongLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"openapi": "3.0.0", "info": {"title": "` + strings.Repeat("x", 500) + `"}, "paths": {"/a": {"get": {"responses": {"299": {"description": "Odd"}}}}}}`
	writeFile(t, dir, "min.json", long)
	res := runCheck(t, dir, "--color", "always", "min.json")
	for _, line := range strings.Split(res.stdout, "\n") {
		if w := visibleWidth(line); strings.Contains(line, "|") && w > excerptWidth+20 {
			t.Errorf("excerpt line of %d columns: %q", w, line)
		}
	}
	if !strings.Contains(res.stdout, "\"299\"") {
		t.Errorf("the excerpt does not show the finding:\n%s", res.stdout)
	}
}

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < progressMinFiles+1; i++ {
		writeFile(t, dir, fmt.Sprintf("f%03d.yaml", i), "status: 200\n")
	}
	res := runCheckEnv(t, Env{Dir: dir, StderrTerminal: true}, ".")
	want := fmt.Sprintf("/%d files", progressMinFiles+1)
	if !strings.Contains(res.stderr, want) || !strings.HasSuffix(res.stderr, "\r\x1b[K") {
		t.Errorf("stderr on a terminal %q, want a progress line with %q, erased at the end", res.stderr, want)
	}
	if res := runCheck(t, dir, "."); res.stderr != "" {
		t.Errorf("stderr not a terminal: %q, want nothing", res.stderr)
	}
	small := t.TempDir()
	writeFile(t, small, "a.yaml", "status: 200\n")
	if res := runCheckEnv(t, Env{Dir: small, StderrTerminal: true}, "."); res.stderr != "" {
		t.Errorf("a short run drew progress: %q", res.stderr)
	}
}

func TestBadInput(t *testing.T) {
	t.Run("binary files", func(t *testing.T) {
		dir := t.TempDir()
		bin := "\x7fELF\x02\x01\x01\x00\x00\x00" + strings.Repeat("\x00\xff\xfe", 100)
		for _, name := range []string{"a.json", "b.yaml", "c.yml", "d.go", "e.png", "f"} {
			writeFile(t, dir, "bin/"+name, bin)
		}
		res := runCheck(t, dir, "bin")
		if res.code != ExitOK || res.stdout != "" || res.stderr != "" {
			t.Errorf("exit %d, stdout %q, stderr %q; want 0 and silence", res.code, res.stdout, res.stderr)
		}
	})
	t.Run("empty files", func(t *testing.T) {
		dir := t.TempDir()
		for _, name := range []string{"a.json", "b.yaml", "c.yml", "d.go"} {
			writeFile(t, dir, name, "")
		}
		res := runCheck(t, dir, "--format", "json")
		if res.code != ExitOK || res.stdout != "[]\n" || res.stderr != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
		}
	})
	t.Run("syntax error", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "a_broken.yaml", "openapi: 3.0.0\npaths: [\n")
		writeFile(t, dir, "b.go", "package b\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(418) }\n")
		res := runCheck(t, dir, "--color", "never")
		if res.code != ExitFindings || !strings.Contains(res.stdout, "a_broken.yaml:3:1: error syntax-error: ") ||
			!strings.Contains(res.stdout, "b.go:5:47: warning deprecated-status-code:") {
			t.Errorf("exit %d, stdout:\n%s", res.code, res.stdout)
		}
	})
	t.Run("JSON that is not OpenAPI", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "package.json", `{"name": "x", "status": 999, "responses": {"200": {}}}`)
		if res := runCheck(t, dir, "--format", "json"); res.code != ExitOK || res.stdout != "[]\n" {
			t.Errorf("exit %d, stdout %q", res.code, res.stdout)
		}
	})
	t.Run("special files", func(t *testing.T) {
		dir := t.TempDir()
		if err := mkfifo(filepath.Join(dir, "pipe.yaml")); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		// A FIFO would block a reader forever: it is skipped.
		if res := runCheck(t, dir); res.code != ExitOK || res.stderr != "" {
			t.Errorf("exit %d, stderr %q", res.code, res.stderr)
		}
	})
	t.Run("unreadable: dangling link", func(t *testing.T) {
		// Fails for root too, unlike a mode of 000.
		dir := copyExamples(t)
		if err := os.Symlink("generated.yaml", filepath.Join(dir, "examples", "api.yaml")); err != nil {
			t.Fatal(err)
		}
		res := runCheck(t, dir, "--color", "never", "examples")
		wantErr := "httpcode-lsp: " + filepath.Join("examples", "api.yaml") + ": link to generated.yaml, which does not exist\n"
		if res.code != ExitError || res.stderr != wantErr {
			t.Errorf("exit %d, stderr %q; want 2 and %q", res.code, res.stderr, wantErr)
		}
		if !strings.Contains(res.stdout, "body-not-allowed") {
			t.Errorf("the other files' findings are missing:\n%s", res.stdout)
		}
	})
	t.Run("unreadable: permissions", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads every file; cmd/httpcode-lsp's TestUnreadableAsNobody runs this as an unprivileged user")
		}
		dir := copyExamples(t)
		locked := writeFile(t, dir, "examples/locked.yaml", "openapi: 3.0.0\n")
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		lockedDir := filepath.Join(dir, "examples", "private")
		writeFile(t, dir, "examples/private/x.yaml", "status: 200\n")
		if err := os.Chmod(lockedDir, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
		res := runCheck(t, dir, "--color", "never", "examples")
		want := "httpcode-lsp: " + filepath.Join("examples", "locked.yaml") + ": permission denied\n"
		if res.code != ExitError || !strings.Contains(res.stderr, want) || !strings.Contains(res.stderr, "private: permission denied") {
			t.Errorf("exit %d, stderr %q; want 2, %q and the directory", res.code, res.stderr, want)
		}
		if !strings.Contains(res.stdout, "body-not-allowed") {
			t.Errorf("the other files' findings are missing:\n%s", res.stdout)
		}
	})
}
