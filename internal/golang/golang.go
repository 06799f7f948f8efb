package golang

import (
	"bytes"
	"cmp"
	"errors"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// File is what Scan found in one Go file.
type File struct {
	// Occurrences are sorted by Start and do not overlap.
	Occurrences []occurrence.Occurrence
	// HTTPName is how net/http is referred to in this file: "http", an
	// alias, "." for a dot-import, "" when it is not imported.
	HTTPName string
	// SendSlots are the ranges of the expressions in send positions
	// (WriteHeader's argument, http.Error's code...), whether or not the
	// scan resolved their code: one without a Send occurrence inside is a
	// status the syntax does not tell.
	SendSlots []Span
	// declStarts are the file's top-level declarations (see lexed), from
	// which a completion scans.
	declStarts []int
}

// Span is a range of byte offsets, End exclusive.
type Span struct{ Start, End int }

// Scan finds the status codes written in a Go file. It accepts any input:
// a file that does not parse yields what its parseable parts hold.
func Scan(src []byte) *File {
	f, _ := ScanSyntax(src)
	return f
}

// Syntax is a Go file as go/parser reads it whole, comments included.
type Syntax struct {
	Fset *token.FileSet
	File *ast.File // nil when nothing parsed; with errors, what did
	OK   bool      // the file parsed without error
	// Error is the first syntax error, nil when OK.
	Error *SyntaxError
}

// SyntaxError is where go/parser found the first error, as a byte offset,
// and what it says.
type SyntaxError struct {
	Offset  int
	Message string
}

// ScanSyntax is Scan, and returns the syntax tree it read the file into,
// for the rules that need more than the occurrences.
func ScanSyntax(src []byte) (f *File, syn Syntax) {
	defer func() {
		// The parser and the walk are not known to panic; should they,
		// an editor session is worth more than this file's analysis.
		if recover() != nil {
			f, syn = &File{}, Syntax{}
		}
	}()
	return scan(src, packageConstants{})
}

// scan reads one file; consts are the status constants the rest of its
// package declares.
func scan(src []byte, consts packageConstants) (*File, Syntax) {
	lex := lexFile(src)
	var occs []occurrence.Occurrence
	for _, c := range lex.comments {
		occs = appendAnnotations(occs, src, c[0], c[1])
	}

	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, "", src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	syn := Syntax{Fset: fset, File: af, OK: err == nil && af != nil}
	if len(bytes.TrimSpace(src)) > 0 {
		// An empty file is one being created, not a broken one.
		syn.Error = firstError(err, len(src))
	}
	imp := importsOf(af.Imports)
	consts.collect(af)
	var sends []Span
	if err == nil {
		occs = walkFile(occs, &sends, fset, af, imp, consts, 0, len(src))
	} else {
		// A syntax error can make the parser skip whole declarations while
		// it recovers. Parsing each top-level declaration on its own keeps
		// the damage to the declaration being edited.
		occs = scanChunks(occs, &sends, src, lex.declStarts, imp, consts)
	}

	slices.SortFunc(sends, func(a, b Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) })
	sends = slices.Compact(sends)
	occurrence.Sort(occs)
	out := occs[:0]
	for _, o := range occs {
		if o.Start < 0 || o.End > len(src) || o.Start >= o.End {
			continue
		}
		if n := len(out); n > 0 && o.Start < out[n-1].End {
			continue
		}
		out = append(out, o)
	}
	return &File{Occurrences: out, SendSlots: sends, HTTPName: imp.httpName, declStarts: lex.declStarts}, syn
}

// firstError returns the first of go/parser's errors (they come sorted by
// position), its offset kept within the text.
func firstError(err error, size int) *SyntaxError {
	var list scanner.ErrorList
	switch {
	case err == nil:
		return nil
	case errors.As(err, &list) && len(list) > 0:
		return &SyntaxError{Offset: min(max(list[0].Pos.Offset, 0), size), Message: list[0].Msg}
	}
	return &SyntaxError{Message: err.Error()}
}

