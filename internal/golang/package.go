// package.go: the view of a package a scan takes from the files beside the
// one it scans, and the caches that keep a scan of every file of a package
// linear: each file is parsed once per content, each package analysed once
// per content of its files.

package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Source is one Go file of a package.
type Source struct {
	// Path names the file; ScanPackage does not read it. A path ending in
	// _test.go marks a test file (File.Test).
	Path string
	Src  []byte
}

// PackageFile is another file of the scanned file's package, as parsed.
// Its tree is shared between scans and must not be changed.
type PackageFile struct {
	Path string
	Fset *token.FileSet
	File *ast.File
}

// ScanPackage is ScanSyntax for files[i], with the other files of its
// package in view: the caller passes the directory's files that share the
// package clause, and the external _test package beside it. An index out
// of range scans nothing. Calling it for each file of the same files
// analyses the package once.
func ScanPackage(files []Source, i int) (f *File, syn Syntax) {
	f, read := ScanPackageLater(files, i)
	return f, read()
}

// ScanPackageLater is ScanPackage, with the Syntax read when asked for: a
// version of a file that differs from an analysed one only inside a
// comment (File.CommentEdit) is scanned without parsing it.
func ScanPackageLater(files []Source, i int) (f *File, syn func() Syntax) {
	none := func() Syntax { return Syntax{} }
	if i < 0 || i >= len(files) {
		return &File{}, none
	}
	defer func() {
		// As in ScanSyntax: a panic costs this file its analysis, not the
		// editor session.
		if recover() != nil {
			f, syn = &File{}, none
		}
	}()
	r := scanPackage(files)
	return r.files[i], func() (syn Syntax) {
		defer func() {
			if recover() != nil {
				syn = Syntax{}
			}
		}()
		return r.syntax(i)
	}
}

func scanPackage(files []Source) *packageResult {
	keys := make([]fileKey, len(files))
	for j, s := range files {
		keys[j] = keyOf(s)
	}
	content, paths := packageKey(keys)
	return packages.do(content, paths, func() *packageResult {
		earlier := packages.earlier(paths)
		for _, pr := range earlier {
			if j, ok := oneChanged(pr, keys); ok {
				if r := commentEdited(pr, j, keys[j], files[j].Src); r != nil {
					return r
				}
			}
		}
		var tried []*packageResult
		for _, pr := range earlier {
			if b := baseOf(pr); b != nil && !slices.Contains(tried, b) {
				tried = append(tried, b)
				if j, ok := oneChanged(b, keys); ok {
					if r := bodyEdited(b, j, keys[j], files[j].Src); r != nil {
						return r
					}
				}
			}
		}
		fs := parses.fileSet()
		parsed := make([]*parsedFile, len(files))
		inParallel(len(files), func(j int) { parsed[j] = parses.get(keys[j], files[j], fs) })
		return analysePackage(parsed)
	})
}

// oneChanged returns the one file whose content differs between pr and
// keys, false when none or more do.
func oneChanged(pr *packageResult, keys []fileKey) (int, bool) {
	if len(pr.parsed) != len(keys) {
		return 0, false
	}
	changed := -1
	for j, k := range keys {
		if pr.parsed[j].key != k {
			if changed >= 0 {
				return 0, false
			}
			changed = j
		}
	}
	return changed, changed >= 0
}

// inParallel calls f(0) … f(n-1) on as many goroutines as there are
// processors: the files of a package parse and scan independently.
func inParallel(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for j := range n {
			f(j)
		}
		return
	}
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := int(next.Add(1)) - 1; j < n; j = int(next.Add(1)) - 1 {
				f(j)
			}
		}()
	}
	wg.Wait()
}

// fileKey identifies a file's content at a path.
type fileKey struct {
	path string
	hash uint64
	size int
}

var seed = maphash.MakeSeed()

func keyOf(s Source) fileKey {
	return fileKey{path: s.Path, hash: maphash.Bytes(seed, s.Src), size: len(s.Src)}
}

