// catalog_test.go checks the embedded data against net/http, the IANA
// registry, the seed notes and the RFCs' header rules, and the rendered
// Markdown against golden files (go test -update rewrites them).
package catalog

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golden"
)

// netHTTPStatusConstants parses net/http's status.go from the running
// toolchain and returns every Status* constant with its value.
func netHTTPStatusConstants(t *testing.T) map[string]int {
	t.Helper()
	path := filepath.Join(runtime.GOROOT(), "src", "net", "http", "status.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	consts := map[string]int{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Status") || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.INT {
					continue
				}
				v, err := strconv.Atoi(lit.Value)
				if err != nil {
					t.Fatalf("%s = %s: %v", name.Name, lit.Value, err)
				}
				consts[name.Name] = v
			}
		}
	}
	if len(consts) < 60 {
		t.Fatalf("found only %d Status constants in %s; parser out of step with the file?", len(consts), path)
	}
	return consts
}

func TestNetHTTPConstants(t *testing.T) {
	consts := netHTTPStatusConstants(t)
	for name, code := range consts {
		t.Run(name, func(t *testing.T) {
			e, ok := ByConstant(name)
			if !ok {
				t.Fatalf("ByConstant(%q) not found", name)
			}
			if e.Code != code {
				t.Errorf("ByConstant(%q).Code = %d, want %d", name, e.Code, code)
			}
			l, ok := Lookup(code)
			if !ok {
				t.Fatalf("Lookup(%d) not found", code)
			}
			if l.GoConstant != name {
				t.Errorf("Lookup(%d).GoConstant = %q, want %q", code, l.GoConstant, name)
			}
		})
	}
	// The reverse: no entry may name a constant net/http lacks.
	for _, e := range All() {
		if e.GoConstant == "" {
			continue
		}
		if v, ok := consts[e.GoConstant]; !ok || v != e.Code {
			t.Errorf("%d names go constant %q, which net/http does not define with that value", e.Code, e.GoConstant)
		}
	}
}

func readSeedCodes(t *testing.T) []int {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seed_codes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var codes []int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.Atoi(line)
		if err != nil {
			t.Fatalf("seed_codes.txt: %q: %v", line, err)
		}
		codes = append(codes, n)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return codes
}

var seedCodeRE = regexp.MustCompile(`\b[1-5]\d\d\b`)

func TestSeedCodes(t *testing.T) {
	t.Run("checked-in list", func(t *testing.T) {
		codes := readSeedCodes(t)
		if len(codes) == 0 {
			t.Fatal("testdata/seed_codes.txt is empty")
		}
		for _, c := range codes {
			if _, ok := Lookup(c); !ok {
				t.Errorf("seed code %d missing from the catalog", c)
			}
		}
	})
	t.Run("seed files", func(t *testing.T) {
		dir := filepath.Join("..", "..", "..", "shared", "seeds")
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			t.Skipf("no seed notes at %s (only present next to the project checkout)", dir)
		}
		listed := map[int]bool{}
		for _, c := range readSeedCodes(t) {
			listed[c] = true
		}
		for _, path := range files {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range seedCodeRE.FindAllString(string(b), -1) {
				c, _ := strconv.Atoi(m)
				if _, ok := Lookup(c); !ok {
					t.Errorf("%s mentions %d, which is not in the catalog", filepath.Base(path), c)
				}
				if !listed[c] {
					t.Errorf("%s mentions %d, which testdata/seed_codes.txt lacks", filepath.Base(path), c)
				}
			}
		}
	})
}

// ianaCodes is the IANA HTTP Status Code Registry, code by code, with the
// registration each entry must carry.
var ianaCodes = func() map[int]Registration {
	m := map[int]Registration{}
	add := func(r Registration, codes ...int) {
		for _, c := range codes {
			m[c] = r
		}
	}
	span := func(from, to int) []int {
		var s []int
		for c := from; c <= to; c++ {
			s = append(s, c)
		}
		return s
	}
	add(Registered, 100, 101, 102, 103)
	add(Provisional, 104)
	add(Registered, span(200, 208)...)
	add(Registered, 226)
	add(Registered, 300, 301, 302, 303, 304, 307, 308)
	add(Deprecated, 305)
	add(Unused, 306)
	add(Registered, span(400, 417)...)
	add(Unused, 418)
	add(Registered, span(421, 426)...)
	add(Registered, 428, 429, 431, 451)
	add(Registered, span(500, 508)...)
	add(Deprecated, 510) // "Not Extended (OBSOLETED)" in the registry
	add(Registered, 511)
	return m
}()

