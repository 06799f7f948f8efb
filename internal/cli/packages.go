// packages.go defines packages: the Go packages of the files check
// analyses, each read once for all its files.

package cli

import (
	"sync"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// packages gives each Go file check analyses its package. The first file
// of a package to ask reads it from the index; the package is then kept
// for the other files of it that check analyses, each taking it once, so
// that a directory of n files is listed and checked once, not n times.
type packages struct {
	index   *workspace.Index
	targets map[string]bool // the files check analyses

	mu   sync.Mutex
	kept map[string][]golang.Source // by file, until it takes its package
}

func newPackages(index *workspace.Index, targets []target) *packages {
	p := &packages{index: index, targets: map[string]bool{}, kept: map[string][]golang.Source{}}
	for _, t := range targets {
		p.targets[t.abs] = true
	}
	return p
}

// of returns the package of the Go file at path and the file's index in
// it, as workspace.Index.GoPackage does.
func (p *packages) of(path string) ([]golang.Source, int) {
	p.mu.Lock()
	files, ok := p.kept[path]
	delete(p.kept, path)
	p.mu.Unlock()
	if ok {
		for i, f := range files {
			if f.Path == path {
				return files, i
			}
		}
	}
	files, i := p.index.GoPackage(path)
	p.mu.Lock()
	defer p.mu.Unlock()
	for j, f := range files {
		if j != i && p.targets[f.Path] {
			p.kept[f.Path] = files
		}
	}
	return files, i
}