// chunkPrefix makes a declaration cut out of a file parse as a file.
const chunkPrefix = "package p;"

// scanChunks parses src[0:starts[0]] (package clause and imports) and each
// src[starts[i]:starts[i+1]] as a separate file.
func scanChunks(occs []occurrence.Occurrence, sends *[]Span, src []byte, starts []int, imp *imports, consts packageConstants) []occurrence.Occurrence {
	bounds := append([]int{0}, starts...)
	bounds = append(bounds, len(src))
	for i := 0; i+1 < len(bounds); i++ {
		lo, hi := bounds[i], bounds[i+1]
		if lo >= hi {
			continue
		}
		var chunk []byte
		delta := lo
		if i > 0 {
			chunk = append([]byte(chunkPrefix), src[lo:hi]...)
			delta = lo - len(chunkPrefix)
		} else {
			chunk = append([]byte(nil), src[lo:hi]...)
		}
		prevErr := -1
		for attempt := 0; ; attempt++ {
			fset := token.NewFileSet()
			af, err := parser.ParseFile(fset, "", chunk, parser.AllErrors|parser.SkipObjectResolution)
			occs = walkFile(occs, sends, fset, af, imp, consts, delta, len(src))
			if err == nil || attempt == maxRepairs || !blankErrorLine(chunk, err, &prevErr) {
				break
			}
		}
	}
	return occs
}

// maxRepairs bounds the lines blanked out of one declaration.
const maxRepairs = 3

// blankErrorLine overwrites with blanks the line that most likely holds
// the half-typed code behind a syntax error, so that a new parse recovers
// the statements after it (the parser, lost after "http.", may skip the
// rest of a function). The occurrences of every attempt are kept: blanking
// does not move offsets, and a line's occurrences come from the attempt
// before it was blanked. The first line of a chunk (the declaration) is
// never blanked. prevErr carries the offset of the previous attempt's
// first error. It returns false when there is nothing to blank.
func blankErrorLine(chunk []byte, err error, prevErr *int) bool {
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return false
	}
	off := min(max(list[0].Pos.Offset, 0), len(chunk))
	start := lines.StartAt(chunk, off)
	// An error at the first token of a line is usually the previous
	// line's fault: a call, selector or operator left open. If blanking
	// that did not move the error, the error's own line is to blame.
	if isBlank(chunk[start:off]) && off != *prevErr {
		for start > 0 {
			start = lines.StartAt(chunk, start-1)
			if !isBlank(chunk[start:lines.EndAt(chunk, start)]) {
				break
			}
		}
	}
	*prevErr = off
	if start < len(chunkPrefix) {
		return false
	}
	blanked := false
	for i, end := start, lines.EndAt(chunk, start); i < end; i++ {
		if chunk[i] != ' ' && chunk[i] != '\t' && chunk[i] != '\r' {
			chunk[i] = ' '
			blanked = true
		}
	}
	return blanked
}

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// lexed is what one pass of go/scanner over a file finds.
type lexed struct {
	// comments are the [start, end) offsets of every comment.
	comments [][2]int
	// declStarts are the offsets of func, type, var and const keywords
	// that begin a line: the top-level declarations of a formatted file.
	declStarts []int
}

func lexFile(src []byte) lexed {
	var lx lexed
	fset := token.NewFileSet()
	tf := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(tf, src, func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := tf.Offset(pos)
		switch tok {
		case token.COMMENT:
			lx.comments = append(lx.comments, [2]int{off, commentEnd(src, off, lit)})
		case token.FUNC, token.TYPE, token.VAR, token.CONST:
			if off == 0 || src[off-1] == '\n' {
				lx.declStarts = append(lx.declStarts, off)
			}
		}
	}
	return lx
}

