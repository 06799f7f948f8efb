// contract.go: check's drift findings between the Go code and the OpenAPI
// documents it walked (lint.Contract), placed in the files they stand in.

package cli

import (
	"bytes"
	"path"
	"path/filepath"
	"sort"

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
	pkgs := map[string][]golang.Source{}
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
		dir := path.Dir(r.contractPath)
		pkgs[dir] = append(pkgs[dir], golang.Source{Path: r.contractPath, Src: r.contractText})
		swagAnnotated = swagAnnotated || bytes.Contains(r.contractText, []byte("@Router")) ||
			bytes.Contains(r.contractText, []byte("@Success")) || bytes.Contains(r.contractText, []byte("@Failure"))
	}
	if len(pkgs) == 0 || len(in.Specs) == 0 && !swagAnnotated {
		return // no contract: no spec, no swaggo annotation
	}
	dirs := make([]string, 0, len(pkgs))
	for d := range pkgs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		in.Packages = append(in.Packages, pkgs[d])
	}
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
