// rule_body_not_allowed.go: the rule body-not-allowed, content on a 1xx,
// 204, 205 or 304 response.

package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var bodyNotAllowed = &Rule{
	ID:              "body-not-allowed",
	summary:         "Content on a 1xx, 204, 205 or 304 response",
	source:          "RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5",
	DefaultSeverity: Error,
	severityNote:    "warning in Go",
	Doc: "Flags content on a response that cannot have any: 1xx (RFC 9110 §15.2), 204 No Content " +
		"(§15.3.5), 205 Reset Content (§15.3.6) and 304 Not Modified (§15.4.5). In OpenAPI that is " +
		"a `content` map with media types (3.x) or a `schema` (2.0) on such a response, or on the " +
		"response its `$ref` points to. In Go it is a write to the same ResponseWriter (`w.Write`, " +
		"`fmt.Fprint*(w, …)`, `io.Copy(w, …)`, `io.WriteString(w, …)`, `json.NewEncoder(w).Encode`, " +
		"a template's `Execute(w, …)`, `http.Error(w, …)`) after `w.WriteHeader(204|205|304)` " +
		"in the same function, on a path that can follow it: the statements after the call, " +
		"and after the blocks around it when they do not return — net/http refuses such writes " +
		"with ErrBodyNotAllowed. Fix: remove the content (OpenAPI), or the write, or send 200.",
	fixNote:    "Removes the `content`/`schema` entry, whole lines in block YAML, the member and its comma in JSON; where it is the response's only entry it becomes a `description` (safe). No fix through a `$ref` or in Go.",
	RunOpenAPI: bodyNotAllowedOpenAPI,
	RunGo:      bodyNotAllowedGo,
}

func bodyNotAllowedOpenAPI(p *Pass) {
	doc := p.Doc
	ed := newMapEditor(doc.Doc, doc.JSON)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		source, ok := noContent(r.Status)
		if !ok {
			return
		}
		t, ok := target(r)
		if !ok || !hasContent(doc.Kind, t) {
			return
		}
		key, name := t.ContentKey, "content"
		if key == nil || len(t.Content) == 0 {
			key, name = t.Schema, "schema"
		}
		what := r.Key
		if r.Status.Class == 1 {
			what = "1xx"
		}
		if t != r {
			rs, re := keyRange(r)
			if r.Ref != nil {
				rs, re = r.Ref.Start, r.Ref.End
			}
			p.Report(Finding{Start: rs, End: re,
				Message: fmt.Sprintf("a %s response has no content (%s), but the response it refers to declares %s; refer to one without it",
					what, source, name),
				Related: []Related{{Start: key.Start, End: key.End, Message: name + " declared here"}}})
			return
		}
		f := Finding{Start: key.Start, End: key.End,
			Message: fmt.Sprintf("a %s response has no content (%s); remove %s", what, source, name)}
		phrase := "No Content"
		if ph, ok := p.phrase(r.Status.Code); ok && r.Status.Code != 0 {
			phrase = ph
		}
		if i := directPair(r.Node, name); i >= 0 {
			if e, ok := ed.removeEntry(r.Node, i, snippet{key: "description", value: phrase}); ok {
				f.Fixes = []Fix{{Title: "Remove " + name, Edits: []Edit{e}, Safe: owned(doc.Doc, r)}}
			}
		}
		p.Report(f)
	})
}

// noContent reports whether responses with the status must not carry
// content, and names the rule's source.
func noContent(s openapi.Status) (string, bool) {
	if s.Class == 1 || s.Code >= 100 && s.Code < 200 {
		return "RFC 9110 §15.2", true
	}
	if s.Code == 0 {
		return "", false
	}
	e, ok := catalog.Lookup(s.Code)
	if !ok || e.BodyAllowed {
		return "", false
	}
	return e.Spec.String(), true
}

// bodyNotAllowedGo works from syntax. After a statement
// `X.WriteHeader(c)` with c 204, 205 or 304 (a literal or a constant the
// scanner recognised), the statements that can run next are scanned for
// writes to the same X (compared as written): the rest of the block, then,
// when the block does not end in return, panic, goto or continue, the
// statements after the if, switch, select or for holding it, and so on
// out to the function's body. An unlabeled break (at the block's top
// level, or nested in an if when the block then returns) leaves the
// innermost for, switch or select. A write anywhere inside a statement on
// that path counts, in any branch. Function literals are checked as
// functions of their own and not entered. Not seen: a writer copied to
// another variable, an encoder stored before use (enc :=
// json.NewEncoder(w)), writes inside called functions, the next iteration
// of a loop, and labeled break and goto targets.
func bodyNotAllowedGo(p *Pass) {
	s := p.gosyn
	if s == nil || s.File == nil {
		return
	}
	c := &bodyChecker{p: p, s: s, codes: map[int]int{}, pkgs: map[string]string{}, seen: map[[2]int]bool{}, scanned: map[scanKey]bool{}}
	for _, o := range p.GoFile.Occurrences {
		c.codes[o.Start] = o.Code
	}
	for _, im := range s.imports() {
		if im.name != "_" && im.name != "." {
			c.pkgs[im.path] = im.name
		}
	}
	ast.Inspect(s.File, func(n ast.Node) bool {
		switch fn := n.(type) {
		case *ast.FuncDecl:
			if fn.Body != nil {
				c.block(fn.Body.List, nil, nil)
			}
		case *ast.FuncLit:
			if fn.Body != nil {
				c.block(fn.Body.List, nil, nil)
			}
		}
		return true
	})
}

