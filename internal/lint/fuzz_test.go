package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// The seed corpora under testdata/fuzz hold broken and half-typed
// documents; the rules' fixtures are added as seeds too.

var fuzzOptions = Options{CustomCodes: map[int]string{299: "Custom, with: a colon", 499: ""}}

func addFixtures(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
}

func FuzzOpenAPIRules(f *testing.F) {
	addFixtures(f, "testdata/*/*.yaml")
	addFixtures(f, "testdata/*/*.json")
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := OpenAPI(openapi.Parse(src), fuzzOptions)
		checkFuzzFindings(t, src, fs)
	})
}

func FuzzGoRules(f *testing.F) {
	addFixtures(f, "testdata/*/*.go")
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := lintGo(src, fuzzOptions)
		checkFuzzFindings(t, src, fs)
	})
}

// checkFuzzFindings checks that findings stay within the text and their
// fixes apply.
func checkFuzzFindings(t *testing.T, src []byte, fs []Finding) {
	t.Helper()
	checkFindings(t, src, fs)
	for _, f := range fs {
		for _, fx := range f.Fixes {
			if _, ok := normalizeEdits(fx.Edits, len(src)); !ok {
				t.Fatalf("finding %q: fix %q has bad edits %+v", f, fx.Title, fx.Edits)
			}
		}
	}
	if _, err := Apply(src, FixAll(fs)); err != nil {
		t.Fatalf("FixAll: %v", err)
	}
}
