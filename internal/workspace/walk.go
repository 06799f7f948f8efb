// walk.go defines the walk of the roots: the directories that hold Go
// files, and the YAML and JSON files that may be OpenAPI documents.

package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
)

// skipDirs are never entered, nor is a hidden directory (".git", ".cache").
var skipDirs = map[string]bool{"vendor": true, "node_modules": true, "testdata": true}

// tree is what the walk found: each directory walked, and what it holds.
type tree struct {
	dirs    map[string]*listing
	entries int // directory entries looked at, against Options.MaxEntries
}

// listing is one directory's files of interest.
type listing struct {
	goFiles bool
	data    []string // .yaml, .yml and .json files
	subdirs []string
	entries int // its entries, counted in tree.entries
}

// GoDirs returns the directories under the roots that hold Go files,
// sorted.
func (x *Index) GoDirs() []string {
	t := x.tree()
	var out []string
	for d, l := range t.dirs {
		if l.goFiles {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// Specs returns the OpenAPI and Swagger documents under the roots, with
// the client's text for those open, sorted by path. A document counts
// when it declares itself (openapi.Declared); fragments of a split spec do
// not.
func (x *Index) Specs() []Spec {
	t := x.tree()
	var paths []string
	for _, l := range t.dirs {
		paths = append(paths, l.data...)
	}
	slices.Sort(paths)
	// A file that is no spec is not read again while it is unchanged; a
	// spec's text is read again when it was evicted.
	known := x.read(paths, func(e *entry) bool { return e.spec && e.src == nil })
	var out []Spec
	for _, p := range paths {
		if e, ok := known[p]; ok && e.spec {
			out = append(out, Spec{Path: p, Src: e.src})
		}
	}
	x.mu.Lock()
	for _, p := range paths {
		if e := x.files[p]; e != nil && !e.spec && e.src != nil {
			x.used -= len(e.src) // no spec: what it is is known, its text not needed
			e.src = nil
		}
	}
	x.mu.Unlock()
	return out
}

// tree walks the roots the first time, and after that lists again the
// directories that changed.
func (x *Index) tree() *tree {
	x.walkMu.Lock()
	defer x.walkMu.Unlock()
	x.mu.Lock()
	dirty := x.dirty
	x.dirty = map[string]bool{}
	x.mu.Unlock()
	if x.walked == nil {
		x.walked = &tree{dirs: map[string]*listing{}}
		for _, r := range x.roots {
			x.walkDir(r)
		}
		return x.walked
	}
	// A path changed is listed again in the nearest directory walked
	// above it (itself, when it is one): a new file in a new directory
	// shows in the directory that held neither.
	relisted := map[string]bool{}
	for p := range dirty {
		for d := p; !relisted[d]; d = filepath.Dir(d) {
			if _, listed := x.walked.dirs[d]; listed {
				relisted[d] = true
				x.relist(d)
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return x.walked
}

// walkDir lists dir and walks its subdirectories, within the entries
// budget.
func (x *Index) walkDir(dir string) {
	l := x.list(dir)
	if l == nil {
		return
	}
	for _, sub := range l.subdirs {
		x.walkDir(sub)
	}
}

// relist lists a directory that changed again: subdirectories gone are
// forgotten, new ones walked.
func (x *Index) relist(dir string) {
	old := x.walked.dirs[dir]
	x.forget(dir)
	l := x.list(dir)
	for _, sub := range old.subdirs {
		if l == nil || !slices.Contains(l.subdirs, sub) {
			x.forgetTree(sub)
		}
	}
	if l == nil {
		return
	}
	for _, sub := range l.subdirs {
		if !slices.Contains(old.subdirs, sub) {
			x.walkDir(sub)
		}
	}
}

func (x *Index) forget(dir string) {
	if l := x.walked.dirs[dir]; l != nil {
		x.walked.entries -= l.entries
		delete(x.walked.dirs, dir)
	}
}

// forgetTree forgets dir and every directory under it.
func (x *Index) forgetTree(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range x.walked.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			x.forget(d)
		}
	}
}

// list reads one directory into the tree; nil when it cannot be read or
// the entries budget is spent. Links to directories are not followed (a
// link can make a cycle).
func (x *Index) list(dir string) *listing {
	if x.walked.entries >= x.opts.MaxEntries {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return nil
	}
	l := &listing{}
	for _, e := range entries {
		if x.walked.entries >= x.opts.MaxEntries {
			break
		}
		x.walked.entries++
		l.entries++
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case e.IsDir():
			if !skipDirs[name] && !strings.HasPrefix(name, ".") {
				l.subdirs = append(l.subdirs, path)
			}
		case strings.HasPrefix(name, "."):
		case strings.HasSuffix(name, ".go"):
			l.goFiles = l.goFiles || !strings.HasPrefix(name, "_")
		case analysis.LanguageOf("", name) == analysis.YAML || analysis.LanguageOf("", name) == analysis.JSON:
			l.data = append(l.data, path)
		}
	}
	x.walked.dirs[dir] = l
	return l
}
