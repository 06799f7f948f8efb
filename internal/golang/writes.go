// writes.go: what a call does to an HTTP response — sends its status,
// writes body bytes, writes a whole response, or changes a header — as far
// as syntax and the file's imports tell. The control-flow rules of
// internal/lint order these writes along a function's paths; the families
// and their status positions are those of imports.go.

package golang

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// WriteKind is what a call does to a response.
type WriteKind int

const (
	// StatusWrite sends the status line and the header: w.WriteHeader(404).
	StatusWrite WriteKind = iota + 1
	// BodyWrite writes body bytes, after a status of 200 when none was
	// sent: w.Write, fmt.Fprint(w, …), io.Copy(w, …), json.NewEncoder(w).Encode.
	BodyWrite
	// ResponseWrite writes a whole response, status and body:
	// http.Error, http.Redirect, gin's and echo's c.JSON(201, v).
	ResponseWrite
	// HeaderWrite changes a header of the response: w.Header().Set,
	// http.SetCookie, gin's c.Header.
	HeaderWrite
)

// Write is a call that writes to a response.
type Write struct {
	Kind WriteKind
	// Writer names the response written to: the writer as written ("w",
	// "h.rw"), or the gin or echo context whose response it is ("c" for
	// c.JSON, c.Writer.Write and c.Response().Header()).
	Writer string
	// Name is the call as messages show it: "w.WriteHeader",
	// "http.Error", "c.JSON", "json.NewEncoder(w).Encode".
	Name string
	// Status is the status argument, nil when the call has none.
	Status ast.Expr
	// Code is the status the call always sends (http.NotFound: 404), 0
	// when it depends on Status or is not known.
	Code int
	// Body tells that a ResponseWrite carries content: c.JSON(204, v)
	// with v not nil, http.Error's message.
	Body bool
	// Trailers tells that a HeaderWrite declares trailers (the key
	// "Trailer"): the header values it names may be set after the body.
	Trailers bool
	// Buffered tells that the framework buffers the whole response until
	// the handler returns (fiber), so that the order of writes does not
	// lose any.
	Buffered bool
}

// Writes classifies the calls of one file.
type Writes struct {
	imp *imports
	// pkg maps the file's names for the packages the classification
	// needs (fmt, io, encoding/json, net/http/httptest, …) to their paths.
	pkg map[string]string
}

// NewWrites returns the classifier of a file's calls.
func NewWrites(f *ast.File) *Writes {
	c := &Writes{imp: importsOf(f), pkg: map[string]string{}}
	if f == nil {
		return c
	}
	for _, s := range f.Imports {
		if s == nil || s.Path == nil {
			continue
		}
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			continue
		}
		name := pathBase(p)
		if s.Name != nil {
			name = s.Name.Name
		}
		if name != "_" && name != "." {
			c.pkg[name] = p
		}
	}
	return c
}

func pathBase(p string) string {
	p = stripMajor(p)
	return p[strings.LastIndexByte(p, '/')+1:]
}

// IsPackage reports whether a name is one of the file's import names.
func (c *Writes) IsPackage(name string) bool {
	_, ok := c.pkg[name]
	return ok
}

// Scope maps the names of a function's writers (its parameters and
// those of the functions around it) to their family, as WriterType gives
// it.
type Scope map[string]string

// WriterType tells whether a parameter's type is a response the rules
// follow: http.ResponseWriter ("net/http"), *gin.Context ("gin"),
// echo.Context ("echo") or *fiber.Ctx ("fiber"); "" otherwise.
func (c *Writes) WriterType(t ast.Expr) string {
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, true
	}
	var pkg, name string
	switch t := t.(type) {
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		if !ok || t.Sel == nil {
			return ""
		}
		fam, ok := c.imp.byName[x.Name]
		if !ok {
			return ""
		}
		pkg, name = fam, t.Sel.Name
	case *ast.Ident:
		// A dot-import, or the framework's own package (importsOf
		// counts it as dot-imported).
		name = t.Name
		for _, fam := range []string{famHTTP, famGin, famEcho, famFiber} {
			if c.imp.dot[fam] && writerTypes[fam] == name {
				pkg = fam
			}
		}
	default:
		return ""
	}
	if pkg != "" && writerTypes[pkg] == name && star == (pkg == famGin || pkg == famFiber) {
		return pkg
	}
	return ""
}

