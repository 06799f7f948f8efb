package golang

import (
	"bytes"
	"cmp"
	"errors"
	"go/ast"
	gconstant "go/constant"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
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
	// ConstantsName is how the file refers to a package that declares the
	// status constants under net/http's names: net/http's name when it is
	// imported, else fiber's or fasthttp's; "." where they are bare (a
	// dot-import, or the file belongs to fiber or fasthttp itself); else
	// the import whose constants the file uses (hertz's consts.StatusOK);
	// "" when there is none.
	ConstantsName string
	// Test is set for a _test.go file (ScanPackage with its path).
	Test bool
	// constantsFamily is the family ConstantsName refers to.
	constantsFamily string
	// SendSlots are the ranges of the expressions in send positions
	// (WriteHeader's argument, http.Error's code...), whether or not the
	// scan resolved their code: one without a Send occurrence inside is a
	// status the syntax does not tell.
	SendSlots []Span
	// library holds the starts of the occurrences LibraryError reports.
	library map[int]bool
	// declStarts are the file's top-level declarations (see lexed), from
	// which a completion scans.
	declStarts []int
	// id is the scan's ID (File.ID); edited tells how it was made from an
	// earlier scan, nil for a scan of the whole file.
	id     uint64
	edited *Edited
}

// Span is a range of byte offsets, End exclusive.
type Span struct{ Start, End int }

// LibraryError reports whether o, a code sent, stands in an exported error
// declaration named after it: a library's table of one error per code
// (func Error418Teapot, var ErrTeapot = NewHTTPError(418)). Such a code is
// offered, not chosen: the rules about what a server sends leave it alone.
func (f *File) LibraryError(o occurrence.Occurrence) bool { return f.library[o.Start] }

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
	// Package holds the other files of the package that ScanPackage was
	// given, as parsed (read-only; nil for ScanSyntax).
	Package []PackageFile
}

// SyntaxError is where go/parser found the first error, as a byte offset,
// and what it says.
type SyntaxError struct {
	Offset  int
	Message string
}

// ScanSyntax is Scan, and returns the syntax tree it read the file into,
// for the rules that need more than the occurrences. It is ScanPackage
// for a package of one file.
func ScanSyntax(src []byte) (f *File, syn Syntax) {
	return ScanPackage([]Source{{Src: src}}, 0)
}

// analysePackage scans every file of a package. The files that parse are
// type-checked together and their values followed (flow.go); a file with
// a syntax error is scanned declaration by declaration, from syntax, with
// the package's constants known by name.
func analysePackage(parsed []*parsedFile) *packageResult {
	r := &packageResult{parsed: parsed, files: make([]*File, len(parsed))}
	consts := packageConstants{}
	for _, p := range parsed {
		consts.collect(p.file)
	}
	walkers := make([]*walker, len(parsed))
	inParallel(len(parsed), func(j int) {
		if p := parsed[j]; p.err == nil && p.file != nil && p.tf != nil {
			w := newWalker(p.tf, importsOf(p.file), consts, 0, len(p.src))
			w.markSlots(p.file)
			walkers[j] = w
		}
	})
	st := &fullState{consts: consts, flowed: worthFlow(parsed, walkers)}
	if st.flowed {
		st.typed, st.flow = followFlows(parsed, walkers)
	}
	inParallel(len(parsed), func(j int) { r.files[j] = scanParsed(parsed[j], walkers[j], consts) })
	if !st.flowed || st.typed != nil {
		keepState(r, st)
	}
	return r
}

// worthFlow reports whether following values can find a status in the
// package: a file that parses has a status position, or one names a
// status or a code (resp.StatusCode, rec.Code, status := f()), or calls
// another package's error constructor (caddyhttp.Error(500, err)). Most
// packages that are not about HTTP have none of these, and skip the type
// check.
func worthFlow(parsed []*parsedFile, walkers []*walker) bool {
	typed := false
	for _, w := range walkers {
		if w != nil {
			typed = true
			if len(w.slots) > 0 || w.errorCall {
				return true
			}
		}
	}
	return typed && slices.ContainsFunc(parsed, func(p *parsedFile) bool {
		return bytes.Contains(p.src, []byte("tatus")) || bytes.Contains(p.src, []byte("Code"))
	})
}

