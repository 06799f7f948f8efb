// flow.go: which values are status codes, told by where they go rather
// than by their names. The files of a package are type-checked together
// (go/types, with an importer that gives every import an empty package, so
// that nothing outside the files is read), which makes locals, fields,
// parameters, results and constants objects. Values flow along
// assignments, arguments, returns and composite literals; a value that
// reaches a sink (WriteHeader, a framework status call, a StatusCode()
// method's result) is sent, one compared or asserted against a status
// source (resp.StatusCode, rec.Code, res.Status()) is observed, and the
// literals and constants that feed either are status codes with that role.

package golang

import (
	"cmp"
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// flowNode is what the analysis knows of one object: where the values it
// holds go, and whether it holds a status read from a source.
type flowNode struct {
	sink, obs, src, lookup bool
	// expect is set when the value is compared with a status read from
	// somewhere (rec.Code), not only with a code written out: it is an
	// expectation, such as a test table's.
	expect bool
	// sinkCtx and obsCtx name the sink or comparison the value reaches.
	sinkCtx, obsCtx, lookupCtx string
}

// status reports whether the node is known to carry a status code.
func (n *flowNode) status() bool { return n != nil && (n.sink || n.obs || n.src || n.lookup) }

// operand is an expression taking part in a flow.
type operand struct {
	expr ast.Expr // parentheses and conversions removed; nil for a table's keys
	node *flowNode
	// source is set for a status source (resp.StatusCode) and for a
	// status constant of another package (http.StatusOK).
	source bool
	// value is set for an integer literal or constant reference: the
	// expressions that become occurrences.
	value bool
	code  int
	file  int
	// name is how a comparison with this operand is described.
	name string
}

// assignEdge: the value of src goes to dst.
type assignEdge struct {
	dst *flowNode
	src operand
	// define marks a constant's declaration or a table's key.
	define bool
	ctx    string // the callee, for an argument
}

// compareEdge: x and y are compared (op is token.EQL for a switch case
// and an assert).
type compareEdge struct {
	x, y operand
	op   token.Token
}

// flowAnalysis is the flow of one package (with its external test
// package).
type flowAnalysis struct {
	info     *types.Info
	nodes    map[types.Object]*flowNode
	keys     map[types.Object]*flowNode // the keys of a map, array or slice object
	elems    map[types.Object]*flowNode // the elements of an array or slice object
	assigns  []assignEdge
	compares []compareEdge
	// flags are the statuses the syntax gives objects, in the order they
	// were given: the first names the sink or comparison.
	flags   []flagEvent
	walkers []*walker
	// canon maps the objects of a function checked again to the objects
	// they stand for (decledit.go); nil otherwise.
	canon map[types.Object]types.Object
	// funcs holds where the flows of each function declaration are in
	// flags, assigns and compares; seeds where each file's seeds are in
	// flags.
	funcs map[*ast.FuncDecl]flowSpan
	seeds [][2]int
}

// flowSpan is where the flows of one function are: [start, end) in
// flags (its seeds, then the statuses its walk gives), assigns, compares.
type flowSpan struct {
	seeds, flags, assigns, compares [2]int
}

// flagEvent gives node a status: role, named by ctx; at is where.
type flagEvent struct {
	node *flowNode
	role occurrence.Role
	ctx  string
	at   token.Pos
}

// flag records and applies a flagEvent.
func (a *flowAnalysis) flag(n *flowNode, role occurrence.Role, ctx string, at token.Pos) {
	e := flagEvent{node: n, role: role, ctx: ctx, at: at}
	a.flags = append(a.flags, e)
	e.apply()
}

func (e flagEvent) apply() {
	n := e.node
	switch e.role {
	case occurrence.Send:
		if !n.sink {
			n.sink, n.sinkCtx = true, e.ctx
		}
	case occurrence.Observe:
		if !n.obs {
			n.obs, n.obsCtx = true, e.ctx
		}
	case occurrence.Lookup:
		if !n.lookup {
			n.lookup, n.lookupCtx = true, e.ctx
		}
	}
}

// tolerantImporter gives every import path an empty package, except the
// package under test for its external test package. It returns the empty
// package with errNotRead: go/types reports that once per import and then
// takes the package's missing names (http.StatusOK) for known, instead of
// formatting an error at each use, which made a third of the check.
type tolerantImporter struct {
	pkgs  map[string]*types.Package
	under *types.Package
}

var errNotRead = errors.New("imports are not read")

func (im *tolerantImporter) Import(p string) (*types.Package, error) {
	if pk, ok := im.pkgs[p]; ok {
		return pk, nil
	}
	name := importName(p)
	if im.under != nil && name == im.under.Name() {
		im.pkgs[p] = im.under
		return im.under, nil
	}
	pk := types.NewPackage(p, name)
	pk.MarkComplete()
	im.pkgs[p] = pk
	return pk, errNotRead
}

// importName guesses the name a package is declared with from its path:
// the last element without a major version, "go-" prefix or ".vN" suffix.
func importName(p string) string {
	name := path.Base(stripMajor(p))
	name = strings.TrimPrefix(name, "go-")
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	return strings.NewReplacer("-", "_", ".", "_").Replace(name)
}

// typed is what typeCheck made of a package's files: the packages by
// name (the package, its external test package), with the importer each
// was checked with, and their Info.
type typed struct {
	info      *types.Info
	pkgs      map[string]*types.Package
	importers map[string]*tolerantImporter
}

// typeCheck checks the parsed files by package clause, the external test
// package after the package it tests, into one Info.
func typeCheck(parsed []*parsedFile) *typed {
	var fs *token.FileSet
	size := 0
	for _, p := range parsed {
		size += len(p.src)
	}
	// Sized for handler code, about one typed expression and one use in
	// 30 bytes: growing the maps took a tenth of the check.
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue, size/30),
		Defs:       make(map[*ast.Ident]types.Object, size/100),
		Uses:       make(map[*ast.Ident]types.Object, size/30),
		Selections: make(map[*ast.SelectorExpr]*types.Selection, size/100),
	}
	var names []string
	groups := map[string][]*ast.File{}
	for _, p := range parsed {
		if p.file == nil || p.file.Name == nil || p.file.Name.Name == "" || p.tf == nil {
			continue
		}
		fs = p.fset
		n := p.file.Name.Name
		if _, ok := groups[n]; !ok {
			names = append(names, n)
		}
		groups[n] = append(groups[n], p.file)
	}
	t := &typed{info: info, pkgs: map[string]*types.Package{}, importers: map[string]*tolerantImporter{}}
	check := func(name string) {
		im := &tolerantImporter{pkgs: map[string]*types.Package{}}
		if under, ok := strings.CutSuffix(name, "_test"); ok {
			im.under = t.pkgs[under]
		}
		conf := types.Config{Importer: im, Error: func(error) {}, FakeImportC: true}
		pkg, _ := conf.Check(name, fs, groups[name], info)
		t.pkgs[name], t.importers[name] = pkg, im
	}
	for _, n := range names {
		if !strings.HasSuffix(n, "_test") || groups[strings.TrimSuffix(n, "_test")] == nil {
			check(n)
		}
	}
	for _, n := range names {
		if strings.HasSuffix(n, "_test") && groups[strings.TrimSuffix(n, "_test")] != nil {
			check(n)
		}
	}
	return t
}

