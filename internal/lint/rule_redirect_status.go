// rule_redirect_status.go: the rule redirect-status, a redirect sent with
// a status that is not a redirection.

package lint

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

var redirectStatus = &Rule{
	ID:              "redirect-status",
	summary:         "A redirect with a code outside 300–308, or 304",
	source:          "RFC 9110 §15.4; net/http, gin, echo",
	DefaultSeverity: Warning,
	Doc: "Flags the status of a redirect call — `http.Redirect(w, r, url, code)`, " +
		"`http.RedirectHandler(url, code)`, gin's and echo's `c.Redirect(code, url)` — when it is " +
		"not a redirection: a code outside 300–308, or 304 Not Modified, which tells a cache to " +
		"reuse its copy and makes no client follow the Location (RFC 9110 §15.4.5). net/http sends " +
		"such a code as it is, with a Location nobody follows; gin panics and echo returns " +
		"`ErrInvalidRedirectCode`. 201 Created with its Location is left alone, as gin accepts it. " +
		"Fix: use 303 See Other after a POST, 302 Found or 307 Temporary Redirect for a temporary " +
		"move, 301 or 308 for a permanent one.",
	RunGo: redirectStatusGo,
}

// redirectStatusGo reports the codes written as the status argument of a
// redirect call itself: a code that reaches the call through a variable
// may be meant for another branch.
func redirectStatusGo(p *Pass) {
	s := p.gosyn
	if p.GoFile.Test || s == nil || s.File == nil || s.importsTesting() {
		return
	}
	sent := map[int]occurrence.Occurrence{}
	for _, o := range p.GoFile.Occurrences {
		if o.Role == occurrence.Send && (strings.HasSuffix(o.Context, "Redirect") || strings.HasSuffix(o.Context, "RedirectHandler")) {
			sent[o.Start] = o
		}
	}
	if len(sent) == 0 {
		return
	}
	ast.Inspect(s.File, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Redirect" && sel.Sel.Name != "RedirectHandler" {
			return true
		}
		for _, arg := range call.Args {
			if o, ok := sent[s.offset(ast.Unparen(arg).Pos())]; ok {
				reportRedirect(p, o)
			}
		}
		return true
	})
}

func reportRedirect(p *Pass, o occurrence.Occurrence) {
	c := o.Code
	var msg string
	switch {
	case c == 304:
		msg = fmt.Sprintf("%s with 304 Not Modified: 304 tells a cache to reuse its copy, and no client follows its Location (RFC 9110 §15.4.5); use 302, 303 or 307", o.Context)
	case c >= 300 && c <= 308, c == 201, c < 100 || c > 599:
		return
	default:
		msg = fmt.Sprintf("%s with %d, which is not a redirection: clients do not follow its Location; use a 3xx code (302, 303 or 307, 301 or 308)", o.Context, c)
	}
	p.Report(Finding{Start: o.Start, End: o.End, Message: msg})
}