// followFlows adds to the walkers the status positions that flow finds.
// Type-checking half-typed or unusual code is not known to panic; should
// it, the files keep what their syntax shows.
func followFlows(parsed []*parsedFile, walkers []*walker) (t *typed, a *flowAnalysis) {
	if recoverFlow {
		defer func() {
			if recover() != nil {
				t, a = nil, nil
			}
		}()
	}
	t = typeCheck(parsed)
	a = &flowAnalysis{info: t.info, nodes: map[types.Object]*flowNode{}, keys: map[types.Object]*flowNode{},
		elems: map[types.Object]*flowNode{}, walkers: walkers, funcs: map[*ast.FuncDecl]flowSpan{}, seeds: make([][2]int, len(walkers))}
	for j, w := range walkers {
		if w != nil {
			w.info, w.soft = a.info, map[ast.Expr]bool{}
			w.constRefs, w.named = map[*ast.Ident]int{}, map[*ast.Ident]bool{}
			a.seeds[j][0] = len(a.flags)
			a.seed(j, w)
			a.seeds[j][1] = len(a.flags)
			a.collect(j, w, parsed[j].file)
		}
	}
	a.namedSources()
	a.propagate()
	a.classify()
	// Kept for the functions typed into (decledit.go), which have walkers
	// of their own.
	a.walkers = nil
	return t, a
}

// recoverFlow is turned off by the tests, so that the fuzzer sees panics.
var recoverFlow = true

// scanParsed finishes the scan of one file: w is its walker with the
// status positions marked, nil when the file did not parse.
func scanParsed(p *parsedFile, w *walker, consts packageConstants) *File {
	src := p.src
	var occs []occurrence.Occurrence
	for _, c := range p.lex.comments {
		occs = appendAnnotations(occs, src, c[0], c[1])
	}
	imp := importsOf(p.file)
	var sends []Span
	if w != nil {
		occs = w.emit(occs, p.file)
		sends = w.sendSpans(sends)
	} else {
		// A syntax error can make the parser skip whole declarations while
		// it recovers. Parsing each top-level declaration on its own keeps
		// the damage to the declaration being edited.
		occs = scanChunks(occs, &sends, src, p.lex.declStarts, imp, consts)
	}

	slices.SortFunc(sends, func(a, b Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) })
	sends = slices.Compact(sends)
	f := &File{Occurrences: cleanOccurrences(occs, len(src)), SendSlots: sends, HTTPName: imp.httpName, Test: p.test,
		declStarts: p.lex.declStarts, id: scans.Add(1)}
	if w != nil {
		f.library = w.library
	}
	f.ConstantsName, f.constantsFamily = imp.constants()
	if f.ConstantsName == "" && w != nil {
		f.ConstantsName = w.constPkg
	}
	return f
}