// packageKey identifies the content of a package's files, in order, and
// paths their paths alone: the versions of a package as it is edited share
// paths.
func packageKey(keys []fileKey) (content, paths uint64) {
	var hc, hp maphash.Hash
	hc.SetSeed(seed)
	hp.SetSeed(seed)
	for _, k := range keys {
		hc.WriteString(k.path)
		hc.WriteByte(0)
		hc.WriteString(strconv.FormatUint(k.hash, 16))
		hc.WriteByte(0)
		hp.WriteString(k.path)
		hp.WriteByte(0)
	}
	return hc.Sum64(), hp.Sum64()
}

// parsedFile is one file as the parser read it whole.
type parsedFile struct {
	key  fileKey
	src  []byte
	fset *token.FileSet
	file *ast.File // nil when nothing parsed
	tf   *token.File
	err  error
	lex  lexed
	// test is true for a _test.go file.
	test bool
	// later tells that the file was not parsed (commentEdited): file and
	// tf are nil, and read parses it into fset.
	later bool
}

// read returns p parsed: p itself, or the parse cache's tree of its text.
func (p *parsedFile) read() *parsedFile {
	if !p.later {
		return p
	}
	return parses.get(p.key, Source{Path: p.key.path, Src: p.src}, p.fset)
}

// parseFile parses s into fs, the file set of the files it will be
// type-checked with.
func parseFile(k fileKey, s Source, fs *token.FileSet) *parsedFile {
	src := append([]byte(nil), s.Src...)
	p := &parsedFile{key: k, src: src, fset: fs, lex: lexFile(src), test: strings.HasSuffix(s.Path, "_test.go")}
	p.file, p.err = parser.ParseFile(fs, s.Path, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	if p.file != nil && p.file.FileStart.IsValid() {
		// Left nil when the parser gave up before the package clause.
		p.tf = fs.File(p.file.FileStart)
	}
	return p
}

// syntax is the Syntax of the parsed file alone.
func (p *parsedFile) syntax() Syntax {
	syn := Syntax{Fset: p.fset, File: p.file, OK: p.err == nil && p.file != nil}
	if len(strings.TrimSpace(string(p.src))) > 0 {
		// An empty file is one being created, not a broken one.
		syn.Error = firstError(p.err, len(p.src))
	}
	return syn
}

// Cache bounds: the parse cache holds the trees of this many bytes of
// source (a tree takes about fifteen times its source), the package cache
// the results of this many packages; a file set takes the files of this
// many bytes before the next parses go to a new one.
const (
	maxParsedBytes  = 16 << 20
	maxPackages     = 8
	maxFileSetBytes = 64 << 20
)

// maxVersions bounds the versions of one file, and of one package (the
// same paths), that the caches keep: the one being edited and the one
// before it, for an undo. Every keystroke in a file makes a new version;
// the caches' other bounds alone let a 20,000-line file being typed in
// fill them with trees no one asks for again (360 MB).
const maxVersions = 2

// parseCache is an LRU cache of parsed files by path and content. The
// files of a package are type-checked together, so they are parsed into
// one file set; a file set cannot forget a file that a tree handed out may
// still refer to, so instead the cache moves to a new file set now and
// then, and an old one goes with the last tree that uses it.
type parseCache struct {
	mu    sync.Mutex
	byKey map[fileKey]*parseEntry
	// byPath holds the versions of each named file, oldest first.
	byPath map[string][]*parseEntry
	head   parseEntry // sentinel of the recency list, most recent first
	bytes  int
	// fset receives new parses; fsetBytes is the source it holds.
	fset      *token.FileSet
	fsetBytes int
}

type parseEntry struct {
	p          *parsedFile
	prev, next *parseEntry
}

var parses = &parseCache{}

// fileSet returns the file set a package's parses go to.
func (c *parseCache) fileSet() *token.FileSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fset == nil || c.fsetBytes > maxFileSetBytes {
		c.fset, c.fsetBytes = token.NewFileSet(), 0
	}
	return c.fset
}

