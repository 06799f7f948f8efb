// rule_redirect_method_change.go: the rule redirect-method-change, 301 or
// 302 on an operation other than GET.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var redirectMethodChange = &Rule{
	ID:              "redirect-method-change",
	summary:         "301 or 302 on an operation other than GET",
	source:          "RFC 9110 §15.4.2, §15.4.3; seed notes",
	DefaultSeverity: Hint,
	Doc: "Flags 301 and 302 on operations other than GET, HEAD and OPTIONS. RFC 9110 §15.4.2 " +
		"and §15.4.3 note that clients may, and browsers do, turn the redirected request into a " +
		"GET, dropping the body; the seed notes call both rare in APIs. 303 See Other says " +
		"\"GET the result over there\", 307 and 308 keep the method and body. Redirects of GET " +
		"requests (a login flow) are left alone. Fix: use 303, 307 or 308.",
	fixNote:    "Changes 301 to 308, or 302 to 303 or 307, with the description if it is the old phrase (unsafe).",
	RunOpenAPI: redirectMethodChangeOpenAPI,
}

func redirectMethodChangeOpenAPI(p *Pass) {
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		op := rm.Operation
		if op == nil || (r.Status.Code != 301 && r.Status.Code != 302) {
			return
		}
		switch op.Method {
		case "GET", "HEAD", "OPTIONS":
			return
		}
		f := Finding{Start: r.KeyStart, End: r.KeyEnd}
		if r.Status.Code == 301 {
			f.Message = fmt.Sprintf("301 lets clients turn %s into GET; use 308 Permanent Redirect to keep the method", op.Method)
			f.Fixes = changeCode(p, rm, r, 308)
		} else {
			f.Message = fmt.Sprintf("302 lets clients turn %s into GET; use 303 See Other to send them to a result, or 307 to keep the method", op.Method)
			f.Fixes = append(changeCode(p, rm, r, 303), changeCode(p, rm, r, 307)...)
		}
		p.Report(f)
	})
}
