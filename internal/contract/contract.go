package contract

import (
	"go/ast"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/routes"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// Spec is an OpenAPI document of the workspace.
type Spec struct {
	// Path names the document, slash-separated, relative to the root the
	// contracts are written against; findings quote it.
	Path string
	Doc  *openapi.Document
}

// Pair ties a spec to the Go packages it describes, as the configuration
// writes it: {spec: api/openapi.yaml, code: ./...}.
type Pair struct {
	Spec string
	// Code is a package pattern: ./... (every package), ./cmd/api/...
	// (a tree), ./cmd/api (one directory).
	Code string
}

// Input is what the analysis reads.
type Input struct {
	// Packages holds the files of each Go package, their paths
	// slash-separated and relative to the same root as the specs'.
	Packages [][]golang.Source
	Specs    []Spec
	// Pairs, when given, say which spec describes which packages. Without
	// them a spec describes the code when one of the code's routes
	// serves one of its operations.
	Pairs []Pair
	// Cache, when given, keeps the packages' scans for the next analysis
	// (the editor's, after a change to one file).
	Cache *Cache
}

// Packages groups Go files into packages by directory, in the order of
// the directories' paths: the shape of Input.Packages.
func Packages(files []golang.Source) [][]golang.Source {
	byDir := map[string][]golang.Source{}
	for _, f := range files {
		byDir[path.Dir(f.Path)] = append(byDir[path.Dir(f.Path)], f)
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	out := make([][]golang.Source, len(dirs))
	for i, d := range dirs {
		out[i] = byDir[d]
	}
	return out
}

// Route is a route of the code with what its handler can send.
type Route struct {
	routes.Route
	// Path is the file that registers the route.
	FilePath string
	Sends    Sends
	// Ops are the operations the route serves.
	Ops []*Op
	// Specs are the specs that describe the route's package.
	Specs []*Spec
}

// Op is an operation of a spec that describes code.
type Op struct {
	Spec *Spec
	*openapi.Operation
	// Routes are the routes serving the operation.
	Routes []*Route
}

// Open reports whether a handler of the operation is open.
func (o *Op) Open() bool {
	for _, r := range o.Routes {
		if r.Sends.Open {
			return true
		}
	}
	return false
}

// Sends reports whether a handler of the operation can send code.
func (o *Op) Sends(code int) bool {
	for _, r := range o.Routes {
		if r.Sends.Sends(code) {
			return true
		}
	}
	return false
}

// Sites returns the send sites of the operation's handlers for code, or
// every site when code is 0.
func (o *Op) Sites(code int) []Site {
	var out []Site
	for _, r := range o.Routes {
		for _, s := range r.Sends.Sites {
			if code == 0 || s.Code == code {
				out = append(out, s)
			}
		}
	}
	return sortSites(out)
}

// Result is the contract between the code and its specs.
type Result struct {
	// Routes are every route of the code, in package and file order.
	Routes []*Route
	// Ops are the operations of the specs that describe code.
	Ops []*Op
	// Specs are the specs that describe code.
	Specs []*Spec
	// Annotated are the functions with swaggo annotations.
	Annotated []*Annotated

	sources map[string][]byte
}

// Source returns the text of a Go file or spec the result was made from.
func (r *Result) Source(path string) ([]byte, bool) {
	src, ok := r.sources[path]
	return src, ok
}

// Analyze reads the packages' routes and handlers and ties them to the
// specs' operations. Any input gives a result: should the walk of a
// half-typed file panic, the result is empty rather than the editor
// session lost.
func Analyze(in Input) (res *Result) {
	defer func() {
		if recoverPanics && recover() != nil {
			res = &Result{sources: map[string][]byte{}}
		}
	}()
	return analyze(in)
}

// recoverPanics is turned off by the fuzz tests, so that they see panics.
var recoverPanics = true

func analyze(in Input) *Result {
	res := &Result{sources: map[string][]byte{}}
	var pkgs []*pkg
	var dirs []string
	byNode := map[ast.Node]*Annotated{}
	for _, files := range in.Packages {
		if len(files) == 0 {
			continue
		}
		for _, f := range files {
			res.sources[f.Path] = f.Src
		}
		p := newPkg(files, in.Cache)
		pkgs = append(pkgs, p)
		dirs = append(dirs, path.Dir(files[0].Path))
		for _, a := range p.annotated() {
			byNode[a.node] = a
			res.Annotated = append(res.Annotated, a)
		}
	}
	in.Cache.sweep()
	mod := &module{pkgs: pkgs, dirs: dirs}
	for _, p := range pkgs {
		p.module = mod
	}
	var pkgDirs []string
	for i, p := range pkgs {
		for _, r := range routes.Extract(p.rfiles) {
			owner := p
			if len(r.Handler.Funcs) == 0 {
				owner, r.Handler.Funcs = mod.elsewhere(r.Handler)
			}
			rt := &Route{Route: r, FilePath: p.files[r.File].Path}
			if owner != nil {
				rt.Sends = owner.handlerSends(r.Handler)
			} else {
				rt.Sends = Sends{Open: true}
			}
			if owner == p && r.Handler.Import != "" {
				// A wrapper and the handler of another package it runs.
				if io, fns := mod.elsewhere(r.Handler); io != nil {
					inner := io.handlerSends(routes.Handler{Funcs: fns})
					rt.Sends.Sites = sortSites(append(rt.Sends.Sites, inner.Sites...))
					rt.Sends.Possible = sortSites(append(rt.Sends.Possible, inner.Possible...))
					rt.Sends.Open = rt.Sends.Open || inner.Open
					r.Handler.Funcs = append(r.Handler.Funcs, fns...)
					rt.Route = r
				}
			}
			// What middleware of the code sends (401 from an auth check)
			// the route may answer; a middleware of a library (logging,
			// recovery) is not held against the route's claims.
			for _, mw := range r.Middleware {
				mo := p
				if len(mw.Funcs) == 0 {
					mo, mw.Funcs = mod.elsewhere(mw)
				}
				if mo != nil && len(mw.Funcs) > 0 {
					ms := mo.handlerSends(mw)
					rt.Sends.Possible = sortSites(append(append(rt.Sends.Possible, ms.Sites...), ms.Possible...))
				}
			}
			res.Routes = append(res.Routes, rt)
			pkgDirs = append(pkgDirs, dirs[i])
			for _, fn := range r.Handler.Funcs {
				if a, ok := byNode[fn.Node]; ok {
					a.Routes = append(a.Routes, rt)
				}
			}
		}
	}
	var cands []*candidate
	for i := range in.Specs {
		s := &in.Specs[i]
		if s.Doc == nil || s.Doc.Doc == nil || !s.Doc.Kind.IsOpenAPI() {
			continue
		}
		res.sources[s.Path] = s.Doc.Doc.Source()
		c := &candidate{spec: s, bases: basePaths(s.Doc)}
		for _, o := range s.Doc.Operations {
			if o.Kind == openapi.PathOperation && o.Responses != nil {
				c.ops = append(c.ops, &Op{Spec: s, Operation: o})
			}
		}
		cands = append(cands, c)
	}
	// Which specs describe which package: the pairs, or else the specs
	// whose operations most of the package's routes serve, the nearest
	// one in the tree among equals.
	describes := map[*Spec]map[string]bool{}
	for _, c := range cands {
		describes[c.spec] = map[string]bool{}
	}
	if len(in.Pairs) > 0 {
		for _, c := range cands {
			for _, d := range dirs {
				for _, pr := range in.Pairs {
					if pr.Spec == c.spec.Path && MatchCode(pr.Code, d) {
						describes[c.spec][d] = true
					}
				}
			}
		}
	} else {
		served := map[string]map[*candidate]int{}
		for j, r := range res.Routes {
			if strings.Contains(r.Path, routes.Wildcard) {
				continue // serving a whole tree says nothing of which spec
			}
			for _, c := range cands {
				if len(c.served(r)) > 0 {
					if served[pkgDirs[j]] == nil {
						served[pkgDirs[j]] = map[*candidate]int{}
					}
					served[pkgDirs[j]][c]++
				}
			}
		}
		for dir, counts := range served {
			for _, c := range nearest(dir, counts) {
				describes[c.spec][dir] = true
			}
		}
	}
	for _, c := range cands {
		if len(describes[c.spec]) == 0 && !paired(in.Pairs, c.spec.Path) {
			continue // no route of the code serves the spec's operations
		}
		res.Specs = append(res.Specs, c.spec)
		res.Ops = append(res.Ops, c.ops...)
		for j, r := range res.Routes {
			if !describes[c.spec][pkgDirs[j]] {
				continue
			}
			r.Specs = append(r.Specs, c.spec)
			for _, o := range c.served(r) {
				r.Ops = append(r.Ops, o)
				o.Routes = append(o.Routes, r)
			}
		}
	}
	return res
}

// candidate is a spec the code may be described by.
type candidate struct {
	spec  *Spec
	ops   []*Op
	bases []string
	// byKey holds the operations by the Key of their path, with and
	// without each base path.
	byKey map[string][]*Op
}

// served returns the candidate's operations a route serves.
func (c *candidate) served(r *Route) []*Op {
	var out []*Op
	if strings.Contains(r.Path, routes.Wildcard) {
		for _, o := range c.ops {
			if serves(r, o, c.bases) {
				out = append(out, o)
			}
		}
		return out
	}
	if c.byKey == nil {
		c.byKey = map[string][]*Op{}
		for _, o := range c.ops {
			keys := []string{routes.Key(routes.Normalize(o.Path))}
			for _, b := range c.bases {
				keys = append(keys, routes.Key(routes.Normalize(routes.Join(b, o.Path))))
			}
			for i, k := range keys {
				if !slices.Contains(keys[:i], k) {
					c.byKey[k] = append(c.byKey[k], o)
				}
			}
		}
	}
	for _, o := range c.byKey[routes.Key(r.Path)] {
		if methodServes(r.Method, o.Method) {
			out = append(out, o)
		}
	}
	return out
}

// methodServes reports whether a route's method serves an operation's:
// the same, any (""), GET for HEAD, or HEAD for GET (a HEAD answers as its
// GET would, RFC 9110 §9.3.2, and documents seldom list it).
func methodServes(route, op string) bool {
	return route == "" || route == op || route == "GET" && op == "HEAD" || route == "HEAD" && op == "GET"
}

// nearest returns the candidates that serve the most of a package's
// routes and, among them, those whose directory shares the most
// elements with the package's.
func nearest(dir string, counts map[*candidate]int) []*candidate {
	best, bestShared := 0, -1
	for _, n := range counts {
		best = max(best, n)
	}
	var top []*candidate
	for c, n := range counts {
		if n != best {
			continue
		}
		switch shared := sharedElems(dir, path.Dir(c.spec.Path)); {
		case shared > bestShared:
			top, bestShared = []*candidate{c}, shared
		case shared == bestShared:
			top = append(top, c)
		}
	}
	return top
}

// sharedElems counts the leading path elements two directories share.
func sharedElems(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] && as[n] != "." {
		n++
	}
	return n
}

// paired reports whether a pair names the spec.
func paired(pairs []Pair, spec string) bool {
	for _, p := range pairs {
		if p.Spec == spec {
			return true
		}
	}
	return false
}

// elsewhere finds a handler another package of the code declares: a
// function of the package whose directory ends the import path, or a
// method of that name declared by exactly one package.
func (m *module) elsewhere(h routes.Handler) (*pkg, []routes.Func) {
	switch {
	case h.Import != "":
		if owner := m.byImport(h.Import); owner != nil {
			if fns := owner.rpkg.Funcs(h.Func); len(fns) > 0 {
				return owner, fns
			}
		}
	case h.Method != "":
		var owner *pkg
		var fns []routes.Func
		for _, p := range m.pkgs {
			if ms := p.rpkg.Methods(h.Method); len(ms) > 0 {
				if owner != nil {
					return nil, nil // ambiguous
				}
				owner, fns = p, ms
			}
		}
		return owner, fns
	}
	return nil, nil
}

// MatchCode reports whether a package pattern (./..., ./cmd/..., ./api)
// covers a package directory, both relative to the same root.
func MatchCode(pattern, dir string) bool {
	pattern = strings.TrimPrefix(path.Clean("./"+strings.TrimPrefix(pattern, "./")), "./")
	dir = path.Clean(dir)
	if tree, ok := strings.CutSuffix(pattern, "/..."); ok || pattern == "..." {
		if pattern == "..." || tree == "." {
			return true
		}
		return dir == tree || strings.HasPrefix(dir, tree+"/")
	}
	return dir == pattern
}

// serves reports whether a route serves an operation: the same method (or
// a route of any method) and the same path, with or without the spec's
// base path.
func serves(r *Route, o *Op, bases []string) bool {
	if !methodServes(r.Method, o.Method) {
		return false
	}
	opPath := routes.Normalize(o.Path)
	if routes.Match(r.Path, opPath) {
		return true
	}
	for _, b := range bases {
		if routes.Match(r.Path, routes.Normalize(routes.Join(b, o.Path))) {
			return true
		}
	}
	return false
}

// basePaths returns the paths the spec's operations are served under:
// those of servers[].url (3.x) and basePath (2.0), "/" left out.
func basePaths(doc *openapi.Document) []string {
	if doc.Doc == nil || doc.Doc.Root == nil {
		return nil
	}
	var out []string
	root := doc.Doc.Root
	if bp := mapValue(root, "basePath"); bp != nil && bp.Kind == yamldoc.ScalarNode {
		out = append(out, bp.Value)
	}
	if servers := mapValue(root, "servers"); servers != nil && servers.Kind == yamldoc.SequenceNode {
		for _, s := range servers.Content {
			if u := mapValue(s, "url"); u != nil && u.Kind == yamldoc.ScalarNode {
				out = append(out, urlPath(u.Value))
			}
		}
	}
	var kept []string
	for _, b := range out {
		b = strings.TrimSuffix(b, "/")
		if b != "" && !strings.Contains(b, "{") {
			kept = append(kept, b)
		}
	}
	sort.Strings(kept)
	return kept
}

// urlPath returns the path of a server URL: https://h/v1 -> /v1, /v1 -> /v1.
func urlPath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		j := strings.IndexByte(u, '/')
		if j < 0 {
			return ""
		}
		u = u[j:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

func mapValue(m *yamldoc.Node, key string) *yamldoc.Node {
	if m == nil || m.Kind != yamldoc.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