// writerTypes names the response type of each family: a pointer for gin
// and fiber, an interface for net/http and echo.
var writerTypes = map[string]string{famHTTP: "ResponseWriter", famGin: "Context", famEcho: "Context", famFiber: "Ctx"}

// Recorder reports whether an expression makes a test recorder
// (httptest.NewRecorder(), &httptest.ResponseRecorder{}), whose writes
// are a test's business.
func (c *Writes) Recorder(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if cl, ok := u.X.(*ast.CompositeLit); ok {
			return c.qualified(cl.Type, "net/http/httptest", "ResponseRecorder")
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		return c.qualified(call.Fun, "net/http/httptest", "NewRecorder")
	}
	return false
}

// qualified reports whether e is pkg.name, pkg being the file's name for
// the import path.
func (c *Writes) qualified(e ast.Expr, path, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel == nil || sel.Sel.Name != name {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && c.pkg[x.Name] == path
}

// pkgFunc returns the function name of a call pkg.Name(…) to the package
// with the import path, "" for any other call.
func (c *Writes) pkgFunc(call *ast.CallExpr, paths ...string) string {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel == nil {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	for _, p := range paths {
		if c.pkg[x.Name] == p {
			return sel.Sel.Name
		}
	}
	return ""
}

// WriterKey names the response an expression stands for, as Write.Writer
// does; "" when the expression cannot name one (a literal, a call).
func (c *Writes) WriterKey(e ast.Expr, scope Scope) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if ctx, ok := c.context(e, scope); ok {
		return ctx
	}
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name != "nil" {
			return e.Name
		}
	case *ast.SelectorExpr:
		return types.ExprString(e)
	}
	return ""
}

// context recognises the response of a gin or echo context: c.Writer
// (gin), c.Response() and c.Response().Writer (echo), c itself.
func (c *Writes) context(e ast.Expr, scope Scope) (string, bool) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident:
		if fam := scope[e.Name]; fam == famGin || fam == famEcho {
			return e.Name, true
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && e.Sel.Name == "Writer" && scope[x.Name] == famGin {
			return x.Name, true
		}
		if e.Sel.Name == "Writer" {
			if call, ok := ast.Unparen(e.X).(*ast.CallExpr); ok {
				return c.context(call, scope)
			}
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Response" && len(e.Args) == 0 {
			if x, ok := sel.X.(*ast.Ident); ok && scope[x.Name] == famEcho {
				return x.Name, true
			}
		}
	}
	return "", false
}

// framework is what the methods of a gin or echo context write; the
// status is their first argument where imports.go's table says so.
type framework struct {
	responses, bodies, headers map[string]bool
	// noContent send no body whatever their arguments.
	noContent map[string]bool
}

var (
	frameworks = map[string]framework{
		famGin: {
			responses: words(ginResponses + " File FileAttachment FileFromFS"),
			bodies:    words("SSEvent Stream"),
			headers:   words("Header SetCookie"),
			noContent: words("Redirect AbortWithStatus AbortWithError File FileAttachment FileFromFS"),
		},
		famEcho: {
			responses: words(echoResponses + " File Attachment Inline"),
			headers:   words("SetCookie"),
			noContent: words("NoContent Redirect File Attachment Inline"),
		},
	}
	fiberBodies  = words("JSON JSONP XML Send SendString Render")
	renderWrites = words("JSON XML PlainText HTML Data NoContent Render Respond RenderList DefaultResponder")
	encoders     = []string{"encoding/json", "encoding/xml", "encoding/gob"}
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Classify tells what a call does to a response: n is a call, or an
// assignment to a header (w.Header()["X"] = v). scope gives the
// function's writers; false when n writes to no response.
func (c *Writes) Classify(n ast.Node, scope Scope) (Write, bool) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				if w, ok := c.headerOf(ix.X, scope); ok {
					w.Trailers = isTrailerKey(ix.Index)
					return w, true
				}
			}
		}
	case *ast.CallExpr:
		return c.call(n, scope)
	}
	return Write{}, false
}

