package golang

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// handlerFile generates a file of about lines lines of handlers in the
// styles the scanner knows: net/http, gin, comparisons, switches,
// composite literals, testify and swaggo annotations.
func handlerFile(lines int) []byte {
	var b strings.Builder
	b.WriteString(`package api

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/assert"
)

`)
	for i := 0; strings.Count(b.String(), "\n") < lines; i++ {
		fmt.Fprintf(&b, `// Get%[1]d godoc
// @Summary get item %[1]d
// @Success 200 {object} Item
// @Failure 400,404 {object} Error
// @Router /items/%[1]d [get]
func Get%[1]d(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method", http.StatusMethodNotAllowed)
		return
	}
	for i := 0; i < 10; i++ {
		_ = i * 200
	}
	resp, err := http.Get("http://example.com/%[1]d")
	if err != nil {
		http.Error(w, err.Error(), 502)
		return
	}
	switch resp.StatusCode {
	case 200, 201:
		w.WriteHeader(http.StatusOK)
	case http.StatusNotFound:
		http.Redirect(w, r, "/missing", 307)
	default:
		w.WriteHeader(500)
	}
	_ = json.NewEncoder(w).Encode(&http.Response{StatusCode: 204})
}

func Gin%[1]d(c *gin.Context) {
	if c.Writer.Status() == 404 {
		c.AbortWithStatusJSON(http.StatusNotFound, gin.H{"id": %[1]d})
		return
	}
	c.JSON(200, gin.H{"id": %[1]d})
}

func TestGet%[1]d(t *testing.T) {
	rec := httptest.NewRecorder()
	Get%[1]d(rec, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, 200, rec.Code)
}

`, i)
	}
	return []byte(b.String())
}

// BenchmarkScan and BenchmarkScanBroken scan a file from empty caches.
func BenchmarkScan(b *testing.B) {
	src := handlerFile(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		resetCaches()
		Scan(src)
	}
}

func BenchmarkScanBroken(b *testing.B) {
	src := handlerFile(5000)
	// An unclosed call in the middle makes Scan parse declaration by
	// declaration.
	i := len(src) / 2
	src = append(append(append([]byte{}, src[:i]...), "\nfunc x() { w.WriteHeader(\n"...), src[i:]...)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		resetCaches()
		Scan(src)
	}
}

// BenchmarkCompletionAt completes near the end of a file of 5,000 lines,
// scanning from its start and, as the server does, from the declaration
// before the cursor.
func BenchmarkCompletionAt(b *testing.B) {
	src := handlerFile(5000)
	at := strings.LastIndex(string(src), "c.JSON(") + len("c.JSON(")
	b.Run("from start", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			CompletionAt(src, at)
		}
	})
	f := Scan(src)
	b.Run("from declaration", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f.CompletionAt(src, at)
		}
	})
}

func TestHandlerFile(t *testing.T) {
	src := handlerFile(5000)
	f := Scan(src)
	// Per generated block: 3 annotation codes, 9 in Get, 3 in Gin, 1 in
	// the test.
	blocks := strings.Count(string(src), "func Gin")
	if want := blocks * 16; len(f.Occurrences) != want {
		t.Errorf("%d occurrences in %d blocks, want %d", len(f.Occurrences), blocks, want)
	}
	if c := CompletionAt(src, strings.LastIndex(string(src), "c.JSON(")+len("c.JSON(")); c.Kind != CodeCompletion || c.Context != "JSON" {
		t.Errorf("completion in c.JSON(: %+v", c)
	}
}

// packageFiles generates a package of n files of about lines lines each,
// with a helper in one file that the others call.
func packageFiles(n, lines int) []Source {
	files := []Source{{Path: "helpers.go", Src: []byte(`package api

import "net/http"

func respond(w http.ResponseWriter, code int) { w.WriteHeader(code) }
`)}}
	for i := 1; i < n; i++ {
		src := strings.Replace(string(handlerFile(lines)), "func Get", fmt.Sprintf("func F%d_Get", i), -1)
		src = strings.Replace(src, "func Gin", fmt.Sprintf("func F%d_Gin", i), -1)
		src = strings.Replace(src, "func TestGet", fmt.Sprintf("func TestF%d_Get", i), -1)
		src = strings.Replace(src, "Get%d(rec", fmt.Sprintf("F%d_Get%%d(rec", i), -1)
		files = append(files, Source{Path: fmt.Sprintf("h%d.go", i), Src: []byte(src)})
	}
	return files
}

// resetCaches empties the parse and package caches.
func resetCaches() {
	parses.mu.Lock()
	parses.byKey, parses.byPath, parses.bytes, parses.fset = nil, nil, 0, nil
	parses.mu.Unlock()
	packages.mu.Lock()
	packages.keys, packages.results, packages.versions, packages.pathsOf = nil, map[uint64]*packageResult{}, nil, nil
	packages.mu.Unlock()
}

// BenchmarkScanPackage scans every file of a package of 40 files once, as
// check does, from empty caches; the baselines are parsing each file once
// (the floor) and scanning each file with its package analysed anew each
// time (what the caches save). "edit" scans one file of the package again
// after a change to it, the other files cached.
func BenchmarkScanPackage(b *testing.B) {
	files := packageFiles(40, 400)
	var size int64
	for _, f := range files {
		size += int64(len(f.Src))
	}
	b.Run("parse each file", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range files {
				_, _ = parser.ParseFile(token.NewFileSet(), f.Path, f.Src, parser.ParseComments|parser.SkipObjectResolution)
			}
		}
	})
	b.Run("each file, package cached", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			resetCaches()
			for i := range files {
				ScanPackage(files, i)
			}
		}
	})
	b.Run("each file, package anew", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for i := range files {
				resetCaches()
				ScanPackage(files, i)
			}
		}
	})
	b.Run("edit", func(b *testing.B) {
		resetCaches()
		edited := append([]Source(nil), files...)
		for b.Loop() {
			edits++
			edited[1] = Source{Path: files[1].Path, Src: append(append([]byte(nil), files[1].Src...), fmt.Sprintf("\nvar _ = %d\n", edits)...)}
			ScanPackage(edited, 1)
		}
	})
}

// edits numbers the edits of the benchmarks, so that no two runs scan the
// same text and a cache hit cannot pass for a scan.
var edits int

// BenchmarkEditLargeFile scans a file of 20,000 lines after each edit (a
// line appended, so that no cache holds it), against parsing it alone.
func BenchmarkEditLargeFile(b *testing.B) {
	src := handlerFile(20000)
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			_, _ = parser.ParseFile(token.NewFileSet(), "", src, parser.ParseComments|parser.SkipObjectResolution)
		}
	})
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			edits++
			ScanPackage([]Source{{Path: "big.go", Src: append(append([]byte(nil), src...), fmt.Sprintf("\nvar _ = %d\n", edits)...)}}, 0)
		}
	})
}
