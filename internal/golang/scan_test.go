package golang

import (
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Fixtures mark each expected occurrence with «»; contexts lists the
// expected contexts in source order. The kind and code follow from the
// marked text: digits after an "@..." context are an annotation, other
// numbers a literal, names a constant.

type marked struct {
	text  string
	spans [][2]int
}

func parseMarked(t *testing.T, src string) marked {
	t.Helper()
	var m marked
	var b strings.Builder
	open := -1
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(src[i:], "«"):
			if open >= 0 {
				t.Fatalf("nested « at %d", i)
			}
			open = b.Len()
			i += len("«")
		case strings.HasPrefix(src[i:], "»"):
			if open < 0 {
				t.Fatalf("» without « at %d", i)
			}
			m.spans = append(m.spans, [2]int{open, b.Len()})
			open = -1
			i += len("»")
		default:
			b.WriteByte(src[i])
			i++
		}
	}
	if open >= 0 {
		t.Fatal("unclosed «")
	}
	m.text = b.String()
	return m
}

func expected(t *testing.T, m marked, contexts []string) []occurrence.Occurrence {
	t.Helper()
	if len(contexts) != len(m.spans) {
		t.Fatalf("%d marked occurrences but %d contexts", len(m.spans), len(contexts))
	}
	var want []occurrence.Occurrence
	for i, sp := range m.spans {
		text := m.text[sp[0]:sp[1]]
		o := occurrence.Occurrence{Start: sp[0], End: sp[1], Context: contexts[i]}
		switch {
		case strings.HasPrefix(contexts[i], "@"):
			o.Kind = occurrence.Annotation
			o.Code, _ = strconv.Atoi(text)
		case text[0] >= '0' && text[0] <= '9':
			o.Kind = occurrence.Literal
			v, err := strconv.ParseInt(text, 0, 64)
			if err != nil {
				t.Fatalf("marked literal %q: %v", text, err)
			}
			o.Code = int(v)
		default:
			o.Kind = occurrence.Constant
			name := text[strings.LastIndexByte(text, '.')+1:]
			e, ok := catalog.ByConstant(name)
			if !ok {
				t.Fatalf("marked constant %q is not in the catalog", text)
			}
			o.Code = e.Code
		}
		want = append(want, o)
	}
	return want
}

func describe(src string, o occurrence.Occurrence) string {
	text := "?"
	if 0 <= o.Start && o.Start <= o.End && o.End <= len(src) {
		text = src[o.Start:o.End]
	}
	return strconv.Quote(text) + " " + strconv.Itoa(o.Start) + ".." + strconv.Itoa(o.End) +
		" code " + strconv.Itoa(o.Code) + " kind " + strconv.Itoa(int(o.Kind)) + " ctx " + strconv.Quote(o.Context)
}

type scanCase struct {
	name     string
	src      string
	contexts []string
	httpName string
}

