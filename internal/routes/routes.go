package routes

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// File is one parsed Go file of a package.
type File struct {
	Fset *token.FileSet
	File *ast.File
}

// Route is one route the package registers.
type Route struct {
	// Method is upper case, "" for a route that serves every method.
	Method string
	// Path is normalised (see Normalize), group prefixes included.
	Path string
	// File is the index of the file that registers the route; Start and
	// End the range of its path's string literal there.
	File       int
	Start, End int
	Handler    Handler
	// Middleware are the handlers that run before it: those given to
	// Use or With on its router, and gin's and echo's extra handlers.
	Middleware []Handler
}

// Context names the route as an OpenAPI operation is named: "GET /books/{id}".
func (r Route) Context() string {
	if r.Method == "" {
		return "ANY " + r.Path
	}
	return r.Method + " " + r.Path
}

// Handler is the code that serves a route.
type Handler struct {
	// Name is the handler as written: getBook, h.getBook, "func literal".
	Name string
	// Funcs are the functions that implement it, in the package; none
	// when the handler is outside the package or was not resolved.
	Funcs []Func
	// Import and Func name a handler of another package, api.GetUser:
	// its import path and the function; beside Funcs, one that a wrapper
	// of the package is given. Method names a method whose receiver the
	// package does not declare (c.ShowAccount with c of another package).
	Import, Func, Method string
}

// Func is a function of the package: a declaration or a literal.
type Func struct {
	File int
	Node ast.Node // *ast.FuncDecl or *ast.FuncLit
}

// Body returns the function's body, nil for a declaration without one.
func (f Func) Body() *ast.BlockStmt {
	switch n := f.Node.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// Type returns the function's signature.
func (f Func) Type() *ast.FuncType {
	switch n := f.Node.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

// Extract returns the routes the package's files register, in the order
// of the files and of the registrations in them.
func Extract(files []File) []Route {
	x := &extractor{files: files, pkg: NewPackage(files), walked: map[walkKey]bool{}}
	// A function that receives a router with a prefix (a gin group passed
	// to a function that registers on it, a chi router mounted) is walked
	// from each such call; its registrations are not also taken with no
	// prefix.
	for i, f := range files {
		if f.File == nil {
			continue
		}
		for _, d := range f.File.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				x.walk(Func{i, fd}, scope{file: i, vars: map[string]string{}, mws: map[string][]ast.Expr{}})
			}
		}
	}
	prefixed := map[[2]int]bool{}
	for _, r := range x.routes {
		if r.prefixed {
			prefixed[[2]int{r.File, r.Start}] = true
		}
	}
	var out []Route
	for _, r := range x.routes {
		if r.prefixed || !prefixed[[2]int{r.File, r.Start}] {
			out = append(out, r.Route)
		}
	}
	return out
}

type extractor struct {
	files  []File
	pkg    *Package
	routes []found
	walked map[walkKey]bool
}

type found struct {
	Route
	// prefixed tells the route was found in a walk with a prefix.
	prefixed bool
}

// walkKey is a function walked with a binding, walked once.
type walkKey struct {
	node ast.Node
	base string
	vars string
}

// scope is what a walk knows of the routers in a function: the prefix of
// each router variable, and the prefix of every other router (base).
type scope struct {
	file int
	base string
	vars map[string]string
	// mws holds the middleware of each router variable.
	mws map[string][]ast.Expr
	// fn is the function walked.
	fn *Func
}

func (x *extractor) walk(fn Func, sc scope) {
	var keyVars []string
	for k, v := range sc.vars {
		keyVars = append(keyVars, k+"="+v)
	}
	key := walkKey{fn.Node, sc.base, strings.Join(sortStrings(keyVars), ",")}
	if x.walked[key] || len(x.walked) > maxWalks {
		return
	}
	x.walked[key] = true
	sc.fn = &fn
	if body := fn.Body(); body != nil {
		x.block(body, sc)
	}
}

// maxWalks bounds the walks of one package: a generated file may call a
// function per route with a thousand prefixes.
const maxWalks = 10000

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// block walks the statements of a body in order, tracking router
// variables: v1 := r.Group("/v1"), api := r.PathPrefix("/api").Subrouter().
func (x *extractor) block(body ast.Node, sc scope) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if p, ok := x.prefixOf(n.Rhs[i], sc); ok {
						sc.vars[exprKey(l)] = p
						sc.mws[exprKey(l)] = x.middlewareOf(n.Rhs[i], sc)
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if p, ok := x.prefixOf(n.Values[i], sc); ok {
						sc.vars[name.Name] = p
						sc.mws[name.Name] = x.middlewareOf(n.Values[i], sc)
					}
				}
			}
		case *ast.CallExpr:
			return x.call(n, sc)
		}
		return true
	})
}

