package analysis

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksNoProtocol checks that the analysis, and so every feature
// package it is made of (lint, golang, openapi, yamldoc, catalog, hover,
// complete, lines), imports no go.lsp.dev package: the protocol is the
// server's, and the feature packages speak byte offsets.
func TestLinksNoProtocol(t *testing.T) {
	const module = "github.com/httpcode-lsp/httpcode-lsp/"
	seen := map[string]bool{}
	var visit func(path string, chain []string)
	visit = func(path string, chain []string) {
		if seen[path] {
			return
		}
		seen[path] = true
		// The package's directory from this one's, so that no go command
		// runs to resolve the module.
		dir := filepath.Join("..", "..", filepath.FromSlash(strings.TrimPrefix(path, module)))
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			switch {
			case strings.HasPrefix(imp, "go.lsp.dev/"):
				t.Errorf("%s imports %s", strings.Join(append(chain, path), " -> "), imp)
			case strings.HasPrefix(imp, module):
				visit(imp, append(chain, path))
			}
		}
	}
	visit(module+"internal/analysis", nil)
	if !seen[module+"internal/lines"] || !seen[module+"internal/lint"] {
		t.Fatalf("the walk missed packages: %v", seen)
	}
}