// node returns the node of obj, made on first use.
func (a *flowAnalysis) node(obj types.Object) *flowNode { return a.nodeIn(a.nodes, obj) }

func (a *flowAnalysis) keysOf(obj types.Object) *flowNode { return a.nodeIn(a.keys, obj) }

func (a *flowAnalysis) elemsOf(obj types.Object) *flowNode { return a.nodeIn(a.elems, obj) }

// nodeIn returns obj's node in nodes (its own, its keys', its elements'),
// made on first use: a generic object stands for its origin, and an
// edited function's parameter for the one callers see (canon).
func (a *flowAnalysis) nodeIn(nodes map[types.Object]*flowNode, obj types.Object) *flowNode {
	if obj == nil {
		return nil
	}
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
	}
	if c, ok := a.canon[obj]; ok {
		obj = c
	}
	n, ok := nodes[obj]
	if !ok {
		n = &flowNode{}
		nodes[obj] = n
	}
	return n
}

// container tells whether obj holds a map (keys) or an array or slice
// (keys are indexes, and elements).
func container(obj types.Object) (isMap, isList bool) {
	if obj == nil || obj.Type() == nil {
		return false, false
	}
	switch t := obj.Type().Underlying().(type) {
	case *types.Map:
		return true, false
	case *types.Slice, *types.Array:
		return false, true
	case *types.Pointer:
		_, arr := t.Elem().Underlying().(*types.Array)
		return false, arr
	}
	return false, false
}