var unofficialCodes = []int{
	218, 419, 420, 430, 440, 444, 449, 450, 460, 463,
	494, 495, 496, 497, 498, 499, 509,
	520, 521, 522, 523, 524, 525, 526, 527, 529, 530, 598, 599,
}

func TestRegistration(t *testing.T) {
	for code, want := range ianaCodes {
		e, ok := Lookup(code)
		if !ok {
			t.Errorf("IANA code %d missing", code)
			continue
		}
		if e.Registration != want {
			t.Errorf("%d registration = %q, want %q", code, e.Registration, want)
		}
	}
	for _, code := range unofficialCodes {
		e, ok := Lookup(code)
		if !ok {
			t.Errorf("unofficial code %d missing", code)
			continue
		}
		if e.Registration != Unofficial {
			t.Errorf("%d registration = %q, want unofficial", code, e.Registration)
		}
	}
	// Nothing outside the registry may claim to be in it.
	for _, e := range All() {
		if _, iana := ianaCodes[e.Code]; !iana && e.Registration != Unofficial {
			t.Errorf("%d is not in the IANA registry but has registration %q", e.Code, e.Registration)
		}
	}
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		code   int
		phrase string
		other  []string // older names that must be listed
	}{
		{100, "Continue", nil},
		{104, "Upload Resumption Supported", nil},
		{200, "OK", nil},
		{302, "Found", []string{"Moved Temporarily"}},
		{306, "(Unused)", []string{"Switch Proxy"}},
		{308, "Permanent Redirect", nil},
		{404, "Not Found", nil},
		{407, "Proxy Authentication Required", nil},
		{413, "Content Too Large", []string{"Payload Too Large", "Request Entity Too Large"}},
		{414, "URI Too Long", []string{"Request-URI Too Long"}},
		{416, "Range Not Satisfiable", []string{"Requested Range Not Satisfiable"}},
		{418, "(Unused)", []string{"I'm a teapot"}},
		{420, "Enhance Your Calm", []string{"Method Failure"}},
		{422, "Unprocessable Content", []string{"Unprocessable Entity"}},
		{499, "Client Closed Request", nil},
		{505, "HTTP Version Not Supported", nil},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("%d missing", tt.code)
			continue
		}
		if e.Phrase != tt.phrase {
			t.Errorf("%d phrase = %q, want %q", tt.code, e.Phrase, tt.phrase)
		}
		for _, want := range tt.other {
			if !slices.ContainsFunc(e.OtherNames, func(n Name) bool { return n.Name == want }) {
				t.Errorf("%d other_names lack %q", tt.code, want)
			}
		}
	}
}

func TestBodyAllowed(t *testing.T) {
	for _, e := range All() {
		want := !(e.Code/100 == 1 || e.Code == 204 || e.Code == 205 || e.Code == 304)
		if e.BodyAllowed != want {
			t.Errorf("%d body_allowed = %v, want %v", e.Code, e.BodyAllowed, want)
		}
	}
}

func TestEntriesComplete(t *testing.T) {
	prev := 0
	for _, e := range All() {
		if e.Code <= prev {
			t.Errorf("All() out of order: %d after %d", e.Code, prev)
		}
		prev = e.Code
		if e.Code < 100 || e.Code > 599 {
			t.Errorf("%d is outside 100..599", e.Code)
		}
		for field, v := range map[string]string{
			"phrase":   e.Phrase,
			"summary":  e.Summary,
			"guidance": e.Guidance,
			"spec.doc": e.Spec.Doc,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%d has an empty %s", e.Code, field)
			}
		}
		if e.Registration == Unofficial && strings.TrimSpace(e.Origin) == "" {
			t.Errorf("unofficial %d has no origin", e.Code)
		}
		if e.Registration == Unofficial && e.GoConstant != "" {
			t.Errorf("unofficial %d claims net/http constant %q", e.Code, e.GoConstant)
		}
		if _, ok := Class(e.Class()); !ok {
			t.Errorf("%d: no class %d", e.Code, e.Class())
		}
		for _, n := range e.OtherNames {
			if n.Name == "" || n.Source == "" {
				t.Errorf("%d: other name %+v lacks a name or source", e.Code, n)
			}
		}
		for _, h := range e.Headers {
			if h.Name == "" {
				t.Errorf("%d: header without a name", e.Code)
			}
		}
		for _, c := range e.Corrections {
			if strings.TrimSpace(c) == "" {
				t.Errorf("%d: empty correction", e.Code)
			}
		}
	}
}

