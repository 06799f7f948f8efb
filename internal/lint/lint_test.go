package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	goldenfile "github.com/httpcode-lsp/httpcode-lsp/internal/golden"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// Fixtures carry their expectations inline, in the go/analysis style: a
// comment on the line where a finding starts,
//
//	'204':  # want "body-not-allowed: .*remove content"
//	w.WriteHeader(404) // want "use-status-constant: use http.StatusNotFound"
//
// holds one quoted regexp per expected finding, each matched against the
// finding's "rule-id: message". JSON has no comments: a sibling
// name.json.want holds "LINE: \"regexp\" ..." lines (1-based). A fixture
// may set options in a comment `lint-options: {json}` (in the .want file
// for JSON), with the shape of testOptions. The harness fails on a
// missing and on an unexpected finding. Every fix of the fixture is then
// applied (as Merge combines them) and the result compared with
// name.golden; -update rewrites the golden files.

func init() { recoverPanics = false }

type testOptions struct {
	Severities  map[string]Severity `json:"severities"`
	CustomCodes map[int]string      `json:"customCodes"`
}

type want struct {
	line int // 0-based
	re   *regexp.Regexp
	used bool
}

var (
	wantComment = regexp.MustCompile(`(?:#|//) ?want((?:\s+(?:"(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `))+)`)
	wantString  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|` + "`[^`]*`")
	blanks      = regexp.MustCompile(`[ \t]+`)
	optsComment = regexp.MustCompile(`lint-options: (\{.*\})\s*$`)
)

func parseWants(t *testing.T, line int, text string) []*want {
	t.Helper()
	var out []*want
	for _, m := range wantComment.FindAllStringSubmatch(text, -1) {
		for _, q := range wantString.FindAllString(m[1], -1) {
			s, err := strconv.Unquote(q)
			if err != nil {
				t.Fatalf("line %d: bad want %s: %v", line+1, q, err)
			}
			re, err := regexp.Compile(s)
			if err != nil {
				t.Fatalf("line %d: bad want regexp %s: %v", line+1, q, err)
			}
			out = append(out, &want{line: line, re: re})
		}
	}
	return out
}

func splitLines(src []byte) []string {
	return strings.Split(string(src), "\n")
}

// loadExpectations reads a fixture's wants and options.
func loadExpectations(t *testing.T, path string, src []byte) ([]*want, Options) {
	t.Helper()
	var wants []*want
	var optsJSON string
	if strings.HasSuffix(path, ".json") {
		wf, err := os.Open(path + ".want")
		if err != nil {
			t.Fatal(err)
		}
		defer wf.Close()
		sc := bufio.NewScanner(wf)
		for sc.Scan() {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			if m := optsComment.FindStringSubmatch(text); m != nil {
				optsJSON = m[1]
				continue
			}
			num, rest, ok := strings.Cut(text, ":")
			n, err := strconv.Atoi(num)
			if !ok || err != nil {
				t.Fatalf("%s.want: bad line %q", path, text)
			}
			wants = append(wants, parseWants(t, n-1, "# want "+rest)...)
		}
	} else {
		for i, line := range splitLines(src) {
			line = strings.TrimRight(line, "\r")
			if m := optsComment.FindStringSubmatch(line); m != nil {
				optsJSON = m[1]
			}
			wants = append(wants, parseWants(t, i, line)...)
		}
	}
	var opts Options
	if optsJSON != "" {
		var to testOptions
		if err := json.Unmarshal([]byte(optsJSON), &to); err != nil {
			t.Fatalf("%s: lint-options: %v", path, err)
		}
		opts = Options{Severities: to.Severities, CustomCodes: to.CustomCodes}
	}
	return wants, opts
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) }

// lintGo runs the Go rules on src as the analysis does.
func lintGo(src []byte, opts Options) []Finding {
	f, syn := golang.ScanSyntax(src)
	return Go(src, f, syn, opts)
}

func lintFile(path string, src []byte, opts Options) []Finding {
	if strings.HasSuffix(path, ".go") {
		return lintGo(src, opts)
	}
	return OpenAPI(openapi.Parse(src), opts)
}

func TestFixtures(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/openapi/*.yaml", "testdata/openapi/*.json", "testdata/go/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	for _, path := range files {
		t.Run(strings.TrimPrefix(path, "testdata/"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wants, opts := loadExpectations(t, path, src)
			findings := lintFile(path, src, opts)
			checkFindings(t, src, findings)
			for _, f := range findings {
				line := lineOf(src, f.Start)
				matched := false
				for _, w := range wants {
					if !w.used && w.line == line && w.re.MatchString(f.String()) {
						w.used, matched = true, true
						break
					}
				}
				if !matched {
					t.Errorf("%s:%d: unexpected finding %q", path, line+1, f.String())
				}
			}
			for _, w := range wants {
				if !w.used {
					t.Errorf("%s:%d: no finding matched %q", path, w.line+1, w.re)
				}
			}
			checkGolden(t, path, src, findings)
		})
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
		if f.URL != URL(r.ID) || f.Message == "" || strings.ContainsAny(f.Message, "\r\n") {
			t.Fatalf("finding %q: URL %q", f, f.URL)
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

// checkGolden applies every fix of a fixture and compares the result
// with its golden file.
func checkGolden(t *testing.T, path string, src []byte, findings []Finding) {
	t.Helper()
	var fixes []Fix
	for _, f := range findings {
		fixes = append(fixes, f.Fixes...)
	}
	golden := path + ".golden"
	if len(fixes) == 0 {
		if _, err := os.Stat(golden); err == nil {
			t.Errorf("%s exists but the fixture has no fixes", golden)
		}
		return
	}
	got, err := Apply(src, Merge(fixes))
	if err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, golden, got, diff)
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
				t.Errorf("fixed Go is not gofmt-clean:\n%s", diff(string(got), string(fg)))
			}
		}
		return
	}
	before, after := openapi.Parse(src), openapi.Parse(got)
	if len(before.Errors) == 0 && len(after.Errors) > 0 {
		t.Errorf("fixed document has a syntax error: %v", after.Errors[0])
	}
	if after.Kind != before.Kind {
		t.Errorf("fixed document is %v, was %v", after.Kind, before.Kind)
	}
	if !before.JSON {
		return
	}
	var v any
	if json.Unmarshal(src, &v) == nil {
		if err := json.Unmarshal(got, &v); err != nil {
			t.Errorf("fixed JSON does not decode: %v", err)
		}
	}
}

// diff shows the first differing lines of two texts.
func diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 12; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString(strconv.Itoa(i+1) + ":\n  want " + strconv.Quote(w) + "\n  got  " + strconv.Quote(g) + "\n")
			shown++
		}
	}
	return b.String()
}
