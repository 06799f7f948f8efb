package lint

import (
	"bytes"
	"encoding/json"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
)

// Each rule is tested alone over the fixtures of testdata/<rule-id>/, in
// the grammar of package wanttest: a want is a quoted regexp matched
// against a finding's "rule-id: message (severity)", on the line where the finding
// starts (in name.json.want for JSON). A fixture may set options in a
// comment `lint-options: {json}` (in the .want file for JSON), with the
// shape of testOptions. Every fix of the fixture is then applied (as
// Merge combines them) and the result compared with name.golden; -update
// rewrites the golden files.

func init() { recoverPanics = false }

type testOptions struct {
	Severities  map[string]Severity `json:"severities"`
	CustomCodes map[int]string      `json:"customCodes"`
}

var (
	blanks      = regexp.MustCompile(`[ \t]+`)
	optsComment = regexp.MustCompile(`(?m)lint-options: (\{.*\})\s*$`)
)

// fixtureOptions reads the options a fixture sets.
func fixtureOptions(t testing.TB, f *wanttest.Fixture) Options {
	t.Helper()
	m := optsComment.FindSubmatch(f.Src)
	if m == nil {
		m = optsComment.FindSubmatch(f.Sidecar)
	}
	if m == nil {
		return Options{}
	}
	var to testOptions
	if err := json.Unmarshal(m[1], &to); err != nil {
		t.Fatalf("%s: lint-options: %v", f.Name, err)
	}
	return Options{Severities: to.Severities, CustomCodes: to.CustomCodes}
}

// only returns severities that turn every rule off but id, which keeps
// the severity the fixture gives it, if any.
func only(id string, fixture map[string]Severity) map[string]Severity {
	sev := map[string]Severity{}
	for _, r := range registry {
		if r.ID != id {
			sev[r.ID] = Off
		}
	}
	if s, ok := fixture[id]; ok {
		sev[id] = s
	}
	return sev
}

// lintGo runs the Go rules on src as the analysis does.
func lintGo(src []byte, opts Options) []Finding {
	return lintGoFile("", src, opts)
}

// lintGoFile runs the Go rules on the file at path, a package of its own:
// a path ending in _test.go is a test file.
func lintGoFile(path string, src []byte, opts Options) []Finding {
	f, syn := golang.ScanPackage([]golang.Source{{Path: path, Src: src}}, 0)
	return Go(src, f, syn, opts)
}

func lintFile(path string, src []byte, opts Options) []Finding {
	if strings.HasSuffix(path, ".go") {
		return lintGoFile(path, src, opts)
	}
	return OpenAPI(openapi.Parse(src), opts)
}

// extensions are the fixtures' file endings by language.
var extensions = map[Language][]string{LanguageGo: {".go"}, LanguageOpenAPI: {".yaml", ".json"}}

// TestRules runs each rule alone over its fixtures: every language it
// covers has at least one.
func TestRules(t *testing.T) {
	for _, r := range Rules() {
		if r.RunContract != nil {
			continue // TestContractRules
		}
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			var exts []string
			for _, lang := range []Language{LanguageOpenAPI, LanguageGo} {
				if r.Language()&lang != 0 {
					wanttest.Fixtures(t, dir, extensions[lang]...)
					exts = append(exts, extensions[lang]...)
				}
			}
			wanttest.Run(t, dir, exts, func(t *testing.T, f *wanttest.Fixture) wanttest.Result {
				opts := fixtureOptions(t, f)
				opts.Severities = only(r.ID, opts.Severities)
				findings := lintFile(f.Path, f.Src, opts)
				checkFindings(t, f.Src, findings)
				var res wanttest.Result
				for _, fd := range findings {
					// The severity follows in parentheses, for the wants
					// that care: "(hint)".
					res.Messages = append(res.Messages, wanttest.Message{Start: fd.Start, Text: fd.String() + " (" + fd.Severity.String() + ")"})
				}
				res.Fixed = fixed(t, f.Path, f.Src, findings)
				return res
			})
		})
	}
}

