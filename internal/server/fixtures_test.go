package server

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
)

// TestOpenAPIFixturesThroughServer opens every OpenAPI and YAML fixture of
// the openapi package in the server and hovers each expected occurrence:
// the hover must cover exactly the key (or value), name the code, class or
// default, and, for response keys, the operation.
func TestOpenAPIFixturesThroughServer(t *testing.T) {
	paths, _ := filepath.Glob("../openapi/testdata/*.yaml")
	jsons, _ := filepath.Glob("../openapi/testdata/*.json")
	paths = append(paths, jsons...)
	if len(paths) < 10 {
		t.Fatalf("only %d fixtures", len(paths))
	}
	s := start(t)
	s.Initialize(`{}`)
	hovered := 0
	for _, path := range paths {
		f := wanttest.Load(t, path)
		t.Run(f.Name, func(t *testing.T) {
			uri := "file:///fixtures/" + f.Name
			lang := "yaml"
			if strings.HasSuffix(f.Name, ".json") {
				lang = "json"
			}
			text := string(f.Src)
			s.Open(uri, lang, text)
			kind := occurrence.ResponseKey
			if strings.HasPrefix(f.Name, "plain_") {
				kind = occurrence.Value
			}
			for _, want := range f.Occurrences(t, kind) {
				start := lsptest.PositionOf(text, want.Start, "utf-16")
				h := s.Hover(uri, start)
				hovered++
				if h == nil {
					t.Errorf("%s: no hover", f.Pos(want.Start))
					continue
				}
				wantRange := rangeAt(text, want.Start, want.End)
				if h.Range == nil || *h.Range != wantRange {
					t.Errorf("%s: hover range %v, want %v", f.Pos(want.Start), h.Range, wantRange)
				}
				var title string
				switch {
				case want.Default:
					title = "### default"
				case want.Class != 0:
					title = fmt.Sprintf("### %dxx ", want.Class)
				default:
					title = fmt.Sprintf("### %d ", want.Code)
				}
				if !strings.Contains(h.Contents.Value, title) {
					t.Errorf("%s: hover lacks %q:\n%s", f.Pos(want.Start), title, h.Contents.Value)
				}
				if kind == occurrence.ResponseKey && strings.Contains(want.Context, " ") &&
					!strings.Contains(h.Contents.Value, "`"+want.Context+"`") {
					t.Errorf("%s: hover does not name the operation %q", f.Pos(want.Start), want.Context)
				}
			}
		})
	}
	if hovered < 50 {
		t.Errorf("only %d expected occurrences hovered across the fixtures", hovered)
	}
}