// cleanOccurrences sorts occs, drops those outside a text of size bytes,
// and of overlapping ones keeps the first.
func cleanOccurrences(occs []occurrence.Occurrence, size int) []occurrence.Occurrence {
	occurrence.Sort(occs)
	out := occs[:0]
	for _, o := range occs {
		if o.Start < 0 || o.End > size || o.Start >= o.End {
			continue
		}
		if n := len(out); n > 0 && o.Start < out[n-1].End {
			continue
		}
		out = append(out, o)
	}
	return out
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
			cfset := token.NewFileSet()
			af, err := parser.ParseFile(cfset, "", chunk, parser.AllErrors|parser.SkipObjectResolution)
			var tf *token.File
			cfset.Iterate(func(f *token.File) bool { tf = f; return false })
			if af != nil && tf != nil {
				w := newWalker(tf, imp, consts, delta, len(src))
				w.markSlots(af)
				occs = w.emit(occs, af)
				*sends = w.sendSpans(*sends)
			}
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

// walker collects the occurrences of one parsed file. It walks twice:
// markSlots finds the status positions the syntax shows, flow adds those
// it follows values to, and emit turns the positions into occurrences.
type walker struct {
	imp *imports
	// consts are the package's status constants, by name, for a file
	// without type information.
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
	emitting bool
	// info is the package's type information, nil without it.
	info *types.Info
	// soft holds the values of status-named fields of the package's own
	// structs (see softKeys).
	soft map[ast.Expr]bool
	// library holds the starts of the occurrences libraryErrors found.
	library map[int]bool
	// constPkg is an import, not of a known family, whose status
	// constants the file uses (hertz's consts).
	constPkg string
	// errorCall is set when the file calls another package's error
	// constructor (see worthFlow).
	errorCall bool
	// constRefs are the identifiers that name an integer constant of the
	// package, with its value (set with info).
	constRefs map[*ast.Ident]int
	// named are the identifiers of constants named and valued as a
	// net/http status constant (StatusOK = 200 inside fiber): occurrences
	// wherever they stand.
	named map[*ast.Ident]bool
	occs  []occurrence.Occurrence
}

func newWalker(tf *token.File, imp *imports, consts packageConstants, delta, size int) *walker {
	return &walker{imp: imp, consts: consts, tf: tf, delta: delta, size: size, slots: map[ast.Expr]slot{}, dot: imp.dotConstants()}
}

// markSlots finds the status positions of af that syntax shows.
func (w *walker) markSlots(af *ast.File) {
	if w.dot && w.declared == nil {
		w.declared = declaredNames(af)
	}
	for _, d := range af.Decls {
		ast.Inspect(d, w.visit)
	}
}

// emit appends the occurrences of af to occs.
func (w *walker) emit(occs []occurrence.Occurrence, af *ast.File) []occurrence.Occurrence {
	first := len(occs)
	w.occs, w.emitting = occs, true
	w.markSlots(af)
	w.libraryErrors(af, w.occs[first:])
	return w.occs
}

// sendSpans appends the ranges of the expressions in send positions.
func (w *walker) sendSpans(sends []Span) []Span {
	for e, sl := range w.slots {
		if sl.role != occurrence.Send {
			continue
		}
		if start, end := w.offset(e.Pos()), w.offset(e.End()); start >= 0 && start < end && end <= w.size {
			sends = append(sends, Span{start, end})
		}
	}
	return sends
}

// libraryErrors records the codes sent in an exported error declaration
// named after its code: a library's table of one error per code (huma's
// Error418Teapot, echo's ErrTeapot = NewHTTPError(418)), which is not a
// server choosing 418 (File.LibraryError).
func (w *walker) libraryErrors(af *ast.File, occs []occurrence.Occurrence) {
	named := func(name string, start, end token.Pos) {
		if !ast.IsExported(name) || !strings.HasPrefix(name, "Err") {
			return
		}
		lo, hi := w.offset(start), w.offset(end)
		for _, o := range occs {
			if o.Role == occurrence.Send && lo <= o.Start && o.End <= hi && namesCode(name, o.Code) {
				if w.library == nil {
					w.library = map[int]bool{}
				}
				w.library[o.Start] = true
			}
		}
	}
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name != nil {
				named(d.Name.Name, d.Pos(), d.End())
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Names) == 1 {
					named(vs.Names[0].Name, vs.Pos(), vs.End())
				}
			}
		}
	}
}

// namesCode reports whether a name spells a code or its constant's name:
// Error418Teapot, ErrTeapot.
func namesCode(name string, code int) bool {
	if strings.Contains(name, strconv.Itoa(code)) {
		return true
	}
	e, ok := catalog.Lookup(code)
	return ok && e.GoConstant != "" && strings.HasSuffix(name, strings.TrimPrefix(e.GoConstant, "Status"))
}