// strip removes parentheses, conversions (int(x)) and dereferences.
func (a *flowAnalysis) strip(e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			if len(x.Args) != 1 || !a.info.Types[x.Fun].IsType() {
				return e
			}
			e = x.Args[0]
		default:
			return e
		}
	}
}

// object returns the variable or constant an identifier or selector
// names, nil for anything else.
func (a *flowAnalysis) object(e ast.Expr) types.Object {
	var obj types.Object
	switch e := e.(type) {
	case *ast.Ident:
		obj = a.info.Uses[e]
		if obj == nil {
			obj = a.info.Defs[e]
		}
	case *ast.SelectorExpr:
		if sel, ok := a.info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				obj = sel.Obj()
			}
		} else {
			obj = a.info.Uses[e.Sel]
		}
	}
	switch obj.(type) {
	case *types.Var, *types.Const:
		return obj
	}
	return nil
}

// callee returns the function or method a call goes to when the package
// declares it, nil otherwise.
func (a *flowAnalysis) callee(c *ast.CallExpr) *types.Func {
	fun := unparen(c.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var obj types.Object
	switch f := fun.(type) {
	case *ast.Ident:
		obj = a.info.Uses[f]
	case *ast.SelectorExpr:
		if sel, ok := a.info.Selections[f]; ok {
			obj = sel.Obj()
		} else {
			obj = a.info.Uses[f.Sel]
		}
	}
	fn, _ := obj.(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

func signature(fn *types.Func) *types.Signature {
	sig, _ := fn.Type().(*types.Signature)
	return sig
}

// calleeSignature returns the signature of what a call calls, declared
// in the package: a function, a method, or a variable holding a function
// literal (waitResponse := func(want int) {...}). It is nil for calls of
// other packages' functions and for conversions.
func (a *flowAnalysis) calleeSignature(c *ast.CallExpr) *types.Signature {
	if fn := a.callee(c); fn != nil {
		return signature(fn)
	}
	if tv, ok := a.info.Types[c.Fun]; ok && tv.IsValue() {
		sig, _ := tv.Type.(*types.Signature)
		return sig
	}
	return nil
}

// result returns the node of a call's result i, nil when the callee is
// not the package's.
func (a *flowAnalysis) result(c *ast.CallExpr, i int) *flowNode {
	sig := a.calleeSignature(c)
	if sig == nil || i >= sig.Results().Len() {
		return nil
	}
	return a.node(sig.Results().At(i))
}

// operand describes e as it takes part in a flow in file w.
func (a *flowAnalysis) operand(w *walker, file int, e ast.Expr) operand {
	e = a.strip(e)
	op := operand{expr: e, file: file}
	switch x := e.(type) {
	case *ast.BasicLit:
		op.code, op.value = intLit(x)
		op.name = x.Value
	case *ast.Ident:
		op.name = x.Name
		if w.dot && a.info.Uses[x] == nil && a.info.Defs[x] == nil {
			if c, ok := constant(x.Name); ok {
				op.code, op.value, op.source = c.Code, true, true
				return op
			}
		}
	case *ast.SelectorExpr:
		op.name = x.Sel.Name
		if id, ok := x.X.(*ast.Ident); ok && w.imp.namesConstants(id.Name) {
			if c, ok := constant(x.Sel.Name); ok {
				op.code, op.value, op.source = c.Code, true, true
				return op
			}
		}
	case *ast.CallExpr:
		if n := a.result(x, 0); n != nil && a.single(x) {
			op.node = n
		}
		op.source = isSourceCall(x)
		if s, ok := unparen(x.Fun).(*ast.SelectorExpr); ok {
			op.name = s.Sel.Name + "()"
		}
		return op
	}
	if ix, ok := e.(*ast.IndexExpr); ok {
		// codes[i]: an element of a list.
		if obj := a.object(a.strip(ix.X)); obj != nil {
			if _, list := container(obj); list {
				op.node = a.elemsOf(obj)
			}
		}
		return op
	}
	obj := a.object(e)
	if c, ok := obj.(*types.Const); ok {
		op.code, op.value = w.constValue(c)
	}
	op.node = a.node(obj)
	op.source = op.source || isSourceField(w, e)
	return op
}

// single reports whether a call has one result.
func (a *flowAnalysis) single(c *ast.CallExpr) bool {
	sig := a.calleeSignature(c)
	return sig != nil && sig.Results().Len() == 1
}

// sourceNames are the fields that hold a response's status, and, called
// without arguments, the methods that return it.
var sourceNames = map[string]bool{"StatusCode": true, "Code": true, "Status": true}

var sourceMethods = map[string]bool{"StatusCode": true, "Code": true, "Status": true, "GetStatusCode": true, "GetStatus": true}

// isSourceField reports whether e reads a status field: resp.StatusCode,
// rec.Code, c.Response().Status.
func isSourceField(w *walker, e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel == nil || !sourceNames[s.Sel.Name] {
		return false
	}
	if id, ok := s.X.(*ast.Ident); ok {
		if _, pkg := w.imp.byName[id.Name]; pkg {
			return false
		}
	}
	return true
}

// isSourceCall reports whether a call reads a status: res.StatusCode(),
// c.Writer.Status().
func isSourceCall(c *ast.CallExpr) bool {
	s, ok := unparen(c.Fun).(*ast.SelectorExpr)
	return ok && len(c.Args) == 0 && s.Sel != nil && sourceMethods[s.Sel.Name]
}

// statusMethods return the status of the value they are called on; what
// they return is sent.
var statusMethods = map[string]bool{"StatusCode": true, "GetStatusCode": true, "HTTPStatus": true, "HTTPStatusCode": true, "GetStatus": true, "Status": true}

// collect records the flows of one file.
func (a *flowAnalysis) collect(file int, w *walker, af *ast.File) {
	var funcs []*types.Signature
	var stack []ast.Node
	var span flowSpan
	ast.Inspect(af, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch top.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				funcs = funcs[:len(funcs)-1]
			}
			if fd, ok := top.(*ast.FuncDecl); ok && a.funcs != nil {
				span.flags[1], span.assigns[1], span.compares[1] = len(a.flags), len(a.assigns), len(a.compares)
				a.funcs[fd] = span
			}
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			span.flags[0], span.assigns[0], span.compares[0] = len(a.flags), len(a.assigns), len(a.compares)
			var sig *types.Signature
			if fn, ok := a.info.Defs[n.Name].(*types.Func); ok {
				sig = signature(fn)
				if n.Recv != nil && statusMethods[n.Name.Name] && sig != nil && sig.Results().Len() == 1 && isInteger(sig.Results().At(0).Type()) {
					a.flag(a.node(sig.Results().At(0)), occurrence.Send, n.Name.Name+"()", n.Pos())
				}
			}
			funcs = append(funcs, sig)
		case *ast.FuncLit:
			sig, _ := a.info.Types[n].Type.(*types.Signature)
			funcs = append(funcs, sig)
		case *ast.ReturnStmt:
			if len(funcs) > 0 && funcs[len(funcs)-1] != nil {
				res := funcs[len(funcs)-1].Results()
				if res.Len() == len(n.Results) {
					for i, e := range n.Results {
						a.assign(w, file, a.node(res.At(i)), e, false, "")
					}
				}
			}
		case *ast.AssignStmt:
			a.assignStmt(w, file, n)
		case *ast.ValueSpec:
			isConst := false
			if len(stack) >= 2 {
				if gd, ok := stack[len(stack)-2].(*ast.GenDecl); ok && gd.Tok == token.CONST {
					isConst = true
				}
			}
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					ctx := ""
					if isConst {
						ctx = "const " + name.Name
					}
					a.assign(w, file, a.node(a.info.Defs[name]), n.Values[i], isConst, ctx)
					a.table(w, file, a.info.Defs[name], n.Values[i])
				}
			}
		case *ast.CompositeLit:
			a.compositeLit(w, file, n)
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				a.compares = append(a.compares, compareEdge{a.operand(w, file, n.X), a.operand(w, file, n.Y), n.Op})
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && n.Body != nil {
				tag := a.operand(w, file, n.Tag)
				for _, st := range n.Body.List {
					if cc, ok := st.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							a.compares = append(a.compares, compareEdge{tag, a.operand(w, file, e), token.EQL})
						}
					}
				}
			}
		case *ast.IndexExpr:
			// table[code]: the table's keys are compared with code.
			if obj := a.object(a.strip(n.X)); obj != nil {
				if isMap, isList := container(obj); isMap || isList {
					a.compares = append(a.compares, compareEdge{operand{node: a.keysOf(obj), file: file}, a.operand(w, file, n.Index), token.EQL})
				}
			}
		case *ast.RangeStmt:
			a.rangeStmt(w, file, n)
		case *ast.CallExpr:
			a.call(w, file, n)
		case *ast.KeyValueExpr:
			w.softKey(n)
		case *ast.Ident:
			w.constIdent(n)
		}
		return true
	})
}

