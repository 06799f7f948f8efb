package yamldoc

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// broken puts a half-typed key in the middle of src.
func broken(src []byte) []byte { return insertMiddle(src, "        '4\n") }

// insertMiddle puts a line before a response key in the middle of src.
func insertMiddle(src []byte, line string) []byte {
	i := strings.Index(string(src[len(src)/2:]), "        '404':") + len(src)/2
	return []byte(string(src[:i]) + line + string(src[i:]))
}

// BenchmarkYAMLv3 is the baseline: yaml.v3 alone, into a node tree, of
// the same spec in YAML (for Parse) and in JSON (for the JSON reader).
func BenchmarkYAMLv3(b *testing.B) {
	yamlSrc := specgen.OpenAPI(50000)
	for _, tc := range []struct {
		name string
		src  []byte
	}{{"yaml", yamlSrc}, {"json", specgen.JSON(yamlSrc)}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.src)))
			b.ReportAllocs()
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(tc.src, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	src := specgen.OpenAPI(50000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkParseBroken(b *testing.B) {
	src := broken(specgen.OpenAPI(50000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := Parse(src)
		if len(d.Errors) != 1 || d.Parses != 2 {
			b.Fatalf("errors %v after %d parses", d.Errors, d.Parses)
		}
	}
}

// BenchmarkParseBrokenJSON parses a JSON spec with the opening quote of
// a new response key just typed in the middle: the repairs are tried with
// the JSON reader before yaml.v3.
func BenchmarkParseBrokenJSON(b *testing.B) {
	src := specgen.JSON(specgen.OpenAPI(50000))
	key := []byte(`"responses": {`)
	i := bytes.Index(src[len(src)/2:], key) + len(src)/2 + len(key)
	benchBroken(b, slices.Concat(src[:i], []byte("\n\""), src[i:]))
}

// BenchmarkParseBrokenStructure parses a document whose error the parser
// (not the scanner) finds, away from the line at fault: a stray list
// item among keys.
func BenchmarkParseBrokenStructure(b *testing.B) {
	benchBroken(b, insertMiddle(specgen.OpenAPI(50000), "        - \n"))
}

// benchBroken parses src, which has one error, and reports how many runs
// of the parser that took.
func benchBroken(b *testing.B, src []byte) {
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
	src := specgen.OpenAPI(50000)
	d := Parse(src)
	b.ReportAllocs()
	for b.Loop() {
		Walk(d.Root, func(v Visit) bool {
			d.NodeRange(v.Node)
			return true
		})
	}
}

func BenchmarkParseJSON(b *testing.B) {
	src := specgen.JSON(specgen.OpenAPI(50000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

// BenchmarkReparse types one character into a description in the middle
// of a large document and reads the edited text with Reparse.
func BenchmarkReparse(b *testing.B) {
	for _, tc := range []struct {
		name string
		src  []byte
		at   string
	}{
		{"yaml", specgen.OpenAPI(50000), "description: "},
		{"json", specgen.JSON(specgen.OpenAPI(50000)), `"description": "`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			src := tc.src
			i := strings.Index(string(src[len(src)/2:]), tc.at) + len(src)/2 + len(tc.at)
			next := []byte(string(src[:i]) + "x" + string(src[i:]))
			prev := Parse(src)
			b.ReportAllocs()
			for b.Loop() {
				if d := Reparse(prev, next, lines.Edit{Start: i, End: i, NewLen: 1}); d.Root == prev.Root {
					b.Fatal("nothing was reparsed")
				}
			}
		})
	}
}
