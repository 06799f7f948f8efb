package lint

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
)

// The rules of issue 4, with their default severities.
func TestRuleTable(t *testing.T) {
	want := []struct {
		id   string
		sev  Severity
		lang Language
	}{
		{"invalid-status-code", Error, LanguageOpenAPI | LanguageGo},
		{"unquoted-status-code", Warning, LanguageOpenAPI},
		{"unknown-status-code", Warning, LanguageOpenAPI | LanguageGo},
		{"deprecated-status-code", Warning, LanguageOpenAPI | LanguageGo},
		{"no-success-response", Warning, LanguageOpenAPI},
		{"body-not-allowed", Error, LanguageOpenAPI | LanguageGo},
		{"status-written-twice", Warning, LanguageGo},
		{"status-after-body", Warning, LanguageGo},
		{"header-after-write", Warning, LanguageGo},
		{"redirect-status", Warning, LanguageGo},
		{"missing-header", Info, LanguageOpenAPI},
		{"method-status-mismatch", Info, LanguageOpenAPI},
		{"missing-not-found", Info, LanguageOpenAPI},
		{"missing-validation-error", Info, LanguageOpenAPI},
		{"no-client-error-response", Hint, LanguageOpenAPI},
		{"accepted-without-body", Hint, LanguageOpenAPI},
		{"redirect-method-change", Hint, LanguageOpenAPI},
		{"description-mismatch", Warning, LanguageOpenAPI},
		{"use-status-constant", Hint, LanguageGo},
		{"undocumented-status", Warning, LanguageGo},
		{"unsent-status", Info, LanguageOpenAPI},
		{"operation-without-handler", Info, LanguageOpenAPI},
		{"route-without-operation", Info, LanguageGo},
		{"swaggo-unlisted-status", Warning, LanguageGo},
		{"swaggo-unsent-status", Info, LanguageGo},
		{"swaggo-router-mismatch", Warning, LanguageGo},
	}
	if len(Rules()) != len(want) {
		t.Fatalf("%d rules, want %d", len(Rules()), len(want))
	}
	idRE := regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)
	for i, w := range want {
		r := Rules()[i]
		if r.ID != w.id || r.DefaultSeverity != w.sev || r.Language() != w.lang {
			t.Errorf("rule %d = %s %v %v, want %s %v %v", i, r.ID, r.DefaultSeverity, r.Language(), w.id, w.sev, w.lang)
		}
		if got, ok := Lookup(w.id); !ok || got != r {
			t.Errorf("Lookup(%q) = %v, %v", w.id, got, ok)
		}
		if !idRE.MatchString(r.ID) || r.Language() == 0 {
			t.Errorf("rule %q: bad ID or no run", r.ID)
		}
		if len(r.Doc) < 150 || strings.Contains(r.Doc, "\n") || !strings.Contains(r.Doc, "Fix") {
			t.Errorf("rule %q: Doc must be one paragraph naming the fix: %q", r.ID, r.Doc)
		}
		if !strings.Contains(r.Doc, "RFC") && !strings.Contains(r.Doc, "seed notes") && !strings.Contains(r.Doc, "OpenAPI Specification") {
			t.Errorf("rule %q: Doc names no source", r.ID)
		}
	}
	if _, ok := Lookup("no-such-rule"); ok {
		t.Error("Lookup found a rule that does not exist")
	}
}

func TestParseSeverity(t *testing.T) {
	for s, want := range map[string]Severity{"error": Error, "Warning": Warning, "info": Info, "hint": Hint, "off": Off, " OFF ": Off, "information": Info} {
		got, ok := ParseSeverity(s)
		if !ok || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "fatal", "2"} {
		if _, ok := ParseSeverity(s); ok {
			t.Errorf("ParseSeverity(%q) succeeded", s)
		}
	}
	var opts struct{ Severities map[string]Severity }
	if err := json.Unmarshal([]byte(`{"Severities": {"a-b": "hint", "c-d": "off"}}`), &opts); err != nil {
		t.Fatal(err)
	}
	if opts.Severities["a-b"] != Hint || opts.Severities["c-d"] != Off {
		t.Errorf("decoded %v", opts.Severities)
	}
	if err := json.Unmarshal([]byte(`{"Severities": {"a-b": "loud"}}`), &opts); err == nil {
		t.Error("decoding an unknown severity succeeded")
	}
	if Error.String() != "error" || Severity(9).String() != "Severity(9)" {
		t.Error("Severity.String")
	}
}

func findingsOf(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	return out
}