// integer reports whether e is known to be of an integer type.
func (a *flowAnalysis) integer(e ast.Expr) bool {
	tv, ok := a.info.Types[e]
	return ok && tv.Type != nil && isInteger(tv.Type)
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// assign records that e flows to dst.
func (a *flowAnalysis) assign(w *walker, file int, dst *flowNode, e ast.Expr, define bool, ctx string) {
	if dst == nil || e == nil {
		return
	}
	a.assigns = append(a.assigns, assignEdge{dst: dst, src: a.operand(w, file, e), define: define, ctx: ctx})
}

// table records the keys and elements of a map, array or slice literal
// given to obj as obj's: codes := []int{200, 201}, a table's keys.
func (a *flowAnalysis) table(w *walker, file int, obj types.Object, e ast.Expr) {
	cl, ok := a.strip(e).(*ast.CompositeLit)
	if !ok || obj == nil {
		return
	}
	isMap, isList := container(obj)
	if !isMap && !isList {
		return
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			a.assign(w, file, a.keysOf(obj), kv.Key, true, "table")
			continue
		}
		if isList {
			a.assign(w, file, a.elemsOf(obj), el, false, "")
		}
	}
}

// rangeStmt records what a range loop's variables take: the elements
// (and indexes) of a list, the keys of a map.
func (a *flowAnalysis) rangeStmt(w *walker, file int, n *ast.RangeStmt) {
	x := a.strip(n.X)
	if cl, ok := x.(*ast.CompositeLit); ok {
		if id, ok := n.Value.(*ast.Ident); ok {
			if t := a.info.Types[cl].Type; t != nil && isSlice(t) {
				for _, e := range cl.Elts {
					a.assign(w, file, a.node(a.object(id)), e, false, "")
				}
			}
		}
		return
	}
	obj := a.object(x)
	isMap, isList := container(obj)
	key, _ := n.Key.(*ast.Ident)
	value, _ := n.Value.(*ast.Ident)
	if key != nil && (isMap || isList) {
		a.pass(file, a.node(a.object(key)), a.keysOf(obj))
	}
	if value != nil && isList {
		a.pass(file, a.node(a.object(value)), a.elemsOf(obj))
	}
}

