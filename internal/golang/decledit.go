// decledit.go: typing in a function's body. The function is parsed alone
// (the file's text with everything but its imports and the function
// blanked out, so that offsets and lines stay), type-checked against the
// package as the last analysis of the whole package checked it, and the
// package's values are followed again from the flows that analysis kept,
// the function's replaced by its new ones. Where every object the flows
// of the rest of the package pass through ends as it was, the rest of the
// package's scan is the one before, moved by the length the function
// changed, and only the function is scanned; otherwise the package is
// analysed again. Each version is made from that last whole analysis, so
// that versions do not pile up on each other.

package golang

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// fullState is what a function typed into needs of the analysis of its
// whole package.
type fullState struct {
	consts packageConstants
	// flowed tells that the package's values were followed; typed is its
	// type information then.
	flowed bool
	typed  *typed
	flow   *flowAnalysis
	// final holds the status of every object the analysis found, kept
	// from the first edit on: an edit's flows start from none, and end
	// where final tells for the package outside the function edited.
	final map[*flowNode]flowNode
	// mu serialises the checks of edited functions against the packages
	// of typed, which each adds a file scope to; derived counts them.
	mu      sync.Mutex
	derived int
}

// maxDerived bounds the versions made from one analysis of a whole
// package; each keeps a little of the package's scope, and a parse of the
// edited file into its file set.
const maxDerived = 64

// fullStates holds the packages whose state is kept, the newest last: the
// file being typed in, and one more.
var fullStates struct {
	mu      sync.Mutex
	results []*packageResult
}

// maxStates bounds fullStates: a package's type information takes about
// ten times its source.
const maxStates = 2

// keepState keeps st for r, and forgets the state of the package kept the
// longest when there are more than maxStates.
func keepState(r *packageResult, st *fullState) {
	fullStates.mu.Lock()
	defer fullStates.mu.Unlock()
	r.state.Store(st)
	fullStates.results = append(fullStates.results, r)
	if len(fullStates.results) > maxStates {
		fullStates.results[0].state.Store(nil)
		fullStates.results = fullStates.results[1:]
	}
}

// Edited tells how a File was made from the scan of an earlier version of
// its file (File.Edited).
type Edited struct {
	// Base is the earlier scan's ID; Edit goes from its text to the
	// file's.
	Base uint64
	Edit lines.Edit
	// Span is what the edit changed, in the file's text: a comment, or a
	// function declaration. Everything the File holds outside it is the
	// earlier scan's, moved by Edit.Delta() after it.
	Span Span
	// For a function: Syntax is the file with the function alone (the
	// rest blanked out), its Package the package's other files and the
	// earlier version of the file without the function; Decl is the
	// function in it, and Before and BeforeDecl the earlier version's.
	// NewLines is how many more lines the function has than before.
	Syntax, Before   Syntax
	Decl, BeforeDecl *ast.FuncDecl
	NewLines         int
}

// Edited reports whether f was made from an earlier scan by an edit inside
// one comment or one function's body.
func (f *File) Edited() (Edited, bool) {
	if f.edited == nil {
		return Edited{}, false
	}
	return *f.edited, true
}

// baseOf returns the analysis of a whole package that pr is, or was made
// from, while its state is kept; nil otherwise.
func baseOf(pr *packageResult) *packageResult {
	if pr.base != nil {
		pr = pr.base
	}
	if pr.state.Load() == nil {
		return nil
	}
	return pr
}

