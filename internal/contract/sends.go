// sends.go: what a function can send, summarised once per function and
// applied where it is called.

package contract

import (
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/routes"
)

// Site is a place where a code is sent.
type Site struct {
	Path       string
	Start, End int
	Code       int
}

// Sends is what a handler can send.
type Sends struct {
	// Sites are the explicit sends, in the handler and the helpers it
	// calls, ordered by path and offset.
	Sites []Site
	// Possible are codes given to a function outside the package
	// (httputil.NewError(ctx, http.StatusNotFound, err)): it may send
	// them, so they count as sent, but no finding claims they are.
	Possible []Site
	// Implicit200 tells that the handler may answer 200 without saying
	// so: it sends no other 2xx, and a Go handler that writes no status
	// answers 200.
	Implicit200 bool
	// Open tells that the handler may send a code the syntax does not
	// give.
	Open bool
}

// Codes returns the codes the handler can send, ascending.
func (s Sends) Codes() []int {
	seen := map[int]bool{}
	if s.Implicit200 {
		seen[200] = true
	}
	for _, st := range s.Sites {
		seen[st.Code] = true
	}
	for _, st := range s.Possible {
		seen[st.Code] = true
	}
	out := make([]int, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Ints(out)
	return out
}

// Sends reports whether the handler can send code.
func (s Sends) Sends(code int) bool {
	if code == 200 && s.Implicit200 {
		return true
	}
	for _, st := range append(s.Sites, s.Possible...) {
		if st.Code == code {
			return true
		}
	}
	return false
}

// pkg is one Go package as the analysis reads it.
type pkg struct {
	files []golang.Source
	*scannedPkg
	module *module
	sums   map[ast.Node]*summary
	// httpNames are, per file, the names net/http is imported under.
	httpNames []string
}

// summary is what a function can send.
type summary struct {
	sites    []Site
	possible []Site
	// params holds the indexes of the parameters whose value the
	// function sends as a status.
	params map[int]bool
	open   bool
	done   bool
}

// newPkg scans a package's files, or takes the scan from the cache when
// the files are those of an earlier analysis. What its functions send is
// summarised anew: it depends on the other packages too.
func newPkg(files []golang.Source, cache *Cache) *pkg {
	key := cacheKey(files)
	scanned := cache.get(key)
	if scanned == nil {
		scanned = &scannedPkg{rfiles: make([]routes.File, len(files))}
		for i := range files {
			f, syn := golang.ScanPackage(files, i)
			scanned.scans = append(scanned.scans, f)
			scanned.syns = append(scanned.syns, syn)
			scanned.rfiles[i] = routes.File{Fset: syn.Fset, File: syn.File}
		}
		scanned.rpkg = routes.NewPackage(scanned.rfiles)
		cache.put(key, scanned)
	}
	p := &pkg{files: files, sums: map[ast.Node]*summary{}, scannedPkg: scanned}
	for _, f := range scanned.scans {
		p.httpNames = append(p.httpNames, f.HTTPName)
	}
	return p
}

// scannedPkg is the scan of a package's files: what the cache keeps.
type scannedPkg struct {
	scans  []*golang.File
	syns   []golang.Syntax
	rfiles []routes.File
	rpkg   *routes.Package
}

// Cache keeps the scans of the packages of one analysis for the next: a
// change to one file scans its package again, not the workspace. Its
// methods are safe for concurrent use; the zero value is ready.
type Cache struct {
	mu   sync.Mutex
	pkgs map[[sha256.Size]byte]*scannedPkg
	// used marks the entries the current analysis took; the others are
	// dropped when it ends (Sweep).
	used map[[sha256.Size]byte]bool
}

// cacheKey identifies a package by its files' paths and texts.
func cacheKey(files []golang.Source) [sha256.Size]byte {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s\x00%d:", len(f.Path), f.Path, len(f.Src))
		h.Write(f.Src)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

func (c *Cache) get(k [sha256.Size]byte) *scannedPkg {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.used == nil {
		c.used = map[[sha256.Size]byte]bool{}
	}
	c.used[k] = true
	return c.pkgs[k]
}

func (c *Cache) put(k [sha256.Size]byte, s *scannedPkg) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pkgs == nil {
		c.pkgs = map[[sha256.Size]byte]*scannedPkg{}
	}
	c.pkgs[k] = s
}

// sweep drops the packages the analysis just made did not take: the
// cache holds one workspace's packages, not every version of them.
func (c *Cache) sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.pkgs {
		if !c.used[k] {
			delete(c.pkgs, k)
		}
	}
	c.used = nil
}

// offset converts a position of file i to a byte offset, -1 if invalid.
func (p *pkg) offset(i int, pos token.Pos) int {
	if !pos.IsValid() || p.syns[i].Fset == nil {
		return -1
	}
	tf := p.syns[i].Fset.File(pos)
	if tf == nil {
		return -1
	}
	return tf.Offset(pos)
}