// pass records that what src holds goes to dst, when both are known.
func (a *flowAnalysis) pass(file int, dst, src *flowNode) {
	if dst != nil && src != nil {
		a.assigns = append(a.assigns, assignEdge{dst: dst, src: operand{node: src, file: file}})
	}
}

func (a *flowAnalysis) assignStmt(w *walker, file int, n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
		return
	}
	lhsNode := func(l ast.Expr) *flowNode {
		l = unparen(l)
		if ix, ok := l.(*ast.IndexExpr); ok {
			// table[404] = "Not Found"
			if obj := a.object(a.strip(ix.X)); obj != nil {
				if isMap, _ := container(obj); isMap {
					a.assign(w, file, a.keysOf(obj), ix.Index, true, "table")
				}
			}
			return nil
		}
		return a.node(a.object(l))
	}
	switch {
	case len(n.Lhs) == len(n.Rhs):
		for i, l := range n.Lhs {
			a.assign(w, file, lhsNode(l), n.Rhs[i], false, "")
			a.table(w, file, a.object(unparen(l)), n.Rhs[i])
		}
	case len(n.Rhs) == 1:
		c, ok := unparen(n.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		for i, l := range n.Lhs {
			a.pass(file, lhsNode(l), a.result(c, i))
		}
	}
}