// exprKey names a router variable or field: r, s.router.
func exprKey(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if k := exprKey(e.X); k != "" {
			return k + "." + e.Sel.Name
		}
	case *ast.ParenExpr:
		return exprKey(e.X)
	case *ast.StarExpr:
		return exprKey(e.X)
	}
	return ""
}

// prefixOf returns the path prefix of a router expression, and whether
// the expression derives a router from another (a group, a subrouter):
// only those are tracked.
func (x *extractor) prefixOf(e ast.Expr, sc scope) (string, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	switch sel.Sel.Name {
	case "Group":
		if p, ok := stringArg(call, 0); ok {
			return Join(x.routerPrefix(sel.X, sc), p), true
		}
	case "Subrouter":
		if inner, ok := sel.X.(*ast.CallExpr); ok {
			if isel, ok := inner.Fun.(*ast.SelectorExpr); ok && isel.Sel.Name == "PathPrefix" {
				if p, ok := stringArg(inner, 0); ok {
					return Join(x.routerPrefix(isel.X, sc), p), true
				}
			}
			return x.routerPrefix(inner, sc), true
		}
	case "With", "Host", "Schemes", "Headers", "Use":
		return x.routerPrefix(sel.X, sc), true
	}
	return "", false
}

// middlewareOf returns the middleware of a router expression: its
// variable's, and what the calls that derive it add (With, Use, a gin
// group's handlers).
func (x *extractor) middlewareOf(e ast.Expr, sc scope) []ast.Expr {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return sc.mws[exprKey(e)]
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	base := x.middlewareOf(sel.X, sc)
	var added []ast.Expr
	switch sel.Sel.Name {
	case "With", "Use":
		added = call.Args
	case "Group":
		if len(call.Args) > 1 {
			added = call.Args[1:]
		}
	case "Subrouter", "PathPrefix", "Host":
	default:
		return base
	}
	return append(append([]ast.Expr(nil), base...), added...)
}

// routerPrefix returns the prefix of the router a registration is made on.
func (x *extractor) routerPrefix(e ast.Expr, sc scope) string {
	if p, ok := x.prefixOf(e, sc); ok {
		return p
	}
	if p, ok := sc.vars[exprKey(e)]; ok {
		return p
	}
	return sc.base
}

// httpMethods are the methods routers name their registrations after.
var httpMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"OPTIONS": true, "CONNECT": true, "TRACE": true}

