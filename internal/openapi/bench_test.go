package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

func BenchmarkModel(b *testing.B) {
	d := yamldoc.Parse(specgen.OpenAPI(50000))
	b.ReportAllocs()
	for b.Loop() {
		Model(d)
	}
}

func BenchmarkParseAndModel(b *testing.B) {
	src := specgen.OpenAPI(50000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkParseAndModelJSON(b *testing.B) {
	src := specgen.JSON(specgen.OpenAPI(50000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkCompletionAt(b *testing.B) {
	src := specgen.OpenAPI(50000)
	i := strings.LastIndex(string(src), "        4XX:")
	src = []byte(string(src[:i]) + "        '4\n" + string(src[i:]))
	doc := Parse(src)
	b.ReportAllocs()
	for b.Loop() {
		if c := CompletionAt(doc, i+len("        '4"), nil); c.Kind != ResponseKeyCompletion {
			b.Fatal(c)
		}
	}
}

func BenchmarkCompletionAtJSON(b *testing.B) {
	src := specgen.JSON(specgen.OpenAPI(50000))
	i := strings.LastIndex(string(src), `"4XX": {`)
	doc := Parse(src)
	b.ReportAllocs()
	for b.Loop() {
		if c := CompletionAt(doc, i+2, nil); c.Kind != ResponseKeyCompletion {
			b.Fatal(c)
		}
	}
}

func BenchmarkStatusValues(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "- name: test %d\n  request: {method: GET, url: /x}\n  expected_status: 200\n  retry: {retriable_status_codes: [502, 503]}\n  response: {code: 404}\n", i)
	}
	d := yamldoc.Parse([]byte(sb.String()))
	b.ReportAllocs()
	for b.Loop() {
		StatusValues(d, nil)
	}
}

func TestGeneratedSpec(t *testing.T) {
	for _, src := range [][]byte{specgen.OpenAPI(2000), specgen.JSON(specgen.OpenAPI(2000))} {
		doc := Parse(src)
		if len(doc.Errors) > 0 || doc.Kind != OpenAPI30 {
			t.Fatalf("kind %v errors %v", doc.Kind, doc.Errors)
		}
		ops := strings.Count(string(specgen.OpenAPI(2000)), "    get:\n")
		if len(doc.Operations) != 2*ops || len(doc.Occurrences) != 5*ops {
			t.Errorf("%d operations, %d occurrences for %d paths", len(doc.Operations), len(doc.Occurrences), ops)
		}
	}
}