// compositeLit records the values given to the fields of a struct the
// package declares.
func (a *flowAnalysis) compositeLit(w *walker, file int, cl *ast.CompositeLit) {
	tv, ok := a.info.Types[cl]
	if !ok || tv.Type == nil {
		return
	}
	t := tv.Type
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				a.assign(w, file, a.node(a.info.Uses[key]), kv.Value, false, "")
			}
			continue
		}
		if i < st.NumFields() {
			a.assign(w, file, a.node(st.Field(i)), el, false, "")
		}
	}
}

// call records the arguments of a call to a function of the package as
// flowing to its parameters, and the values an assert compares.
func (a *flowAnalysis) call(w *walker, file int, c *ast.CallExpr) {
	if sig := a.calleeSignature(c); sig != nil {
		params := sig.Params()
		name := ""
		if fn := a.callee(c); fn != nil {
			name = fn.Name()
		} else if id, ok := unparen(c.Fun).(*ast.Ident); ok {
			name = id.Name
		}
		for i, arg := range c.Args {
			switch {
			case params.Len() == 0:
			case sig.Variadic() && i >= params.Len()-1 && !c.Ellipsis.IsValid():
				// requireCodes(resp, 200, 204): the codes are the
				// variadic parameter's elements.
				a.assign(w, file, a.elemsOf(params.At(params.Len()-1)), arg, false, name)
			case i < params.Len():
				a.assign(w, file, a.node(params.At(i)), arg, false, name)
			}
		}
		return
	}
	if id, ok := unparen(c.Fun).(*ast.Ident); ok && id.Name == "append" && len(c.Args) > 1 {
		if _, builtin := a.info.Uses[id].(*types.Builtin); builtin {
			// codes = append(codes, 404)
			if obj := a.object(a.strip(c.Args[0])); obj != nil {
				for _, arg := range c.Args[1:] {
					a.assign(w, file, a.elemsOf(obj), arg, false, "")
				}
			}
			return
		}
	}
	name, qualified := "", false
	switch f := unparen(c.Fun).(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
		if x, ok := f.X.(*ast.Ident); ok {
			_, qualified = w.imp.byName[x.Name]
		}
	}
	if qualified && errorConstructors[name] && len(c.Args) > 0 {
		// caddyhttp.Error(http.StatusBadGateway, err): another package's
		// error carrying the status it is sent with.
		op := a.operand(w, file, c.Args[0])
		sl := slot{ctx: name, role: occurrence.Send}
		if op.value && (op.source || indirect(op.code)) {
			w.setSlot(op.expr, sl)
		}
		if n := op.node; n != nil {
			a.flag(n, occurrence.Send, name, c.Pos())
		}
	}
	if isAssertName(name) || printNames[name] {
		// assert.Equal(t, 200, resp.StatusCode), utils.AssertEqual(t,
		// 200, resp.StatusCode), is.Equal(resp.StatusCode, 200),
		// t.Errorf("got %d, want %d", rec.Code, http.StatusOK).
		var ops []operand
		add := func(e ast.Expr) {
			// The testing.T and the message are not compared; an
			// argument of unknown type is left out with them.
			if op := a.operand(w, file, e); op.value || op.source || a.integer(op.expr) {
				ops = append(ops, op)
			}
		}
		for _, arg := range c.Args {
			if cl, ok := a.strip(arg).(*ast.CompositeLit); ok {
				for _, el := range cl.Elts {
					add(el)
				}
				continue
			}
			add(arg)
		}
		for i := range ops {
			for j := i + 1; j < len(ops); j++ {
				a.compares = append(a.compares, compareEdge{ops[i], ops[j], token.EQL})
			}
		}
	}
	if isStatusHelperName(name) {
		// tester.AssertGetResponse(url, 200, body): a helper of another
		// package whose name says it checks a status.
		for _, arg := range c.Args {
			op := a.operand(w, file, arg)
			if op.value && op.code >= 100 && op.code <= 599 {
				w.setSlot(op.expr, slot{ctx: name, role: occurrence.Observe})
			}
		}
	}
}

