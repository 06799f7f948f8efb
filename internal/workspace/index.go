// index.go defines Index: the overlay of open documents, the texts of
// closed files read from disk within the memory budget, and the packages of
// Go files.

package workspace

import (
	"cmp"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/regfile"
)

// Options bound the index's work and memory; zero values mean the
// defaults.
type Options struct {
	// MaxFileSize is the size above which a file is not read
	// (DefaultMaxFileSize).
	MaxFileSize int64
	// Budget is how many bytes of closed files' text are kept in memory
	// (DefaultBudget).
	Budget int
	// MaxEntries is how many directory entries the walk of the roots
	// looks at before it stops (DefaultMaxEntries).
	MaxEntries int
}

const (
	// DefaultMaxFileSize is limits.maxDocumentSize's default: a file the
	// editor would not analyse open is not read closed either.
	DefaultMaxFileSize = config.DefaultMaxDocumentSize
	// DefaultBudget is 32 MiB of closed files' text, four times the text
	// the server's open analyses may cover (a text costs its size here,
	// an analysis about 25 times it): k8s.io/apiserver's 1,146 Go files
	// are 12 MB, GitHub's REST description 13 MB.
	DefaultBudget = 32 << 20
	// DefaultMaxEntries bounds the walk: a home directory opened as a
	// workspace is not walked whole.
	DefaultMaxEntries = 200_000
)

// Spec is an OpenAPI document of the workspace.
type Spec struct {
	Path string
	Src  []byte
}

// Index is the index of one workspace. Its methods are safe for
// concurrent use.
type Index struct {
	roots []string
	opts  Options

	mu        sync.Mutex
	open      map[string]*lines.Text // the client's text of open documents
	files     map[string]*entry      // closed files read from disk
	used      int                    // bytes of text held in files
	clock     int64                  // the clock of entries' lastUse
	dirty     map[string]bool        // paths changed since the walk saw them
	listeners []func(paths []string)

	// walkMu orders the walks of the roots; walked is what they found,
	// nil before the first.
	walkMu sync.Mutex
	walked *tree
}

// entry is what the index knows of a closed file: its text (nil once
// evicted) and what it learnt of it, as of the size and time of
// modification it had when read.
type entry struct {
	size    int64
	mod     time.Time
	src     []byte
	clause  string // a Go file's package name, "" when it has none
	spec    bool   // a YAML or JSON file that declares OpenAPI or Swagger
	lastUse int64
}

// New returns the index of the directories roots; it reads nothing yet.
func New(roots []string, opts Options) *Index {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Budget <= 0 {
		opts.Budget = DefaultBudget
	}
	if opts.MaxEntries <= 0 {
		opts.MaxEntries = DefaultMaxEntries
	}
	clean := make([]string, 0, len(roots))
	for _, r := range roots {
		if r != "" {
			clean = append(clean, filepath.Clean(r))
		}
	}
	return &Index{roots: clean, opts: opts, open: map[string]*lines.Text{}, files: map[string]*entry{}, dirty: map[string]bool{}}
}

// Open sets the text of an open document, which wins over the file on
// disk until Close; it is made flat when the index reads it.
func (x *Index) Open(path string, src *lines.Text) {
	path = filepath.Clean(path)
	x.mu.Lock()
	x.open[path] = src
	x.mu.Unlock()
	x.changed([]string{path})
}

// Close drops an open document's text: the file on disk is read again.
func (x *Index) Close(path string) {
	path = filepath.Clean(path)
	x.mu.Lock()
	delete(x.open, path)
	x.mu.Unlock()
	x.changed([]string{path})
}

// Changed records that the files or directories at paths changed on disk
// (created, changed or deleted): what the index knows of them is read
// again when it is needed.
func (x *Index) Changed(paths []string) {
	clean := make([]string, len(paths))
	x.mu.Lock()
	for i, p := range paths {
		p = filepath.Clean(p)
		clean[i] = p
		if e := x.files[p]; e != nil {
			x.used -= len(e.src)
			delete(x.files, p)
		}
		x.dirty[p], x.dirty[filepath.Dir(p)] = true, true
	}
	x.mu.Unlock()
	x.changed(clean)
}

// OnChange registers f, called with the paths after every Open, Close and
// Changed, on the caller's goroutine: f must be quick.
func (x *Index) OnChange(f func(paths []string)) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.listeners = append(x.listeners, f)
}

func (x *Index) changed(paths []string) {
	x.mu.Lock()
	ls := slices.Clone(x.listeners)
	x.mu.Unlock()
	for _, f := range ls {
		f(paths)
	}
}