// commentEnd returns the end offset of the comment starting at off. The
// scanner's literal drops carriage returns, so it cannot give the length.
func commentEnd(src []byte, off int, lit string) int {
	if strings.HasPrefix(lit, "/*") {
		if i := bytes.Index(src[off+2:], []byte("*/")); i >= 0 {
			return off + 2 + i + 2
		}
		return len(src)
	}
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// walker collects the occurrences of one parsed file.
type walker struct {
	imp *imports
	// consts are the package's status constants, by name.
	consts packageConstants
	tf     *token.File
	delta  int // added to offsets in tf to give offsets in the scanned source
	size   int // length of the scanned source
	// slots maps expressions in status positions to their context and role.
	slots map[ast.Expr]slot
	// declared holds every name the file declares; a bare StatusX under a
	// dot-import is a constant only when the file does not declare it.
	declared map[string]bool
	dot      bool
	occs     []occurrence.Occurrence
}

func walkFile(occs []occurrence.Occurrence, sends *[]Span, fset *token.FileSet, af *ast.File, imp *imports, consts packageConstants, delta, size int) []occurrence.Occurrence {
	if af == nil {
		return occs
	}
	var tf *token.File
	fset.Iterate(func(f *token.File) bool { tf = f; return false })
	if tf == nil {
		return occs
	}
	w := &walker{imp: imp, consts: consts, tf: tf, delta: delta, size: size, slots: map[ast.Expr]slot{}, occs: occs, dot: imp.dotConstants()}
	if w.dot {
		w.declared = declaredNames(af)
	}
	for _, d := range af.Decls {
		ast.Inspect(d, w.visit)
	}
	for e, sl := range w.slots {
		if sl.role != occurrence.Send {
			continue
		}
		if start, end := w.offset(e.Pos()), w.offset(e.End()); start >= 0 && start < end && end <= size {
			*sends = append(*sends, Span{start, end})
		}
	}
	return w.occs
}

func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		w.call(n)
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			if sel, ok := codeSelector(n.X); ok {
				w.mark(n.Y, slot{sel + " " + n.Op.String(), occurrence.Observe})
			}
			if sel, ok := codeSelector(n.Y); ok {
				w.mark(n.X, slot{sel + " " + n.Op.String(), occurrence.Observe})
			}
		}
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				if sel, ok := codeSelector(l); ok {
					w.mark(n.Rhs[i], slot{sel + " =", occurrence.Send})
				}
			}
		}
	case *ast.SwitchStmt:
		if sel, ok := codeSelector(n.Tag); ok && n.Body != nil {
			for _, st := range n.Body.List {
				if cc, ok := st.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						w.mark(e, slot{"case " + sel, occurrence.Observe})
					}
				}
			}
		}
	case *ast.KeyValueExpr:
		if key, ok := n.Key.(*ast.Ident); ok {
			// A key that is an identifier names a struct field, not a
			// constant (a map keyed by StatusOK under a dot-import is
			// not worth the confusion).
			if isCodeField(key.Name) {
				w.mark(n.Value, slot{key.Name + ":", occurrence.Send})
			}
			if n.Value != nil {
				ast.Inspect(n.Value, w.visit)
			}
			return false
		}
	case *ast.BasicLit:
		if sl, ok := w.slots[n]; ok && n.Kind == token.INT {
			if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil && v == int64(int(v)) {
				w.add(n, int(v), occurrence.Literal, sl)
			}
		}
	case *ast.SelectorExpr:
		if x, ok := n.X.(*ast.Ident); ok && n.Sel != nil && w.imp.qualifiesConstants(x.Name) {
			if e, ok := constant(n.Sel.Name); ok {
				w.add(n, e.Code, occurrence.Constant, w.slots[n])
				return false
			}
		}
		// The selector's name is a field or method, never a constant.
		if n.X != nil {
			ast.Inspect(n.X, w.visit)
		}
		return false
	case *ast.GenDecl:
		if n.Tok == token.CONST {
			w.constDecl(n)
		}
	case *ast.Ident:
		if sl, ok := w.slots[n]; ok {
			if code, ok := w.consts[n.Name]; ok {
				w.add(n, code, occurrence.Constant, sl)
				return false
			}
		}
		if w.dot && !w.declared[n.Name] {
			if e, ok := constant(n.Name); ok {
				w.add(n, e.Code, occurrence.Constant, w.slots[n])
			}
		}
	}
	return true
}