// handlerSends returns what the functions implementing a handler can
// send; no function (a handler of another package) is open.
func (p *pkg) handlerSends(h routes.Handler) Sends {
	var s Sends
	if len(h.Funcs) == 0 {
		s.Open = true
	}
	for _, fn := range h.Funcs {
		sum := p.summary(fn)
		s.Sites = append(s.Sites, sum.sites...)
		s.Possible = append(s.Possible, sum.possible...)
		s.Open = s.Open || sum.open || len(sum.params) > 0 || p.returnsForeignError(fn)
	}
	s.Sites = sortSites(s.Sites)
	s.Possible = sortSites(s.Possible)
	s.Implicit200 = true
	for _, st := range s.Sites {
		if st.Code/100 == 2 {
			s.Implicit200 = false
		}
	}
	return s
}

func sortSites(sites []Site) []Site {
	sort.Slice(sites, func(i, j int) bool {
		a, b := sites[i], sites[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Code < b.Code
	})
	out := sites[:0]
	for i, s := range sites {
		if i == 0 || s != sites[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// summary returns what fn can send, computed once. A function met again
// while its summary is being made (recursion) adds nothing.
func (p *pkg) summary(fn routes.Func) *summary {
	if s, ok := p.sums[fn.Node]; ok {
		return s
	}
	s := &summary{params: map[int]bool{}}
	p.sums[fn.Node] = s
	body := fn.Body()
	if body == nil || fn.File < 0 || fn.File >= len(p.files) {
		s.done = true
		return s
	}
	params := map[string]int{}
	for i, n := range routes.ParamNames(fn.Type()) {
		if n != "" && n != "_" {
			params[n] = i
		}
	}
	file := fn.File
	src := p.files[file].Src
	start, end := p.offset(file, body.Pos()), p.offset(file, body.End())
	scan := p.scans[file]
	for _, slot := range scan.SendSlots {
		if slot.Start < start || slot.End > end {
			continue
		}
		if code, ok := sentCode(scan.Occurrences, slot); ok {
			s.sites = append(s.sites, Site{p.files[file].Path, slot.Start, slot.End, code})
			continue
		}
		if i, ok := params[strings.TrimSpace(string(src[slot.Start:slot.End]))]; ok {
			s.params[i] = true
			continue
		}
		s.open = true
	}
	writers := taint(body, writerParams(fn.Type()))
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		p.call(s, c, fn, params)
		if !s.open && len(writers) > 0 && p.handsOffWriter(c, fn, writers) {
			s.open = true
		}
		return true
	})
	s.done = true
	return s
}

// call applies a call's effect on the caller's summary s: http.NotFound
// sends 404; a helper of the package adds what it sends, and the codes
// given to the parameters it sends.
func (p *pkg) call(s *summary, c *ast.CallExpr, fn routes.Func, params map[string]int) {
	file := fn.File
	if fun, ok := c.Fun.(*ast.SelectorExpr); ok {
		if x, ok := fun.X.(*ast.Ident); ok && x.Name == p.httpNames[file] && fun.Sel.Name == "NotFound" {
			s.sites = append(s.sites, Site{p.files[file].Path, p.offset(file, c.Pos()), p.offset(file, c.Lparen), 404})
			return
		}
	}
	callees, _ := p.callees(c, fn)
	if len(callees) == 0 {
		p.possible(s, c, file)
	}
	for _, ce := range callees {
		sum := ce.pkg.summary(ce.fn)
		if !sum.done {
			continue
		}
		s.sites = append(s.sites, sum.sites...)
		s.possible = append(s.possible, sum.possible...)
		s.open = s.open || sum.open
		for i := range sum.params {
			if i >= len(c.Args) {
				s.open = true
				continue
			}
			a := c.Args[i]
			as, ae := p.offset(file, a.Pos()), p.offset(file, a.End())
			if code, ok := argCode(p.scans[file].Occurrences, a, as, ae); ok {
				s.sites = append(s.sites, Site{p.files[file].Path, as, ae, code})
				continue
			}
			if id, ok := a.(*ast.Ident); ok {
				if j, ok := params[id.Name]; ok {
					s.params[j] = true
					continue
				}
			}
			s.open = true
		}
	}
}

// possible records the codes a call to a function outside the package is
// given, as arguments of their own.
func (p *pkg) possible(s *summary, c *ast.CallExpr, file int) {
	occs := p.scans[file].Occurrences
	for _, a := range c.Args {
		as, ae := p.offset(file, a.Pos()), p.offset(file, a.End())
		code, ok := argCode(occs, a, as, ae)
		if !ok || code < 100 || code > 599 {
			continue
		}
		if i := sort.Search(len(occs), func(i int) bool { return occs[i].Start >= as }); i < len(occs) && occs[i].Start == as && occs[i].Role != occurrence.Unresolved {
			continue // a send, or a code looked up or compared: not given away
		}
		s.possible = append(s.possible, Site{p.files[file].Path, as, ae, code})
	}
}

// writerParams returns the names of a function's parameters that a
// response is written through: an http.ResponseWriter, a gin or echo
// Context, a fiber Ctx, a framework's own WebContext.
func writerParams(t *ast.FuncType) map[string]bool {
	if t == nil || t.Params == nil {
		return nil
	}
	out := map[string]bool{}
	for _, f := range t.Params.List {
		typ := f.Type
		if st, ok := typ.(*ast.StarExpr); ok {
			typ = st.X
		}
		sel, ok := typ.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if n := sel.Sel.Name; n == "ResponseWriter" || strings.HasSuffix(n, "Context") || strings.HasSuffix(n, "Ctx") {
			for _, n := range f.Names {
				out[n.Name] = true
			}
		}
	}
	return out
}

// taint adds to writers the locals of body made from one: the writer
// itself, a value built around it (rw := &recorder{w}), the result of a
// call given it (c := webcontext.New(w, r)). A response may be written
// through them too. A result of a call on a value made from it
// (err := json.NewEncoder(w).Encode(v)) is not.
func taint(body *ast.BlockStmt, writers map[string]bool) map[string]bool {
	if len(writers) == 0 {
		return writers
	}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !madeFrom(as.Rhs[0], writers) {
			return true
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
			writers[id.Name] = true
		}
		return true
	})
	return writers
}