// headerOf recognises X.Header() and returns the header write on X.
func (c *Writes) headerOf(e ast.Expr, scope Scope) (Write, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return Write{}, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" {
		return Write{}, false
	}
	if x, ok := sel.X.(*ast.Ident); ok && c.imp.byName[x.Name] != "" {
		return Write{}, false
	}
	key := c.WriterKey(sel.X, scope)
	if key == "" {
		return Write{}, false
	}
	return Write{Kind: HeaderWrite, Writer: key, Name: types.ExprString(sel.X) + ".Header()"}, true
}

func isTrailerKey(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return err == nil && (strings.EqualFold(s, "Trailer") || strings.HasPrefix(s, "Trailer:"))
	case *ast.BinaryExpr:
		return isTrailerKey(e.X)
	case *ast.SelectorExpr:
		return e.Sel.Name == "TrailerPrefix"
	}
	return false
}

func (c *Writes) call(call *ast.CallExpr, scope Scope) (Write, bool) {
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "delete" && len(call.Args) == 2 {
		if w, ok := c.headerOf(call.Args[0], scope); ok {
			w.Trailers = isTrailerKey(call.Args[1])
			return w, true
		}
		return Write{}, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel == nil {
		return Write{}, false
	}
	name := sel.Sel.Name
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	key := func(i int) string {
		if e := arg(i); e != nil {
			return c.WriterKey(e, scope)
		}
		return ""
	}
	write := func(kind WriteKind, writer, shown string) (Write, bool) {
		if writer == "" {
			return Write{}, false
		}
		return Write{Kind: kind, Writer: writer, Name: shown}, true
	}

	// Package functions: net/http, fmt, io, chi's render.
	if x, ok := sel.X.(*ast.Ident); ok {
		if p, isPkg := c.pkg[x.Name]; isPkg {
			shown := x.Name + "." + name
			switch {
			case p == "net/http":
				switch name {
				case "Error":
					w, ok := write(ResponseWrite, key(0), shown)
					w.Status, w.Body = arg(2), true
					return w, ok
				case "Redirect":
					w, ok := write(ResponseWrite, key(0), shown)
					w.Status = arg(3)
					return w, ok
				case "NotFound":
					w, ok := write(ResponseWrite, key(0), shown)
					w.Code, w.Body = 404, true
					return w, ok
				case "ServeContent", "ServeFile", "ServeFileFS":
					return write(ResponseWrite, key(0), shown)
				case "SetCookie":
					return write(HeaderWrite, key(0), shown)
				}
			case p == "fmt" && (name == "Fprint" || name == "Fprintf" || name == "Fprintln"),
				p == "io" && (name == "WriteString" || name == "Copy" || name == "CopyN" || name == "CopyBuffer"):
				return write(BodyWrite, key(0), shown)
			case p == "github.com/go-chi/render" && renderWrites[name]:
				return write(ResponseWrite, key(0), shown)
			}
			return Write{}, false
		}
	}

	// json.NewEncoder(w).Encode(v) and its xml and gob twins.
	if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && name == "Encode" && len(inner.Args) == 1 {
		if c.pkgFunc(inner, encoders...) == "NewEncoder" {
			k := c.WriterKey(inner.Args[0], scope)
			return write(BodyWrite, k, types.ExprString(inner.Fun)+"("+types.ExprString(inner.Args[0])+").Encode")
		}
	}

	recv := ast.Unparen(sel.X)
	shown := types.ExprString(recv) + "." + name

	// Framework contexts.
	if ctx, ok := recv.(*ast.Ident); ok && scope[ctx.Name] != famHTTP && scope[ctx.Name] != "" {
		fam := scope[ctx.Name]
		fw := frameworks[fam]
		switch {
		case fw.responses[name]:
			w, ok := write(ResponseWrite, ctx.Name, shown)
			w.Status = c.methodStatus(name, fam, call)
			w.Body = !fw.noContent[name] && hasContent(call.Args, 1)
			return w, ok
		case fw.bodies[name]:
			return write(BodyWrite, ctx.Name, shown)
		case fw.headers[name]:
			return write(HeaderWrite, ctx.Name, shown)
		}
		return Write{}, false
	}
	// fiber: c.Status(204).JSON(v).
	if inner, ok := recv.(*ast.CallExpr); ok && fiberBodies[name] && c.imp.has[famFiber] {
		if isel, ok := inner.Fun.(*ast.SelectorExpr); ok && isel.Sel.Name == "Status" && len(inner.Args) == 1 {
			if x, ok := isel.X.(*ast.Ident); ok && scope[x.Name] == famFiber {
				return Write{Kind: ResponseWrite, Writer: x.Name, Name: types.ExprString(isel) + "(…)." + name,
					Status: inner.Args[0], Body: hasContent(call.Args, 0), Buffered: true}, true
			}
		}
	}

	// Methods of a ResponseWriter, or of a gin or echo context's writer.
	switch name {
	case "WriteHeader":
		if len(call.Args) != 1 {
			return Write{}, false
		}
		if x, ok := recv.(*ast.SelectorExpr); ok && x.Sel.Name == "Writer" {
			if id, ok := x.X.(*ast.Ident); ok && scope[id.Name] == famGin {
				// gin's writer keeps the status until the body is
				// written (WriteHeaderNow sends it).
				return Write{}, false
			}
		}
		key := c.WriterKey(recv, scope)
		if root, _, _ := strings.Cut(key, "."); scope[root] == "" && !statusLike(call.Args[0]) {
			// Not known to be a response: tar.Writer has a WriteHeader too.
			return Write{}, false
		}
		w, ok := write(StatusWrite, key, shown)
		w.Status = call.Args[0]
		return w, ok
	case "WriteHeaderNow":
		if k, ok := c.context(recv, scope); ok && len(call.Args) == 0 {
			return write(StatusWrite, k, shown)
		}
	case "Write", "WriteString":
		if len(call.Args) == 1 {
			return write(BodyWrite, c.WriterKey(recv, scope), shown)
		}
	case "WriteTo":
		// buf.WriteTo(w)
		if len(call.Args) == 1 {
			return write(BodyWrite, key(0), shown)
		}
	case "Execute", "ExecuteTemplate":
		// A template's output.
		if len(call.Args) >= 2 {
			return write(BodyWrite, key(0), shown)
		}
	case "Set", "Add", "Del":
		if w, ok := c.headerOf(recv, scope); ok {
			w.Name += "." + name
			w.Trailers = len(call.Args) > 0 && isTrailerKey(call.Args[0])
			return w, true
		}
	}
	return Write{}, false
}

// statusLike reports whether an expression reads as a status: a number,
// a Status constant, or a name that says code or status (code,
// resp.StatusCode, rec.Code).
func statusLike(e ast.Expr) bool {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.BasicLit); ok {
		return lit.Kind == token.INT
	}
	text := strings.ToLower(types.ExprString(e))
	return strings.Contains(text, "code") || strings.Contains(text, "status")
}

