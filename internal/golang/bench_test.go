package golang

import (
	"fmt"
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

func BenchmarkScan(b *testing.B) {
	src := handlerFile(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
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