// madeFrom reports whether e is a writer, a value built around one, or a
// call given one.
func madeFrom(e ast.Expr, writers map[string]bool) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return writers[e.Name]
	case *ast.ParenExpr:
		return madeFrom(e.X, writers)
	case *ast.UnaryExpr:
		return madeFrom(e.X, writers)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if id, ok := el.(*ast.Ident); ok && writers[id.Name] {
				return true
			}
		}
	case *ast.CallExpr:
		for _, a := range e.Args {
			if id, ok := a.(*ast.Ident); ok && writers[id.Name] {
				return true
			}
		}
	}
	return false
}

// writeSafe are functions of other packages that write a body through
// a writer they are given but never a status: encoders and formatters.
var writeSafe = map[string]bool{
	"fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
	"io.Copy": true, "io.CopyN": true, "io.CopyBuffer": true, "io.WriteString": true,
	"encoding/json.NewEncoder": true, "encoding/xml.NewEncoder": true, "encoding/csv.NewWriter": true,
	"bufio.NewWriter": true, "bufio.NewWriterSize": true,
	"compress/gzip.NewWriter":       true,
	"github.com/go-chi/render.JSON": true, "github.com/go-chi/render.Render": true, "github.com/go-chi/render.RenderList": true,
	"github.com/go-chi/render.Respond": true, "github.com/go-chi/render.PlainText": true, "github.com/go-chi/render.Data": true,
	"github.com/go-chi/render.HTML": true, "github.com/go-chi/render.XML": true, "github.com/go-chi/render.NoContent": true,
}

// writeSafeMethods are methods that write through a writer they are given
// and send no status: a template's Execute, an encoder's.
var writeSafeMethods = map[string]bool{"Execute": true, "ExecuteTemplate": true, "Encode": true, "Render": true}

// handsOffWriter reports whether a call gives the function's response
// writer (or framework context) to code the analysis does not see:
// a function of another package that is not known to write bodies only,
// an interface's method, a function value. What that code sends is not
// known. A call given a status code too is taken to send that code
// (possible).
func (p *pkg) handsOffWriter(c *ast.CallExpr, fn routes.Func, writers map[string]bool) bool {
	file := fn.File
	given := false
	for _, a := range c.Args {
		if id, ok := a.(*ast.Ident); ok && writers[id.Name] {
			given = true
		}
	}
	callees, dynamic := p.callees(c, fn)
	if !given || len(callees) > 0 {
		return false
	}
	if dynamic {
		return true
	}
	if holdsSlot(p.scans[file].SendSlots, p.offset(file, c.Lparen), p.offset(file, c.Rparen)) {
		return false // a sink: http.Error(w, msg, code), its status a slot
	}
	switch fun := c.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			if ip := p.rpkg.ImportPath(file, x.Name); ip != "" {
				if writeSafe[ip+"."+fun.Sel.Name] || x.Name == p.httpNames[file] && fun.Sel.Name == "NotFound" {
					return false
				}
				return !p.givesCode(c, file)
			}
		}
		if writeSafeMethods[fun.Sel.Name] {
			return false
		}
	}
	return !p.givesCode(c, file)
}