var scanCases = []scanCase{
	{
		name: "net/http calls",
		src: `package main

import (
	"net/http"
	"time"
)

var teapot = «http.StatusTeapot»

func h(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(«404»)
	w.WriteHeader(«http.StatusCreated»)
	http.Error(w, "gone", «410»)
	http.Error(w, http.StatusText(«http.StatusBadRequest»), «http.StatusBadRequest»)
	http.Redirect(w, r, "/x", «301»)
	http.Redirect(w, r, "/y", «http.StatusSeeOther»)
	_ = http.RedirectHandler("/z", «308»)
	_ = http.StatusText(«418»)
	w.WriteHeader((«0x1F4»))
	w.WriteHeader(«4_04»)
	w.WriteHeader(«1000»)
	w.WriteHeader(«99»)
	for i := 0; i < 200; i++ {
	}
	x := «404»
	time.Sleep(500)
	http.Error(w, "x", x)
	_ = []int{200, 201}
	_ = x + 302
	_ = r.Header.Get("503")
}
`,
		contexts: []string{"", "WriteHeader", "WriteHeader", "http.Error", "http.StatusText", "http.Error",
			"http.Redirect", "http.Redirect", "http.RedirectHandler", "http.StatusText",
			"WriteHeader", "WriteHeader", "WriteHeader", "WriteHeader", "http.Error"},
		httpName: "http",
	},
	{
		name: "comparisons, switches, literals and assignments",
		src: `package main

import "net/http"

func c(resp *http.Response, rec *Recorder, x int) {
	if resp.StatusCode == «200» || «404» != resp.StatusCode {
	}
	if rec.Code != «http.StatusNoContent» && (resp.StatusCode) == («502») {
	}
	if x == 200 || resp.Status == "200" {
	}
	switch resp.StatusCode {
	case «200», «201»:
	case «http.StatusNotFound»:
	default:
	}
	switch rec.Code {
	case «500»:
	}
	switch x {
	case 200:
	}
	_ = &http.Response{StatusCode: «503», Status: "503"}
	_ = Recorder{Code: «http.StatusAccepted»}
	_ = map[string]int{"Code": 5}
	resp.StatusCode = «307»
	x = 200
}
`,
		contexts: []string{"StatusCode ==", "StatusCode !=", "Code !=", "StatusCode ==",
			"case StatusCode", "case StatusCode", "case StatusCode", "case Code",
			"StatusCode:", "Code:", "StatusCode ="},
		httpName: "http",
	},
	{
		name: "testify",
		src: `package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/stretchr/testify/suite"
)

func TestX(t *testing.T) {
	assert.Equal(t, «200», rec.Code)
	require.Equal(t, rec.Code, «404»)
	assert.EqualValues(t, «http.StatusOK», resp.StatusCode)
	assert.NotEqual(t, «500», w.Result().StatusCode, "msg")
	assert.Equalf(t, «207», rec.Code, "status of %s", name)
	assert.Equal(t, 3, len(x))
	assert.Equal(t, 200, x)
	assert.HTTPStatusCode(t, h, "GET", "/", nil, «201»)
}

type S struct{ suite.Suite }

func (s *S) TestY() {
	s.Equal(«201», rec.Code)
	s.Equal(201, n)
}
`,
		contexts: []string{"assert.Equal", "require.Equal", "assert.EqualValues", "assert.NotEqual", "assert.Equalf", "assert.HTTPStatusCode", "Equal"},
		httpName: "http",
	},
	{
		name: "alias",
		src: `package main

import web "net/http"

func h(w web.ResponseWriter) {
	w.WriteHeader(«web.StatusOK»)
	web.Error(w, "bad", «400»)
	_ = http.StatusOK
	http.Error(w, "x", 500)
}
`,
		contexts: []string{"WriteHeader", "web.Error"},
		httpName: "web",
	},
	{
		name: "dot import",
		src: `package main

import . "net/http"

var StatusAccepted = 5

type T struct{ StatusOK int }

func h(w ResponseWriter, t T) {
	w.WriteHeader(«StatusCreated»)
	Error(w, "teapot", «418»)
	_ = StatusText(«500»)
	_ = «StatusNotFound»
	_ = StatusAccepted
	_ = t.StatusOK
	_ = T{StatusOK: 1}
}
`,
		contexts: []string{"WriteHeader", "Error", "StatusText", ""},
		httpName: ".",
	},
	{
		name: "net/http not imported",
		src: `package main

func h(w writer) {
	w.WriteHeader(«200»)
	_ = http.StatusOK
	http.Error(w, "x", 500)
	c.JSON(200, nil)
	ctx.SetStatusCode(200)
	c.SendStatus(200)
	// @Success «200» {object} T
}
`,
		contexts: []string{"WriteHeader", "@Success"},
	},
	{
		name: "blank import",
		src: `package main

import _ "net/http"

var x = http.StatusOK
`,
	},
	{
		name: "gin",
		src: `package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func h(c *gin.Context) {
	c.JSON(«200», gin.H{"code": 200})
	c.AbortWithStatus(«401»)
	c.AbortWithStatusJSON(«http.StatusForbidden», nil)
	c.String(«http.StatusOK», "x")
	c.Redirect(«302», "/")
	http.Redirect(c.Writer, c.Request, "/", «307»)
	c.Data(«200», "text/plain", nil)
	c.Status(«204»)
	c.Header("X", "1")
	c.Set("n", 200)
}
`,
		contexts: []string{"JSON", "AbortWithStatus", "AbortWithStatusJSON", "String", "Redirect", "http.Redirect", "Data", "Status"},
		httpName: "http",
	},
	{
		name: "echo v4 with alias",
		src: `package main

import (
	e "github.com/labstack/echo/v4"
)

func h(c e.Context) error {
	c.NoContent(«204»)
	c.JSONBlob(«201», nil)
	c.Redirect(«303», "/")
	return e.NewHTTPError(«400», "bad")
}

func g(c e.Context) error { return echo.NewHTTPError(400) }
`,
		contexts: []string{"NoContent", "JSONBlob", "Redirect", "e.NewHTTPError"},
	},
	{
		name: "echo plain",
		src: `package main

import "github.com/labstack/echo"

func h(c echo.Context) error { return c.JSON(«200», nil) }
`,
		contexts: []string{"JSON"},
	},
	{
		name: "fiber v2",
		src: `package main

import "github.com/gofiber/fiber/v2"

func h(c *fiber.Ctx) error {
	c.Status(«201»).JSON(x)
	_ = c.SendStatus(«fiber.StatusNotFound»)
	_ = «fiber.StatusTeapot»
	return fiber.NewError(«503», "down")
}
`,
		contexts: []string{"Status", "SendStatus", "", "fiber.NewError"},
	},
	{
		name: "fiber v3 aliased",
		src: `package main

import fb "github.com/gofiber/fiber/v3"

func h(c fb.Ctx) error {
	_ = fiber.StatusOK
	return c.SendStatus(«fb.StatusOK»)
}
`,
		contexts: []string{"SendStatus"},
	},
	{
		name: "status constants of other packages",
		src: `package main

import (
	"github.com/cloudwego/hertz/pkg/protocol/consts"
	"strings"
)

func h(c *Context) {
	c.SetStatusCode(«consts.StatusOK»)
	c.JSON(«consts.StatusCreated», nil)
	c.JSON(200, nil)
	_ = «consts.StatusTeapot»
	_ = consts.StatusWhatever
	_ = strings.Status
	_ = other.StatusOK
}
`,
		contexts: []string{"SetStatusCode", "JSON", ""},
	},
	{
		name: "chi render",
		src: `package main

import "github.com/go-chi/render"

func h(w writer, r *request) {
	render.Status(r, «201»)
	render.JSON(w, r, 200)
}
`,
		contexts: []string{"render.Status"},
	},
	{
		name: "fasthttp",
		src: `package main

import "github.com/valyala/fasthttp"

func h(ctx *fasthttp.RequestCtx) {
	ctx.SetStatusCode(«200»)
	ctx.Error("bad", «400»)
	ctx.Response.SetStatusCode(«fasthttp.StatusNotFound»)
	ctx.Error("bad")
}
`,
		contexts: []string{"SetStatusCode", "Error", "SetStatusCode"},
	},
	{
		name: "frameworks not imported",
		src: `package main

func h(c ctx) {
	c.JSON(200, nil)
	c.AbortWithStatus(401)
	c.NoContent(204)
	c.Status(201)
	c.SendStatus(404)
	c.SetStatusCode(200)
	c.Error("x", 500)
	_ = fiber.StatusOK
	_ = fasthttp.StatusOK
	_ = echo.NewHTTPError(400)
	render.Status(r, 201)
	assert.Equal(t, «200», rec.Code)
}
`,
		// An assert compares whatever package it comes from.
		contexts: []string{"Code =="},
	},
	{
		name: "swaggo annotations",
		src: `package main

// Get godoc
// @Summary get a thing
// @Success «200» {object} T
// @Failure «400»,«404» {object} E "bad"
// @Response default {object} E
// @failure	«500» {object} E
// @Header «201»,default {string} Location
// not @Success 200 here
// @Successful 200
// @Success {object} T
// @Router /things [get]
func Get() {}

/*
 * @Success «201» {object} T
@Failure «409» {object} E */

/* @Response «204» */
`,
		contexts: []string{"@Success", "@Failure", "@Failure", "@Failure", "@Header", "@Success", "@Failure", "@Response"},
	},
	{
		name: "half-typed call at end of file",
		src: `package main

import "net/http"

// @Success «200» {object} T
func a(w http.ResponseWriter) {
	w.WriteHeader(«http.StatusOK»)
}

func b(w http.ResponseWriter) {
	w.WriteHeader(`,
		contexts: []string{"@Success", "WriteHeader"},
		httpName: "http",
	},
	{
		name: "half-typed call before other functions",
		src: `package main

import "net/http"

func a(w http.ResponseWriter) {
	w.WriteHeader(«http.StatusOK»)
}

func b(w http.ResponseWriter) {
	w.WriteHeader(
}

func c(w http.ResponseWriter) {
	w.WriteHeader(«404»)
	_ = «http.StatusGone»
}
`,
		contexts: []string{"WriteHeader", "WriteHeader", ""},
		httpName: "http",
	},
	{
		name: "half-typed lines inside a function",
		src: `package main

import "net/http"

func a(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(«201»)
	http.
	if resp.StatusCode == «404» {
		x :=
		w.WriteHeader(«http.StatusOK»)
	}
	@@@ junk
	http.Error(w, "x", «500»)
	w.WriteHeader(«4»
	_ = «http.StatusAccepted»
}
`,
		contexts: []string{"WriteHeader", "StatusCode ==", "WriteHeader", "http.Error", "WriteHeader", ""},
		httpName: "http",
	},
	{
		name: "missing braces",
		src: `package main

import "net/http"

func a(w http.ResponseWriter, r *http.Request) {
	if r.Method == "GET" {
		w.WriteHeader(«201»)

func b(w http.ResponseWriter) {
	switch x.StatusCode {
	case «200»:
	http.Error(w, "x", «http.StatusConflict»)
}

var x = «http.StatusOK»
`,
		contexts: []string{"WriteHeader", "case StatusCode", "http.Error", ""},
		httpName: "http",
	},
	{
		name: "no package clause",
		src: `func a(w http.ResponseWriter) {
	w.WriteHeader(«201»)
}
`,
		contexts: []string{"WriteHeader"},
	},
	{
		name: "carriage returns and multi-byte text",
		src: "package main\r\n\r\nimport \"net/http\"\r\n\r\n/* é😀\r\n   @Success «200» */\r\n// café 😀\r\n" +
			"func h(w http.ResponseWriter) {\r\n\t/* é😀 */ w.WriteHeader(«404»)\r\n\t_ = `é\r\n`\r\n\tw.WriteHeader(«http.StatusOK»)\r\n}\r\n",
		contexts: []string{"@Success", "WriteHeader", "WriteHeader"},
		httpName: "http",
	},
}

