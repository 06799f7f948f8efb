// respflow.go: the writes to a response along the paths of each function,
// for the rules status-written-twice, header-after-write, status-after-body
// and body-not-allowed (Go). Each function body becomes a control-flow
// graph (golang.org/x/tools/go/cfg); a forward may-analysis carries, for
// each response the function writes to, the states it can be in (nothing
// sent, status sent, body written, whole response written) and the write
// that first put it there. A package function that receives a response and
// always writes to it is summarised once and counts as one write at its
// call sites. Each block is revisited at most once per state a response can
// gain, so the cost of a function is linear in its size.

package lint

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// The states of a response. A set of them, as bits, is what a response
// may be at a point of the function.
const (
	kFresh      = iota // nothing sent
	kStatus            // status sent, no body yet
	kNoBody            // status 204, 205 or 304 sent
	kBody              // body written with no status first: 200 sent
	kStatusBody        // status sent, then body written
	kDone              // a whole response written
	kSomeStatus        // a status of unknown code sent: perhaps an interim 1xx
	nStates
)

func bit(k int) uint8 { return 1 << k }

// respState is what one response may be, and for each state the write
// that first put it there.
type respState struct {
	bits uint8
	from [nStates]*respEvent
}

// respEvent is one write in a function, or a call of a summarised helper.
type respEvent struct {
	golang.Write
	node   ast.Node // the call or assignment
	writer int      // index of the response among the function's
	code   int      // the status it sends, 0 when not known
}

// respStep is a node of a block and its writes, in the order they run.
type respStep struct {
	node   ast.Node
	events []*respEvent
	// errVar is set when the node assigns the error of its last write to
	// a variable (err := enc.Encode(v)): a test of it right after tells
	// the paths where that write failed, and wrote nothing.
	errVar string
}

// respFunc is one function body being analysed.
type respFunc struct {
	body *ast.BlockStmt
	// recv is the receiver's name in a method: a response reached through
	// it is one the type wraps and keeps track of (a ResponseWriter
	// wrapper's WriteHeader), not the analysis's business.
	recv    string
	results *ast.FieldList
	scope   golang.Scope
	wr      *golang.Writes
	// local tells that the function is in the file being checked: its
	// findings are reported and its status codes are known.
	local   bool
	writers []string
	steps   [][]respStep // by block index
	g       *cfg.CFG
	// trailers holds the responses on which the function declares
	// trailers: the header values they name are set after the body.
	trailers map[int]bool
	// escapes holds the responses passed to calls the analysis does not
	// know, which may write to them.
	escapes map[string]bool
	// ifEnds maps a call that is the last statement of an if block to
	// that statement, for the fix that returns after it; built on the
	// first fix.
	ifEnds map[*ast.CallExpr]*ast.ExprStmt
}

// respFinding is a finding of one of the rules the analysis serves.
type respFinding struct {
	rule string // the rule's ID
	f    Finding
}

// respAnalysis is the analysis of one file.
type respAnalysis struct {
	s *goSyntax
	// test tells a test file: its handlers write to recorders and
	// misbehave on purpose.
	test  bool
	src   []byte
	wr    *golang.Writes
	codes map[int]int // start offset of a sent status -> its code
	funcs map[string][]*respDecl
	meths map[string][]*respDecl
	out   []respFinding
	seen  map[ast.Node]bool
	// twice maps the first write of a status-written-twice finding to
	// the finding's index in out.
	twice map[ast.Node]int
}

// respDecl is a function declaration of the package, and its summary once
// computed.
type respDecl struct {
	decl *ast.FuncDecl
	wr   *golang.Writes
	// params maps the index of each response parameter to its family.
	params map[int]string
	// nparams counts the parameters; variadic tells that the last one is.
	nparams  int
	variadic bool
	// state: 0 not summarised, 1 in progress, 2 done.
	state   int
	summary map[int]golang.WriteKind
}