// bodyEdited returns the result of the package of base whose file j now
// has the content k, src, when src differs from base's text of the file
// only inside one function's body, and the rest of the package's values
// are what they were; nil otherwise.
func bodyEdited(base *packageResult, j int, k fileKey, src []byte) (r *packageResult) {
	st := base.state.Load()
	old, f := base.parsed[j], base.files[j]
	if st == nil || old.err != nil || old.file == nil || old.tf == nil || f == nil || f.id == 0 {
		return nil
	}
	if recoverFlow {
		defer func() {
			if recover() != nil {
				r = nil
			}
		}()
	}
	e := diffEdit(old.src, src)
	tf := old.tf
	imp := importsOf(old.file)
	if e.IsNop() || imp.dotConstants() {
		return nil
	}
	if name, _ := imp.constants(); name == "" {
		// The file's ConstantsName is then what the whole file uses.
		return nil
	}
	var fd *ast.FuncDecl
	importsEnd := tf.Offset(old.file.Name.End())
	imports := 0
	for _, d := range old.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && fd == nil {
			importsEnd = tf.Offset(gd.End())
			imports++
			continue
		}
		if x, ok := d.(*ast.FuncDecl); ok && x.Body != nil && tf.Offset(x.Body.Lbrace) < e.Start && e.End <= tf.Offset(x.Body.Rbrace) {
			fd = x
		}
	}
	if fd == nil || fd.Name == nil {
		return nil
	}
	d := e.Delta()
	us, ue := tf.Offset(fd.Pos()), tf.Offset(fd.End())
	if importsEnd > us {
		return nil
	}
	// The function alone, where it stands in the new text.
	alone := make([]byte, len(src))
	for i, c := range src {
		if i >= importsEnd && (i < us || i >= ue+d) && c != '\n' {
			c = ' '
		}
		alone[i] = c
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.derived >= maxDerived {
		return nil
	}
	st.derived++
	fs := old.fset
	af, err := parser.ParseFile(fs, k.path, alone, parser.AllErrors|parser.SkipObjectResolution)
	if err != nil || af == nil || len(af.Decls) != imports+1 {
		return nil
	}
	nd, ok := af.Decls[imports].(*ast.FuncDecl)
	ntf := fs.File(af.FileStart)
	if !ok || ntf == nil || nd.Name == nil || nd.Name.Name != fd.Name.Name || nd.Body == nil || ntf.Offset(nd.End()) != ue+d {
		return nil
	}
	w := newWalker(ntf, imp, st.consts, 0, len(src))
	if st.flowed {
		pkg, im := st.typed.pkgs[af.Name.Name], st.typed.importers[af.Name.Name]
		if pkg == nil || im == nil {
			return nil
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
			Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		conf := types.Config{Importer: im, Error: func(error) {}, FakeImportC: true}
		// The function is declared already: go/types reports it
		// redeclared, and still checks its body, with the package's names
		// the objects they were.
		_ = types.NewChecker(&conf, fs, pkg, info).Files([]*ast.File{af})
		if !unitFlow(st, j, fd, nd, info, w) {
			return nil
		}
	} else {
		w.markSlots(&ast.File{Name: af.Name, Decls: []ast.Decl{nd}})
		if len(w.slots) > 0 || w.errorCall || bytes.Contains(src, []byte("tatus")) || bytes.Contains(src, []byte("Code")) {
			// Following values may find something now.
			return nil
		}
	}
	unit := &ast.File{Name: af.Name, Decls: []ast.Decl{nd}}
	lx, ok := relex(old.lex, src, us, ue, d)
	if !ok {
		return nil
	}
	var occs []occurrence.Occurrence
	for _, c := range lx.comments {
		if c[0] >= us && c[1] <= ue+d {
			occs = appendAnnotations(occs, src, c[0], c[1])
		}
	}
	occs = cleanOccurrences(w.emit(occs, unit), len(src))
	nf, ok := f.moved(Span{us, ue}, d, occs, w.sendSpans(nil), w.library)
	if !ok {
		return nil
	}
	nf.declStarts = lx.declStarts
	// The rules see the function alone, with the package's other files
	// and the file's other declarations as they were, for the helpers.
	rest := *old.file
	rest.Decls = slices.DeleteFunc(slices.Clone(old.file.Decls), func(x ast.Decl) bool { return x == fd })
	syn := base.syntax(j)
	syn.File, syn.Fset, syn.OK = af, fs, true
	syn.Package = append(slices.Clone(syn.Package), PackageFile{Path: k.path, Fset: fs, File: &rest})
	nf.edited = &Edited{Base: f.id, Edit: e, Span: Span{us, ue + d}, Syntax: syn, Before: base.syntax(j), Decl: nd, BeforeDecl: fd,
		NewLines: bytes.Count(src[us:ue+d], []byte("\n")) - bytes.Count(old.src[us:ue], []byte("\n"))}
	r = &packageResult{parsed: slices.Clone(base.parsed), files: slices.Clone(base.files), base: base}
	r.parsed[j] = &parsedFile{key: k, src: append([]byte(nil), src...), fset: fs, lex: lx, test: old.test, later: true}
	r.files[j] = nf
	return r
}

// unitFlow follows the values of the package with the function fd of
// file j replaced by nd, checked into info, from the flows st.flow found:
// fd's are replaced by nd's, in their place, and followed from none
// again. It reports whether the package outside the function ends as it
// was; then w holds the status positions of nd.
func unitFlow(st *fullState, j int, fd, nd *ast.FuncDecl, info *types.Info, w *walker) bool {
	a := st.flow
	u, ok := a.funcs[fd]
	if !ok || j >= len(a.seeds) {
		return false
	}
	maps := []map[types.Object]*flowNode{a.nodes, a.keys, a.elems}
	if st.final == nil {
		st.final = map[*flowNode]flowNode{}
		for _, m := range maps {
			for _, n := range m {
				st.final[n] = *n
			}
		}
	}
	defer func() {
		for _, m := range maps {
			for _, n := range m {
				*n = st.final[n]
			}
		}
	}()
	// The function's declaration and parameters are the ones the rest of
	// the package sees.
	base := st.typed.info
	info.Defs[nd.Name] = base.Defs[fd.Name]
	canon := map[types.Object]types.Object{}
	pair := func(was, is *ast.FieldList) bool {
		var olds, news []*ast.Ident
		for _, f := range was.List {
			olds = append(olds, f.Names...)
		}
		for _, f := range is.List {
			news = append(news, f.Names...)
		}
		if len(olds) != len(news) {
			return false
		}
		for i, id := range news {
			if o, n := base.Defs[olds[i]], info.Defs[id]; o != nil && n != nil {
				canon[n] = o
			}
		}
		return true
	}
	if (fd.Recv == nil) != (nd.Recv == nil) || fd.Recv != nil && !pair(fd.Recv, nd.Recv) ||
		!pair(fd.Type.Params, nd.Type.Params) || fd.Type.Results != nil && nd.Type.Results != nil && !pair(fd.Type.Results, nd.Type.Results) {
		return false
	}
	// Where fd's seeds are among its file's, in the order of the text.
	s0 := a.seeds[j][0]
	for s0 < a.seeds[j][1] && a.flags[s0].at < fd.Pos() {
		s0++
	}
	s1 := s0
	for s1 < a.seeds[j][1] && a.flags[s1].at < fd.End() {
		s1++
	}
	unit := &ast.File{Name: ast.NewIdent("_"), Decls: []ast.Decl{nd}}
	w.markSlots(unit)
	b := &flowAnalysis{info: info, nodes: a.nodes, keys: a.keys, elems: a.elems, canon: canon}
	w.info, w.soft = info, map[ast.Expr]bool{}
	w.constRefs, w.named = map[*ast.Ident]int{}, map[*ast.Ident]bool{}
	b.seed(j, w)
	seeds := len(b.flags)
	b.collect(j, w, unit)
	flags := slices.Concat(a.flags[:s0], b.flags[:seeds], a.flags[s1:u.flags[0]], b.flags[seeds:], a.flags[u.flags[1]:])
	c := &flowAnalysis{nodes: a.nodes,
		assigns:  slices.Concat(a.assigns[:u.assigns[0]], b.assigns, a.assigns[u.assigns[1]:]),
		compares: slices.Concat(a.compares[:u.compares[0]], b.compares, a.compares[u.compares[1]:])}
	for _, m := range maps {
		for _, n := range m {
			*n = flowNode{}
		}
	}
	for _, e := range flags {
		e.apply()
	}
	c.namedSources()
	c.propagate()
	// The rest of the package is as it was when every object its flows
	// pass through is.
	same := func(n *flowNode) bool { return n == nil || *n == st.final[n] }
	for k, e := range a.flags {
		if (k < s0 || k >= s1 && k < u.flags[0] || k >= u.flags[1]) && !same(e.node) {
			return false
		}
	}
	for k, e := range a.assigns {
		if (k < u.assigns[0] || k >= u.assigns[1]) && (!same(e.dst) || !same(e.src.node)) {
			return false
		}
	}
	for k, e := range a.compares {
		if (k < u.compares[0] || k >= u.compares[1]) && (!same(e.x.node) || !same(e.y.node)) {
			return false
		}
	}
	walkers := make([]*walker, j+1)
	walkers[j] = w
	(&flowAnalysis{assigns: b.assigns, compares: b.compares, walkers: walkers}).classify()
	return true
}

// relex returns the comments and declaration starts of src, the text lx
// was lexed from with [us, ue) replaced by [us, ue+d): those outside it
// moved, those inside lexed again.
func relex(lx lexed, src []byte, us, ue, d int) (lexed, bool) {
	var out lexed
	moved := func(o int) int {
		if o >= ue {
			return o + d
		}
		return o
	}
	for _, c := range lx.comments {
		if c[0] < us {
			if c[1] > us {
				return out, false
			}
			out.comments = append(out.comments, c)
		}
	}
	for _, o := range lx.declStarts {
		if o < us {
			out.declStarts = append(out.declStarts, o)
		}
	}
	fset := token.NewFileSet()
	tf := fset.AddFile("", fset.Base(), ue+d-us)
	var s scanner.Scanner
	s.Init(tf, src[us:ue+d], func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := tf.Offset(pos) + us
		switch tok {
		case token.COMMENT:
			out.comments = append(out.comments, [2]int{off, commentEnd(src[:ue+d], off, lit)})
		case token.FUNC, token.TYPE, token.VAR, token.CONST:
			if off == 0 || src[off-1] == '\n' {
				out.declStarts = append(out.declStarts, off)
			}
		}
	}
	for _, c := range lx.comments {
		if c[0] >= ue {
			out.comments = append(out.comments, [2]int{moved(c[0]), moved(c[1])})
		}
	}
	for _, o := range lx.declStarts {
		if o >= ue {
			out.declStarts = append(out.declStarts, moved(o))
		}
	}
	return out, true
}

// moved returns a copy of f for a text where [span) of f's text became
// span.End+d: what f holds outside span, moved, with occs, sends and
// library, the span's, in its place; false when something of f reaches
// into span from outside.
func (f *File) moved(span Span, d int, occs []occurrence.Occurrence, sends []Span, library map[int]bool) (*File, bool) {
	movedSpan := func(s Span) (Span, bool) {
		switch {
		case s.End <= span.Start:
			return s, true
		case s.Start >= span.End:
			return Span{s.Start + d, s.End + d}, true
		}
		return s, false
	}
	nf := *f
	nf.id = scans.Add(1)
	nf.edited = nil
	nf.Occurrences = nil
	inserted := false
	for _, o := range f.Occurrences {
		if o.Start >= span.Start && o.End <= span.End && o.Start < o.End {
			continue
		}
		if o.Start >= span.End && !inserted {
			nf.Occurrences, inserted = append(nf.Occurrences, occs...), true
		}
		s, ok := movedSpan(Span{o.Start, o.End})
		if !ok {
			return nil, false
		}
		o.Start, o.End = s.Start, s.End
		nf.Occurrences = append(nf.Occurrences, o)
	}
	if !inserted {
		nf.Occurrences = append(nf.Occurrences, occs...)
	}
	nf.SendSlots = nil
	for _, s := range f.SendSlots {
		if s.Start >= span.Start && s.End <= span.End {
			continue
		}
		s, ok := movedSpan(s)
		if !ok {
			return nil, false
		}
		nf.SendSlots = append(nf.SendSlots, s)
	}
	if len(sends) > 0 {
		nf.SendSlots = append(nf.SendSlots, sends...)
		slices.SortFunc(nf.SendSlots, func(a, b Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) })
		nf.SendSlots = slices.Compact(nf.SendSlots)
	}
	nf.library = nil
	for o := range f.library {
		if o < span.Start || o >= span.End {
			nf.library = setKey(nf.library, o+movedBy(o, span, d))
		}
	}
	for o := range library {
		nf.library = setKey(nf.library, o)
	}
	return &nf, true
}

// movedBy is how far an offset o outside span moves.
func movedBy(o int, span Span, d int) int {
	if o >= span.End {
		return d
	}
	return 0
}

func setKey(m map[int]bool, k int) map[int]bool {
	if m == nil {
		m = map[int]bool{}
	}
	m[k] = true
	return m
}