func init() { recoverFlow = false }

func TestScan(t *testing.T) {
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			m := parseMarked(t, tc.src)
			want := expected(t, m, tc.contexts)
			f := Scan([]byte(m.text))
			if f.HTTPName != tc.httpName {
				t.Errorf("HTTPName %q, want %q", f.HTTPName, tc.httpName)
			}
			// Roles have their own test (TestRoles).
			got := append([]occurrence.Occurrence(nil), f.Occurrences...)
			for i := range got {
				got[i].Role = occurrence.Unresolved
			}
			for i := 0; i < len(got) || i < len(want); i++ {
				switch {
				case i >= len(got):
					t.Errorf("missing %s", describe(m.text, want[i]))
				case i >= len(want):
					t.Errorf("unexpected %s", describe(m.text, got[i]))
				case got[i] != want[i]:
					t.Errorf("got  %s\nwant %s", describe(m.text, got[i]), describe(m.text, want[i]))
				}
			}
		})
	}
}

func TestScanAnyInput(t *testing.T) {
	for _, src := range []string{"", "package", "package main", "\xff\xfe", "package p; import \"net/http\"; var _ = http.",
		"package p\nfunc f() { w.WriteHeader(404", "/*", "`", "package p\n// @Success 200", "package p; var _ = []int{" + strings.Repeat("(", 5000)} {
		checkScan(t, []byte(src))
	}
}

