package golang

import (
	"strings"
	"testing"
)

// cursor marks the cursor in completion fixtures.
const cursor = "‸"

const (
	httpHeader  = "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request, resp *http.Response) {\n"
	ginHeader   = "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc h(c *gin.Context) {\n"
	plainHeader = "package main\n\nfunc h() {\n"
)

type completionCase struct {
	name string
	src  string // with one cursor mark
	kind CompletionKind
	// word is the text the item replaces, src[Start:End].
	word                        string
	context, qualifier, httpNam string
}

var completionCases = []completionCase{
	// Constants after a qualifier.
	{name: "after http.", src: httpHeader + "\tx := http.‸\n}\n", kind: ConstantCompletion, qualifier: "http", httpNam: "http"},
	{name: "after http. at EOF", src: httpHeader + "\tx := http.‸", kind: ConstantCompletion, qualifier: "http", httpNam: "http"},
	{name: "http.Sta", src: httpHeader + "\tx := http.Sta‸\n}\n", kind: ConstantCompletion, word: "Sta", qualifier: "http", httpNam: "http"},
	{name: "cursor inside the name", src: httpHeader + "\tx := http.StatusNotF‸ound\n}\n", kind: ConstantCompletion, word: "StatusNotFound", qualifier: "http", httpNam: "http"},
	{name: "constant in a status argument", src: httpHeader + "\tw.WriteHeader(http.StatusN‸", kind: ConstantCompletion, word: "StatusN", context: "WriteHeader", qualifier: "http", httpNam: "http"},
	{name: "constant in http.Redirect", src: httpHeader + "\thttp.Redirect(w, r, \"/\", http.‸)\n}\n", kind: ConstantCompletion, context: "http.Redirect", qualifier: "http", httpNam: "http"},
	{name: "alias qualifier", src: "package main\n\nimport web \"net/http\"\n\nvar x = web.S‸", kind: ConstantCompletion, word: "S", qualifier: "web", httpNam: "web"},
	{name: "fasthttp qualifier", src: "package main\n\nimport \"github.com/valyala/fasthttp\"\n\nfunc h(ctx *fasthttp.RequestCtx) {\n\tctx.SetStatusCode(fasthttp.‸)\n}\n", kind: ConstantCompletion, context: "SetStatusCode", qualifier: "fasthttp"},
	{name: "fiber qualifier", src: "package main\n\nimport \"github.com/gofiber/fiber/v2\"\n\nfunc h(c *fiber.Ctx) error {\n\treturn c.SendStatus(fiber.Status‸", kind: ConstantCompletion, word: "Status", context: "SendStatus", qualifier: "fiber"},
	{name: "dot-imported constant", src: "package main\n\nimport . \"net/http\"\n\nvar x = StatusNo‸\n", kind: ConstantCompletion, word: "StatusNo", qualifier: ".", httpNam: "."},
	{name: "dot-imported constant, two letters", src: "package main\n\nimport . \"net/http\"\n\nvar x = St‸", kind: ConstantCompletion, word: "St", qualifier: ".", httpNam: "."},
	{name: "bare Status without a dot import", src: httpHeader + "\tx := StatusNo‸\n}\n"},
	{name: "dot import, another word", src: "package main\n\nimport . \"net/http\"\n\nvar x = Handle‸\n"},
	{name: "dot import, a field named Status", src: "package main\n\nimport . \"net/http\"\n\nvar x = r.Status‸\n"},
	{name: "http.Re is not a status constant", src: httpHeader + "\thttp.Re‸\n}\n"},
	{name: "other package", src: httpHeader + "\tjson.‸\n}\n"},
	{name: "http not imported", src: plainHeader + "\tx := http.‸\n}\n"},
	{name: "field of a field", src: httpHeader + "\tx := a.http.‸\n}\n"},

	// Codes in call arguments.
	{name: "WriteHeader( at EOF", src: httpHeader + "\tw.WriteHeader(‸", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "WriteHeader() before the closing paren", src: httpHeader + "\tw.WriteHeader(‸)\n}\n", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "partial number", src: httpHeader + "\tw.WriteHeader(40‸)\n}\n", kind: CodeCompletion, word: "40", context: "WriteHeader", httpNam: "http"},
	{name: "cursor inside a number", src: httpHeader + "\tw.WriteHeader(4‸04)\n}\n", kind: CodeCompletion, word: "404", context: "WriteHeader", httpNam: "http"},
	{name: "partial identifier", src: httpHeader + "\tw.WriteHeader(Sta‸\n}\n", kind: CodeCompletion, word: "Sta", context: "WriteHeader", httpNam: "http"},
	{name: "http.Error third argument", src: httpHeader + "\thttp.Error(w, \"x\", ‸", kind: CodeCompletion, context: "http.Error", httpNam: "http"},
	{name: "http.Error with a call before", src: httpHeader + "\thttp.Error(w, fmt.Sprint(a, b), 5‸)\n}\n", kind: CodeCompletion, word: "5", context: "http.Error", httpNam: "http"},
	{name: "http.Error second argument", src: httpHeader + "\thttp.Error(w, ‸"},
	{name: "http.Redirect", src: httpHeader + "\thttp.Redirect(w, r, \"/login\", ‸)\n}\n", kind: CodeCompletion, context: "http.Redirect", httpNam: "http"},
	{name: "http.StatusText", src: httpHeader + "\t_ = http.StatusText(‸", kind: CodeCompletion, context: "http.StatusText", httpNam: "http"},
	{name: "nested in another call", src: httpHeader + "\tlog.Print(f(w.WriteHeader(‸", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "call in a func literal argument", src: httpHeader + "\tmux.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(‸\n", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "abandoned call on an earlier line", src: httpHeader + "\tfoo(\n\tx := 1\n\tw.WriteHeader(‸", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "alias spelling", src: "package main\n\nimport web \"net/http\"\n\nfunc h(w web.ResponseWriter) {\n\tweb.Error(w, \"x\", ‸", kind: CodeCompletion, context: "web.Error", httpNam: "web"},
	{name: "dot import", src: "package main\n\nimport . \"net/http\"\n\nfunc h(w ResponseWriter) {\n\tError(w, \"x\", ‸", kind: CodeCompletion, context: "Error", httpNam: "."},
	{name: "gin JSON", src: ginHeader + "\tc.JSON(‸", kind: CodeCompletion, context: "JSON"},
	{name: "gin AbortWithStatusJSON", src: ginHeader + "\tc.AbortWithStatusJSON(‸, gin.H{})\n}\n", kind: CodeCompletion, context: "AbortWithStatusJSON"},
	{name: "gin JSON second argument", src: ginHeader + "\tc.JSON(200, ‸"},
	{name: "gin not imported", src: plainHeader + "\tc.JSON(‸"},
	{name: "echo.NewHTTPError", src: "package main\n\nimport \"github.com/labstack/echo/v4\"\n\nfunc h() error {\n\treturn echo.NewHTTPError(‸", kind: CodeCompletion, context: "echo.NewHTTPError"},
	{name: "fasthttp ctx.Error", src: "package main\n\nimport \"github.com/valyala/fasthttp\"\n\nfunc h(ctx *fasthttp.RequestCtx) {\n\tctx.Error(\"bad\", ‸", kind: CodeCompletion, context: "Error"},
	{name: "chi render.Status", src: "package main\n\nimport \"github.com/go-chi/render\"\n\nfunc h() {\n\trender.Status(r, ‸", kind: CodeCompletion, context: "render.Status"},
	{name: "testify expected before actual", src: "package main\n\nimport \"github.com/stretchr/testify/assert\"\n\nfunc TestX(t *testing.T) {\n\tassert.Equal(t, ‸, rec.Code)\n}\n", kind: CodeCompletion, context: "assert.Equal"},
	{name: "testify actual before expected", src: "package main\n\nimport \"github.com/stretchr/testify/require\"\n\nfunc TestX(t *testing.T) {\n\trequire.Equal(t, resp.StatusCode, 2‸", kind: CodeCompletion, word: "2", context: "require.Equal"},
	{name: "testify without a code selector", src: "package main\n\nimport \"github.com/stretchr/testify/assert\"\n\nfunc TestX(t *testing.T) {\n\tassert.Equal(t, ‸, len(x))\n}\n"},

	// Comparisons, composite literals, switches.
	{name: "StatusCode ==", src: httpHeader + "\tif resp.StatusCode == ‸", kind: CodeCompletion, context: "StatusCode ==", httpNam: "http"},
	{name: "Code != with a partial number", src: httpHeader + "\tif rec.Code != 2‸ {\n\t}\n}\n", kind: CodeCompletion, word: "2", context: "Code !=", httpNam: "http"},
	{name: "StatusCode = assignment", src: httpHeader + "\tresp.StatusCode = ‸", kind: CodeCompletion, context: "StatusCode =", httpNam: "http"},
	{name: "comparison with another field", src: httpHeader + "\tif resp.Status == ‸"},
	{name: "composite StatusCode:", src: httpHeader + "\t_ = &http.Response{StatusCode: ‸", kind: CodeCompletion, context: "StatusCode:", httpNam: "http"},
	{name: "composite Code: after other fields", src: httpHeader + "\t_ = Recorder{\n\t\tBody: nil,\n\t\tCode: 20‸,\n\t}\n}\n", kind: CodeCompletion, word: "20", context: "Code:", httpNam: "http"},
	{name: "composite other field", src: httpHeader + "\t_ = &http.Response{Status: ‸"},
	{name: "switch case", src: httpHeader + "\tswitch resp.StatusCode {\n\tcase ‸", kind: CodeCompletion, context: "case StatusCode", httpNam: "http"},
	{name: "switch second case value", src: httpHeader + "\tswitch resp.StatusCode {\n\tcase 200:\n\t\treturn\n\tcase 201, ‸:\n\t}\n}\n", kind: CodeCompletion, context: "case StatusCode", httpNam: "http"},
	{name: "switch on a call result", src: httpHeader + "\tswitch get(x).Code {\n\tcase 4‸", kind: CodeCompletion, word: "4", context: "case Code", httpNam: "http"},
	{name: "switch on something else", src: httpHeader + "\tswitch x {\n\tcase ‸"},
	{name: "case body", src: httpHeader + "\tswitch resp.StatusCode {\n\tcase 200:\n\t\t‸"},
	{name: "case Code: label is no composite key", src: httpHeader + "\tswitch x {\n\tcase a, Code: ‸"},

	// Not a status position.
	{name: "loop bound", src: plainHeader + "\tfor i := 0; i < ‸; i++ {}\n}\n"},
	{name: "short variable declaration", src: plainHeader + "\tx := ‸"},
	{name: "time.Sleep", src: plainHeader + "\ttime.Sleep(‸"},
	{name: "expression in argument", src: httpHeader + "\tw.WriteHeader(x + ‸"},
	{name: "inside a string", src: httpHeader + "\tw.WriteHeader(\"4‸\")\n}\n"},
	{name: "inside an unterminated string", src: httpHeader + "\tw.WriteHeader(\"‸"},
	{name: "inside a raw string", src: httpHeader + "\t_ = `w.WriteHeader(‸`\n}\n"},
	{name: "inside a line comment", src: httpHeader + "\t// w.WriteHeader(‸\n}\n"},
	{name: "end of a line comment at EOF", src: httpHeader + "\t// w.WriteHeader(‸"},
	{name: "inside a block comment", src: httpHeader + "\t/* w.WriteHeader(‸ */\n}\n"},
	{name: "after a block comment", src: httpHeader + "\tw.WriteHeader(/* code */ ‸", kind: CodeCompletion, context: "WriteHeader", httpNam: "http"},
	{name: "inside an operator", src: httpHeader + "\tif resp.StatusCode =‸= 200 {}\n}\n"},
	{name: "word qualifying a selector", src: httpHeader + "\tw.WriteHeader(ht‸tp.StatusOK)\n}\n"},
	{name: "method declaration", src: "package main\n\nimport \"net/http\"\n\nfunc (x *rw) WriteHeader(‸"},
	{name: "empty file", src: "‸"},
}

