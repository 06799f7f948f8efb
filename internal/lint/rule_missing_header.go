// rule_missing_header.go: the rule missing-header, a response without the
// header its code calls for.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var missingHeader = &Rule{
	ID:              "missing-header",
	summary:         "A response without the header its code calls for",
	source:          "RFC 9110 §15; RFC 6585; seed notes",
	DefaultSeverity: Info,
	severityNote:    "warning for a 3xx without Location",
	Doc: "Flags a response that does not declare the header its code calls for: Location for 201 " +
		"(RFC 9110 §15.3.2) and for 301, 302, 303, 307 and 308 (§15.4, a redirect without it " +
		"leads nowhere), WWW-Authenticate for 401 (§15.5.2), Allow for 405 (§15.5.6), " +
		"Proxy-Authenticate for 407 (§15.5.8), Retry-After for 429 (RFC 6585 §4, and the seed " +
		"notes) and Content-Range for 206 and 416 (§15.3.7, §15.5.17). Header names match in any " +
		"case, headers and responses reached through `$ref` count, and a response with no " +
		"`headers` map at all is flagged too; a response whose `$ref` cannot be followed is left " +
		"alone. Fix: add the header.",
	fixNote:    "Adds a header skeleton (3.x `description` and `schema`, 2.0 `type`) in the document's syntax and indentation; safe, except through a `$ref` or an alias, where it edits a shared response.",
	RunOpenAPI: missingHeaderOpenAPI,
}

func missingHeaderOpenAPI(p *Pass) {
	doc := p.Doc
	ed := newMapEditor(doc.Doc, doc.JSON)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		h, ok := expectedHeaderOf(r.Status.Code)
		if !ok {
			return
		}
		t, ok := target(r)
		if !ok || t.HasHeader(h.name) {
			return
		}
		source := ""
		if e, ok := catalog.Lookup(r.Status.Code); ok {
			source = " (" + e.Spec.String() + ")"
		}
		f := Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: fmt.Sprintf("a %d response should send %s%s; add the header", r.Status.Code, h.name, source)}
		if h.name == "Location" && r.Status.Code/100 == 3 {
			f.Severity = Warning
		}
		if e, own, ok := addHeader(ed, doc.Kind, t, h); ok {
			f.Fixes = []Fix{{Title: "Add the " + h.name + " header", Edits: []Edit{e},
				Safe: t == r && own && owned(doc.Doc, r)}}
		}
		p.Report(f)
	})
}

type expectedHeader struct {
	name, desc string
}

func expectedHeaderOf(code int) (expectedHeader, bool) {
	switch code {
	case 201:
		return expectedHeader{"Location", "URI of the created resource"}, true
	case 301, 302, 303, 307, 308:
		return expectedHeader{"Location", "URI to redirect to"}, true
	case 401:
		return expectedHeader{"WWW-Authenticate", "Authentication challenge for this resource"}, true
	case 405:
		return expectedHeader{"Allow", "Methods the resource supports"}, true
	case 407:
		return expectedHeader{"Proxy-Authenticate", "Authentication challenge of the proxy"}, true
	case 429:
		return expectedHeader{"Retry-After", "Seconds (or an HTTP date) to wait before retrying"}, true
	case 206, 416:
		return expectedHeader{"Content-Range", "Range of the representation this response carries"}, true
	}
	return expectedHeader{}, false
}

// headerSnippet is the header object the fix inserts.
func headerSnippet(kind openapi.Kind, h expectedHeader) snippet {
	if kind == openapi.Swagger2 {
		return snippet{key: h.name, kids: []snippet{{key: "type", value: "string"}}}
	}
	return snippet{key: h.name, kids: []snippet{
		{key: "description", value: h.desc},
		{key: "schema", kids: []snippet{{key: "type", value: "string"}}},
	}}
}

// addHeader returns the edit adding header h to response t; own tells
// that the mapping edited is written where t is (not an alias).
func addHeader(ed *mapEditor, kind openapi.Kind, t *openapi.Response, h expectedHeader) (e Edit, own, ok bool) {
	hs := headerSnippet(kind, h)
	if i := directPair(t.Node, "headers"); i >= 0 {
		k, v := t.Node.Content[i], t.Node.Content[i+1]
		ks, _ := ed.d.KeyRange(k)
		vs, _ := ed.d.NodeRange(v)
		e, ok = ed.appendEntry(v, ks, hs)
		return e, vs >= ks, ok
	}
	if t.HeadersKey != nil {
		return Edit{}, false, false // merged from elsewhere
	}
	e, ok = ed.appendEntry(t.Node, t.KeyStart, snippet{key: "headers", kids: []snippet{hs}})
	return e, true, ok
}
