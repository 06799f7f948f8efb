package lint

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// bigSpec generates an OpenAPI 3.0 document of about lines lines, with
// something for every rule to find.
func bigSpec(lines int) []byte {
	var b bytes.Buffer
	b.WriteString("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n")
	for i := 0; bytes.Count(b.Bytes(), []byte("\n")) < lines; i++ {
		fmt.Fprintf(&b, `  /things%d:
    post:
      requestBody:
        content:
          application/json: {schema: {type: object}}
      responses:
        '200':
          description: OK
          content:
            application/json: {schema: {type: object}}
        201:
          description: Created
        '299':
          description: Custom
  /things%d/{id}:
    get:
      responses:
        '200':
          description: Created
        '302':
          description: Found
        '429':
          description: Too Many Requests
          headers:
            retry-after: {schema: {type: integer}}
    delete:
      responses:
        '204':
          description: No Content
          content:
            application/json: {}
        '404':
          $ref: '#/components/responses/NotFound'
`, i, i)
	}
	b.WriteString("components:\n  responses:\n    NotFound:\n      description: Not Found\n")
	return b.Bytes()
}

func BenchmarkOpenAPIRules50k(b *testing.B) {
	src := bigSpec(50000)
	doc := openapi.Parse(src)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		n = len(OpenAPI(doc, Options{}))
	}
	b.ReportMetric(float64(n), "findings")
}

func BenchmarkOpenAPIParseAndRules50k(b *testing.B) {
	src := bigSpec(50000)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		OpenAPI(openapi.Parse(src), Options{})
	}
}

func BenchmarkGoRules(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("package p\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/gin-gonic/gin\"\n)\n\n")
	for i := 0; buf.Len() < 200_000; i++ {
		fmt.Fprintf(&buf, "func h%d(c *gin.Context, w interface{ WriteHeader(int); Write([]byte) (int, error) }) {\n\tc.JSON(200, gin.H{})\n\tw.WriteHeader(204)\n\tfmt.Fprint(w, %d)\n}\n\n", i, i)
	}
	src := buf.Bytes()
	f, syn := golang.ScanSyntax(src)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Go(src, f, syn, Options{})
	}
}

// The generated spec yields what it was written to yield.
func TestBigSpec(t *testing.T) {
	src := bigSpec(2000)
	fs := OpenAPI(openapi.Parse(src), Options{})
	seen := map[string]int{}
	for _, f := range fs {
		seen[f.RuleID]++
	}
	for _, id := range []string{"unquoted-status-code", "unknown-status-code", "body-not-allowed", "method-status-mismatch", "description-mismatch", "missing-header", "missing-not-found", "missing-validation-error"} {
		if seen[id] == 0 {
			t.Errorf("no %s finding in the generated spec: %v", id, seen)
		}
	}
	got, err := Apply(src, FixAll(fs))
	if err != nil {
		t.Fatal(err)
	}
	if doc := openapi.Parse(got); len(doc.Errors) > 0 {
		t.Errorf("after FixAll: %v", doc.Errors[0])
	}
}

// One function with thousands of WriteHeader calls: the scans after them
// share their work, so the cost stays linear.
func BenchmarkGoBodyLongFunction(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, x bool) {\n")
	for i := 0; i < 5000; i++ {
		buf.WriteString("\tw.WriteHeader(http.StatusNoContent)\n\tif x {\n\t\tw.WriteHeader(http.StatusNotModified)\n\t}\n\tw.Write(nil)\n")
	}
	buf.WriteString("}\n")
	src := buf.Bytes()
	f, syn := golang.ScanSyntax(src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Go(src, f, syn, Options{})
	}
}

// One responses map with thousands of entries: the rules look keys up in
// an index, not by walking the map for every entry.
func BenchmarkOpenAPILargeMap(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("openapi: 3.0.0\npaths:\n  /items:\n    post:\n      requestBody: {}\n      responses:\n")
	for i := 0; i < 20000; i++ {
		buf.WriteString("        '200': {description: Created}\n        200: {}\n        2xx: {}\n")
	}
	doc := openapi.Parse(buf.Bytes())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		OpenAPI(doc, Options{})
	}
}

// handlersFile generates a Go file of about lines lines of net/http
// handlers with branches, loops, helpers and the bugs the control-flow
// rules find.
func handlersFile(lines int) []byte {
	var b bytes.Buffer
	b.WriteString("package p\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\n")
	b.WriteString("func writeJSON(w http.ResponseWriter, code int, v any) {\n\tw.Header().Set(\"Content-Type\", \"application/json\")\n\tw.WriteHeader(code)\n\tjson.NewEncoder(w).Encode(v)\n}\n\n")
	for i := 0; bytes.Count(b.Bytes(), []byte("\n")) < lines; i++ {
		fmt.Fprintf(&b, `func h%d(w http.ResponseWriter, r *http.Request, items []string) {
	if r.Method != http.MethodGet {
		http.Error(w, "method", http.StatusMethodNotAllowed)
	}
	for _, it := range items {
		if it == "" {
			writeJSON(w, http.StatusBadRequest, it)
			continue
		}
		switch it {
		case "a":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("X-Item", it)
		}
	}
	if err := json.NewEncoder(w).Encode(items); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

`, i)
	}
	return b.Bytes()
}

// The Go rules on 2,000 and 20,000 lines of handlers: the cost per line
// stays the same (compare ns/op over the 10× size).
func BenchmarkGoFlowRules(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		src := handlersFile(n)
		f, syn := golang.ScanSyntax(src)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			var findings int
			for i := 0; i < b.N; i++ {
				findings = len(Go(src, f, syn, Options{}))
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}