// GoPackage returns the package of the Go file at path, sorted by path,
// and the file's index in it; (nil, -1) when the file can be read neither
// from the client nor from disk. It reads the directory and the files it
// does not hold.
func (x *Index) GoPackage(path string) (files []golang.Source, i int) {
	path = filepath.Clean(path)
	dir := filepath.Dir(path)
	paths := goFilesIn(dir)
	x.mu.Lock()
	_, open := x.open[path]
	x.mu.Unlock()
	if open && !slices.Contains(paths, path) {
		paths = append(paths, path) // not saved yet
		slices.Sort(paths)
	}
	known := x.read(paths, func(e *entry) bool { return false })
	self, ok := known[path]
	if !ok {
		return nil, -1
	}
	name := self.clause
	base := strings.TrimSuffix(name, "_test")
	var members []string
	for _, p := range paths {
		e, ok := known[p]
		if !ok {
			continue
		}
		if p == path || name != "" && (e.clause == base || e.clause == base+"_test") {
			members = append(members, p)
		}
	}
	texts := x.read(members, func(e *entry) bool { return e.src == nil })
	i = -1
	for _, p := range members {
		e, ok := texts[p]
		if !ok {
			continue
		}
		if p == path {
			i = len(files)
		}
		files = append(files, golang.Source{Path: p, Src: e.src})
	}
	if i < 0 {
		return nil, -1
	}
	return files, i
}

// goFilesIn returns the paths of the Go files in dir that the go command
// builds from: not hidden, not starting with an underscore, regular
// files or links to them.
func goFilesIn(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || e.IsDir() {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	return out
}

// read returns what the index knows of each path that can be read: the
// open document's text, or the closed file's entry, read from disk when
// the entry is missing, out of date, or when reread says it must be (its
// text was evicted and is needed). Paths that cannot be read are missing
// from the result, which holds copies of the entries. The disk is read
// without the lock held.
func (x *Index) read(paths []string, reread func(*entry) bool) map[string]entry {
	out := make(map[string]entry, len(paths))
	var stale []string
	x.mu.Lock()
	for _, p := range paths {
		if src, ok := x.open[p]; ok {
			out[p] = *describe(p, src.Bytes(), 0, time.Time{})
			continue
		}
		stale = append(stale, p)
	}
	x.mu.Unlock()
	for _, p := range stale {
		info, err := os.Stat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		x.mu.Lock()
		e := x.files[p]
		fresh := e != nil && e.size == info.Size() && e.mod.Equal(info.ModTime()) && !reread(e)
		if fresh {
			x.touch(e)
			out[p] = *e // a copy: trim may evict the entry's text
		}
		x.mu.Unlock()
		if fresh {
			continue
		}
		src, info, err := regfile.Read(p, x.opts.MaxFileSize)
		if err != nil {
			continue
		}
		e = describe(p, src, info.Size(), info.ModTime())
		x.mu.Lock()
		if old := x.files[p]; old != nil {
			x.used -= len(old.src)
		}
		x.files[p] = e
		x.used += len(src)
		x.touch(e)
		out[p] = *e
		x.mu.Unlock()
	}
	x.trim()
	return out
}

// describe makes the entry of a text.
func describe(path string, src []byte, size int64, mod time.Time) *entry {
	e := &entry{size: size, mod: mod, src: src}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".go":
		e.clause = packageClause(src)
	case ".yaml", ".yml", ".json":
		e.spec = openapi.Declared(src)
	}
	return e
}

// packageClause returns the name a Go file's package clause declares, ""
// when it has none.
func packageClause(src []byte) string {
	f, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if f == nil || f.Name == nil {
		return ""
	}
	return f.Name.Name
}

// touch records that e is used now; x.mu is held.
func (x *Index) touch(e *entry) {
	x.clock++
	e.lastUse = x.clock
}

// trim keeps the closed files' text within the budget, as the server's
// documents.trim keeps analyses: once the texts held are more, those used
// least recently are dropped until three quarters of the budget are left,
// so that the next few reads do not each sort the files again. The file
// used last keeps its text whatever its size. What the index learnt of a
// file stays.
func (x *Index) trim() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.used <= x.opts.Budget {
		return
	}
	var held []*entry
	for _, e := range x.files {
		if e.src != nil {
			held = append(held, e)
		}
	}
	slices.SortFunc(held, func(a, b *entry) int { return cmp.Compare(b.lastUse, a.lastUse) })
	kept := 0
	for i, e := range held {
		if size := len(e.src); i == 0 || kept+size <= x.opts.Budget*3/4 {
			kept += size
			continue
		}
		e.src = nil
	}
	x.used = kept
}