// call handles one call: a registration, a nested group, a mount, a
// function given a router. It reports whether the walk goes on into the
// call's arguments.
func (x *extractor) call(c *ast.CallExpr, sc scope) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		if id, ok := c.Fun.(*ast.Ident); ok {
			x.passRouters(x.pkg.Funcs(id.Name), c, sc)
		}
		return true
	}
	name := sel.Sel.Name
	if name == "Methods" {
		// gorilla/mux: r.HandleFunc("/p", h).Methods("GET", "POST").
		if inner, ok := sel.X.(*ast.CallExpr); ok {
			if isel, ok := inner.Fun.(*ast.SelectorExpr); ok && (isel.Sel.Name == "HandleFunc" || isel.Sel.Name == "Handle") {
				var methods []string
				for i := range c.Args {
					if m, ok := methodArg(c, i); ok {
						methods = append(methods, m)
					}
				}
				if lit, p, ok := stringLit(inner, 0); ok && len(inner.Args) == 2 && len(methods) > 0 {
					for _, m := range methods {
						x.add(m, p, lit, inner.Args[1], nil, isel.X, sc)
					}
					return false
				}
			}
		}
		return true
	}
	upper := strings.ToUpper(name)
	if name == "Use" {
		if k := exprKey(sel.X); k != "" {
			sc.mws[k] = append(append([]ast.Expr(nil), sc.mws[k]...), c.Args...)
		}
	}
	switch {
	case name == "HandleFunc" || name == "Handle" || name == "HandlerFunc":
		if lit, p, ok := stringLit(c, 0); ok && len(c.Args) == 2 {
			method, path := SplitPattern(p)
			x.add(strings.ToUpper(method), path, lit, c.Args[1], nil, sel.X, sc)
		} else if m, ok := methodArg(c, 0); ok && len(c.Args) >= 3 {
			// gin: r.Handle("GET", "/p", h).
			if lit, p, ok := stringLit(c, 1); ok {
				x.add(m, p, lit, c.Args[len(c.Args)-1], c.Args[2:len(c.Args)-1], sel.X, sc)
			}
		}
	case (name == "Method" || name == "MethodFunc" || name == "Add") && len(c.Args) >= 3:
		// chi: r.Method("GET", "/p", h); echo and fiber: Add("GET", "/p", h).
		m, mok := methodArg(c, 0)
		if lit, p, ok := stringLit(c, 1); ok && mok {
			h, mw := x.handlerArg(c, 2, sc)
			x.add(m, p, lit, h, mw, sel.X, sc)
		}
	case httpMethods[upper] && (name == upper || name == titleCase(upper)) && len(c.Args) >= 2:
		if lit, p, ok := stringLit(c, 0); ok {
			if name == upper && relative(p) {
				p = "/" + p // gin and echo take "ping" for "/ping"
			}
			h, mw := x.handlerArg(c, 1, sc)
			x.add(upper, p, lit, h, mw, sel.X, sc)
		}
	case name == "Match" && len(c.Args) >= 3:
		// gin: r.Match([]string{"GET", "HEAD"}, "/health", h).
		if list, ok := c.Args[0].(*ast.CompositeLit); ok {
			if lit, p, ok := stringLit(c, 1); ok {
				for _, e := range list.Elts {
					if m, ok := methodArg(&ast.CallExpr{Args: []ast.Expr{e}}, 0); ok {
						x.add(m, p, lit, c.Args[len(c.Args)-1], c.Args[2:len(c.Args)-1], sel.X, sc)
					}
				}
			}
		}
	case (name == "Any" || name == "All") && len(c.Args) >= 2:
		if lit, p, ok := stringLit(c, 0); ok {
			h, mw := x.handlerArg(c, 1, sc)
			x.add("", p, lit, h, mw, sel.X, sc)
		}
	case name == "Route" && len(c.Args) == 2:
		// chi and fiber: r.Route("/books", func(r chi.Router) {...}).
		if p, ok := stringArg(c, 0); ok {
			x.nested(c.Args[1], Join(x.routerPrefix(sel.X, sc), p), x.middlewareOf(sel.X, sc), sc)
			return false
		}
	case name == "Group" && len(c.Args) == 1:
		// chi: r.Group(func(r chi.Router) {...}).
		if lit, ok := c.Args[0].(*ast.FuncLit); ok {
			x.nested(lit, x.routerPrefix(sel.X, sc), x.middlewareOf(sel.X, sc), sc)
			return false
		}
	case name == "Mount" && len(c.Args) == 2:
		if p, ok := stringArg(c, 0); ok {
			x.mount(c.Args[1], Join(x.routerPrefix(sel.X, sc), p), sc)
			return false
		}
	default:
		if id, isIdent := sel.X.(*ast.Ident); !isIdent || !x.pkg.Imported(sc.file, id.Name) {
			x.passRouters(x.pkg.Methods(name), c, sc)
		}
	}
	return true
}

func titleCase(s string) string { return s[:1] + strings.ToLower(s[1:]) }

// relative reports whether a route's path is written without its leading
// slash: one word or more of a path, no blank.
func relative(p string) bool {
	return p != "" && p[0] != '/' && !strings.ContainsAny(p, " \t")
}

// handlerArg returns the handler among a registration's arguments from
// index first on, and the middleware beside it: echo takes the handler
// first and middleware after, gin and fiber middleware first and the
// handler last.
func (x *extractor) handlerArg(c *ast.CallExpr, first int, sc scope) (ast.Expr, []ast.Expr) {
	if x.pkg.importsPath(sc.file, "github.com/labstack/echo") {
		return c.Args[first], c.Args[first+1:]
	}
	return c.Args[len(c.Args)-1], c.Args[first : len(c.Args)-1]
}

// nested walks a function literal given a router with a prefix: its first
// parameter is that router.
func (x *extractor) nested(e ast.Expr, prefix string, inherited []ast.Expr, sc scope) {
	lit, ok := e.(*ast.FuncLit)
	if !ok {
		return
	}
	vars, mws := cloneVars(sc.vars), cloneMws(sc.mws)
	if ps := lit.Type.Params; ps != nil && len(ps.List) > 0 && len(ps.List[0].Names) > 0 {
		vars[ps.List[0].Names[0].Name] = prefix
		mws[ps.List[0].Names[0].Name] = inherited
	}
	x.block(lit.Body, scope{file: sc.file, base: sc.base, vars: vars, mws: mws, fn: sc.fn})
}

// mount walks what a router mounted under prefix registers: a function of
// the package that builds it (booksRouter(), rs.Routes()), or a router
// variable built in the same function.
func (x *extractor) mount(e ast.Expr, prefix string, sc scope) {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return
	}
	var fns []Func
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		fns = x.pkg.Funcs(fun.Name)
	case *ast.SelectorExpr:
		fns, _ = x.pkg.MethodCall(sc.fn, fun.X, fun.Sel.Name)
	}
	for _, fn := range fns {
		x.walk(fn, scope{file: fn.File, base: prefix, vars: map[string]string{}, mws: map[string][]ast.Expr{}})
	}
}