// get returns the file k parsed into fs: the cached tree if it is in fs,
// a new parse otherwise.
func (c *parseCache) get(k fileKey, s Source, fs *token.FileSet) *parsedFile {
	c.mu.Lock()
	if e, ok := c.byKey[k]; ok && e.p.fset == fs {
		c.unlink(e)
		c.pushFront(e)
		c.mu.Unlock()
		return e.p
	}
	c.mu.Unlock()
	p := parseFile(k, s, fs)
	c.mu.Lock()
	defer c.mu.Unlock()
	if fs == c.fset {
		c.fsetBytes += k.size
	}
	if c.byKey == nil {
		c.byKey = map[fileKey]*parseEntry{}
		c.byPath = map[string][]*parseEntry{}
		c.head.prev, c.head.next = &c.head, &c.head
	}
	if e, ok := c.byKey[k]; ok {
		if e.p.fset == fs {
			// Parsed meanwhile by another scan: keep one tree.
			return e.p
		}
		c.remove(e)
	}
	e := &parseEntry{p: p}
	c.byKey[k] = e
	c.pushFront(e)
	c.bytes += k.size
	if k.path != "" {
		c.byPath[k.path] = append(c.byPath[k.path], e)
		if vs := c.byPath[k.path]; len(vs) > maxVersions {
			c.remove(vs[0])
		}
	}
	for c.bytes > maxParsedBytes && c.head.prev != e {
		c.remove(c.head.prev)
	}
	return p
}

// remove drops e from the cache; c.mu is held.
func (c *parseCache) remove(e *parseEntry) {
	k := e.p.key
	c.unlink(e)
	delete(c.byKey, k)
	c.bytes -= k.size
	if vs := c.byPath[k.path]; len(vs) > 0 {
		vs = slices.DeleteFunc(vs, func(x *parseEntry) bool { return x == e })
		if len(vs) == 0 {
			delete(c.byPath, k.path)
		} else {
			c.byPath[k.path] = vs
		}
	}
}

func (c *parseCache) unlink(e *parseEntry) { e.prev.next, e.next.prev = e.next, e.prev }

func (c *parseCache) pushFront(e *parseEntry) {
	e.prev, e.next = &c.head, c.head.next
	c.head.next.prev = e
	c.head.next = e
}

// packageResult is the scan of every file of a package.
type packageResult struct {
	parsed []*parsedFile
	files  []*File
	// base is the analysis of the whole package this one was made from
	// by an edit (decledit.go), nil for such an analysis; state is what
	// an edit needs of it, while kept (keepState).
	base  *packageResult
	state atomic.Pointer[fullState]
}

// syntax is file i's Syntax with the package's other files.
func (r *packageResult) syntax(i int) Syntax {
	syn := r.parsed[i].read().syntax()
	for j, p := range r.parsed {
		if j == i {
			continue
		}
		if p = p.read(); p.file != nil {
			syn.Package = append(syn.Package, PackageFile{Path: p.key.path, Fset: p.fset, File: p.file})
		}
	}
	return syn
}

// packageCache keeps the results of the packages scanned last, and the
// analyses under way: the files of a package scanned at once (check's
// parallel jobs, an editor's requests) wait for one analysis.
type packageCache struct {
	mu       sync.Mutex
	keys     []uint64 // most recent last
	results  map[uint64]*packageResult
	underway map[uint64]*analysis
	// versions holds the keys of the results of each set of paths (see
	// packageKey), oldest first; pathsOf is the set of paths of each key.
	versions map[uint64][]uint64
	pathsOf  map[uint64]uint64
}

// analysis is a package analysis under way; done is closed when r is set
// (nil if it panicked).
type analysis struct {
	done chan struct{}
	r    *packageResult
}

var packages = &packageCache{results: map[uint64]*packageResult{}, underway: map[uint64]*analysis{}}