// frame is a statement list being run through, and the index of the
// statement reached in it.
type frame struct {
	list []ast.Stmt
	idx  int
	// owner is the statement in the enclosing list that holds list (nil
	// for a function body).
	owner ast.Stmt
}

type bodyChecker struct {
	p     *Pass
	s     *goSyntax
	codes map[int]int // occurrence start -> code
	// pkgs maps import paths to the file's name for them.
	pkgs map[string]string
	seen map[[2]int]bool
	// scanned holds the statements a scan has passed: what can follow a
	// statement is the same for every WriteHeader whose scan reaches it,
	// so a second scan from there finds nothing new.
	scanned map[scanKey]bool
}

type scanKey struct {
	list   *ast.Stmt // the list's first element: its identity
	at     int
	writer string
	code   int
}

// block walks a statement list; stack holds the frames of the lists
// around it, owner the statement holding it.
func (c *bodyChecker) block(list []ast.Stmt, stack []frame, owner ast.Stmt) {
	for i, st := range list {
		here := append(stack[:len(stack):len(stack)], frame{list: list, idx: i, owner: owner})
		if w, code, call, ok := c.writeHeader(st); ok {
			c.after(here, w, code, call)
		}
		for _, inner := range childLists(st) {
			c.block(inner, here, st)
		}
	}
}

// childLists returns the statement lists nested in a statement.
func childLists(st ast.Stmt) [][]ast.Stmt {
	switch st := st.(type) {
	case *ast.BlockStmt:
		return [][]ast.Stmt{st.List}
	case *ast.LabeledStmt:
		return [][]ast.Stmt{{st.Stmt}}
	case *ast.IfStmt:
		out := [][]ast.Stmt{st.Body.List}
		switch e := st.Else.(type) {
		case *ast.BlockStmt:
			out = append(out, e.List)
		case *ast.IfStmt:
			out = append(out, []ast.Stmt{e})
		}
		return out
	case *ast.ForStmt:
		return [][]ast.Stmt{st.Body.List}
	case *ast.RangeStmt:
		return [][]ast.Stmt{st.Body.List}
	case *ast.SwitchStmt:
		return clauses(st.Body)
	case *ast.TypeSwitchStmt:
		return clauses(st.Body)
	case *ast.SelectStmt:
		return clauses(st.Body)
	}
	return nil
}

func clauses(b *ast.BlockStmt) [][]ast.Stmt {
	if b == nil {
		return nil
	}
	var out [][]ast.Stmt
	for _, s := range b.List {
		switch cl := s.(type) {
		case *ast.CaseClause:
			out = append(out, cl.Body)
		case *ast.CommClause:
			out = append(out, cl.Body)
		}
	}
	return out
}

// writeHeader recognises `X.WriteHeader(c)` with a code that forbids
// content.
func (c *bodyChecker) writeHeader(st ast.Stmt) (writer string, code int, call *ast.CallExpr, ok bool) {
	es, isExpr := st.(*ast.ExprStmt)
	if !isExpr {
		return "", 0, nil, false
	}
	call, isCall := es.X.(*ast.CallExpr)
	if !isCall || len(call.Args) != 1 {
		return "", 0, nil, false
	}
	sel, isSel := call.Fun.(*ast.SelectorExpr)
	if !isSel || sel.Sel == nil || sel.Sel.Name != "WriteHeader" {
		return "", 0, nil, false
	}
	arg := ast.Unparen(call.Args[0])
	code, found := c.codes[c.s.offset(arg.Pos())]
	if !found || !forbidsContent(code) {
		return "", 0, nil, false
	}
	return types.ExprString(sel.X), code, call, true
}

func forbidsContent(code int) bool { return code == 204 || code == 205 || code == 304 }