// respFindings returns the findings of the analysis for a rule, running
// it once per file.
func (p *Pass) respFindings(rule string) []Finding {
	s := p.gosyn
	if s == nil || s.File == nil {
		return nil
	}
	if !s.respDone {
		a := newRespAnalysis(s, p.Src, p.GoFile.Test)
		for _, o := range p.GoFile.Occurrences {
			if o.Role == occurrence.Send {
				a.codes[o.Start] = o.Code
			}
		}
		a.run()
		s.resp, s.respDone = a.out, true
	}
	var out []Finding
	for _, rf := range s.resp {
		if rf.rule == rule {
			out = append(out, rf.f)
		}
	}
	return out
}

// newRespAnalysis prepares the analysis of s, whose text is src; test
// tells a test file, as does an import of testing.
func newRespAnalysis(s *goSyntax, src []byte, test bool) *respAnalysis {
	return &respAnalysis{s: s, src: src, test: test || s.importsTesting(), wr: golang.NewWrites(s.File), codes: map[int]int{},
		funcs: map[string][]*respDecl{}, meths: map[string][]*respDecl{}, seen: map[ast.Node]bool{}, twice: map[ast.Node]int{}}
}

func (a *respAnalysis) run() {
	// Test files write to recorders and misbehave on purpose.
	if a.test {
		return
	}
	a.declareAll()
	for _, d := range a.s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		scope := golang.Scope{}
		a.params(fd.Type, a.wr, scope)
		a.function(fd.Body, fd.Type.Results, scope, recvName(fd))
	}
	sort.SliceStable(a.out, func(i, j int) bool { return a.out[i].f.Start < a.out[j].f.Start })
}

// declareAll records the functions of the file and of the package's
// other files for the summaries.
func (a *respAnalysis) declareAll() {
	for _, d := range a.s.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			a.declare(fd, a.wr)
		}
	}
	// The helpers of the package's other files count at their calls too.
	for _, pf := range a.s.Package {
		if pf.File == nil || pf.File.Name == nil || pf.File.Name.Name != a.s.File.Name.Name || strings.HasSuffix(pf.Path, "_test.go") {
			continue // test files' helpers serve tests only
		}
		wr := golang.NewWrites(pf.File)
		for _, d := range pf.File.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				a.declare(fd, wr)
			}
		}
	}
}

// declare records a package function for the summaries.
func (a *respAnalysis) declare(fd *ast.FuncDecl, wr *golang.Writes) {
	if fd.Name == nil || fd.Type == nil || fd.Type.Params == nil {
		return
	}
	// Every function and method is recorded, so that a method name that
	// several types declare stays ambiguous.
	d := &respDecl{decl: fd, wr: wr, params: map[int]string{}}
	for _, f := range fd.Type.Params.List {
		fam := wr.WriterType(f.Type)
		if _, ok := f.Type.(*ast.Ellipsis); ok {
			d.variadic = true
		}
		for k := 0; k < max(len(f.Names), 1); k++ {
			if fam != "" && fd.Body != nil && len(f.Names) > 0 && f.Names[k].Name != "_" {
				d.params[d.nparams] = fam
			}
			d.nparams++
		}
	}
	if fd.Recv != nil {
		a.meths[fd.Name.Name] = append(a.meths[fd.Name.Name], d)
	} else {
		a.funcs[fd.Name.Name] = append(a.funcs[fd.Name.Name], d)
	}
}

// recvName returns the name of a method's receiver, "" for a function.
func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 || len(fd.Recv.List[0].Names) == 0 {
		return ""
	}
	return fd.Recv.List[0].Names[0].Name
}

// params adds a function's response parameters to scope.
func (a *respAnalysis) params(ft *ast.FuncType, wr *golang.Writes, scope golang.Scope) {
	if ft == nil || ft.Params == nil {
		return
	}
	for _, f := range ft.Params.List {
		if fam := wr.WriterType(f.Type); fam != "" {
			for _, n := range f.Names {
				scope[n.Name] = fam
			}
		}
	}
}