func TestRelated(t *testing.T) {
	for _, e := range All() {
		seen := map[int]bool{}
		for _, r := range e.Related {
			if _, ok := Lookup(r.Code); !ok {
				t.Errorf("%d relates to %d, which is not in the catalog", e.Code, r.Code)
			}
			if r.Code == e.Code {
				t.Errorf("%d relates to itself", e.Code)
			}
			if seen[r.Code] {
				t.Errorf("%d lists related %d twice", e.Code, r.Code)
			}
			seen[r.Code] = true
			if strings.TrimSpace(r.Note) == "" {
				t.Errorf("%d -> %d has no note", e.Code, r.Code)
			}
		}
	}
	// Pairs that are commonly confused must point at each other.
	pairs := [][2]int{
		{401, 403}, {301, 308}, {302, 307}, {302, 303}, {404, 410}, {400, 422},
		{409, 412}, {429, 503}, {500, 502}, {502, 504}, {200, 204}, {201, 202},
	}
	for _, p := range pairs {
		for _, dir := range [][2]int{p, {p[1], p[0]}} {
			e, _ := Lookup(dir[0])
			if !slices.ContainsFunc(e.Related, func(r Related) bool { return r.Code == dir[1] }) {
				t.Errorf("%d does not list %d as related", dir[0], dir[1])
			}
		}
	}
}

func TestHeaders(t *testing.T) {
	tests := []struct {
		code     int
		header   string
		required bool
	}{
		{101, "Upgrade", true},
		{201, "Location", false},
		{206, "Content-Range", true},
		{300, "Location", false},
		{301, "Location", true},
		{302, "Location", true},
		{303, "Location", true},
		{304, "ETag", false},
		{307, "Location", true},
		{308, "Location", true},
		{401, "WWW-Authenticate", true},
		{405, "Allow", true},
		{407, "Proxy-Authenticate", true},
		{413, "Retry-After", false},
		{416, "Content-Range", false},
		{426, "Upgrade", true},
		{429, "Retry-After", false},
		{503, "Retry-After", false},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("%d missing", tt.code)
			continue
		}
		i := slices.IndexFunc(e.Headers, func(h Header) bool { return h.Name == tt.header })
		if i < 0 {
			t.Errorf("%d lacks header %s", tt.code, tt.header)
			continue
		}
		if got := e.Headers[i].Required; got != tt.required {
			t.Errorf("%d header %s required = %v, want %v", tt.code, tt.header, got, tt.required)
		}
	}
	// Codes with no expected headers at all.
	for _, code := range []int{200, 204, 404, 409} {
		if e, _ := Lookup(code); len(e.Headers) != 0 {
			t.Errorf("%d lists headers %v, want none", code, e.Headers)
		}
	}
}

var rfcURL = regexp.MustCompile(`^https://www\.rfc-editor\.org/rfc/rfc[0-9]+(#section-[0-9]+(\.[0-9]+)*)?$`)

