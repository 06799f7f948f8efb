package openapi

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// The fixtures' format is described in package wanttest: a want is a
// code (or range, or default) with its context, or `error` on the line
// of the one syntax error.

// checkErrors wants exactly the marked error, on its line from the first
// non-blank character.
func checkErrors(t *testing.T, f *wanttest.Fixture, doc *Document) {
	t.Helper()
	marked := f.Select(func(w *wanttest.Want) bool { return w.Word == wanttest.Error })
	atMark := func(w *wanttest.Want, e yamldoc.Error) bool {
		ls, le := f.Line(w.Line)
		first := ls + len(f.Src[ls:le]) - len(bytes.TrimLeft(f.Src[ls:le], " \t"))
		return e.Start == first && e.End > e.Start && e.End <= le
	}
	wanttest.Match(t, f, marked, doc.Errors,
		func(e yamldoc.Error) int { return e.Start },
		atMark,
		func(e yamldoc.Error) string { return fmt.Sprintf("error %q at [%d,%d)", e.Message, e.Start, e.End) })
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
		f := wanttest.Load(t, path)
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
				wanttest.MatchOccurrences(t, f, occurrence.Value, StatusValues(doc.Doc, nil))
				return
			}
			wanttest.MatchOccurrences(t, f, occurrence.ResponseKey, doc.Occurrences)
			for i := 1; i < len(doc.Occurrences); i++ {
				if doc.Occurrences[i].Start < doc.Occurrences[i-1].End {
					t.Errorf("occurrences out of order or overlapping: %+v, %+v", doc.Occurrences[i-1], doc.Occurrences[i])
				}
			}
		})
	}
}