// setSlot records a status position found by following values; it
// replaces a position whose role syntax could not tell.
func (w *walker) setSlot(e ast.Expr, sl slot) {
	if w == nil || e == nil {
		return
	}
	if old, ok := w.slots[e]; !ok || old.role == occurrence.Unresolved && sl.role != occurrence.Unresolved {
		w.slots[e] = sl
	}
}

// softKey records a composite-literal value that syntax took for a
// response's status field (Code: 404) but whose key names a field of the
// package's own struct: a test table's expected code is observed, not
// sent, when flow shows it compared.
func (w *walker) softKey(kv *ast.KeyValueExpr) {
	if key, ok := kv.Key.(*ast.Ident); ok && isKeyField(key.Name) {
		if v, ok := w.info.Uses[key].(*types.Var); ok && v.IsField() {
			w.soft[unparen(kv.Value)] = true
		}
	}
}

// constIdent records an identifier that names an integer constant of the
// package.
func (w *walker) constIdent(id *ast.Ident) {
	c, ok := w.info.Uses[id].(*types.Const)
	def := false
	if !ok {
		c, ok = w.info.Defs[id].(*types.Const)
		def = ok
	}
	if !ok || c.Pkg() == nil {
		return
	}
	v, ok := w.constValue(c)
	if !ok {
		return
	}
	named := namedStatus(id.Name, v)
	switch {
	case !def:
		w.constRefs[id] = v
	case named:
		// The declaration StatusOK = 200 defines the code by name.
		w.constRefs[id] = v
		w.setSlot(id, slot{ctx: "const " + id.Name, role: occurrence.Define})
	}
	w.named[id] = named
}

// constValue returns the value of an integer constant. A package-level
// constant whose value type-checking could not know (http.StatusOK, from
// an empty package) takes the value its declaration spells.
func (w *walker) constValue(c *types.Const) (int, bool) {
	if c.Val().Kind() == gconstant.Unknown {
		if c.Pkg() != nil && c.Parent() == c.Pkg().Scope() {
			v, ok := w.consts[c.Name()]
			return v, ok
		}
		return 0, false
	}
	v, exact := gconstant.Int64Val(gconstant.ToInt(c.Val()))
	if !exact || v != int64(int(v)) {
		return 0, false
	}
	return int(v), true
}

