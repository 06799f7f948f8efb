package yamldoc

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
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

// broken puts a half-typed key in the middle of src.
func broken(src []byte) []byte { return insertMiddle(src, "        '4\n") }

// insertMiddle puts a line before a response key in the middle of src.
func insertMiddle(src []byte, line string) []byte {
	i := strings.Index(string(src[len(src)/2:]), "        '404':") + len(src)/2
	return []byte(string(src[:i]) + line + string(src[i:]))
}

// BenchmarkYAMLv3 is the baseline: yaml.v3 alone, into a node tree.
func BenchmarkYAMLv3(b *testing.B) {
	src := spec(50000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(src, &n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src := spec(50000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkParseBroken(b *testing.B) {
	src := broken(spec(50000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := Parse(src)
		if len(d.Errors) != 1 || d.Parses != 2 {
			b.Fatalf("errors %v after %d parses", d.Errors, d.Parses)
		}
	}
}

// BenchmarkParseBrokenStructure parses a document whose error the parser
// (not the scanner) finds, away from the line at fault: a stray list
// item among keys.
func BenchmarkParseBrokenStructure(b *testing.B) {
	src := insertMiddle(spec(50000), "        - \n")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := Parse(src)
		if len(d.Errors) != 1 {
			b.Fatalf("errors %v", d.Errors)
		}
		b.ReportMetric(float64(d.Parses), "parses")
	}
}

func BenchmarkNodeRanges(b *testing.B) {
	src := spec(50000)
	d := Parse(src)
	b.ReportAllocs()
	for b.Loop() {
		Walk(d.Root, func(v Visit) bool {
			d.NodeRange(v.Node)
			return true
		})
	}
}