// methodStatus returns the status argument of a framework method, as
// imports.go's table places it.
func (c *Writes) methodStatus(name, fam string, call *ast.CallExpr) ast.Expr {
	for _, m := range methods[name] {
		if m.family == fam && m.arg < len(call.Args) {
			return call.Args[m.arg]
		}
	}
	return nil
}

// hasContent reports whether a framework call's content argument, at
// index i, is something: not missing, nil or "".
func hasContent(args []ast.Expr, i int) bool {
	if i >= len(args) {
		return false
	}
	switch a := ast.Unparen(args[i]).(type) {
	case *ast.Ident:
		return a.Name != "nil"
	case *ast.BasicLit:
		return a.Value != `""` && a.Value != "``"
	}
	return true
}

// NoReturn reports whether a call never returns: panic, os.Exit,
// runtime.Goexit, and the Fatal and Panic functions and methods of
// loggers (log.Fatal, logger.Fatalf) and tests (t.Fatal, t.FailNow).
func (c *Writes) NoReturn(call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name == "panic"
	case *ast.SelectorExpr:
		name := fun.Sel.Name
		if x, ok := fun.X.(*ast.Ident); ok {
			switch c.pkg[x.Name] {
			case "os":
				return name == "Exit"
			case "runtime":
				return name == "Goexit"
			}
		}
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") && name != "Panics" ||
			name == "FailNow" || name == "SkipNow"
	}
	return false
}