// passRouters walks the functions a call may go to with the prefixes of
// the routers it passes them: registerBooks(v1) where v1 is a group.
func (x *extractor) passRouters(fns []Func, c *ast.CallExpr, sc scope) {
	if len(fns) == 0 {
		return
	}
	for _, fn := range fns {
		vars, mws := map[string]string{}, map[string][]ast.Expr{}
		params := ParamNames(fn.Type())
		for i, a := range c.Args {
			p, ok := x.prefixOf(a, sc)
			if !ok {
				p, ok = sc.vars[exprKey(a)]
			}
			if !ok || i >= len(params) || params[i] == "" {
				continue
			}
			vars[params[i]], mws[params[i]] = p, x.middlewareOf(a, sc)
		}
		if len(vars) > 0 {
			x.walk(fn, scope{file: fn.File, vars: vars, mws: mws})
		}
	}
}

// ParamNames returns a signature's parameter names, one per parameter
// ("" for an unnamed one).
func ParamNames(t *ast.FuncType) []string {
	var out []string
	if t == nil || t.Params == nil {
		return nil
	}
	for _, f := range t.Params.List {
		if len(f.Names) == 0 {
			out = append(out, "")
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

func cloneMws(m map[string][]ast.Expr) map[string][]ast.Expr {
	out := make(map[string][]ast.Expr, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func cloneVars(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// add records a registration: path written in the expression lit, on
// router recv, mws the middleware given beside the handler.
func (x *extractor) add(method, path string, lit, handler ast.Expr, mws []ast.Expr, recv ast.Expr, sc scope) {
	if method != "" && !httpMethods[method] {
		return
	}
	prefix := x.routerPrefix(recv, sc)
	if path != "" && path[0] != '/' && (!relative(path) || prefix == "") {
		return // a group's routes may be relative (gin: "ping"), the others not
	}
	f := x.files[sc.file]
	tf := f.Fset.File(lit.Pos())
	if tf == nil {
		return
	}
	r := Route{
		Method:  method,
		Path:    Normalize(Join(prefix, path)),
		File:    sc.file,
		Start:   tf.Offset(lit.Pos()),
		End:     tf.Offset(lit.End()),
		Handler: x.pkg.Handler(handler, sc.file, sc.fn),
	}
	for _, m := range append(x.middlewareOf(recv, sc), mws...) {
		r.Middleware = append(r.Middleware, x.pkg.Handler(m, sc.file, sc.fn))
	}
	x.routes = append(x.routes, found{Route: r, prefixed: prefix != ""})
}

// stringLit returns call argument i when it is a string: a literal, or a
// sum of literals, net/http's method constants and other values (a base
// URL of the options, taken as empty) with at least one literal.
func stringLit(c *ast.CallExpr, i int) (ast.Expr, string, bool) {
	if i >= len(c.Args) {
		return nil, "", false
	}
	v, lits, ok := stringExpr(c.Args[i])
	if !ok || lits == 0 {
		return nil, "", false
	}
	return c.Args[i], v, true
}

// stringExpr evaluates a string expression as stringLit describes it,
// counting its literals.
func stringExpr(e ast.Expr) (string, int, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", 0, false
		}
		v, err := strconv.Unquote(e.Value)
		return v, 1, err == nil
	case *ast.ParenExpr:
		return stringExpr(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", 0, false
		}
		x, xn, xok := stringExpr(e.X)
		y, yn, yok := stringExpr(e.Y)
		return x + y, xn + yn, xok && yok
	case *ast.SelectorExpr:
		if m, ok := strings.CutPrefix(e.Sel.Name, "Method"); ok && httpMethods[strings.ToUpper(m)] {
			return strings.ToUpper(m), 0, true
		}
		return "", 0, true
	case *ast.Ident:
		return "", 0, true
	}
	return "", 0, false
}

func stringArg(c *ast.CallExpr, i int) (string, bool) {
	_, v, ok := stringLit(c, i)
	return v, ok
}

// methodArg returns call argument i when it names a method: "GET" or
// http.MethodGet.
func methodArg(c *ast.CallExpr, i int) (string, bool) {
	if m, ok := stringArg(c, i); ok {
		return strings.ToUpper(m), true
	}
	if i >= len(c.Args) {
		return "", false
	}
	if sel, ok := c.Args[i].(*ast.SelectorExpr); ok {
		if m, ok := strings.CutPrefix(sel.Sel.Name, "Method"); ok && httpMethods[strings.ToUpper(m)] {
			return strings.ToUpper(m), true
		}
	}
	return "", false
}