// function analyses a function of the file and the function literals in
// it, each as a function of its own that sees the parameters around it.
func (a *respAnalysis) function(body *ast.BlockStmt, results *ast.FieldList, scope golang.Scope, recv string) {
	fn := &respFunc{body: body, results: results, scope: scope, wr: a.wr, local: true, recv: recv}
	a.analyse(fn)
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || lit.Body == nil {
			return true
		}
		inner := golang.Scope{}
		for k, v := range scope {
			inner[k] = v
		}
		a.params(lit.Type, a.wr, inner)
		a.function(lit.Body, lit.Type.Results, inner, recv)
		return false
	})
}

// analyse runs the analysis over one function and reports what it finds
// there when the function is local; it returns the states the function
// may leave each of its responses in.
func (a *respAnalysis) analyse(fn *respFunc) (exits []uint8) {
	defer func() {
		// A tree that go/parser recovered from errors can hold what
		// the graph builder does not expect: that function is skipped.
		if recover() != nil {
			exits = nil
		}
	}()
	if fn.local && !a.mayFind(fn) {
		return nil
	}
	fn.g = cfg.New(fn.body, func(call *ast.CallExpr) bool { return !fn.wr.NoReturn(call) })
	a.events(fn)
	if len(fn.writers) == 0 {
		return nil
	}
	in := make([][]respState, len(fn.g.Blocks))
	start := make([]respState, len(fn.writers))
	for i := range start {
		start[i].bits = bit(kFresh)
	}
	in[0] = start
	work := []int32{0}
	queued := make([]bool, len(fn.g.Blocks))
	queued[0] = true
	for len(work) > 0 {
		b := fn.g.Blocks[work[0]]
		work = work[1:]
		queued[b.Index] = false
		outs := a.block(fn, b, in[b.Index], false)
		for k, succ := range b.Succs {
			if merge(&in[succ.Index], outs[min(k, len(outs)-1)]) && !queued[succ.Index] {
				queued[succ.Index] = true
				work = append(work, succ.Index)
			}
		}
	}
	exits = make([]uint8, len(fn.writers))
	for _, b := range fn.g.Blocks {
		if in[b.Index] == nil {
			continue
		}
		outs := a.block(fn, b, in[b.Index], fn.local)
		if b.Return() != nil {
			for w := range exits {
				exits[w] |= outs[0][w].bits
			}
		}
	}
	return exits
}

// mayFind reports whether a function writes something other than body
// bytes (a status, a whole response, a header), which any finding needs:
// most functions of a package write no response, and need no graph.
func (a *respAnalysis) mayFind(fn *respFunc) bool {
	found := false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		w, ok := fn.wr.Classify(n, fn.scope)
		if !ok {
			w, ok = a.helperCall(n, fn)
		}
		found = ok && w.Kind != golang.BodyWrite
		return !found
	})
	return found
}

// merge adds the states of from to *to and reports whether it grew.
func merge(to *[]respState, from []respState) bool {
	if *to == nil {
		*to = append([]respState(nil), from...)
		return true
	}
	grew := false
	for w := range from {
		t := &(*to)[w]
		for k := 0; k < nStates; k++ {
			if from[w].bits&bit(k) != 0 && t.bits&bit(k) == 0 {
				t.bits |= bit(k)
				t.from[k] = from[w].from[k]
				grew = true
			}
		}
	}
	return grew
}

