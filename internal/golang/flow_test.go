package golang

import (
	"strings"
	"sync"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// flowCase is a package whose last file is scanned: each «» of that file
// is an expected occurrence, described in want as "role context", with
// " boundary" for a class boundary.
type flowCase struct {
	name  string
	other []Source
	path  string
	src   string
	want  []string
}

var flowCases = []flowCase{
	{name: "locals", src: `package p

import "net/http"

func h(w http.ResponseWriter, err error) {
	code := «999»
	w.WriteHeader(code)
	status := «200»
	if err != nil {
		status = «503»
	}
	w.WriteHeader(status)
	n := 300
	for i := 0; i < n; i++ {
	}
}

func other() int {
	code := 404
	return code
}
`, want: []string{"send WriteHeader", "send WriteHeader", "send WriteHeader"}},
	{name: "test table fields", path: "h_test.go", src: `package p

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestH(t *testing.T) {
	tests := []struct {
		name       string
		statusCode int
		retries    int
	}{
		{name: "ok", statusCode: «200», retries: 3},
		{"bad", «400», 500},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		assert.Equal(t, tt.statusCode, rec.Code)
	}
}
`, want: []string{"observe assert.Equal", "observe assert.Equal"}},
	{name: "helper parameters", src: `package p

import "net/http"

func verifyResponse(t T, resp *http.Response, want int, body string) {
	if resp.StatusCode != want {
		t.Fatal(body)
	}
}

func writeError(w http.ResponseWriter, code int, msg string) { http.Error(w, msg, code) }

func repeat(s string, n int) string { return s }

func h(t T, w http.ResponseWriter, resp *http.Response) {
	verifyResponse(t, resp, «200», "x")
	writeError(w, «418», "teapot")
	_ = repeat("x", 200)
}
`, want: []string{"observe verifyResponse", "send writeError"}},
	{name: "switch on a plain int", src: `package p

import "net/http"

func text(code int) string {
	switch code {
	case «404»:
		return "missing"
	case «500», «503»:
		return "down"
	}
	switch len(code) {
	case 200:
	}
	return ""
}

func h(resp *http.Response) string { return text(resp.StatusCode) }
`, want: []string{"observe code ==", "observe code ==", "observe code =="}},
	{name: "ordering comparisons", src: `package p

import "net/http"

func h(resp *http.Response, items []int) bool {
	code := resp.StatusCode
	if code >= «200» && code < «300» {
		return true
	}
	if len(items) > 400 {
		return false
	}
	return resp.StatusCode >= «400» || resp.StatusCode == «418» || resp.StatusCode > «418»
}
`, want: []string{"observe code >= boundary", "observe code < boundary", "observe StatusCode >= boundary", "observe StatusCode ==", "observe StatusCode >"}},
	{name: "fiber assert", path: "app_test.go", src: `package fiber

import (
	"testing"

	"github.com/gofiber/fiber/v2/utils"
)

func Test_App(t *testing.T) {
	resp, err := app.Test(req)
	utils.AssertEqual(t, nil, err)
	utils.AssertEqual(t, «200», resp.StatusCode, "Status code")
	utils.AssertEqual(t, «StatusOK», resp.StatusCode)
	utils.AssertEqual(t, 5, len(body))
}
`, want: []string{"observe StatusCode ==", "observe StatusCode =="}},
	{name: "results", src: `package p

import "net/http"

type apiError struct{ msg string }

func (e *apiError) StatusCode() int { return «404» }

func statusFor(err error) int {
	if err == nil {
		return «200»
	}
	return «500»
}

func count() int { return 200 }

func h(w http.ResponseWriter, err error) {
	w.WriteHeader(statusFor(err))
	_ = count()
}
`, want: []string{"send StatusCode()", "send WriteHeader", "send WriteHeader"}},
	{name: "status text table", src: `package p

import "net/http"

var statusText = map[int]string{
	«200»: "OK",
	«404»: "Not Found",
}

var sizes = map[int]string{200: "small"}

var kinds = map[int]string{«201»: "made"}

func h(resp *http.Response) string {
	return statusText[resp.StatusCode] + sizes[3] + kinds[resp.StatusCode]
}
`, want: []string{"define table", "define table", "define table"}},
	{name: "gin inside gin", src: `package gin

func (c *Context) h() {
	c.String(«200», "x")
	c.AbortWithStatus(«401»)
}
`, want: []string{"send String", "send AbortWithStatus"}},
	{name: "huma", src: `package p

import "github.com/danielgtaylor/huma/v2"

func h(ctx huma.Context) error {
	ctx.SetStatus(«299»)
	_ = huma.NewError(0, "an example error, for its type")
	return huma.NewError(«422», "invalid")
}
`, want: []string{"send SetStatus", "send huma.NewError"}},
	{name: "fiber's own constants",
		other: []Source{{Path: "helpers.go", Src: []byte("package fiber\n\nconst (\n\tStatusOK = 200\n\tStatusNonAuthoritativeInformation = 203\n\tMaxAge = 100\n)\n")}},
		src: `package fiber

func (c *Ctx) h() error {
	if c.Response().StatusCode() == «StatusOK» {
		return c.Redirect("/x", «302»)
	}
	_ = MaxAge
	_ = «StatusNonAuthoritativeInformation»
	return c.SendStatus(«StatusOK»)
}
`, want: []string{"observe StatusCode() ==", "send Redirect", "unresolved ", "send SendStatus"}},
	{name: "names that say status", src: `package p

func h(c *Client) {
	statusCode, _, err := c.Get(nil, "http://example.com")
	if err == nil && statusCode != «200» {
		panic(statusCode)
	}
	count, _, _ := c.Get(nil, "")
	if count != 200 {
	}
}
`, want: []string{"observe statusCode !="}},
	{name: "lists, variadic codes and function literals", src: `package p

import (
	"net/http"
	"testing"
)

func requireCodes(resp *http.Response, codes ...int) bool {
	for _, code := range codes {
		if resp.StatusCode == code {
			return true
		}
	}
	return false
}

func TestX(t *testing.T, resp *http.Response) {
	requireCodes(resp, «204», «200»)
	expected := []int{«http.StatusOK», «301»}
	expected = append(expected, «302»)
	for i := range expected {
		if resp.StatusCode != expected[i] {
			t.Fatal(i)
		}
	}
	sizes := []int{100, 200}
	_ = sizes[0] + len(sizes)
	var size int
	for _, size = range sizes {
	}
	for range sizes {
	}
	waitResponse := func(want int) {
		if resp.StatusCode != want {
			t.Errorf("got %d, want %d", resp.StatusCode, «http.StatusTeapot»)
		}
	}
	waitResponse(«503»)
}
`, want: []string{"observe requireCodes", "observe requireCodes", "observe StatusCode !=", "observe StatusCode !=", "observe StatusCode !=",
		"observe StatusCode ==", "observe waitResponse"}},
	{name: "other packages' errors, built responses and test tables", path: "x_test.go", src: `package p

import (
	"net/http"
	"testing"

	"example.com/caddyhttp"
)

type ErrorResponse struct {
	StatusCode int
	Message    string
}

func h() error {
	if true {
		return caddyhttp.Error(«http.StatusBadGateway», nil)
	}
	return ErrorResponse{StatusCode: «http.StatusBadRequest»}
}

func notFound(err error) bool {
	e, ok := err.(ErrorResponse)
	return ok && e.StatusCode == «http.StatusNotFound»
}

type matcher struct{ StatusCode []int }

func TestZ(w http.ResponseWriter) {
	_ = matcher{StatusCode: []int{«200», «201», 2}}
}

func TestY(t *testing.T, rec *Recorder) {
	for _, tc := range []struct{ Code int }{{Code: «404»}} {
		if rec.Code != tc.Code {
			t.Fatal(tc)
		}
		if rec.Code == 0 {
			t.Fatal("unset")
		}
	}
}
`, want: []string{"send Error", "send StatusCode:", "observe StatusCode ==", "unresolved StatusCode:", "unresolved StatusCode:", "observe Code !="}},
	{name: "only another package's error", src: `package p

import "example.com/caddyhttp"

func h(err error) error {
	code := «502»
	return caddyhttp.Error(code, err)
}
`, want: []string{"send Error"}},
	{name: "package constants and tests of the package",
		other: []Source{
			{Path: "codes.go", Src: []byte("package p\n\nimport \"net/http\"\n\nconst GoneForGood = 299\n\nfunc Respond(w http.ResponseWriter, code int) { w.WriteHeader(code) }\n")},
		},
		path: "p_test.go",
		src: `package p_test

import (
	"testing"

	"example.com/p"
)

func TestRespond(t *testing.T) {
	p.Respond(w, «201»)
	p.Respond(w, «p.GoneForGood»)
	code := 5
	_ = code
}
`, want: []string{"send Respond", "send Respond"}},
}

func TestFlow(t *testing.T) {
	for _, tc := range flowCases {
		t.Run(tc.name, func(t *testing.T) {
			m := parseMarked(t, tc.src)
			files := append(append([]Source(nil), tc.other...), Source{Path: tc.path, Src: []byte(m.text)})
			r := scanPackage(files)
			f, syn := r.files[len(files)-1], r.syntax(len(files)-1)
			if !syn.OK {
				t.Fatalf("syntax error %v", syn.Error)
			}
			if len(syn.Package) != len(tc.other) {
				t.Errorf("Syntax.Package has %d files, want %d", len(syn.Package), len(tc.other))
			}
			var got []string
			for _, o := range f.Occurrences {
				d := o.Role.String() + " " + o.Context
				if o.Boundary {
					d += " boundary"
				}
				got = append(got, m.text[o.Start:o.End]+": "+d)
			}
			var want []string
			for i, sp := range m.spans {
				if i < len(tc.want) {
					want = append(want, m.text[sp[0]:sp[1]]+": "+tc.want[i])
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

func TestLibraryErrors(t *testing.T) {
	m := parseMarked(t, `package echo

import "net/http"

// Error418Teapot returns a 418.
func Error418Teapot(msg string) error { return NewHTTPError(«http.StatusTeapot», msg) }

var (
	ErrTeapot   = NewHTTPError(«http.StatusTeapot»)
	errInternal = NewHTTPError(«http.StatusTeapot»)
)

func teapot(w http.ResponseWriter) { w.WriteHeader(«418») }
`)
	f := scanPackage([]Source{{Src: []byte(m.text)}}).files[0]
	want := []bool{true, true, false, false}
	if len(f.Occurrences) != len(want) {
		t.Fatalf("occurrences %v, want %d", f.Occurrences, len(want))
	}
	for i, o := range f.Occurrences {
		if o.Role != occurrence.Send || f.LibraryError(o) != want[i] {
			t.Errorf("%s at %d: %v, library error %v, want send, %v", m.text[o.Start:o.End], o.Start, o.Role, f.LibraryError(o), want[i])
		}
	}
}

// The caches: scanning each file of a package analyses it once, and an
// edit of one file parses that file alone again.
func TestScanPackageCaches(t *testing.T) {
	files := packageFiles(4, 60)
	f0, syn0 := ScanPackage(files, 0)
	if again, _ := ScanPackage(files, 0); again != f0 {
		t.Error("the same files scanned again were analysed again")
	}
	if len(syn0.Package) != len(files)-1 {
		t.Fatalf("Syntax.Package has %d files, want %d", len(syn0.Package), len(files)-1)
	}
	edited := append([]Source(nil), files...)
	edited[2] = Source{Path: files[2].Path, Src: append(append([]byte(nil), files[2].Src...), "\nvar _ = 1\n"...)}
	_, syn := ScanPackage(edited, 0)
	for j, pf := range syn.Package {
		same := pf.File == syn0.Package[j].File
		if edit := pf.Path == files[2].Path; same == edit {
			t.Errorf("%s: tree shared with the scan before the edit: %v", pf.Path, same)
		}
	}
}

// Files of one package scanned at once (the server answers requests
// concurrently, check runs jobs in parallel) share the caches safely and
// wait for one analysis of the package.
func TestScanPackageConcurrent(t *testing.T) {
	files := packageFiles(6, 40)
	want := make([]int, len(files))
	for i := range files {
		f, _ := ScanPackage(files, i)
		want[i] = len(f.Occurrences)
	}
	resetCaches()
	var wg sync.WaitGroup
	got := make([]*File, len(files)*3)
	for k := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[k], _ = ScanPackage(files, k%len(files))
		}()
	}
	wg.Wait()
	for k, f := range got {
		i := k % len(files)
		if len(f.Occurrences) != want[i] {
			t.Errorf("file %d: %d occurrences, want %d", i, len(f.Occurrences), want[i])
		}
		if f != got[i] {
			t.Errorf("file %d: analysed more than once", i)
		}
	}
}

// When the file set in use is full, the next package is parsed into a new
// one whole; trees handed out before keep their positions.
func TestScanPackageFileSets(t *testing.T) {
	files := packageFiles(3, 40)
	_, before := ScanPackage(files, 0)
	parses.mu.Lock()
	parses.fsetBytes = maxFileSetBytes + 1
	parses.mu.Unlock()
	edited := append([]Source(nil), files...)
	edited[1] = Source{Path: files[1].Path, Src: append(append([]byte(nil), files[1].Src...), "\nvar _ = 2\n"...)}
	_, after := ScanPackage(edited, 0)
	if after.Fset == before.Fset {
		t.Fatal("no new file set")
	}
	for _, pf := range after.Package {
		if pf.Fset != after.Fset || pf.Fset.File(pf.File.Package) == nil {
			t.Errorf("%s: parsed into another file set", pf.Path)
		}
	}
	if before.Fset.File(before.File.Package) == nil {
		t.Error("the earlier tree lost its positions")
	}
}
