package openapi

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi/openapitest"
)

// The fixtures' format is described in package openapitest.

// compare reports missing, unexpected and differing occurrences.
func compare(t *testing.T, f *openapitest.Fixture, got, want []occurrence.Occurrence) {
	t.Helper()
	byStart := map[int]occurrence.Occurrence{}
	for _, o := range got {
		byStart[o.Start] = o
	}
	for _, w := range want {
		g, ok := byStart[w.Start]
		if !ok {
			t.Errorf("%s: missing occurrence %q (%+v)", f.Pos(w.Start), f.Src[w.Start:w.End], w)
			continue
		}
		delete(byStart, w.Start)
		if g != w {
			t.Errorf("%s: occurrence %+v, want %+v", f.Pos(w.Start), g, w)
		}
	}
	for _, g := range got {
		if _, ok := byStart[g.Start]; ok {
			t.Errorf("%s: unexpected occurrence %q (%+v)", f.Pos(g.Start), f.Src[g.Start:g.End], g)
		}
	}
}

// checkErrors wants exactly the marked error, on its line from the first
// non-blank character.
func checkErrors(t *testing.T, f *openapitest.Fixture, doc *Document) {
	t.Helper()
	if f.ErrLine < 0 {
		for _, e := range doc.Errors {
			t.Errorf("%s: unexpected error %q", f.Pos(e.Start), e.Message)
		}
		return
	}
	if len(doc.Errors) != 1 {
		t.Fatalf("%s: %d errors %v, want 1 on line %d", f.Name, len(doc.Errors), doc.Errors, f.ErrLine+1)
	}
	e := doc.Errors[0]
	l := f.Lines[f.ErrLine]
	first := l[0] + len(f.Src[l[0]:l[1]]) - len(bytes.TrimLeft(f.Src[l[0]:l[1]], " \t"))
	if e.Start != first || e.End <= e.Start || e.End > l[1] {
		t.Errorf("%s: error %q at [%d,%d), want from %s to the end of line %d", f.Pos(e.Start), e.Message, e.Start, e.End, f.Pos(first), f.ErrLine+1)
	}
}

func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.yaml")
	jsons, _ := filepath.Glob("testdata/*.json")
	paths = append(paths, jsons...)
	if len(paths) < 10 {
		t.Fatalf("only %d fixtures", len(paths))
	}
	kinds := map[string]Kind{"swagger2": Swagger2, "openapi30": OpenAPI30, "openapi31": OpenAPI31,
		"fragment": Fragment, "plain": NotOpenAPI, "crlf": OpenAPI30}
	for _, path := range paths {
		f := openapitest.Load(t, path)
		t.Run(f.Name, func(t *testing.T) {
			doc := Parse(f.Src)
			prefix := strings.TrimSuffix(strings.TrimSuffix(strings.SplitN(f.Name, "_", 2)[0], ".yaml"), ".json")
			if want, ok := kinds[prefix]; ok && doc.Kind != want {
				t.Errorf("kind %v, want %v", doc.Kind, want)
			}
			if strings.HasSuffix(f.Name, ".json") != doc.JSON {
				t.Errorf("JSON %v", doc.JSON)
			}
			checkErrors(t, f, doc)
			if doc.Kind == NotOpenAPI {
				compare(t, f, StatusValues(doc.Doc, nil), f.Expected(t, occurrence.Value))
				return
			}
			compare(t, f, doc.Occurrences, f.Expected(t, occurrence.ResponseKey))
			for i := 1; i < len(doc.Occurrences); i++ {
				if doc.Occurrences[i].Start < doc.Occurrences[i-1].End {
					t.Errorf("occurrences out of order or overlapping: %+v, %+v", doc.Occurrences[i-1], doc.Occurrences[i])
				}
			}
		})
	}
}