func TestSpec(t *testing.T) {
	tests := []struct {
		code    int
		doc     string
		section string
		url     string
	}{
		{102, "RFC 2518", "10.1", "https://www.rfc-editor.org/rfc/rfc2518#section-10.1"},
		{103, "RFC 8297", "2", ""},
		{207, "RFC 4918", "11.1", ""},
		{208, "RFC 5842", "7.1", ""},
		{226, "RFC 3229", "10.4.1", ""},
		{308, "RFC 9110", "15.4.9", ""},
		{404, "RFC 9110", "15.5.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"},
		{418, "RFC 9110", "15.5.19", ""},
		{422, "RFC 9110", "15.5.21", ""},
		{423, "RFC 4918", "11.3", ""},
		{424, "RFC 4918", "11.4", ""},
		{425, "RFC 8470", "5.2", ""},
		{428, "RFC 6585", "3", ""},
		{429, "RFC 6585", "4", ""},
		{431, "RFC 6585", "5", ""},
		{451, "RFC 7725", "3", ""},
		{500, "RFC 9110", "15.6.1", ""},
		{506, "RFC 2295", "8.1", ""},
		{507, "RFC 4918", "11.5", ""},
		{508, "RFC 5842", "7.2", ""},
		{510, "RFC 2774", "7", ""},
		{511, "RFC 6585", "6", ""},
	}
	for _, tt := range tests {
		e, _ := Lookup(tt.code)
		if e.Spec.Doc != tt.doc || e.Spec.Section != tt.section {
			t.Errorf("%d spec = %s, want %s §%s", tt.code, e.Spec, tt.doc, tt.section)
		}
		if tt.url != "" && e.Spec.URL() != tt.url {
			t.Errorf("%d spec URL = %q, want %q", tt.code, e.Spec.URL(), tt.url)
		}
	}
	for _, e := range All() {
		u := e.Spec.URL()
		if strings.HasPrefix(e.Spec.Doc, "RFC ") {
			if !rfcURL.MatchString(u) {
				t.Errorf("%d spec URL %q does not look like an rfc-editor.org section link", e.Code, u)
			}
			if e.Spec.Link != "" {
				t.Errorf("%d sets url for an RFC; it is derived from doc and section", e.Code)
			}
		} else if u != "" && !strings.HasPrefix(u, "https://") {
			t.Errorf("%d spec URL %q is not https", e.Code, u)
		}
		if e.Registration == Registered && e.Code != 104 && !strings.HasPrefix(e.Spec.Doc, "RFC ") {
			t.Errorf("registered %d is defined by %q, not an RFC", e.Code, e.Spec.Doc)
		}
	}
}

func TestSpecString(t *testing.T) {
	tests := []struct {
		spec      Spec
		str, link string
	}{
		{Spec{Doc: "RFC 9110", Section: "15.5.5"}, "RFC 9110 §15.5.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"},
		{Spec{Doc: "RFC 8297"}, "RFC 8297", "https://www.rfc-editor.org/rfc/rfc8297"},
		{Spec{Doc: "nginx"}, "nginx", ""},
		{Spec{Doc: "Cloudflare", Link: "https://example.com/x"}, "Cloudflare", "https://example.com/x"},
	}
	for _, tt := range tests {
		if got := tt.spec.String(); got != tt.str {
			t.Errorf("%+v.String() = %q, want %q", tt.spec, got, tt.str)
		}
		if got := tt.spec.URL(); got != tt.link {
			t.Errorf("%+v.URL() = %q, want %q", tt.spec, got, tt.link)
		}
	}
}

func TestClasses(t *testing.T) {
	names := map[int]string{1: "Informational", 2: "Successful", 3: "Redirection", 4: "Client Error", 5: "Server Error"}
	for n, name := range names {
		c, ok := Class(n)
		if !ok {
			t.Errorf("class %d missing", n)
			continue
		}
		if c.Name != name {
			t.Errorf("class %d name = %q, want %q", n, c.Name, name)
		}
		if strings.TrimSpace(c.Summary) == "" {
			t.Errorf("class %d has no summary", n)
		}
		if len(c.Common) < 3 || len(c.Common) > 6 {
			t.Errorf("class %d lists %d common codes, want 3..6", n, len(c.Common))
		}
		for _, code := range c.Common {
			e, ok := Lookup(code)
			if !ok || e.Class() != n || e.Registration != Registered {
				t.Errorf("class %d common code %d is not a registered %dxx code", n, code, n)
			}
		}
	}
	if _, ok := Class(6); ok {
		t.Error("Class(6) exists")
	}
	if c, _ := Class(4); c.Label() != "4xx Client Error" {
		t.Errorf("Label() = %q", c.Label())
	}
}

