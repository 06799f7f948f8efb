// rule_method_status_mismatch.go: the rule method-status-mismatch, a code
// that does not fit the method, by the seed notes' REST table.

package lint

import (
	"fmt"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var methodStatusMismatch = &Rule{
	ID:              "method-status-mismatch",
	summary:         "A code that does not fit the method",
	source:          "seed notes (REST table); RFC 9110 §9.3",
	DefaultSeverity: Info,
	Doc: "Compares an operation's codes with the seed notes' REST table: a POST to a collection " +
		"(a path ending in a plural noun, taking a body) that answers 200 but neither 201 nor " +
		"202; a GET or DELETE that answers 201 Created, though neither creates anything (RFC " +
		"9110 §9.3.1, §9.3.5); a DELETE answering 200 with no content, and any other 200 with " +
		"no content, where 204 No Content says so. Webhooks and callbacks, whose receivers " +
		"conventionally answer a bare 200, are not checked, nor are HEAD and OPTIONS. Fix: use " +
		"the code the message names.",
	fixNote:    "Changes the code (and a description that is the old code's phrase); unsafe, as it changes the API.",
	RunOpenAPI: methodMismatchOpenAPI,
}

func methodMismatchOpenAPI(p *Pass) {
	doc := p.Doc
	pathOperations(doc, func(op *openapi.Operation, rm *openapi.ResponseMap) {
		for _, r := range rm.Entries {
			switch code := r.Status.Code; {
			case code == 200 && op.Method == "POST" && op.HasRequestBody && collectionPath(op.Path) &&
				!p.has(rm, 201) && !p.has(rm, 202):
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: fmt.Sprintf("POST to the collection %s answers 200; answer 201 Created (or 202 Accepted) when it creates a resource", op.Path),
					Fixes:   changeCode(p, rm, r, 201)})
			case code == 201 && op.Method == "GET":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "GET does not create resources; answer 200 OK instead of 201",
					Fixes:   changeCode(p, rm, r, 200)})
			case code == 201 && op.Method == "DELETE":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "DELETE does not create resources; answer 204 No Content (or 200 with a body) instead of 201",
					Fixes:   changeCode(p, rm, r, 204)})
			case code == 200 && op.Method != "HEAD" && op.Method != "OPTIONS":
				t, ok := target(r)
				if !ok || hasContent(doc.Kind, t) {
					continue
				}
				if op.Method == "DELETE" {
					p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
						Message: "DELETE answers 200 with no content; answer 204 No Content",
						Fixes:   changeCode(p, rm, r, 204)})
					continue
				}
				f := Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "200 response declares no content; describe its content, or answer 204 No Content"}
				if op.Method != "GET" {
					f.Fixes = changeCode(p, rm, r, 204)
				}
				p.Report(f)
			}
		}
	})
}

// actionWords are last path segments of POST endpoints that do
// something rather than add to a collection.
var actionWords = map[string]bool{
	"search": true, "query": true, "queries": true, "login": true, "logout": true, "signin": true,
	"signout": true, "signup": true, "auth": true, "oauth": true, "token": true, "tokens": true,
	"refresh": true, "verify": true, "validate": true, "check": true, "checks": true, "batch": true,
	"bulk": true, "import": true, "imports": true, "export": true, "exports": true, "upload": true,
	"uploads": true, "graphql": true, "rpc": true, "webhooks": true, "callbacks": true,
	"events": true, "notifications": true, "actions": true, "calculations": true, "status": true,
	"settings": true, "preferences": true, "permissions": true, "results": true, "stats": true,
	"metrics": true, "logs": true, "analytics": true,
}

// collectionPath reports whether a path names a collection: its last
// segment is a plural noun, not a parameter, an action (…/search) or a
// custom method (…:cancel).
func collectionPath(path string) bool {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	if seg == "" || strings.ContainsAny(seg, "{}:.") {
		return false
	}
	seg = strings.ToLower(seg)
	if actionWords[seg] {
		return false
	}
	if !strings.HasSuffix(seg, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(seg, end) {
			return false
		}
	}
	return true
}