// checkScan checks what must hold for any input.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	f := scanPackage([]Source{{Src: src}}).files[0]
	prev := 0
	for i, o := range f.Occurrences {
		if o.Start < prev || o.Start >= o.End || o.End > len(src) {
			t.Fatalf("occurrence %d [%d,%d) out of order or bounds (previous end %d, size %d)", i, o.Start, o.End, prev, len(src))
		}
		prev = o.End
		text := string(src[o.Start:o.End])
		switch o.Kind {
		case occurrence.Literal:
			if v, err := strconv.ParseInt(text, 0, 64); err != nil || int(v) != o.Code {
				t.Fatalf("literal %q has code %d", text, o.Code)
			}
		case occurrence.Annotation:
			if v, err := strconv.Atoi(text); err != nil || v != o.Code {
				t.Fatalf("annotation %q has code %d", text, o.Code)
			}
		case occurrence.Constant:
			// A constant of the file's own package may have any name.
			if e, ok := catalog.ByConstant(trailingIdent(text)); ok && e.Code != o.Code {
				t.Fatalf("constant %q has code %d", text, o.Code)
			}
		default:
			t.Fatalf("occurrence %q of kind %d", text, o.Kind)
		}
	}
}

// trailingIdent returns the identifier at the end of s: the name of a
// selector written with blanks or comments around its dot.
func trailingIdent(s string) string {
	i := len(s)
	for i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1]) || s[i-1] == '_') {
		i--
	}
	return s[i:]
}