func TestCompletionAt(t *testing.T) {
	for _, tc := range completionCases {
		t.Run(tc.name, func(t *testing.T) {
			at := strings.Index(tc.src, cursor)
			if at < 0 || strings.Count(tc.src, cursor) != 1 {
				t.Fatalf("fixture needs exactly one %s", cursor)
			}
			src := tc.src[:at] + tc.src[at+len(cursor):]
			c := CompletionAt([]byte(src), at)
			if c.Kind != tc.kind {
				t.Fatalf("kind %d, want %d (%+v)", c.Kind, tc.kind, c)
			}
			if tc.kind == NoCompletion {
				if c != (Completion{}) {
					t.Errorf("no completion carries data: %+v", c)
				}
				return
			}
			if c.Start > at || at > c.End || c.End > len(src) {
				t.Fatalf("range [%d,%d) does not hold the cursor %d", c.Start, c.End, at)
			}
			if got := src[c.Start:c.End]; got != tc.word {
				t.Errorf("replaces %q, want %q", got, tc.word)
			}
			if c.Prefix != src[c.Start:at] {
				t.Errorf("prefix %q, want %q", c.Prefix, src[c.Start:at])
			}
			if c.Context != tc.context || c.Qualifier != tc.qualifier || c.HTTPName != tc.httpNam {
				t.Errorf("context %q qualifier %q httpName %q, want %q %q %q", c.Context, c.Qualifier, c.HTTPName, tc.context, tc.qualifier, tc.httpNam)
			}
		})
	}
}