const severitySpec = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: OK, content: {text/plain: {}}}
        '301': {description: Moved Permanently}
        '401': {description: Unauthorized}
        '201': {description: Created}
        '299': {description: x}
        '499': {description: Client Closed Request}
        '204': {description: No Content, content: {text/plain: {}}}
`

// Per-finding defaults, and overrides that apply to every finding of a
// rule.
func TestSeverities(t *testing.T) {
	doc := openapi.Parse([]byte(severitySpec))
	fs := OpenAPI(doc, Options{})
	sev := map[string]Severity{}
	for _, f := range fs {
		sev[f.RuleID+" "+f.Message[:3]] = f.Severity
	}
	for key, want := range map[string]Severity{
		"missing-header a 3":      Warning, // 301 without Location
		"missing-header a 4":      Info,    // 401 without WWW-Authenticate
		"missing-header a 2":      Hint,    // 201 without Location: optional in RFC 9110
		"unknown-status-code 299": Warning,
		"unknown-status-code 499": Info,
		"body-not-allowed a 2":    Error,
	} {
		if got, ok := sev[key]; !ok || got != want {
			t.Errorf("%s: severity %v (found %v), want %v; all: %v", key, got, ok, want, sev)
		}
	}

	fs = OpenAPI(doc, Options{Severities: map[string]Severity{"unknown-status-code": Error, "missing-header": Off, "no-such-rule": Off}})
	if got := findingsOf(fs, "missing-header"); len(got) != 0 {
		t.Errorf("missing-header is off but reported %v", got)
	}
	unknown := findingsOf(fs, "unknown-status-code")
	if len(unknown) != 2 {
		t.Fatalf("unknown-status-code: %v", unknown)
	}
	for _, f := range unknown {
		if f.Severity != Error {
			t.Errorf("%q: severity %v, want the override", f, f.Severity)
		}
	}

	src := []byte("package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(http.StatusNoContent)\n\tw.Write(nil)\n}\n")
	gfs := findingsOf(lintGo(src, Options{}), "body-not-allowed")
	if len(gfs) != 1 || gfs[0].Severity != Warning {
		t.Errorf("Go body-not-allowed: %v", gfs)
	}
	if len(gfs) == 1 && (len(gfs[0].Related) != 1 || string(src[gfs[0].Related[0].Start:gfs[0].Related[0].End]) != "w.WriteHeader(http.StatusNoContent)") {
		t.Errorf("Go body-not-allowed related: %+v", gfs[0].Related)
	}
	gfs = lintGo(src, Options{Severities: map[string]Severity{"body-not-allowed": Off}})
	if len(findingsOf(gfs, "body-not-allowed")) != 0 {
		t.Error("body-not-allowed off, yet reported in Go")
	}
}

func TestNotOpenAPI(t *testing.T) {
	if fs := OpenAPI(openapi.Parse([]byte("status: 299\nresponses:\n  x: 1\n")), Options{}); len(fs) != 0 {
		t.Errorf("plain YAML: %v", fs)
	}
	if fs := OpenAPI(nil, Options{}); fs != nil {
		t.Errorf("nil document: %v", fs)
	}
	if fs := Go(nil, nil, golang.Syntax{}, Options{}); fs != nil {
		t.Errorf("nil Go file: %v", fs)
	}
	if fs := lintGo([]byte("not go"), Options{}); len(fs) != 0 {
		t.Errorf("not Go: %v", fs)
	}
}

// A rule that panics loses its findings, not the caller.
func TestRecover(t *testing.T) {
	saved, savedRecover := registry, recoverPanics
	defer func() { registry, recoverPanics = saved, savedRecover }()
	recoverPanics = true
	doc := openapi.Parse([]byte(severitySpec))
	want := OpenAPI(doc, Options{})
	// Its findings span several of the blocks findings are gathered in.
	panics := &Rule{ID: "panics-always", DefaultSeverity: Error,
		RunOpenAPI: func(p *Pass) {
			for range 10000 {
				p.Report(Finding{Message: "x"})
			}
			panic("boom")
		}}
	registry = append([]*Rule{saved[0], panics}, saved[1:]...)
	fs := OpenAPI(doc, Options{})
	if len(fs) == 0 || !reflect.DeepEqual(fs, want) {
		t.Errorf("findings: %v, want %v", fs, want)
	}
}

// Fixes that edit what others share are not safe; those that stay within
// the finding's own text are.
func TestFixSafety(t *testing.T) {
	cases := []struct {
		file, rule, text string
		safe             bool
	}{
		{"missing-header/alias.yaml", "missing-header", "'201': &created", true},
		{"missing-header/alias.yaml", "missing-header", "'201': *created", false},
		{"missing-header/headers.yaml", "missing-header", "'407'", false},
		{"missing-header/headers.yaml", "missing-header", "'201'", true},
		{"body-not-allowed/body.yaml", "body-not-allowed", "content:  # want \"body-not-allowed: a 204", true},
		{"invalid-status-code/invalid.yaml", "invalid-status-code", "'4xx'", true},
		{"unquoted-status-code/unquoted.yaml", "unquoted-status-code", "200:", true},
		{"method-status-mismatch/method.yaml", "method-status-mismatch", "'200':  # want \"method-status-mismatch: POST", false},
		{"redirect-method-change/redirect.yaml", "redirect-method-change", "'302':  # want \"redirect-method-change: 302 lets clients turn POST", false},
		{"description-mismatch/description.yaml", "description-mismatch", "Created  #", true},
		{"use-status-constant/gin.go", "use-status-constant", "200", true},
	}
	for _, c := range cases {
		path := "testdata/" + c.file
		fx := wanttest.Load(t, path)
		src := fx.Src
		at := strings.Index(string(src), c.text)
		if at < 0 {
			t.Fatalf("%s: %q not found", c.file, c.text)
		}
		found := false
		for _, f := range findingsOf(lintFile(path, src, fixtureOptions(t, fx)), c.rule) {
			if fx.LineOf(f.Start) != fx.LineOf(at) {
				continue
			}
			found = true
			if len(f.Fixes) == 0 {
				t.Errorf("%s %q: no fix", c.file, c.text)
				continue
			}
			for _, fx := range f.Fixes {
				if fx.Safe != c.safe {
					t.Errorf("%s %q: fix %q safe=%v, want %v", c.file, c.text, fx.Title, fx.Safe, c.safe)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s finding on the line of %q", c.file, c.rule, c.text)
		}
	}
}

// FixAll applies the shared import once.
func TestFixAll(t *testing.T) {
	src, err := os.ReadFile("testdata/use-status-constant/gin.go")
	if err != nil {
		t.Fatal(err)
	}
	fs := lintGo(src, Options{})
	edits := FixAll(fs)
	if len(edits) != 4 {
		t.Fatalf("FixAll: %d edits, want the import and three constants: %+v", len(edits), edits)
	}
	got, err := Apply(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(got), `"net/http"`) != 1 {
		t.Errorf("import added %d times", strings.Count(string(got), `"net/http"`))
	}
	if again := lintGo(got, Options{}); len(findingsOf(again, "use-status-constant")) != 0 {
		t.Errorf("after FixAll: %v", again)
	}
}

func TestMerge(t *testing.T) {
	a := Fix{Edits: []Edit{{0, 0, "import"}, {10, 13, "X"}}}
	b := Fix{Edits: []Edit{{0, 0, "import"}, {20, 23, "Y"}}}
	clash := Fix{Edits: []Edit{{11, 12, "Z"}}}
	insertAtStart := Fix{Edits: []Edit{{20, 20, "W"}}}
	got := Merge([]Fix{a, clash, b, insertAtStart})
	want := []Edit{{0, 0, "import"}, {10, 13, "X"}, {20, 23, "Y"}}
	if len(got) != len(want) {
		t.Fatalf("Merge = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Merge[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := Apply([]byte("abc"), []Edit{{2, 3, ""}, {0, 1, ""}}); err == nil {
		t.Error("Apply accepted edits out of order")
	}
	if out, _ := Apply([]byte("abcdef"), []Edit{{0, 0, ">"}, {1, 3, "X"}, {6, 6, "<"}}); string(out) != ">aXdef<" {
		t.Errorf("Apply = %q", out)
	}
}

func TestRulesMarkdown(t *testing.T) {
	md := RulesMarkdown()
	for _, r := range Rules() {
		if !strings.Contains(md, "\n## "+r.ID+"\n") {
			t.Errorf("no section for %s", r.ID)
		}
		if !strings.Contains(md, "](#"+r.ID+")") {
			t.Errorf("no table row for %s", r.ID)
		}
		if !strings.HasPrefix(URL(r.ID), DocsURL+"#") {
			t.Errorf("URL(%s) = %s", r.ID, URL(r.ID))
		}
	}
	for _, s := range []string{"httpcode-lsp-ignore", "httpcode-lsp:ignore", "codes:", "| Rule | Default severity |", "| Guidance from |"} {
		if !strings.Contains(md, s) {
			t.Errorf("RulesMarkdown lacks %q", s)
		}
	}
	// Every table row has the same number of cells.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| [`") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 7 {
			t.Errorf("table row with a stray |: %s", line)
		}
	}
}

