package analysis

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// maxAllocPerByte bounds what the analysis of one document allocates per
// byte of its text. The goal is a server whose peak RSS stays under 40
// bytes per byte of its largest document; the server also holds the
// text, the message it came in and its line table, and the collector lets
// the heap grow to 1.75 times what is live.
const maxAllocPerByte = 8

// shape is a document the memory tests analyse.
type shape struct {
	name string
	lang Language
	src  string
}

// dataShapes are documents of about size bytes that hold nothing the
// analysis reads, in the shapes that cost most per byte as a node tree:
// a node per two bytes (numbers), a node per four (a YAML list), aliases,
// deep nesting, and long strings.
func dataShapes(size int) []shape {
	repeat := func(head, item, sep, tail string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len() < size; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strings.ReplaceAll(item, "N", strconv.Itoa(i%10)))
		}
		b.WriteString(tail)
		return b.String()
	}
	return []shape{
		{"JSON number array", JSON, repeat("[", "N", ",", "]")},
		{"JSON number array, pretty", JSON, repeat("[\n", "  N", ",\n", "\n]\n")},
		{"JSON objects of numbers", JSON, repeat("[", `{"a":N,"b":[N,N]}`, ",", "]")},
		{"JSON records with descriptions", JSON, repeat("[", `{"id":N,"description":"d","tags":[N,N,N]}`, ",", "]")},
		{"YAML list", YAML, repeat("", "- N", "\n", "\n")},
		{"YAML flow list", YAML, repeat("items: [", "N", ", ", "]\n")},
		{"YAML mappings", YAML, repeat("", "- {a: N, b: N}", "\n", "\n")},
		{"YAML aliases", YAML, repeat("base: &b [1, 2]\nitems:\n", "- *b", "\n", "\n")},
		{"JSON deep nesting", JSON, strings.Repeat("[", size/2) + strings.Repeat("]", size/2)},
		{"YAML deep nesting", YAML, "a: " + strings.Repeat("[", size/2) + strings.Repeat("]", size/2) + "\n"},
		{"JSON long string", JSON, `{"a": "` + strings.Repeat("x", size) + `"}`},
		{"YAML long string", YAML, "a: " + strings.Repeat("x ", size/2) + "\n"},
		{"YAML many strings", YAML, repeat("", "- some words here N", "\n", "\n")},
	}
}

// specShapes are OpenAPI documents of about size bytes whose bulk is
// data nothing reads, a node every two to four bytes in a node tree: a
// number array as an example, as an enum, in an extension, in JSON and in
// YAML (block and flow lists).
func specShapes(size int) []shape {
	numbers := func(sep string) string {
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strconv.Itoa(i % 10))
		}
		return b.String()
	}
	const op = `"get":{"responses":{"200":{"description":"ok"}}}`
	return []shape{
		{"OpenAPI JSON example", JSON, `{"openapi":"3.0.3","paths":{"/a":{` + op + `,"post":{"responses":{"200":{"description":"ok","content":{"application/json":{"example":[` + numbers(",") + `]}}}}}}}}`},
		{"OpenAPI JSON enum", JSON, `{"openapi":"3.0.3","paths":{"/a":{` + op + `}},"components":{"schemas":{"A":{"type":"integer","enum":[` + numbers(",") + `]}}}}`},
		{"OpenAPI JSON extension", JSON, `{"swagger":"2.0","x-data":[` + numbers(",") + `],"paths":{"/a":{` + op + `}}}`},
		{"OpenAPI YAML example", YAML, "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              example:\n              - " + numbers("\n              - ") + "\n"},
		{"OpenAPI YAML enum", YAML, "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\ncomponents:\n  schemas:\n    A:\n      enum: [" + numbers(", ") + "]\n"},
		{"OpenAPI YAML extension", YAML, "swagger: '2.0'\nx-data:\n- " + numbers("\n- ") + "\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n"},
	}
}