func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		w.call(n)
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			if sel, ok := codeSelector(n.X); ok {
				w.mark(n.Y, slot{ctx: sel + " " + n.Op.String(), role: occurrence.Observe})
			}
			if sel, ok := codeSelector(n.Y); ok {
				w.mark(n.X, slot{ctx: sel + " " + n.Op.String(), role: occurrence.Observe})
			}
		}
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				if sel, ok := codeSelector(l); ok {
					w.mark(n.Rhs[i], slot{ctx: sel + " =", role: occurrence.Send})
				}
			}
		}
	case *ast.SwitchStmt:
		if sel, ok := codeSelector(n.Tag); ok && n.Body != nil {
			for _, st := range n.Body.List {
				if cc, ok := st.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						w.mark(e, slot{ctx: "case " + sel, role: occurrence.Observe})
					}
				}
			}
		}
	case *ast.KeyValueExpr:
		if key, ok := n.Key.(*ast.Ident); ok {
			// A key that is an identifier names a struct field, not a
			// constant (a map keyed by StatusOK under a dot-import is
			// not worth the confusion).
			if isKeyField(key.Name) {
				w.mark(n.Value, slot{ctx: key.Name + ":", role: occurrence.Send})
				if cl, ok := unparen(n.Value).(*ast.CompositeLit); ok {
					// StatusCode: []int{200, 201}: codes, but not one
					// the response is sent with.
					for _, el := range cl.Elts {
						if lit, ok := unparen(el).(*ast.BasicLit); ok {
							if v, ok := intLit(lit); ok && v >= 100 && v <= 599 {
								w.mark(el, slot{ctx: key.Name + ":"})
							}
						}
					}
				}
			}
			if _, ok := w.constRefs[key]; ok {
				// A constant keys an array or map: StatusOK: "OK".
				w.visit(key)
			}
			if n.Value != nil {
				ast.Inspect(n.Value, w.visit)
			}
			return false
		}
	case *ast.BasicLit:
		if sl, ok := w.slots[n]; ok {
			if v, ok := intLit(n); ok && (v != 0 || !unset(sl)) {
				w.add(n, v, occurrence.Literal, sl)
			}
		}
	case *ast.SelectorExpr:
		if x, ok := n.X.(*ast.Ident); ok && n.Sel != nil && w.imp.namesConstants(x.Name) {
			if e, ok := constant(n.Sel.Name); ok {
				w.add(n, e.Code, occurrence.Constant, w.slots[n])
				if !w.imp.qualifiesConstants(x.Name) && w.emitting {
					w.constPkg = x.Name
				}
				return false
			}
		}
		// The selector's name is a field or method, never a constant,
		// unless it names a constant of the package under test.
		if code, ok := w.constRefs[n.Sel]; ok && w.slots[n] != (slot{}) {
			w.add(n, code, occurrence.Constant, w.slots[n])
			return false
		}
		if n.X != nil {
			ast.Inspect(n.X, w.visit)
		}
		return false
	case *ast.GenDecl:
		if n.Tok == token.CONST {
			w.constDecl(n)
		}
	case *ast.CompositeLit:
		w.phraseTable(n)
	case *ast.Ident:
		if w.constRefs != nil {
			if code, ok := w.constRefs[n]; ok {
				if sl, marked := w.slots[n]; marked || w.named[n] {
					w.add(n, code, occurrence.Constant, sl)
					return false
				}
			}
		} else if sl, ok := w.slots[n]; ok {
			if code, ok := w.consts[n.Name]; ok {
				w.add(n, code, occurrence.Constant, sl)
				return false
			}
		}
		if w.dot && !w.declared[n.Name] && (w.info == nil || w.info.Uses[n] == nil) {
			if e, ok := constant(n.Name); ok {
				w.add(n, e.Code, occurrence.Constant, w.slots[n])
			}
		}
	}
	return true
}

// constDecl marks the status constants a const declaration names in its
// values as definitions: const statusOK = http.StatusOK; and the value of
// a constant named as a net/http status constant: StatusOK = 200.
func (w *walker) constDecl(gd *ast.GenDecl) {
	for _, sp := range gd.Specs {
		vs, ok := sp.(*ast.ValueSpec)
		if !ok || len(vs.Names) != len(vs.Values) {
			continue
		}
		for k, v := range vs.Values {
			sl := slot{ctx: "const " + vs.Names[k].Name, role: occurrence.Define}
			lit, isLit := unparen(v).(*ast.BasicLit)
			if !isLit {
				w.mark(v, sl)
				continue
			}
			if code, ok := intLit(lit); ok && namedStatus(vs.Names[k].Name, code) {
				w.mark(v, sl)
			}
		}
	}
}

// phraseTable marks the keys of a status→text table, a map or array
// literal whose keys are codes and whose values, two at least, are their
// reason phrases: {200: "OK", 404: "Not Found"}.
func (w *walker) phraseTable(cl *ast.CompositeLit) {
	matches := 0
	for _, el := range cl.Elts {
		if code, phrase, ok := w.tableEntry(el); ok && isPhrase(code, phrase) {
			matches++
		}
	}
	if matches < 2 {
		return
	}
	for _, el := range cl.Elts {
		if code, _, ok := w.tableEntry(el); ok && code >= 100 && code <= 599 {
			w.mark(unparen(el.(*ast.KeyValueExpr).Key), slot{ctx: "table", role: occurrence.Define})
		}
	}
}