// after scans the statements that may run after the WriteHeader at the
// top frame of stack.
func (c *bodyChecker) after(stack []frame, writer string, code int, wh *ast.CallExpr) {
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		// leaving tells that the path leaves the list by a break: one
		// at its top level, or one nested in an if when the list then
		// stops.
		leaving, stopped, mayBreak := false, false, false
	scan:
		for i := top.idx + 1; i < len(top.list); i++ {
			st := top.list[i]
			key := scanKey{list: &top.list[0], at: i, writer: writer, code: code}
			if c.scanned[key] && !mayBreak {
				return // scanned from here on already
			}
			c.scanned[key] = true
			c.writes(st, writer, code, wh)
			switch terminates(st) {
			case stop:
				stopped = true
				break scan
			case leave:
				leaving = true
				break scan
			}
			mayBreak = mayBreak || containsBreak(st)
		}
		switch {
		case stopped && !mayBreak:
			return
		case !leaving && !stopped:
			continue // on after the statement holding this list
		}
		// break: out of the innermost for, switch or select, whose list
		// may be further out.
		for !breakable(top.owner) {
			if len(stack) == 0 {
				return
			}
			top = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		}
	}
}

// containsBreak reports whether a statement holds an unlabeled break that
// leaves the list it stands in (not one of a nested loop or switch).
func containsBreak(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && n.Label == nil {
				found = true
			}
		}
		return !found
	})
	return found
}

type termination int

const (
	goesOn termination = iota
	stop               // return, panic, goto, continue, labeled break
	leave              // break
)

func terminates(st ast.Stmt) termination {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return stop
	case *ast.BranchStmt:
		if st.Tok == token.BREAK && st.Label == nil {
			return leave
		}
		if st.Tok == token.FALLTHROUGH {
			return goesOn
		}
		return stop
	case *ast.ExprStmt:
		if call, ok := st.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return stop
			}
		}
	}
	return goesOn
}

func breakable(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return true
	}
	return false
}

// writes reports the writes to writer in a statement, function literals
// left out.
func (c *bodyChecker) writes(st ast.Stmt, writer string, code int, wh *ast.CallExpr) {
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if what, ok := c.isWrite(n, writer); ok {
				c.report(n, what, writer, code, wh)
			}
		}
		return true
	})
}

func (c *bodyChecker) report(call *ast.CallExpr, what, writer string, code int, wh *ast.CallExpr) {
	start, end := c.s.offset(call.Pos()), c.s.offset(call.End())
	ws, we := c.s.offset(wh.Pos()), c.s.offset(wh.End())
	if start < 0 || end < start || c.seen[[2]int{start, end}] {
		return
	}
	c.seen[[2]int{start, end}] = true
	source := ""
	if e, ok := catalog.Lookup(code); ok {
		source = " (" + e.Spec.String() + ")"
	}
	f := Finding{Start: start, End: end, Severity: Warning,
		Message: fmt.Sprintf("%s after %s.WriteHeader(%d): a %d response has no content%s; remove the write, or send another status",
			what, writer, code, code, source)}
	if ws >= 0 && we >= ws {
		f.Related = []Related{{Start: ws, End: we, Message: fmt.Sprintf("status %d set here", code)}}
	}
	c.p.Report(f)
}

// isWrite recognises a call that writes content to writer, and names it.
func (c *bodyChecker) isWrite(call *ast.CallExpr, writer string) (string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel == nil {
		return "", false
	}
	name := sel.Sel.Name
	firstArg := func() bool { return len(call.Args) > 0 && types.ExprString(call.Args[0]) == writer }
	switch x := sel.X.(type) {
	case *ast.Ident:
		switch {
		case x.Name == c.pkgs["fmt"] && (name == "Fprint" || name == "Fprintf" || name == "Fprintln"):
			if firstArg() {
				return "fmt." + name, true
			}
			return "", false
		case x.Name == c.pkgs["io"] && (name == "WriteString" || name == "Copy" || name == "CopyN" || name == "CopyBuffer"):
			if firstArg() {
				return "io." + name, true
			}
			return "", false
		case x.Name == c.pkgs["net/http"] && name == "Error":
			if firstArg() {
				return "http.Error", true
			}
			return "", false
		}
	case *ast.CallExpr:
		// json.NewEncoder(w).Encode(v)
		if inner, ok := x.Fun.(*ast.SelectorExpr); ok && name == "Encode" && inner.Sel != nil && inner.Sel.Name == "NewEncoder" && len(x.Args) == 1 {
			if pkg, ok := inner.X.(*ast.Ident); ok && types.ExprString(x.Args[0]) == writer {
				for _, p := range []string{"encoding/json", "encoding/xml", "encoding/gob"} {
					if n, ok := c.pkgs[p]; ok && n == pkg.Name {
						return pkg.Name + ".NewEncoder(" + writer + ").Encode", true
					}
				}
			}
		}
	}
	if (name == "Write" || name == "WriteString") && types.ExprString(sel.X) == writer {
		return writer + "." + name, true
	}
	if (name == "Execute" || name == "ExecuteTemplate") && firstArg() {
		return types.ExprString(sel.X) + "." + name, true
	}
	return "", false
}