// events finds the writes of each block, and the responses they write to.
func (a *respAnalysis) events(fn *respFunc) {
	recorders := map[string]bool{}
	fn.steps = make([][]respStep, len(fn.g.Blocks))
	fn.escapes = map[string]bool{}
	// One step and one visit function serve every node: allocating them
	// per node took a fifth of the analysis.
	var (
		st   respStep
		last *ast.CallExpr
	)
	visit := func(m ast.Node) {
		if as, ok := m.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && fn.wr.Recorder(as.Rhs[i]) {
					recorders[id.Name] = true
				}
			}
		}
		w, ok := fn.wr.Classify(m, fn.scope)
		if !ok {
			w, ok = a.helperCall(m, fn)
		}
		if !ok {
			if call, isCall := m.(*ast.CallExpr); isCall {
				for _, arg := range call.Args {
					if k := fn.wr.WriterKey(arg, fn.scope); k != "" {
						fn.escapes[k] = true
					}
				}
			}
			return
		}
		ev := &respEvent{Write: w, node: m, code: w.Code}
		if w.Status != nil && fn.local {
			if c, ok := a.codes[a.s.offset(ast.Unparen(w.Status).Pos())]; ok {
				ev.code = c
			}
		}
		if w.Buffered {
			// The order of writes does not matter; the content does.
			if fn.local && w.Body && forbidsContent(ev.code) {
				a.reportContent(ev)
			}
			return
		}
		if w.Kind == golang.StatusWrite && ev.code >= 100 && ev.code < 200 {
			return // interim responses come before the final one
		}
		st.events = append(st.events, ev)
		last, _ = m.(*ast.CallExpr)
	}
	walk := &postWalker{f: visit}
	for _, b := range fn.g.Blocks {
		fn.steps[b.Index] = make([]respStep, 0, len(b.Nodes))
		for _, n := range b.Nodes {
			st, last = respStep{node: n}, nil
			walk.postorder(n)
			st.errVar = errVarOf(n, last)
			fn.steps[b.Index] = append(fn.steps[b.Index], st)
		}
	}
	guarded := map[ast.Node]bool{}
	for _, g := range flagGuards(fn.body) {
		ast.Inspect(g, func(n ast.Node) bool {
			if n != nil && !guarded[n] {
				guarded[n] = true
				return true
			}
			return false
		})
	}
	left := func(ev *respEvent) bool {
		return recorders[ev.Writer] || guarded[ev.node] ||
			fn.recv != "" && (ev.Writer == fn.recv || strings.HasPrefix(ev.Writer, fn.recv+"."))
	}
	// Left out: the responses above, and in a function whose findings
	// count, the writers written only with body bytes (a buffer, a file),
	// on which no rule can fire.
	dropped := map[string]bool{}
	bodyOnly := map[string]bool{}
	for _, s := range fn.steps {
		for _, st := range s {
			for _, ev := range st.events {
				if left(ev) {
					dropped[ev.Writer] = true
				}
				if _, seen := bodyOnly[ev.Writer]; !seen || ev.Kind != golang.BodyWrite {
					bodyOnly[ev.Writer] = ev.Kind == golang.BodyWrite
				}
			}
		}
	}
	if fn.local {
		for w, only := range bodyOnly {
			dropped[w] = dropped[w] || only
		}
	}
	// The responses kept are numbered.
	index := map[string]int{}
	fn.trailers = map[int]bool{}
	for i, s := range fn.steps {
		for j := range s {
			evs := s[j].events[:0]
			for _, ev := range s[j].events {
				if dropped[ev.Writer] {
					continue
				}
				if _, ok := index[ev.Writer]; !ok {
					index[ev.Writer] = len(fn.writers)
					fn.writers = append(fn.writers, ev.Writer)
				}
				ev.writer = index[ev.Writer]
				fn.trailers[ev.writer] = fn.trailers[ev.writer] || ev.Trailers
				evs = append(evs, ev)
			}
			fn.steps[i][j].events = evs
		}
	}
}

// flagGuards returns the blocks that keep track of what was written
// themselves: the body of an if whose condition requires !x, where the
// function sets x = true somewhere (if !wroteHeader { wroteHeader = true;
// w.WriteHeader(c) }). The writes to a response written in such a block
// are the function's business: the analysis does not see the flag.
func flagGuards(body *ast.BlockStmt) []*ast.BlockStmt {
	set := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for i, l := range as.Lhs {
				if i < len(as.Rhs) && goExpr(as.Rhs[i]) == "true" {
					set[goExpr(l)] = true
				}
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	if len(set) == 0 {
		return nil
	}
	var out []*ast.BlockStmt
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit
		}
		var conj func(e ast.Expr) bool
		conj = func(e ast.Expr) bool {
			switch e := ast.Unparen(e).(type) {
			case *ast.BinaryExpr:
				return e.Op == token.LAND && (conj(e.X) || conj(e.Y))
			case *ast.UnaryExpr:
				return e.Op == token.NOT && set[goExpr(e.X)]
			}
			return false
		}
		if conj(ifs.Cond) {
			out = append(out, ifs.Body)
		}
		return true
	})
	return out
}

