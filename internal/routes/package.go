// package.go: the functions and methods of a package by name, and the
// resolution of a handler expression to the functions that implement it.

package routes

import (
	"go/ast"
	"path"
	"strconv"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// Package indexes the declarations of a package's files.
type Package struct {
	files   []File
	funcs   map[string][]Func // top-level functions by name
	methods map[string][]Func // methods by name, whatever their receiver
	types   map[string][]Func // methods by receiver type name and method: "T.ServeHTTP"
	decls   typeDecls
	// imports maps, per file, each import name to its path.
	imports []map[string]string
}

// NewPackage indexes files.
func NewPackage(files []File) *Package {
	p := &Package{files: files, funcs: map[string][]Func{}, methods: map[string][]Func{}, types: map[string][]Func{},
		imports: make([]map[string]string, len(files)),
		decls:   typeDecls{structs: map[string]*ast.StructType{}, interfaces: map[string]bool{}}}
	for i, f := range files {
		p.imports[i] = map[string]string{}
		if f.File == nil {
			continue
		}
		p.decls.collect(f.File)
		for _, s := range f.File.Imports {
			ip, err := strconv.Unquote(s.Path.Value)
			if err != nil {
				continue
			}
			name := path.Base(golang.StripMajor(ip))
			if s.Name != nil {
				name = s.Name.Name
			}
			p.imports[i][name] = ip
		}
		for _, d := range f.File.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name == nil {
				continue
			}
			fn := Func{i, fd}
			if fd.Recv == nil || len(fd.Recv.List) == 0 {
				p.funcs[fd.Name.Name] = append(p.funcs[fd.Name.Name], fn)
				continue
			}
			p.methods[fd.Name.Name] = append(p.methods[fd.Name.Name], fn)
			if t := recvType(fd.Recv.List[0].Type); t != "" {
				p.types[t+"."+fd.Name.Name] = append(p.types[t+"."+fd.Name.Name], fn)
			}
		}
	}
	return p
}

// Funcs returns the package's top-level functions named name (more than
// one only across build-tagged files).
func (p *Package) Funcs(name string) []Func { return p.funcs[name] }

// Methods returns the package's methods named name, of any receiver.
func (p *Package) Methods(name string) []Func { return p.methods[name] }

// Method returns the methods named name of the type named typ.
func (p *Package) Method(typ, name string) []Func { return p.types[typ+"."+name] }

// Imported reports whether name is an import name in file i.
func (p *Package) Imported(i int, name string) bool { return p.ImportPath(i, name) != "" }

// ImportPath returns the path file i imports under name, "" if none.
func (p *Package) ImportPath(i int, name string) string {
	if i < 0 || i >= len(p.imports) {
		return ""
	}
	return p.imports[i][name]
}

// importsPath reports whether file i imports a path (any major version).
func (p *Package) importsPath(i int, ip string) bool {
	for _, v := range p.imports[i] {
		if golang.StripMajor(v) == ip {
			return true
		}
	}
	return false
}

// recvType returns the name of a receiver's type: T for T, *T, T[K].
func recvType(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// Handler resolves a handler expression written in fn (nil if unknown),
// in file i.
func (p *Package) Handler(e ast.Expr, file int, fn *Func) Handler {
	h := Handler{Name: exprText(e)}
	h.Funcs = p.resolve(e, file, fn, 0)
	switch c, isCall := e.(*ast.CallExpr); {
	case len(h.Funcs) == 0:
		p.elsewhere(&h, e, file)
	case isCall:
		// A wrapper of the package given a handler of another package
		// (Wrap(api.ListTags)): that handler runs inside it.
		for _, a := range c.Args {
			if sel, ok := a.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && p.Imported(file, id.Name) {
					h.Import, h.Func = p.imports[file][id.Name], sel.Sel.Name
					break
				}
			}
		}
	}
	return h
}

// elsewhere names a handler the package does not declare: a function of
// an imported package, or a method of a receiver of another package,
// looking through conversions (http.HandlerFunc(api.GetUser)).
func (p *Package) elsewhere(h *Handler, e ast.Expr, file int) {
	for {
		c, ok := e.(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			break
		}
		e = c.Args[0]
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if id, ok := sel.X.(*ast.Ident); ok && p.Imported(file, id.Name) {
		h.Import, h.Func = p.imports[file][id.Name], sel.Sel.Name
		return
	}
	h.Method = sel.Sel.Name
}

// maxDepth bounds the constructors and wrappers followed.
const maxDepth = 4

func (p *Package) resolve(e ast.Expr, file int, fn *Func, depth int) []Func {
	if depth > maxDepth {
		return nil
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return p.resolve(e.X, file, fn, depth)
	case *ast.FuncLit:
		return []Func{{file, e}}
	case *ast.Ident:
		return p.funcs[e.Name]
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok && p.Imported(file, id.Name) {
			return nil // a handler of another package
		}
		fns, _ := p.MethodCall(fn, e.X, e.Sel.Name)
		return fns
	case *ast.UnaryExpr:
		return p.resolve(e.X, file, fn, depth)
	case *ast.CompositeLit:
		// &bookHandler{...} serves with its ServeHTTP.
		return p.types[recvType(e.Type)+".ServeHTTP"]
	case *ast.CallExpr:
		return p.resolveCall(e, file, fn, depth)
	}
	return nil
}

// resolveCall resolves a handler made by a call: a conversion
// (http.HandlerFunc(f)) or a wrapper (middleware) given a handler, or a
// constructor of the package returning a closure or a value with
// ServeHTTP.
func (p *Package) resolveCall(c *ast.CallExpr, file int, fn *Func, depth int) []Func {
	var ctors []Func
	switch fun := c.Fun.(type) {
	case *ast.Ident:
		ctors = p.funcs[fun.Name]
	case *ast.SelectorExpr:
		if id, ok := fun.X.(*ast.Ident); !ok || !p.Imported(file, id.Name) {
			ctors, _ = p.MethodCall(fn, fun.X, fun.Sel.Name)
		}
	}
	// A conversion or a wrapper (middleware) is given the handler: the
	// argument that resolves.
	var out []Func
	for _, a := range c.Args {
		out = append(out, p.resolve(a, file, fn, depth+1)...)
	}
	if len(out) > 0 {
		return out
	}
	for _, ctor := range ctors {
		out = append(out, p.returned(ctor, depth)...)
	}
	return out
}

// returned resolves what a constructor returns.
func (p *Package) returned(ctor Func, depth int) []Func {
	fd, ok := ctor.Node.(*ast.FuncDecl)
	if !ok || fd.Body == nil || fd.Type.Results == nil {
		return nil
	}
	var out []Func
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a return inside a closure is the closure's
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				out = append(out, p.resolve(r, ctor.File, &ctor, depth+1)...)
			}
		}
		return true
	})
	return out
}

// exprText writes a short expression as it reads: h.getBook, getBook,
// "func literal".
func exprText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x := exprText(e.X); x != "" {
			return x + "." + e.Sel.Name
		}
		return e.Sel.Name
	case *ast.ParenExpr:
		return exprText(e.X)
	case *ast.UnaryExpr:
		return exprText(e.X)
	case *ast.StarExpr:
		return exprText(e.X)
	case *ast.FuncLit:
		return "func literal"
	case *ast.CallExpr:
		return exprText(e.Fun) + "(…)"
	case *ast.CompositeLit:
		return exprText(e.Type) + "{…}"
	}
	return ""
}