func TestCompletionAtAnyOffset(t *testing.T) {
	for _, tc := range completionCases {
		src := []byte(strings.Replace(tc.src, cursor, "", 1))
		for off := -3; off <= len(src)+3; off++ {
			checkCompletion(t, src, off)
		}
	}
}

// checkCompletion checks what must hold for any input and offset, for a
// scan from the start and from the declaration before the cursor.
func checkCompletion(t *testing.T, src []byte, offset int) {
	t.Helper()
	checkCompletionFrom(t, src, 0, offset)
	from := 0
	for _, d := range Scan(src).declStarts {
		if d < offset {
			from = d
		}
	}
	checkCompletionFrom(t, src, from, offset)
}

func checkCompletionFrom(t *testing.T, src []byte, from, offset int) {
	t.Helper()
	c := completionAt(src, from, offset)
	cur := max(0, min(offset, len(src)))
	if c.Kind == NoCompletion {
		if c != (Completion{}) {
			t.Fatalf("offset %d: no completion carries data: %+v", offset, c)
		}
		return
	}
	if c.Kind != ConstantCompletion && c.Kind != CodeCompletion {
		t.Fatalf("offset %d: kind %d", offset, c.Kind)
	}
	if c.Start < 0 || c.Start > cur || cur > c.End || c.End > len(src) {
		t.Fatalf("offset %d: range [%d,%d) does not hold the cursor %d (size %d)", offset, c.Start, c.End, cur, len(src))
	}
	if c.Prefix != string(src[c.Start:cur]) {
		t.Fatalf("offset %d: prefix %q, want %q", offset, c.Prefix, src[c.Start:cur])
	}
	if c.Kind == ConstantCompletion && (c.Qualifier == "" || !strings.HasPrefix("Status", c.Prefix) && !strings.HasPrefix(c.Prefix, "Status")) {
		t.Fatalf("offset %d: constant completion with qualifier %q and prefix %q", offset, c.Qualifier, c.Prefix)
	}
}