// postWalker calls f for every node under a node after the nodes under
// it (a call after its arguments), skipping function literals and what a
// defer or go statement runs. Its stack serves every walk.
type postWalker struct {
	f     func(ast.Node)
	stack []ast.Node
}

func (p *postWalker) postorder(n ast.Node) {
	switch n.(type) {
	case *ast.DeferStmt, *ast.GoStmt:
		return
	}
	ast.Walk(p, n)
}

func (p *postWalker) Visit(m ast.Node) ast.Visitor {
	if m == nil {
		top := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		p.f(top)
		return nil
	}
	if _, ok := m.(*ast.FuncLit); ok {
		return nil
	}
	p.stack = append(p.stack, m)
	return p
}

// errVarOf returns the variable a node assigns the result of its last
// write to, when that is the error of the write: err := w.Encode(v),
// _, err = w.Write(b).
func errVarOf(n ast.Node, last *ast.CallExpr) string {
	as, ok := n.(*ast.AssignStmt)
	if !ok || last == nil || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != last || len(as.Lhs) == 0 {
		return ""
	}
	id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
	if !ok || id.Name == "_" {
		return ""
	}
	return id.Name
}

// helperCall recognises the call of a package function summarised as a
// write to a response it is given.
func (a *respAnalysis) helperCall(n ast.Node, fn *respFunc) (golang.Write, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return golang.Write{}, false
	}
	var cands []*respDecl
	var name string
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		cands, name = a.funcs[f.Name], f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && fn.wr.IsPackage(x.Name) {
			return golang.Write{}, false
		}
		cands, name = a.meths[f.Sel.Name], calleeName(f)
	}
	if len(cands) != 1 {
		return golang.Write{}, false
	}
	d := cands[0]
	if len(d.params) == 0 || d.variadic || call.Ellipsis.IsValid() || len(call.Args) != d.nparams {
		return golang.Write{}, false
	}
	sum := a.summarise(d)
	for i := range call.Args {
		kind := sum[i]
		if kind == 0 {
			continue
		}
		key := fn.wr.WriterKey(call.Args[i], fn.scope)
		if key == "" {
			continue
		}
		return golang.Write{Kind: kind, Writer: key, Name: name}, true
	}
	return golang.Write{}, false
}

// calleeName names a method call's callee as written: s.respond.
func calleeName(sel *ast.SelectorExpr) string {
	if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		return x.Name + "." + sel.Sel.Name
	}
	return sel.Sel.Name
}

// summarise returns what a helper does to each response parameter, by
// index: the kind of write it makes on every path, 0 when it writes on
// some paths only, or not at all.
func (a *respAnalysis) summarise(d *respDecl) map[int]golang.WriteKind {
	switch d.state {
	case 1:
		return nil // recursion
	case 2:
		return d.summary
	}
	d.state = 1
	scope := golang.Scope{}
	a.params(d.decl.Type, d.wr, scope)
	fn := &respFunc{body: d.decl.Body, results: d.decl.Type.Results, scope: scope, wr: d.wr, recv: recvName(d.decl)}
	exits := a.analyse(fn)
	d.summary = map[int]golang.WriteKind{}
	i := 0
	for _, f := range d.decl.Type.Params.List {
		for k := 0; k < max(len(f.Names), 1); k++ {
			if _, ok := d.params[i]; ok {
				d.summary[i] = summaryKind(fn, f.Names[k].Name, exits)
			}
			i++
		}
	}
	d.state = 2
	return d.summary
}

