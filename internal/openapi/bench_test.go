package openapi

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// spec generates an OpenAPI 3.0 document of about lines lines.
func spec(lines int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo:\n  title: Generated\n  version: '1'\npaths:\n")
	for i := 0; strings.Count(b.String(), "\n") < lines; i++ {
		fmt.Fprintf(&b, `  /items%[1]d/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: string
    get:
      operationId: getItem%[1]d
      responses:
        '200':
          description: The item é
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
        '404':
          $ref: '#/components/responses/NotFound'
    delete:
      responses:
        '204':
          description: Deleted
        4XX:
          description: Client error
        default:
          description: Unexpected
`, i)
	}
	b.WriteString("components:\n  responses:\n    NotFound:\n      description: Not found\n")
	return []byte(b.String())
}

// asJSON re-encodes a YAML document as indented JSON.
func asJSON(src []byte) []byte {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		panic(err)
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err)
	}
	return out
}

func BenchmarkModel(b *testing.B) {
	d := yamldoc.Parse(spec(50000))
	b.ReportAllocs()
	for b.Loop() {
		Model(d)
	}
}

func BenchmarkParseAndModel(b *testing.B) {
	src := spec(50000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkParseAndModelJSON(b *testing.B) {
	src := asJSON(spec(50000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkCompletionAt(b *testing.B) {
	src := spec(50000)
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
	src := asJSON(spec(50000))
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
	for _, src := range [][]byte{spec(2000), asJSON(spec(2000))} {
		doc := Parse(src)
		if len(doc.Errors) > 0 || doc.Kind != OpenAPI30 {
			t.Fatalf("kind %v errors %v", doc.Kind, doc.Errors)
		}
		ops := strings.Count(string(spec(2000)), "    get:\n")
		if len(doc.Operations) != 2*ops || len(doc.Occurrences) != 5*ops {
			t.Errorf("%d operations, %d occurrences for %d paths", len(doc.Operations), len(doc.Occurrences), ops)
		}
	}
}
