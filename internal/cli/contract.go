// contract.go: check's drift findings between the Go code and the OpenAPI
// documents it walked (lint.Contract), placed in the files they stand in.

package cli

import (
	"bytes"
	"path"
	"path/filepath"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// checkContract adds the contract's findings to the results of the Go
// files and documents they stand in. Paths are the files' relative to
// cwd, as the configuration's contract entries are written.
func checkContract(cwd string, results []fileResult, cfg config.Config, opts checkOptions) {
	var in contract.Input
	var goFiles []golang.Source
	byPath := map[string]*fileResult{}
	swagAnnotated := false
	for i := range results {
		r := &results[i]
		if r.contractText == nil {
			continue
		}
		p := r.display
		if rel, err := filepath.Rel(cwd, r.abs); err == nil {
			p = rel
		}
		r.contractPath = filepath.ToSlash(p)
		byPath[r.contractPath] = r
		if r.spec != nil {
			in.Specs = append(in.Specs, contract.Spec{Path: r.contractPath, Doc: r.spec})
			continue
		}
		goFiles = append(goFiles, golang.Source{Path: r.contractPath, Src: r.contractText})
		swagAnnotated = swagAnnotated || bytes.Contains(r.contractText, []byte("@Router")) ||
			bytes.Contains(r.contractText, []byte("@Success")) || bytes.Contains(r.contractText, []byte("@Failure"))
	}
	if len(goFiles) == 0 || len(in.Specs) == 0 && !swagAnnotated {
		return // no contract: no spec, no swaggo annotation
	}
	in.Packages = contract.Packages(goFiles)
	for _, c := range cfg.Contract {
		in.Pairs = append(in.Pairs, contract.Pair{Spec: path.Clean(filepath.ToSlash(c.Spec)), Code: c.CodePattern()})
	}
	findings := lint.Contract(contract.Analyze(in), opts.settings.Lint)
	if len(findings) == 0 {
		return
	}
	extra := map[string][]int{}
	touched := map[*fileResult]bool{}
	for _, f := range findings {
		r, ok := byPath[f.Path]
		if !ok {
			continue
		}
		r.findings = append(r.findings, f.Finding)
		touched[r] = true
		for _, rel := range f.Related {
			if o, ok := byPath[rel.Path]; ok && rel.Path != "" {
				extra[rel.Path] = append(extra[rel.Path], rel.Start, rel.End)
				touched[o] = true
			}
		}
	}
	for r := range touched {
		r.src = newSourceAt(r.contractText, findingOffsets(r.findings, extra[r.contractPath]), opts.excerpts())
	}
}