func TestCommon(t *testing.T) {
	common := Common()
	if len(common) < 15 || len(common) > 25 {
		t.Errorf("Common() has %d codes, want about 20", len(common))
	}
	head := []int{200, 201, 204, 400, 401, 403, 404, 409, 422, 500}
	if len(common) < len(head) || !slices.Equal(common[:len(head)], head) {
		t.Errorf("Common() starts %v, want %v", common[:min(len(common), len(head))], head)
	}
	seen := map[int]bool{}
	for _, c := range common {
		if seen[c] {
			t.Errorf("Common() lists %d twice", c)
		}
		seen[c] = true
		if e, ok := Lookup(c); !ok || e.Registration != Registered {
			t.Errorf("Common() lists %d, which is not a registered code", c)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"duplicate code", "codes:\n  - code: 200\n  - code: 200\n", "listed twice"},
		{"unknown field", "codes:\n  - code: 200\n    phrse: OK\n", "phrse"},
		{"unknown top-level field", "extra: 1\n", "extra"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse() error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	e404, _ := Lookup(404)
	md := e404.Markdown("http")
	for _, want := range []string{
		"### 404 Not Found\n",
		"`http.StatusNotFound`",
		"**4xx Client Error**",
		"[RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)",
		"**410 Gone**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("404 Markdown lacks %q:\n%s", want, md)
		}
	}
	if bare := e404.Markdown(""); !strings.Contains(bare, "`StatusNotFound`") || strings.Contains(bare, "http.StatusNotFound") {
		t.Errorf("Markdown(\"\") should spell the bare constant:\n%s", bare)
	}

	e413, _ := Lookup(413)
	md = e413.Markdown("http")
	for _, want := range []string{"Payload Too Large", "Request Entity Too Large", "`http.StatusRequestEntityTooLarge`", "`Retry-After`"} {
		if !strings.Contains(md, want) {
			t.Errorf("413 Markdown lacks %q:\n%s", want, md)
		}
	}

	e204, _ := Lookup(204)
	if md := e204.Markdown("http"); !strings.Contains(md, "must not carry a body") {
		t.Errorf("204 Markdown does not say it has no body:\n%s", md)
	}
	e401, _ := Lookup(401)
	if md := e401.Markdown("http"); !strings.Contains(md, "`WWW-Authenticate` (required)") {
		t.Errorf("401 Markdown does not mark WWW-Authenticate required:\n%s", md)
	}
	e499, _ := Lookup(499)
	if md := e499.Markdown("http"); !strings.Contains(md, "unofficial") || !strings.Contains(md, "**Origin:** nginx") {
		t.Errorf("499 Markdown does not show it is unofficial and from nginx:\n%s", md)
	}

	for _, e := range All() {
		md := e.Markdown("http")
		if !strings.HasPrefix(md, "### "+e.Title()+"\n") || !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
			t.Errorf("%d Markdown is not framed as expected:\n%s", e.Code, md)
		}
	}
}

func TestClassMarkdown(t *testing.T) {
	c, _ := Class(4)
	md := c.Markdown()
	for _, want := range []string{"### 4xx Client Error\n", "**Most used:**", "- **400 Bad Request**: ", "- **404 Not Found**: "} {
		if !strings.Contains(md, want) {
			t.Errorf("class 4 Markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	for _, code := range []int{404, 413, 499} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			e, _ := Lookup(code)
			got := e.Markdown("http")
			golden.Check(t, filepath.Join("testdata", strconv.Itoa(code)+".md"), []byte(got), func(want, got string) string {
				return "--- got:\n" + got + "\n--- want:\n" + want
			})
		})
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One. Two.", "One."},
		{"Only one.", "Only one."},
		{"Use a header, e.g. Link. Then more.", "Use a header, e.g. Link."},
		{"  Padded, i.e. trimmed. Rest", "Padded, i.e. trimmed."},
		{"No stop", "No stop"},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.in); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnregisteredEntry(t *testing.T) {
	for _, code := range []int{99, 600, 404, 499} {
		if _, ok := UnregisteredEntry(code); ok {
			t.Errorf("UnregisteredEntry(%d) = ok; want false (outside 100..599 or listed)", code)
		}
	}
	for code, fallback := range map[int]string{480: "400 Bad Request", 222: "200 OK", 150: "100 Continue", 555: "500 Internal Server Error"} {
		e, ok := UnregisteredEntry(code)
		if !ok {
			t.Fatalf("UnregisteredEntry(%d) = false", code)
		}
		md := e.Markdown("http")
		for _, want := range []string{fmt.Sprintf("### %d\n", code), "not registered", "handles it as " + fallback, "**" + fmt.Sprint(code/100) + "xx "} {
			if !strings.Contains(md, want) {
				t.Errorf("%d: lacks %q:\n%s", code, want, md)
			}
		}
		if e.BodyAllowed != (code/100 != 1) {
			t.Errorf("%d: BodyAllowed = %v", code, e.BodyAllowed)
		}
	}
}
