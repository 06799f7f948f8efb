// package.go: the view of a package a scan takes from the files beside the
// one it scans, so that a status named by a package constant in another
// file is still a status.

package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
)

// Source is one Go file of a package.
type Source struct {
	// Path names the file; ScanPackage does not read it.
	Path string
	Src  []byte
}

// ScanPackage is ScanSyntax for files[i], with the other files of its
// package in view: the caller passes the directory's files that share the
// package clause, and the external _test package beside it. An index out
// of range scans nothing.
func ScanPackage(files []Source, i int) (f *File, syn Syntax) {
	if i < 0 || i >= len(files) {
		return &File{}, Syntax{}
	}
	defer func() {
		// As in ScanSyntax: a panic costs this file its analysis, not the
		// editor session.
		if recover() != nil {
			f, syn = &File{}, Syntax{}
		}
	}()
	consts := packageConstants{}
	for j, s := range files {
		if j == i {
			continue
		}
		af, _ := parser.ParseFile(token.NewFileSet(), "", s.Src, parser.SkipObjectResolution)
		consts.collect(af)
	}
	return scan(files[i].Src, consts)
}

// packageConstants maps the names of a package's top-level constants whose
// value is a status code (an integer, or a status constant of an imported
// package) to that code.
type packageConstants map[string]int

// collect adds the constants declared at the top level of af. A constant
// with no value of its own (iota, an implicit repetition) is left out.
func (pc packageConstants) collect(af *ast.File) {
	if af == nil {
		return
	}
	imp := importsOf(af.Imports)
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
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.INT {
			return 0, false
		}
		v, err := strconv.ParseInt(e.Value, 0, 64)
		if err != nil || v != int64(int(v)) {
			return 0, false
		}
		return int(v), true
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && e.Sel != nil && imp.qualifiesConstants(x.Name) {
			if c, ok := constant(e.Sel.Name); ok {
				return c.Code, true
			}
		}
	}
	return 0, false
}