// givesCode reports whether one of a call's arguments is a status code.
func (p *pkg) givesCode(c *ast.CallExpr, file int) bool {
	for _, a := range c.Args {
		if code, ok := argCode(p.scans[file].Occurrences, a, p.offset(file, a.Pos()), p.offset(file, a.End())); ok && code >= 100 && code <= 599 {
			return true
		}
	}
	return false
}

// callees returns the functions of the package a call in fn may go to:
// a function by its name, a method of the receiver's type (of any type
// when the syntax does not tell it), and whether the call is dynamic (an
// interface's method, a function-typed field).
func (p *pkg) callees(c *ast.CallExpr, fn routes.Func) ([]callee, bool) {
	var fns []routes.Func
	dynamic := false
	owner := p
	switch fun := c.Fun.(type) {
	case *ast.Ident:
		fns = p.rpkg.Funcs(fun.Name)
	case *ast.SelectorExpr:
		x, isIdent := fun.X.(*ast.Ident)
		if !isIdent || !p.rpkg.Imported(fn.File, x.Name) {
			fns, dynamic = p.rpkg.MethodCall(&fn, fun.X, fun.Sel.Name)
			break
		}
		// A function of another package of the code.
		if owner = p.module.byImport(p.rpkg.ImportPath(fn.File, x.Name)); owner != nil {
			fns = owner.rpkg.Funcs(fun.Sel.Name)
		}
	}
	out := make([]callee, len(fns))
	for i, f := range fns {
		out[i] = callee{owner, f}
	}
	return out, dynamic
}

// callee is a function of the code and the package that declares it.
type callee struct {
	pkg *pkg
	fn  routes.Func
}

// module is every package of the code, for the calls from one to another.
type module struct {
	pkgs []*pkg
	dirs []string
}

// byImport returns the package whose directory ends the import path,
// the longest such; nil if none.
func (m *module) byImport(ip string) *pkg {
	if m == nil || ip == "" {
		return nil
	}
	best := -1
	for i, d := range m.dirs {
		if (ip == d || strings.HasSuffix(ip, "/"+d)) && (best < 0 || len(d) > len(m.dirs[best])) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return m.pkgs[best]
}

// sentCode returns the code of the Send occurrence that fills a slot.
func sentCode(occs []occurrence.Occurrence, slot golang.Span) (int, bool) {
	i := sort.Search(len(occs), func(i int) bool { return occs[i].Start >= slot.Start })
	if i < len(occs) && occs[i].Role == occurrence.Send && occs[i].Start == slot.Start && occs[i].End == slot.End && occs[i].Code != 0 {
		return occs[i].Code, true
	}
	return 0, false
}

// argCode returns the status code an argument spells: an integer literal
// or a status constant the scan resolved.
func argCode(occs []occurrence.Occurrence, a ast.Expr, start, end int) (int, bool) {
	if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.INT {
		v, err := strconv.Atoi(lit.Value)
		return v, err == nil && v >= 100 && v <= 999
	}
	i := sort.Search(len(occs), func(i int) bool { return occs[i].Start >= start })
	if i < len(occs) && occs[i].Start == start && occs[i].End == end && occs[i].Code != 0 {
		return occs[i].Code, true
	}
	return 0, false
}

// returnsForeignError reports whether a handler returns an error it did
// not make with a status (echo, fiber: the framework turns it into a
// response whose code the syntax does not give).
func (p *pkg) returnsForeignError(fn routes.Func) bool {
	t := fn.Type()
	if t == nil || t.Results == nil || len(t.Results.List) == 0 {
		return false
	}
	if id, ok := t.Results.List[len(t.Results.List)-1].Type.(*ast.Ident); !ok || id.Name != "error" {
		return false
	}
	file := fn.File
	slots := p.scans[file].SendSlots
	foreign := false
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				return true
			}
			r := n.Results[len(n.Results)-1]
			if id, ok := r.(*ast.Ident); ok && id.Name == "nil" {
				return true
			}
			rs, re := p.offset(file, r.Pos()), p.offset(file, r.End())
			if !holdsSlot(slots, rs, re) && !p.callsSender(r, fn) {
				foreign = true
			}
		}
		return true
	})
	return foreign
}

// callsSender reports whether e calls a function of the package that
// sends: return respond(c, 404, msg).
func (p *pkg) callsSender(e ast.Expr, fn routes.Func) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	callees, _ := p.callees(c, fn)
	for _, ce := range callees {
		if s := ce.pkg.summary(ce.fn); len(s.sites) > 0 || len(s.params) > 0 {
			return true
		}
	}
	return false
}

// holdsSlot reports whether a send slot lies in [start, end).
func holdsSlot(slots []golang.Span, start, end int) bool {
	i := sort.Search(len(slots), func(i int) bool { return slots[i].Start >= start })
	return i < len(slots) && slots[i].End <= end
}