// summaryKind is the write a helper makes to the response named name on
// every path: a status alone, a body alone, a whole response; a header
// change when it writes nothing else.
func summaryKind(fn *respFunc, name string, exits []uint8) golang.WriteKind {
	w := -1
	for i, n := range fn.writers {
		if n == name {
			w = i
		}
	}
	if w < 0 || w >= len(exits) || exits[w] == 0 {
		return 0
	}
	bits := exits[w]
	switch {
	case bits == bit(kFresh):
		if fn.escapes[name] {
			return 0 // what it passes the response to may write
		}
		for _, steps := range fn.steps {
			for _, st := range steps {
				for _, ev := range st.events {
					if ev.writer == w && ev.Kind == golang.HeaderWrite && !ev.Trailers {
						return golang.HeaderWrite
					}
				}
			}
		}
		return 0
	case bits&bit(kFresh) != 0:
		return 0
	case bits&^(bit(kStatus)|bit(kNoBody)|bit(kSomeStatus)) == 0:
		return golang.StatusWrite
	case bits == bit(kBody):
		return golang.BodyWrite
	}
	return golang.ResponseWrite
}

// block runs the writes of a block over the states at its start and
// returns the states at its end, one for each successor when the block
// ends in a test that tells a write failed. With report, the findings on
// the way are recorded.
func (a *respAnalysis) block(fn *respFunc, b *cfg.Block, in []respState, report bool) [][]respState {
	cur := append([]respState(nil), in...)
	pending, pendingWriter := "", 0
	steps := fn.steps[b.Index]
	for i, st := range steps {
		for _, ev := range st.events {
			cur[ev.writer] = a.apply(fn, cur[ev.writer], ev, report)
		}
		if len(b.Succs) == 2 && i == len(steps)-1 {
			// The condition of an if: err != nil after a write, or the
			// write itself compared with nil. Where the write failed,
			// the connection is gone or nothing was written (an
			// encoder's value did not encode): what follows on that
			// response is not judged.
			name, neq, ok := nilTest(st.node)
			failed := -1
			switch {
			case ok && name != "" && name == pending:
				failed = pendingWriter
			case ok && name == "" && len(st.events) > 0:
				failed = st.events[len(st.events)-1].writer
			}
			if failed >= 0 {
				f := append([]respState(nil), cur...)
				f[failed] = respState{}
				if neq {
					return [][]respState{f, cur}
				}
				return [][]respState{cur, f}
			}
		}
		pending = ""
		if st.errVar != "" && len(st.events) > 0 {
			pending, pendingWriter = st.errVar, st.events[len(st.events)-1].writer
		}
	}
	return [][]respState{cur}
}

// nilTest recognises a condition x != nil or x == nil: it returns x's
// name ("" when x is a call) and whether the test is !=.
func nilTest(n ast.Node) (name string, neq, ok bool) {
	be, isBin := n.(*ast.BinaryExpr)
	if !isBin || be.Op != token.NEQ && be.Op != token.EQL {
		return "", false, false
	}
	x, y := ast.Unparen(be.X), ast.Unparen(be.Y)
	if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
		x, y = y, x
	}
	if id, ok := y.(*ast.Ident); !ok || id.Name != "nil" {
		return "", false, false
	}
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name, be.Op == token.NEQ, true
	case *ast.CallExpr:
		return "", be.Op == token.NEQ, true
	}
	return "", false, false
}