// errorConstructors are the names of other packages' functions that make
// an error from the status it is sent with, their first argument.
var errorConstructors = map[string]bool{"Error": true, "NewError": true, "NewHTTPError": true, "HTTPError": true, "NewErrorWithStatus": true}

// printNames print their arguments; a code printed beside a status it is
// compared with (t.Errorf("got %d, want %d", rec.Code, 200)) is observed.
var printNames = map[string]bool{"Errorf": true, "Fatalf": true, "Logf": true, "Printf": true, "Sprintf": true, "Fprintf": true, "Skipf": true}

// isAssertName reports whether a function of another package compares
// its arguments: Equal, AssertEqual, Equalf, Eq, Equals, Expect.
func isAssertName(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "equal") || l == "eq" || l == "equals" || l == "expect" || l == "assert" || l == "check"
}

// isStatusHelperName reports whether a function name says it checks a
// status: AssertGetResponse, expectStatus, checkResponseCode.
func isStatusHelperName(name string) bool {
	l := strings.ToLower(name)
	verb := strings.HasPrefix(l, "assert") || strings.HasPrefix(l, "expect") || strings.HasPrefix(l, "check") ||
		strings.HasPrefix(l, "verify") || strings.HasPrefix(l, "require") || strings.HasPrefix(l, "must")
	return verb && (strings.Contains(l, "status") || strings.Contains(l, "code") || strings.Contains(l, "response"))
}

// seed marks the objects that stand in the status positions the syntax
// walk found: w.WriteHeader(code) makes code a sink.
func (a *flowAnalysis) seed(file int, w *walker) {
	// In the order of the text: the first position that reaches an object
	// names it, the same at every analysis of the same text.
	exprs := make([]ast.Expr, 0, len(w.slots))
	for e := range w.slots {
		exprs = append(exprs, e)
	}
	slices.SortFunc(exprs, func(x, y ast.Expr) int { return cmp.Or(cmp.Compare(x.Pos(), y.Pos()), cmp.Compare(x.End(), y.End())) })
	for _, e := range exprs {
		sl := w.slots[e]
		if n := a.operand(w, file, e).node; n != nil {
			a.flag(n, sl.role, sl.ctx, e.Pos())
		}
	}
}

// statusOperand reports whether an operand carries a status code.
func statusOperand(o operand) bool { return o.source || o.node.status() }

// namedSources marks the integer objects whose name says they hold a
// status (statusCode, expectedStatus, httpStatus) as holding one, where
// no flow shows where the value came from: a result of another package's
// function, statusCode, _, err := c.Get(url).
func (a *flowAnalysis) namedSources() {
	for obj, n := range a.nodes {
		if n.src || !strings.Contains(strings.ToLower(obj.Name()), "status") {
			continue
		}
		if t := obj.Type(); t != nil && (isInteger(t) || t == types.Typ[types.Invalid]) {
			n.src = true
		}
	}
}