// constDecl marks the status constants a const declaration names in its
// values as definitions: const statusOK = http.StatusOK.
func (w *walker) constDecl(gd *ast.GenDecl) {
	for _, sp := range gd.Specs {
		vs, ok := sp.(*ast.ValueSpec)
		if !ok || len(vs.Names) != len(vs.Values) {
			continue
		}
		for k, v := range vs.Values {
			if _, lit := v.(*ast.BasicLit); !lit {
				w.mark(v, slot{"const " + vs.Names[k].Name, occurrence.Define})
			}
		}
	}
}

func constant(name string) (*catalog.Entry, bool) {
	if !strings.HasPrefix(name, "Status") {
		return nil, false
	}
	return catalog.ByConstant(name)
}

// call marks the status arguments of a call.
func (w *walker) call(c *ast.CallExpr) {
	var (
		ce callee
		ok bool
	)
	switch fun := c.Fun.(type) {
	case *ast.SelectorExpr:
		if fun.Sel == nil {
			return
		}
		if x, isIdent := fun.X.(*ast.Ident); isIdent {
			ce, ok = w.imp.packageCallee(x.Name, fun.Sel.Name)
		} else {
			ce, ok = callee{name: fun.Sel.Name, method: true, written: fun.Sel.Name}, true
		}
	case *ast.Ident:
		ce, ok = w.imp.bareCallee(fun.Name)
	}
	if !ok {
		return
	}
	codeSel := func(i int) bool {
		if i < 0 || i >= len(c.Args) {
			return false
		}
		_, ok := codeSelector(c.Args[i])
		return ok
	}
	for i, a := range c.Args {
		if sl, ok := w.imp.statusArg(ce, i, codeSel); ok {
			w.mark(a, sl)
		}
	}
}

// mark records e (parentheses removed) as a status position. The first
// slot given wins: the walk meets outer constructs first.
func (w *walker) mark(e ast.Expr, sl slot) {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	if e == nil {
		return
	}
	if _, ok := w.slots[e]; !ok {
		w.slots[e] = sl
	}
}

func (w *walker) add(n ast.Node, code int, kind occurrence.Kind, sl slot) {
	start, end := w.offset(n.Pos()), w.offset(n.End())
	if start < 0 || end > w.size || start >= end {
		return
	}
	w.occs = append(w.occs, occurrence.Occurrence{Start: start, End: end, Code: code, Kind: kind, Role: sl.role, Context: sl.ctx})
}

func (w *walker) offset(p token.Pos) int {
	if !p.IsValid() {
		return -1
	}
	return w.tf.Offset(p) + w.delta
}

// codeSelector reports whether e is x.StatusCode or x.Code and returns the
// selected name.
func codeSelector(e ast.Expr) (string, bool) {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel == nil || !isCodeField(s.Sel.Name) {
		return "", false
	}
	return s.Sel.Name, true
}

// declaredNames returns every name a file declares, at any scope.
func declaredNames(af *ast.File) map[string]bool {
	names := map[string]bool{}
	add := func(ids ...*ast.Ident) {
		for _, id := range ids {
			if id != nil {
				names[id.Name] = true
			}
		}
	}
	ast.Inspect(af, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.File:
			add(n.Name)
		case *ast.FuncDecl:
			add(n.Name)
		case *ast.ValueSpec:
			add(n.Names...)
		case *ast.TypeSpec:
			add(n.Name)
		case *ast.Field:
			add(n.Names...)
		case *ast.LabeledStmt:
			add(n.Label)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		}
		return true
	})
	return names
}