// TestCompletionFromDeclaration: in a file that parses, a completion that
// scans from the declaration before the cursor finds what a scan from the
// start finds, at every offset of a file of many handlers.
func TestCompletionFromDeclaration(t *testing.T) {
	src := handlerFile(250)
	f := Scan(src)
	blocks := strings.Count(string(src), "func Gin")
	if len(f.declStarts) != 3*blocks {
		t.Fatalf("%d declarations found in %d blocks of three", len(f.declStarts), blocks)
	}
	found := 0
	for off := 0; off <= len(src); off++ {
		got, want := f.CompletionAt(src, off), CompletionAt(src, off)
		if got != want {
			t.Fatalf("at %d: %+v, want %+v", off, got, want)
		}
		if got.Kind != NoCompletion {
			found++
		}
	}
	if found < blocks*9 {
		t.Errorf("completions at %d offsets, want at least one per status position", found)
	}
}

// TestCompletionReadsOneDeclaration: a completion in a large file reads
// the declaration it is in, not the file: it makes a small fraction of the
// allocations of a scan from the start.
func TestCompletionReadsOneDeclaration(t *testing.T) {
	src := handlerFile(5000)
	at := strings.LastIndex(string(src), "c.JSON(") + len("c.JSON(")
	f := Scan(src)
	whole := testing.AllocsPerRun(3, func() { CompletionAt(src, at) })
	local := testing.AllocsPerRun(3, func() { f.CompletionAt(src, at) })
	if local*20 > whole {
		t.Errorf("%.0f allocations from the declaration, %.0f from the start", local, whole)
	}
}