// propagate runs the flows to a fixed point: sinks and comparisons go back
// from a destination to what feeds it, statuses read from a source go
// forward, and a comparison with a status makes the other side observed.
func (a *flowAnalysis) propagate() {
	for round := 0; round < maxRounds; round++ {
		changed := false
		for _, e := range a.assigns {
			d, s := e.dst, e.src.node
			if s != nil {
				if d.sink && !s.sink {
					s.sink, s.sinkCtx, changed = true, d.sinkCtx, true
				}
				if d.obs && !s.obs {
					s.obs, s.obsCtx, changed = true, d.obsCtx, true
				}
				if d.expect && !s.expect {
					s.expect, changed = true, true
				}
				if d.lookup && !s.lookup {
					s.lookup, s.lookupCtx, changed = true, d.lookupCtx, true
				}
			}
			if !d.src && (e.src.source || s != nil && s.src) {
				d.src, changed = true, true
			}
		}
		for _, c := range a.compares {
			changed = observe(c.x, c.y) || changed
			changed = observe(c.y, c.x) || changed
		}
		if !changed {
			return
		}
	}
}

// maxRounds bounds the fixed point: a value is rarely handed on more than
// a few times.
const maxRounds = 32

// observe marks x's object observed when y carries a status.
func observe(x, y operand) bool {
	if x.node == nil || !statusOperand(y) {
		return false
	}
	changed := false
	if !x.node.obs {
		x.node.obs, x.node.obsCtx, changed = true, y.name+" ==", true
	}
	if !y.value && !x.node.expect {
		x.node.expect, changed = true, true
	}
	return changed
}

// classify gives each literal and constant reference its status position.
func (a *flowAnalysis) classify() {
	for _, e := range a.assigns {
		s := e.src
		if !s.value || !indirect(s.code) {
			continue
		}
		d := e.dst
		var sl slot
		switch {
		case e.define && d.status():
			sl = slot{ctx: e.ctx, role: occurrence.Define}
		case d.sink:
			sl = slot{ctx: d.sinkCtx, role: occurrence.Send}
		case d.obs || d.src:
			sl = slot{ctx: d.obsCtx, role: occurrence.Observe}
		case d.lookup:
			sl = slot{ctx: d.lookupCtx, role: occurrence.Lookup}
		default:
			continue
		}
		if e.ctx != "" && sl.role != occurrence.Define {
			sl.ctx = e.ctx
		}
		w := a.walkers[s.file]
		if w.soft[s.expr] {
			// Syntax said sent; only a comparison with a status read
			// from a response says otherwise.
			if d.expect && !d.sink {
				w.slots[s.expr] = sl
			}
			continue
		}
		w.setSlot(s.expr, sl)
	}
	for _, c := range a.compares {
		a.compared(c.x, c.y, c.op)
		a.compared(c.y, c.x, c.op)
	}
}

// compared classifies x, compared with op against y.
func (a *flowAnalysis) compared(x, y operand, op token.Token) {
	if !x.value || !statusOperand(y) {
		return
	}
	// A comparison with a source directly is kept whatever the value (0
	// is the unset status); through a variable, only a code is.
	if !(y.source && y.node == nil) && !indirect(x.code) {
		return
	}
	sl := slot{ctx: y.name + " " + op.String(), role: occurrence.Observe}
	if op != token.EQL && op != token.NEQ {
		sl.boundary = isBoundary(x.code)
	}
	a.walkers[x.file].setSlot(x.expr, sl)
}

// indirect reports whether a value that reaches a status through a
// variable is taken for a code: one of 100–999.
func indirect(code int) bool { return code >= 100 && code <= 999 }

// isBoundary reports whether an ordering comparison with code marks a
// class boundary: x00 starts a class, x99 ends one (600 ends 5xx).
func isBoundary(code int) bool {
	return code >= 100 && code <= 600 && (code%100 == 0 || code%100 == 99)
}
