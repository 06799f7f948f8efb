// candidates.go: the positions a labelled file must have a label for.

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
)

// candidate is a position the labeller must judge.
type candidate struct {
	Offset int
	Text   string
	// Why says what made it a candidate: int (a literal 100..999),
	// const (a Status* name), near (another literal beside a status
	// word), annotation (a swaggo comment).
	Why string
}

var (
	statusName = regexp.MustCompile(`^Status[A-Z]`)
	// statusWord marks a call, field or operand beside which a literal
	// outside 100..999 may still be a status code.
	statusWord = regexp.MustCompile(`(?i)status|code|writeheader`)
	annotation = regexp.MustCompile(`(?i)@(success|failure|response|header)[ \t]+([0-9][0-9,]*)`)
)

// candidates lists the positions of src to label: every decimal integer
// literal 100..999, every Status* constant (net/http's names and the Status*
// constants the package declares, consts), integer literals outside that
// range that are an argument, a field value or an operand beside a
// status word, and the codes of swaggo annotations. A file that does not
// parse yields what its parseable part holds.
func candidates(src []byte, consts map[string]bool) []candidate {
	fset := token.NewFileSet()
	af, _ := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if af == nil {
		return nil
	}
	base := fset.File(af.Pos()).Base()
	off := func(p token.Pos) int { return int(p) - base }
	var out []candidate
	near := map[*ast.BasicLit]bool{}
	ast.Inspect(af, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if statusWord.MatchString(callName(n.Fun)) {
				for _, a := range n.Args {
					markNear(near, a)
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && statusWord.MatchString(k.Name) {
				markNear(near, n.Value)
			}
		case *ast.BinaryExpr:
			if statusWord.MatchString(callName(n.X)) {
				markNear(near, n.Y)
			}
			if statusWord.MatchString(callName(n.Y)) {
				markNear(near, n.X)
			}
		case *ast.SelectorExpr:
			if statusName.MatchString(n.Sel.Name) && isConst(n.Sel.Name, consts) {
				out = append(out, candidate{off(n.Pos()), string(src[off(n.Pos()):off(n.End())]), "const"})
				return false
			}
		case *ast.Ident:
			if statusName.MatchString(n.Name) && isConst(n.Name, consts) {
				out = append(out, candidate{off(n.Pos()), n.Name, "const"})
			}
		case *ast.BasicLit:
			if n.Kind != token.INT {
				break
			}
			v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
			switch {
			case err == nil && v >= 100 && v <= 999 && n.Value[0] != '0':
				out = append(out, candidate{off(n.Pos()), n.Value, "int"})
			case near[n]:
				out = append(out, candidate{off(n.Pos()), n.Value, "near"})
			}
		}
		return true
	})
	for _, cg := range af.Comments {
		for _, c := range cg.List {
			start := off(c.Pos())
			for _, m := range annotation.FindAllStringSubmatchIndex(c.Text, -1) {
				pos := m[4]
				for _, code := range strings.Split(c.Text[m[4]:m[5]], ",") {
					if code != "" {
						out = append(out, candidate{start + pos, code, "annotation"})
					}
					pos += len(code) + 1
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// markNear records lit when e is an integer literal, possibly negated
// or parenthesised.
func markNear(near map[*ast.BasicLit]bool, e ast.Expr) {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.UnaryExpr:
			e = x.X
			continue
		case *ast.BasicLit:
			if x.Kind == token.INT {
				near[x] = true
			}
		}
		return
	}
}

// callName is the last name of a call's function or of an operand:
// WriteHeader for w.WriteHeader, StatusCode for resp.StatusCode,
// Status for res.Status().
func callName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.CallExpr:
		return callName(x.Fun)
	case *ast.IndexExpr:
		return callName(x.X)
	}
	return ""
}

func isConst(name string, consts map[string]bool) bool {
	if _, ok := catalog.ByConstant(name); ok {
		return true
	}
	return consts[name]
}

// packageConsts are the Status* constants the files declare.
func packageConsts(files [][]byte) map[string]bool {
	consts := map[string]bool{}
	for _, src := range files {
		af, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if af == nil {
			continue
		}
		for _, d := range af.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if statusName.MatchString(n.Name) {
						consts[n.Name] = true
					}
				}
			}
		}
	}
	return consts
}
