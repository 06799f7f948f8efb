package lint

import (
	"path"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	goldenfile "github.com/httpcode-lsp/httpcode-lsp/internal/golden"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
)

// contractInput reads an archive's files as a workspace: its Go files,
// a package per directory, and its OpenAPI documents.
func contractInput(ar *txtar.Archive) contract.Input {
	var in contract.Input
	var goFiles []golang.Source
	for _, f := range ar.Files {
		switch path.Ext(f.Name) {
		case ".go":
			goFiles = append(goFiles, golang.Source{Path: f.Name, Src: f.Data})
		case ".yaml", ".yml", ".json":
			if doc := openapi.Parse(f.Data); doc.Kind.IsOpenAPI() {
				in.Specs = append(in.Specs, contract.Spec{Path: f.Name, Doc: doc})
			}
		}
	}
	in.Packages = contract.Packages(goFiles)
	return in
}

// TestContractRules runs each contract rule alone over its fixtures, txtar
// archives of a small workspace: every file's want comments are matched,
// and the fixes to a spec, applied together, are compared with
// <archive>.<spec base name>.golden.
func TestContractRules(t *testing.T) {
	for _, r := range Rules() {
		if r.RunContract == nil {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			for _, name := range wanttest.Fixtures(t, filepath.Join("testdata", r.ID), ".txtar") {
				t.Run(filepath.Base(name), func(t *testing.T) {
					ar, err := txtar.ParseFile(name)
					if err != nil {
						t.Fatal(err)
					}
					findings := Contract(contract.Analyze(contractInput(ar)), Options{Severities: only(r.ID, nil)})
					byPath := map[string][]wanttest.Message{}
					fixes := map[string][]Fix{}
					for _, f := range findings {
						byPath[f.Path] = append(byPath[f.Path], wanttest.Message{Start: f.Start, Text: f.String()})
						for _, fx := range f.Fixes {
							p := fx.Path
							if p == "" {
								p = f.Path
							}
							fixes[p] = append(fixes[p], fx)
						}
					}
					for _, f := range ar.Files {
						fx := wanttest.LoadSource(t, f.Name, f.Data)
						wanttest.MatchMessages(t, fx, byPath[f.Name])
						if len(fixes[f.Name]) == 0 {
							continue
						}
						got, err := Apply(f.Data, Merge(fixes[f.Name]))
						if err != nil {
							t.Fatal(err)
						}
						goldenfile.Check(t, name+"."+path.Base(f.Name)+".golden", got, wanttest.Diff)
					}
				})
			}
		})
	}
}