// tableEntry reads an element `404: "Not Found"` or `StatusNotFound:
// "Not Found"`.
func (w *walker) tableEntry(el ast.Expr) (int, string, bool) {
	kv, ok := el.(*ast.KeyValueExpr)
	if !ok {
		return 0, "", false
	}
	var code int
	switch k := unparen(kv.Key).(type) {
	case *ast.BasicLit:
		code, ok = intLit(k)
	case *ast.Ident:
		code, ok = w.constRefs[k]
	default:
		ok = false
	}
	v, isLit := unparen(kv.Value).(*ast.BasicLit)
	if !ok || !isLit || v.Kind != token.STRING {
		return 0, "", false
	}
	s, err := strconv.Unquote(v.Value)
	return code, s, err == nil
}

// isPhrase reports whether s is a reason phrase of code, current or older.
func isPhrase(code int, s string) bool {
	e, ok := catalog.Lookup(code)
	if !ok {
		return false
	}
	if strings.EqualFold(s, e.Phrase) {
		return true
	}
	for _, n := range e.OtherNames {
		if strings.EqualFold(s, n.Name) {
			return true
		}
	}
	return false
}

// unset reports whether a 0 in slot sl stands for no status rather than
// for a wrong one: compared (the status not set yet), or given to an error
// constructor (an example error, its status to come). Written to a
// response, 0 is a bug.
func unset(sl slot) bool {
	if sl.role == occurrence.Observe {
		return true
	}
	name := sl.ctx[strings.LastIndexByte(sl.ctx, '.')+1:]
	return sl.role == occurrence.Send && (name == "NewError" || name == "NewHTTPError" || name == "NewErrorWithContext")
}

// namedStatus reports whether a constant named name with value code
// declares a status code: StatusOK = 200, or a name of its own for a
// registered code (fiber's StatusNonAuthoritativeInformation = 203).
func namedStatus(name string, code int) bool {
	if e, ok := constant(name); ok {
		return e.Code == code
	}
	_, known := catalog.Lookup(code)
	return known && strings.HasPrefix(name, "Status") && code >= 100 && code <= 599
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
			if _, imported := w.imp.byName[x.Name]; imported && errorConstructors[fun.Sel.Name] {
				w.errorCall = true
			}
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
		} else if ce.method && statusMethodArg(ce.name, i) && w.statusConstant(a) {
			// c.JSON(consts.StatusOK, v) of a framework not known here:
			// a status constant where a known framework takes the status.
			w.mark(a, slot{ctx: ce.written, role: occurrence.Send})
		}
	}
}

// statusConstant reports whether e is a status constant of an import:
// http.StatusOK, consts.StatusOK.
func (w *walker) statusConstant(e ast.Expr) bool {
	s, ok := unparen(e).(*ast.SelectorExpr)
	if !ok || s.Sel == nil {
		return false
	}
	x, ok := s.X.(*ast.Ident)
	if !ok || !w.imp.namesConstants(x.Name) {
		return false
	}
	_, ok = constant(s.Sel.Name)
	return ok
}

// mark records e (parentheses removed) as a status position. The first
// slot given wins: the walk meets outer constructs first.
func (w *walker) mark(e ast.Expr, sl slot) {
	e = unparen(e)
	if e == nil {
		return
	}
	if _, ok := w.slots[e]; !ok {
		w.slots[e] = sl
	}
}

func (w *walker) add(n ast.Node, code int, kind occurrence.Kind, sl slot) {
	if !w.emitting {
		return
	}
	start, end := w.offset(n.Pos()), w.offset(n.End())
	if start < 0 || end > w.size || start >= end {
		return
	}
	w.occs = append(w.occs, occurrence.Occurrence{Start: start, End: end, Code: code, Kind: kind, Role: sl.role, Context: sl.ctx, Boundary: sl.boundary})
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