// Every directory of testdata but the fuzz corpora belongs to a rule.
func TestRuleTestdata(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if _, ok := Lookup(d.Name()); !ok && d.Name() != "fuzz" {
			t.Errorf("testdata/%s: no rule has that ID", d.Name())
		}
	}
}

// checkFindings checks what every finding must satisfy.
func checkFindings(t *testing.T, src []byte, findings []Finding) {
	t.Helper()
	for i, f := range findings {
		if f.Start < 0 || f.End < f.Start || f.End > len(src) {
			t.Fatalf("finding %q at [%d,%d) of %d bytes", f, f.Start, f.End, len(src))
		}
		if i > 0 && (f.Start < findings[i-1].Start || f.Start == findings[i-1].Start && f.RuleID < findings[i-1].RuleID) {
			t.Fatalf("findings out of order: %q before %q", findings[i-1], f)
		}
		r, ok := Lookup(f.RuleID)
		if !ok {
			t.Fatalf("finding of unknown rule %q", f.RuleID)
		}
		if f.Severity < Error || f.Severity > Hint {
			t.Fatalf("finding %q has severity %v", f, f.Severity)
		}
		if f.URL() != URL(r.ID) || f.Message == "" || strings.ContainsAny(f.Message, "\r\n") {
			t.Fatalf("finding %q: URL %q", f, f.URL())
		}
		for _, rel := range f.Related {
			if rel.Start < 0 || rel.End < rel.Start || rel.End > len(src) || rel.Message == "" {
				t.Fatalf("finding %q: related %+v", f, rel)
			}
		}
		for _, fx := range f.Fixes {
			if fx.Title == "" || len(fx.Edits) == 0 {
				t.Fatalf("finding %q: empty fix %+v", f, fx)
			}
			if _, err := Apply(src, fx.Edits); err != nil {
				t.Fatalf("finding %q: fix %q: %v", f, fx.Title, err)
			}
		}
	}
}

// fixed applies every fix of a fixture, checks that the result is still a
// valid file, and returns it; nil when nothing is to be fixed.
func fixed(t *testing.T, path string, src []byte, findings []Finding) []byte {
	t.Helper()
	var fixes []Fix
	for _, f := range findings {
		fixes = append(fixes, f.Fixes...)
	}
	if len(fixes) == 0 {
		return nil
	}
	got, err := Apply(src, Merge(fixes))
	if err != nil {
		t.Fatal(err)
	}
	// The fixed text must still be a valid document.
	if strings.HasSuffix(path, ".go") {
		fset := token.NewFileSet()
		if _, err := parser.ParseFile(fset, "", got, parser.ParseComments); err != nil {
			t.Errorf("fixed Go does not parse: %v", err)
		}
		// gofmt would leave the imports as they are: same lines, same
		// order (trailing comments may need aligning again).
		if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
			if fg, err := format.Source(got); err != nil || !bytes.Equal(blanks.ReplaceAll(fg, []byte(" ")), blanks.ReplaceAll(got, []byte(" "))) {
				t.Errorf("fixed Go is not gofmt-clean:\n%s", wanttest.Diff(string(got), string(fg)))
			}
		}
		return got
	}
	before, after := openapi.Parse(src), openapi.Parse(got)
	if len(before.Errors) == 0 && len(after.Errors) > 0 {
		t.Errorf("fixed document has a syntax error: %v", after.Errors[0])
	}
	if after.Kind != before.Kind {
		t.Errorf("fixed document is %v, was %v", after.Kind, before.Kind)
	}
	if !before.JSON {
		return got
	}
	var v any
	if json.Unmarshal(src, &v) == nil {
		if err := json.Unmarshal(got, &v); err != nil {
			t.Errorf("fixed JSON does not decode: %v", err)
		}
	}
	return got
}