// do returns the result of the package k, from the cache, from an
// analysis under way, or from analyse.
func (c *packageCache) do(k, paths uint64, analyse func() *packageResult) *packageResult {
	c.mu.Lock()
	if r, ok := c.results[k]; ok {
		c.touch(k)
		c.mu.Unlock()
		return r
	}
	if a, ok := c.underway[k]; ok {
		c.mu.Unlock()
		<-a.done
		if a.r != nil {
			return a.r
		}
		return analyse()
	}
	a := &analysis{done: make(chan struct{})}
	c.underway[k] = a
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.underway, k)
		if a.r != nil {
			c.put(k, paths, a.r)
		}
		c.mu.Unlock()
		close(a.done)
	}()
	a.r = analyse()
	return a.r
}

// put stores r, the result of the files whose paths are paths; c.mu is
// held.
func (c *packageCache) put(k, paths uint64, r *packageResult) {
	if _, ok := c.results[k]; !ok {
		if c.versions == nil {
			c.versions, c.pathsOf = map[uint64][]uint64{}, map[uint64]uint64{}
		}
		c.versions[paths] = append(c.versions[paths], k)
		c.pathsOf[k] = paths
		if vs := c.versions[paths]; len(vs) > maxVersions {
			c.drop(vs[0])
		}
		if len(c.keys) >= maxPackages {
			c.drop(c.keys[0])
		}
	}
	c.results[k] = r
	c.touch(k)
}

// drop forgets the result k; c.mu is held.
func (c *packageCache) drop(k uint64) {
	delete(c.results, k)
	c.keys = slices.DeleteFunc(c.keys, func(x uint64) bool { return x == k })
	paths := c.pathsOf[k]
	delete(c.pathsOf, k)
	if vs := slices.DeleteFunc(c.versions[paths], func(x uint64) bool { return x == k }); len(vs) > 0 {
		c.versions[paths] = vs
	} else {
		delete(c.versions, paths)
	}
}

// earlier returns the results of the versions of the package whose files
// have the paths paths, the newest first.
func (c *packageCache) earlier(paths uint64) []*packageResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*packageResult
	for _, k := range slices.Backward(c.versions[paths]) {
		if r, ok := c.results[k]; ok {
			out = append(out, r)
		}
	}
	return out
}

func (c *packageCache) touch(k uint64) {
	for j, x := range c.keys {
		if x == k {
			c.keys = append(c.keys[:j], c.keys[j+1:]...)
			break
		}
	}
	c.keys = append(c.keys, k)
}

// packageConstants maps the names of a package's top-level constants whose
// value is a status code (an integer, or a status constant of an imported
// package) to that code. It stands in for type information where a file
// does not parse.
type packageConstants map[string]int

// collect adds the constants declared at the top level of af. A constant
// with no value of its own (iota, an implicit repetition) is left out.
func (pc packageConstants) collect(af *ast.File) {
	if af == nil {
		return
	}
	imp := importsOf(af)
	for _, d := range af.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, sp := range gd.Specs {
			vs, ok := sp.(*ast.ValueSpec)
			if !ok || len(vs.Names) != len(vs.Values) {
				continue
			}
			for k, name := range vs.Names {
				if code, ok := constantValue(vs.Values[k], imp); ok && name.Name != "_" {
					pc[name.Name] = code
				}
			}
		}
	}
}

// constantValue returns the status code a constant's value expression
// spells: an integer literal or a status constant such as http.StatusOK.
func constantValue(e ast.Expr, imp *imports) (int, bool) {
	e = unparen(e)
	switch e := e.(type) {
	case *ast.BasicLit:
		return intLit(e)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && e.Sel != nil && imp.namesConstants(x.Name) {
			if c, ok := constant(e.Sel.Name); ok {
				return c.Code, true
			}
		}
	}
	return 0, false
}

// intLit returns the value of an integer literal.
func intLit(e *ast.BasicLit) (int, bool) {
	if e == nil || e.Kind != token.INT {
		return 0, false
	}
	v, err := strconv.ParseInt(e.Value, 0, 64)
	if err != nil || v != int64(int(v)) {
		return 0, false
	}
	return int(v), true
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