func TestIgnoreComments(t *testing.T) {
	set := yamlIgnores([]byte("a: 1 # httpcode-lsp-ignore x-y,z-w\n# httpcode-lsp-ignore\nb: 2\nc: '# httpcode-lsp-ignore'\nd: 3 #httpcode-lsp-ignore because\n"))
	if ig := set.byLine[0]; ig.all || ig.alone || len(ig.ids) != 2 || !ig.matches("z-w") || ig.matches("q-q") {
		t.Errorf("line 0: %+v", ig)
	}
	if ig := set.byLine[1]; !ig.all || !ig.alone {
		t.Errorf("line 1: %+v", ig)
	}
	if _, ok := set.byLine[3]; ok {
		t.Errorf("a marker inside a quoted scalar counted")
	}
	if ig := set.byLine[4]; !ig.all {
		t.Errorf("line 4: %+v", ig)
	}
	gset := goIgnores([]byte("x() //httpcode-lsp:ignore a-b\n\t// httpcode-lsp:ignore\ny := \"httpcode-lsp:ignore\"\n"))
	if ig := gset.byLine[0]; ig.alone || !ig.matches("a-b") || ig.matches("c-d") {
		t.Errorf("go line 0: %+v", ig)
	}
	if ig := gset.byLine[1]; !ig.alone || !ig.all {
		t.Errorf("go line 1: %+v", ig)
	}
	if _, ok := gset.byLine[2]; ok {
		t.Error("a marker in a string counted")
	}
	// Lines are the editor's: "\r\n" and a lone "\r" end them too.
	src := "a: 1\r\n# httpcode-lsp-ignore x-y\r\nb: 2\rc: 3\r\n"
	set = yamlIgnores([]byte(src))
	if !set.silenced(Finding{RuleID: "x-y", Start: strings.Index(src, "b: 2")}) {
		t.Error("the line after the comment is not silenced")
	}
	if set.silenced(Finding{RuleID: "x-y", Start: strings.Index(src, "c: 3")}) {
		t.Error("the line after a lone \\r is silenced")
	}
}

