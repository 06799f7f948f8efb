// goimport.go: how a fix names net/http in a Go file, and the edit that
// imports it where the file does not (gin and echo handlers). The edit
// keeps the file as gofmt would: the path goes into the import block's
// group of standard packages in sorted place, or becomes a group of its
// own; a file without an import block gets `import "net/http"` after its
// package clause.

package lint

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// httpRef is how a fix writes a net/http constant.
type httpRef struct {
	ok bool
	// qualifier goes before the constant's name: "http.", "nethttp.", ""
	// for a dot-import; shownQualifier is what messages show.
	qualifier, shownQualifier string
	// importEdit adds the import; nil when the file has it.
	importEdit *Edit
	// safe is false when the file did not parse, so that the import edit
	// could not be placed with confidence.
	safe bool
}

func (s *goSyntax) httpRef(src []byte, httpName string) httpRef {
	switch httpName {
	case ".":
		return httpRef{ok: true, safe: true}
	case "":
	default:
		return httpRef{ok: true, safe: true, qualifier: httpName + ".", shownQualifier: httpName + "."}
	}
	ref := httpRef{qualifier: "http.", shownQualifier: "http."}
	if s.File == nil {
		return ref
	}
	name := "http"
	if s.nameTaken("http") {
		name = "nethttp"
		ref.qualifier, ref.shownQualifier = "nethttp.", "nethttp."
	}
	spec := strconv.Quote("net/http")
	if name != "http" {
		spec = name + " " + spec
	}
	e, ok := s.importEdit(src, spec)
	if !ok {
		return ref
	}
	ref.ok, ref.safe, ref.importEdit = true, s.OK, &e
	return ref
}

// nameTaken reports whether an import of the file already uses name, or
// the file declares it at top level.
func (s *goSyntax) nameTaken(name string) bool {
	for _, im := range s.imports() {
		if im.name == name {
			return true
		}
	}
	for _, d := range s.File.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name != nil && d.Name.Name == name {
				return true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.Name == name {
							return true
						}
					}
				case *ast.TypeSpec:
					if sp.Name != nil && sp.Name.Name == name {
						return true
					}
				}
			}
		}
	}
	return false
}

// isStd reports whether an import path is of the standard library: its
// first element has no dot.
func isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// importEdit returns the edit adding the import spec (`"net/http"` or
// `name "net/http"`).
func (s *goSyntax) importEdit(src []byte, spec string) (Edit, bool) {
	nl := newline(src)
	var block *ast.GenDecl
	for _, d := range s.File.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			if g.Lparen.IsValid() && g.Rparen.IsValid() {
				block = g
			}
			break
		}
	}
	if block == nil || len(block.Specs) == 0 {
		// After the package clause, as a declaration of its own.
		end := s.offset(s.File.Name.End())
		if end < 0 || s.File.Name.Name == "" {
			return Edit{}, false
		}
		at := lineEnd(src, end)
		if strings.Contains(string(src[end:at]), "/*") {
			return Edit{}, false
		}
		return Edit{Start: at, End: at, NewText: nl + nl + "import " + spec}, true
	}

	// Runs of specs on consecutive lines are the groups gofmt sorts.
	type spec_ struct {
		path       string
		start, end int // the line holding the spec (and its doc comment)
	}
	var groups [][]spec_
	prevLine := -2
	for _, sp := range block.Specs {
		is, ok := sp.(*ast.ImportSpec)
		if !ok || is.Path == nil {
			return Edit{}, false
		}
		p, err := strconv.Unquote(is.Path.Value)
		if err != nil {
			return Edit{}, false
		}
		first := is.Pos()
		if is.Doc != nil {
			first = is.Doc.Pos()
		}
		st, en := s.offset(first), s.offset(is.End())
		if st < 0 || en < 0 || lineStart(src, st) <= s.offset(block.Lparen) || nextLineStart(src, en) > s.offset(block.Rparen) {
			return Edit{}, false // specs sharing a line with a parenthesis
		}
		line := s.Fset.Position(first).Line
		if line != prevLine+1 || len(groups) == 0 {
			groups = append(groups, nil)
		}
		prevLine = s.Fset.Position(is.End()).Line
		groups[len(groups)-1] = append(groups[len(groups)-1], spec_{p, lineStart(src, st), nextLineStart(src, en)})
	}
	for _, g := range groups {
		std := false
		for _, sp := range g {
			std = std || isStd(sp.path)
		}
		if !std {
			continue
		}
		for _, sp := range g {
			if sp.path > "net/http" {
				return Edit{Start: sp.start, End: sp.start, NewText: lineIndent(src, sp.start) + spec + nl}, true
			}
		}
		last := g[len(g)-1]
		if last.end >= len(src) || src[last.end-1] != '\n' {
			return Edit{}, false
		}
		return Edit{Start: last.end, End: last.end, NewText: lineIndent(src, lineStart(src, last.end-1)) + spec + nl}, true
	}
	// No group of standard packages: a new one before the first group.
	first := groups[0][0]
	return Edit{Start: first.start, End: first.start, NewText: lineIndent(src, first.start) + spec + nl + nl}, true
}