// TestMemoryPerByte checks, for each data shape and spec shape, that the
// analysis allocates at most maxAllocPerByte bytes per byte of the text;
// that it finds nothing in a data shape, and reads a spec shape as
// OpenAPI, parsed without the parts nothing reads (openapi.Parse).
// Allocation bounds the peak heap whatever the collector does. A YAML
// spec's unread parts are read by yaml.v3 for their syntax, a piece at a
// time, each piece's nodes garbage before the next: there the bound is on
// the heap the analysis keeps.
func TestMemoryPerByte(t *testing.T) {
	data := dataShapes(1 << 20)
	for i, tc := range append(data, specShapes(1<<20)...) {
		spec := i >= len(data)
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			var before, after, kept runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f := New(tc.lang, src, Settings{})
			occs, findings, items := f.Occurrences(), f.Findings(), f.Completions(len(src)/2)
			runtime.ReadMemStats(&after)
			runtime.GC()
			runtime.ReadMemStats(&kept)
			switch {
			case spec && (f.Spec() == nil || !f.Spec().Kind.IsOpenAPI() || !f.Spec().Doc.Pruned()):
				t.Error("not read as OpenAPI, parsed without what nothing reads")
			case !spec && len(occs)+len(findings)+len(items) > 0:
				t.Errorf("%d occurrences, %d findings, %d completions", len(occs), len(findings), len(items))
			}
			allocated := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
			heap := (float64(kept.HeapAlloc) - float64(before.HeapAlloc)) / float64(len(src))
			t.Logf("allocated %.1f bytes per byte of %d, kept %.1f", allocated, len(src), heap)
			switch {
			case spec && tc.lang == YAML:
				if heap > maxAllocPerByte {
					t.Errorf("kept %.1f bytes per byte, want at most %d", heap, maxAllocPerByte)
				}
			case allocated > maxAllocPerByte:
				t.Errorf("allocated %.1f bytes per byte, want at most %d", allocated, maxAllocPerByte)
			}
			runtime.KeepAlive(f)
		})
	}
}

// maxDenseKeptPerByte bounds the heap the analysis of a dense spec keeps
// per byte of its text: nodes, model and findings, which the collector
// lets grow by a third or so before the peak. It was 44 with yaml.v3's
// nodes.
const maxDenseKeptPerByte = 32

// TestMemoryDenseSpec checks the heap kept by the analysis of a spec made
// only of what the model reads: operations of one response each, two
// findings each, a node every six bytes, in JSON and in block YAML.
func TestMemoryDenseSpec(t *testing.T) {
	const ops = 20000
	var js, ys strings.Builder
	js.WriteString(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{`)
	ys.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n")
	for i := range ops {
		if i > 0 {
			js.WriteByte(',')
		}
		js.WriteString(`"/p` + strconv.Itoa(i) + `":{"get":{"responses":{"200":{"description":"ok"}}}}`)
		ys.WriteString("  /p" + strconv.Itoa(i) + ":\n    get:\n      responses:\n        '200': {description: ok}\n")
	}
	js.WriteString("}}\n")
	for _, tc := range []shape{{"JSON", JSON, js.String()}, {"YAML", YAML, ys.String()}} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			var before, kept runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f := New(tc.lang, src, Settings{})
			if n := len(f.Findings()); n != 2*ops {
				t.Fatalf("%d findings, want %d", n, 2*ops)
			}
			runtime.GC()
			runtime.ReadMemStats(&kept)
			heap := (float64(kept.HeapAlloc) - float64(before.HeapAlloc)) / float64(len(src))
			t.Logf("kept %.1f bytes per byte of %d", heap, len(src))
			if heap > maxDenseKeptPerByte {
				t.Errorf("kept %.1f bytes per byte, want at most %d", heap, maxDenseKeptPerByte)
			}
			runtime.KeepAlive(f)
		})
	}
}