// TestRoles checks the role of each occurrence: «text» is followed by the
// role's name in the list, in source order.
func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		roles []occurrence.Role
	}{
		{"net/http", `package p

import "net/http"

const statusMoved = «http.StatusMovedPermanently»

// @Success «200» {object} T
func h(w http.ResponseWriter, r *http.Request, resp *http.Response) {
	w.WriteHeader(«404»)
	http.Error(w, http.StatusText(«500»), «http.StatusInternalServerError»)
	if resp.StatusCode != «http.StatusOK» {
		return
	}
	switch resp.StatusCode {
	case «201»:
	}
	_ = &http.Response{StatusCode: «202»}
	_ = «http.StatusTeapot»
}
`, []occurrence.Role{occurrence.Define, occurrence.Define, occurrence.Send, occurrence.Lookup, occurrence.Send,
			occurrence.Observe, occurrence.Observe, occurrence.Send, occurrence.Unresolved}},
		{"testify", `package p_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestH(t *testing.T) {
	assert.Equal(t, «http.StatusOK», rec.Code)
	assert.HTTPStatusCode(t, h, "GET", "/", nil, «204»)
}
`, []occurrence.Role{occurrence.Observe, occurrence.Observe}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := parseMarked(t, tc.src)
			f := Scan([]byte(m.text))
			if len(f.Occurrences) != len(tc.roles) {
				t.Fatalf("%d occurrences, want %d: %v", len(f.Occurrences), len(tc.roles), f.Occurrences)
			}
			for i, o := range f.Occurrences {
				if o.Role != tc.roles[i] || o.Start != m.spans[i][0] {
					t.Errorf("%s: role %v, want %v", describe(m.text, o), o.Role, tc.roles[i])
				}
			}
		})
	}
}

// TestScanPackage checks that a constant declared in another file of the
// package names a status where it stands in a status position.
func TestScanPackage(t *testing.T) {
	other := Source{Path: "codes.go", Src: []byte(`package p

import nethttp "net/http"

const (
	statusGone      = 299
	statusConflict  = nethttp.StatusConflict
	retries         = 3
	first           = iota
)
`)}
	m := parseMarked(t, `package p

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(«statusGone»)
	http.Error(w, "taken", «statusConflict»)
	for i := 0; i < retries; i++ {
	}
	_ = statusGone
}
`)
	files := []Source{other, {Path: "h.go", Src: []byte(m.text)}}
	f, syn := ScanPackage(files, 1)
	if !syn.OK {
		t.Fatalf("syntax error: %v", syn.Error)
	}
	want := []occurrence.Occurrence{
		{Start: m.spans[0][0], End: m.spans[0][1], Code: 299, Kind: occurrence.Constant, Role: occurrence.Send, Context: "WriteHeader"},
		{Start: m.spans[1][0], End: m.spans[1][1], Code: 409, Kind: occurrence.Constant, Role: occurrence.Send, Context: "http.Error"},
	}
	if len(f.Occurrences) != len(want) {
		t.Fatalf("occurrences %v, want %v", f.Occurrences, want)
	}
	for i := range want {
		if f.Occurrences[i] != want[i] {
			t.Errorf("got %s, want %s", describe(m.text, f.Occurrences[i]), describe(m.text, want[i]))
		}
	}
	if alone := Scan([]byte(m.text)); len(alone.Occurrences) != 0 {
		t.Errorf("the file alone should not know the constants: %v", alone.Occurrences)
	}
	if f, _ := ScanPackage(files, 2); len(f.Occurrences) != 0 {
		t.Errorf("an index out of range scans nothing, got %v", f.Occurrences)
	}
}

// TestSendSlots checks that every expression in a send position is
// listed, whether its code is known or not, and nothing else.
func TestSendSlots(t *testing.T) {
	m := parseMarked(t, `package p

import "net/http"

func h(w http.ResponseWriter, resp *http.Response, code int) {
	w.WriteHeader(«404»)
	w.WriteHeader(«statusFor(code)»)
	http.Error(w, http.StatusText(code), «code»)
	if resp.StatusCode == 200 {
		_ = &http.Response{StatusCode: «code»}
	}
}
`)
	f := Scan([]byte(m.text))
	if len(f.SendSlots) != len(m.spans) {
		t.Fatalf("send slots %v, want %v", f.SendSlots, m.spans)
	}
	for i, s := range f.SendSlots {
		if s.Start != m.spans[i][0] || s.End != m.spans[i][1] {
			t.Errorf("slot %d: %q, want %q", i, m.text[s.Start:s.End], m.text[m.spans[i][0]:m.spans[i][1]])
		}
	}
}