// apply runs one write over the states of its response.
func (a *respAnalysis) apply(fn *respFunc, s respState, ev *respEvent, report bool) respState {
	out := respState{}
	set := func(k int, from *respEvent) {
		if out.bits&bit(k) == 0 {
			out.bits |= bit(k)
			out.from[k] = from
		}
	}
	// The problem reported, the first found in this order of states.
	var (
		rule   string
		origin *respEvent
		origSt int
	)
	problem := func(r string, k int) {
		if rule == "" {
			rule, origin, origSt = r, s.from[k], k
		}
	}
	// The order in which states name the problem: the first write that
	// sent the whole response, then a status, then a body.
	order := []int{kDone, kStatus, kNoBody, kStatusBody, kBody, kSomeStatus, kFresh}
	for _, k := range order {
		if s.bits&bit(k) == 0 {
			continue
		}
		from := s.from[k]
		switch ev.Kind {
		case golang.StatusWrite:
			switch k {
			case kFresh:
				switch {
				case forbidsContent(ev.code):
					set(kNoBody, ev)
				case ev.code == 0:
					set(kSomeStatus, ev)
				default:
					set(kStatus, ev)
				}
			case kSomeStatus:
				set(k, from)
			case kBody:
				problem(statusAfterBodyID, k)
				set(k, from)
			default:
				problem(statusWrittenTwiceID, k)
				set(k, from)
			}
		case golang.BodyWrite:
			switch k {
			case kFresh:
				set(kBody, ev)
			case kStatus, kSomeStatus:
				set(kStatusBody, from)
			case kNoBody:
				problem(bodyNotAllowedID, k)
				set(k, from)
			case kDone:
				problem(statusWrittenTwiceID, k)
				set(k, from)
			default:
				set(k, from)
			}
		case golang.ResponseWrite:
			switch k {
			case kFresh:
				set(kDone, ev)
			case kSomeStatus:
				set(kDone, ev)
			case kBody:
				problem(statusAfterBodyID, k)
				set(kDone, from)
			default:
				problem(statusWrittenTwiceID, k)
				set(kDone, from)
			}
		case golang.HeaderWrite:
			if k != kFresh && k != kSomeStatus && !ev.Trailers && !fn.trailers[ev.writer] {
				problem(headerAfterWriteID, k)
			}
			set(k, from)
		}
	}
	if report && ev.Kind == golang.ResponseWrite && ev.Body && forbidsContent(ev.code) {
		a.reportContent(ev)
	}
	if report && rule != "" && origin != nil {
		a.report(fn, rule, ev, origin, origSt)
	}
	return out
}

func forbidsContent(code int) bool { return code == 204 || code == 205 || code == 304 }

func (a *respAnalysis) line(n ast.Node) int { return a.s.Fset.Position(n.Pos()).Line }

// report records the finding of rule at ev, whose response origin wrote
// first (in state k).
func (a *respAnalysis) report(fn *respFunc, rule string, ev, origin *respEvent, k int) {
	if a.seen[ev.node] {
		return
	}
	a.seen[ev.node] = true
	start, end := a.s.offset(ev.node.Pos()), a.s.offset(ev.node.End())
	os, oe := a.s.offset(origin.node.Pos()), a.s.offset(origin.node.End())
	if start < 0 || end < start || os < 0 || oe < os {
		return
	}
	line := a.line(origin.node)
	f := Finding{Start: start, End: end, namesLine: rule != bodyNotAllowedID,
		Related: []Related{{Start: os, End: oe, Message: "first written here"}}}
	switch rule {
	case statusWrittenTwiceID:
		if ev.Kind == golang.BodyWrite {
			f.Message = fmt.Sprintf("%s after %s (line %d): the response was already written on this path, and this adds to its body; return after line %d",
				ev.Name, origin.Name, line, line)
		} else {
			f.Message = fmt.Sprintf("%s after %s (line %d): the status is written twice on this path and the second is ignored; return after line %d, or write the status once",
				ev.Name, origin.Name, line, line)
		}
		if fx, ok := a.returnFix(fn, origin); ok {
			f.Fixes = []Fix{fx}
		}
	case statusAfterBodyID:
		f.Message = fmt.Sprintf("%s after %s (line %d): writing the body sent status 200, so this status is ignored; set the status before the body",
			ev.Name, origin.Name, line)
		f.Related[0].Message = "body written here"
	case headerAfterWriteID:
		f.Message = fmt.Sprintf("%s after %s (line %d): the header was sent with the status, so this change is lost; set headers before the first write",
			ev.Name, origin.Name, line)
		f.Related[0].Message = "header sent here"
	case bodyNotAllowedID:
		source := ""
		if e, ok := catalog.Lookup(origin.code); ok {
			source = " (" + e.Spec.String() + ")"
		}
		f.Severity = Warning
		f.Message = fmt.Sprintf("%s after %s(%d): a %d response has no content%s; remove the write, or send another status",
			ev.Name, origin.Name, origin.code, origin.code, source)
		f.Related[0].Message = fmt.Sprintf("status %d set here", origin.code)
	}
	if rule == statusWrittenTwiceID {
		// One missing return is one finding: at the write after the
		// first that comes first in the text.
		if i, ok := a.twice[origin.node]; ok {
			if f.Start < a.out[i].f.Start {
				a.out[i].f = f
			}
			return
		}
		a.twice[origin.node] = len(a.out)
	}
	a.out = append(a.out, respFinding{rule: rule, f: f})
}