func TestRuleSummaries(t *testing.T) {
	for _, r := range Rules() {
		if r.summary == "" || r.source == "" {
			t.Errorf("rule %s has no summary or source for the docs table", r.ID)
		}
	}
}

// A lone default that describes success is reported at info, with its
// own message; an operation with no success at all keeps the warning.
func TestNoSuccessDefaultSeverity(t *testing.T) {
	doc := openapi.Parse([]byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        default: {description: Success}\n  /b:\n    get:\n      responses:\n        default: {description: Unexpected error}\n"))
	got := map[string]Severity{}
	for _, f := range findingsOf(OpenAPI(doc, Options{}), "no-success-response") {
		got[f.Message[:6]] = f.Severity
	}
	if got["GET /a"] != Info || got["GET /b"] != Warning {
		t.Errorf("severities %v, want GET /a info and GET /b warning", got)
	}
}

// no-client-error-response leaves an operation to missing-not-found or
// missing-validation-error when they report it, and takes it back when
// they are turned off.
func TestNoClientErrorDefers(t *testing.T) {
	doc := openapi.Parse([]byte(`openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: OK, content: {application/json: {}}}
  /a/{id}:
    get:
      responses:
        '200': {description: OK, content: {application/json: {}}}
  /b:
    post:
      requestBody: {content: {application/json: {}}}
      responses:
        '201': {description: Created, headers: {Location: {schema: {type: string}}}}
`))
	ops := func(opts Options) []string {
		var out []string
		for _, f := range findingsOf(OpenAPI(doc, opts), "no-client-error-response") {
			out = append(out, strings.SplitN(f.Message, " documents", 2)[0])
		}
		return out
	}
	if got := strings.Join(ops(Options{}), ", "); got != "GET /a" {
		t.Errorf("with every rule on: %s, want GET /a alone", got)
	}
	off := Options{Severities: map[string]Severity{"missing-not-found": Off, "missing-validation-error": Off}}
	if got := strings.Join(ops(off), ", "); got != "GET /a, GET /a/{id}, POST /b" {
		t.Errorf("with the specific rules off: %s", got)
	}
}
