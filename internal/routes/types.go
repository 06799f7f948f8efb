// types.go: the little of a receiver's type that syntax tells, so that
// x.Method(...) goes to the method of x's type rather than to every
// method of that name: the receiver of the enclosing method, a parameter,
// a local made from a composite literal, a field of a struct of the
// package. An interface type of the package means a dynamic call.

package routes

import "go/ast"

// typeDecls indexes the package's struct and interface types.
type typeDecls struct {
	structs    map[string]*ast.StructType
	interfaces map[string]bool
}

func (t *typeDecls) collect(af *ast.File) {
	for _, d := range af.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, sp := range gd.Specs {
			ts, ok := sp.(*ast.TypeSpec)
			if !ok || ts.Name == nil {
				continue
			}
			switch tt := ts.Type.(type) {
			case *ast.StructType:
				t.structs[ts.Name.Name] = tt
			case *ast.InterfaceType:
				t.interfaces[ts.Name.Name] = true
			}
		}
	}
}

// MethodCall resolves x.name(...) written in fn: the methods it may call,
// and whether the call is dynamic (x is of an interface type of the
// package, or a function-typed field). When x's type is not known, every
// method of that name is taken.
func (p *Package) MethodCall(fn *Func, x ast.Expr, name string) (fns []Func, dynamic bool) {
	t := p.typeOf(fn, x, 0)
	switch {
	case t == "":
		return p.methods[name], false
	case p.decls.interfaces[t]:
		return nil, true
	}
	if fns := p.types[t+"."+name]; len(fns) > 0 {
		return fns, false
	}
	if st, ok := p.decls.structs[t]; ok && fieldType(st, name) != nil {
		return nil, true // a function-typed field: siw.ErrorHandlerFunc(w, r, err)
	}
	// An embedded type's method, or a type of another package.
	return p.methods[name], false
}

// typeOf returns the name of the package type of x in fn, "" if unknown.
func (p *Package) typeOf(fn *Func, x ast.Expr, depth int) string {
	if depth > 4 || fn == nil {
		return ""
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return p.typeOf(fn, x.X, depth+1)
	case *ast.StarExpr:
		return p.typeOf(fn, x.X, depth+1)
	case *ast.Ident:
		return p.varType(fn, x.Name)
	case *ast.SelectorExpr:
		st, ok := p.decls.structs[p.typeOf(fn, x.X, depth+1)]
		if !ok {
			return ""
		}
		if ft := fieldType(st, x.Sel.Name); ft != nil {
			return recvType(ft)
		}
	}
	return ""
}

// varType returns the type name of a variable of fn: its receiver, a
// parameter, or a local defined from a composite literal or new(T).
func (p *Package) varType(fn *Func, name string) string {
	if fd, ok := fn.Node.(*ast.FuncDecl); ok && fd.Recv != nil {
		for _, f := range fd.Recv.List {
			for _, n := range f.Names {
				if n.Name == name {
					return recvType(f.Type)
				}
			}
		}
	}
	if t := fn.Type(); t != nil && t.Params != nil {
		for _, f := range t.Params.List {
			for _, n := range f.Names {
				if n.Name == name {
					return recvType(f.Type)
				}
			}
		}
	}
	var out string
	if body := fn.Body(); body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if out != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == name && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
						out = literalType(n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if id.Name != name {
						continue
					}
					if n.Type != nil {
						out = recvType(n.Type)
					} else if i < len(n.Values) {
						out = literalType(n.Values[i])
					}
				}
			}
			return true
		})
	}
	return out
}

// literalType returns T for T{...}, &T{...} and new(T).
func literalType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.UnaryExpr:
		return literalType(e.X)
	case *ast.CompositeLit:
		return recvType(e.Type)
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "new" && len(e.Args) == 1 {
			return recvType(e.Args[0])
		}
	}
	return ""
}

// fieldType returns the type of a struct's field, nil if it has none by
// that name.
func fieldType(st *ast.StructType, name string) ast.Expr {
	if st.Fields == nil {
		return nil
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == name {
				return f.Type
			}
		}
	}
	return nil
}