// reportContent records a framework call that sends content with a
// status that has none: c.JSON(204, v).
func (a *respAnalysis) reportContent(ev *respEvent) {
	start, end := a.s.offset(ev.node.Pos()), a.s.offset(ev.node.End())
	if start < 0 || end < start {
		return
	}
	source := ""
	if e, ok := catalog.Lookup(ev.code); ok {
		source = " (" + e.Spec.String() + ")"
	}
	a.out = append(a.out, respFinding{rule: bodyNotAllowedID, f: Finding{Start: start, End: end, Severity: Warning,
		Message: fmt.Sprintf("%s sends content with status %d: a %d response has no content%s; drop the content, or send another status",
			ev.Name, ev.code, ev.code, source)}})
}

// returnFix inserts a return after the first write where it is the last
// statement of an if block, and the function may return there: it has no
// results or named ones, or it returns an error and the write is an echo
// call, which becomes the returned value.
func (a *respAnalysis) returnFix(fn *respFunc, origin *respEvent) (Fix, bool) {
	call, ok := origin.node.(*ast.CallExpr)
	if !ok {
		return Fix{}, false
	}
	if fn.ifEnds == nil {
		fn.ifEnds = ifEnds(fn.body)
	}
	stmt := fn.ifEnds[call]
	if stmt == nil {
		return Fix{}, false
	}
	start, end := a.s.offset(stmt.Pos()), a.s.offset(stmt.End())
	if start < 0 || end < start {
		return Fix{}, false
	}
	named := fn.results == nil || len(fn.results.List) == 0 || len(fn.results.List[0].Names) > 0
	if named {
		at := lineEnd(a.src, end)
		if rest := bytes.TrimSpace(a.src[end:at]); len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
			return Fix{}, false
		}
		return Fix{Title: "Return after " + origin.Name, Edits: []Edit{{Start: at, End: at,
			NewText: newline(a.src) + lineIndent(a.src, start) + "return"}}}, true
	}
	if len(fn.results.List) == 1 && len(fn.results.List[0].Names) == 0 && fn.scope[origin.Writer] == "echo" {
		return Fix{Title: "Return " + origin.Name, Edits: []Edit{{Start: start, End: start, NewText: "return "}}}, true
	}
	return Fix{}, false
}

// ifEnds maps the calls that end an if block (its body or else block)
// to their statement, function literals left out.
func ifEnds(body *ast.BlockStmt) map[*ast.CallExpr]*ast.ExprStmt {
	out := map[*ast.CallExpr]*ast.ExprStmt{}
	add := func(list []ast.Stmt) {
		if len(list) == 0 {
			return
		}
		if es, ok := list[len(list)-1].(*ast.ExprStmt); ok {
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
				out[call] = es
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			add(n.Body.List)
			if e, ok := n.Else.(*ast.BlockStmt); ok {
				add(e.List)
			}
		}
		return true
	})
	return out
}

// goExpr is an expression as written.
func goExpr(e ast.Expr) string { return types.ExprString(ast.Unparen(e)) }
