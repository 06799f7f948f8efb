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
	severityNote:    "warning for a 3xx without Location, hint for a 201 without Location",
	Doc: "Flags a response that does not declare the header its code calls for, and says how " +
		"strongly the RFC asks for it. Required: WWW-Authenticate for 401 (RFC 9110 §15.5.2), " +
		"Allow for 405 (§15.5.6), Proxy-Authenticate for 407 (§15.5.8). Expected: Location for " +
		"301, 302, 303, 307 and 308 (§15.4; a redirect without it leads nowhere, hence a " +
		"warning), Content-Range for 206 (§15.3.7, unless multipart/byteranges) and 416 " +
		"(§15.5.17). Recommended: " +
		"Retry-After for 429 (RFC 6585 §4 allows it, the seed notes advise it) and Location for " +
		"201 — optional in RFC 9110 §15.3.2, where a 201 without it means the request's own URI " +
		"is the new resource, so this is a hint: add it when the resource is created at a URI of " +
		"its own (a POST to a collection). Header names match in any case, headers and responses " +
		"reached through `$ref` count, and a response with no `headers` map at all is flagged " +
		"too; a response whose `$ref` cannot be followed is left alone. Fix: add the header.",
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
		var msg string
		switch h.level {
		case must:
			msg = fmt.Sprintf("a %d response must send %s%s; add the header", r.Status.Code, h.name, source)
		case should:
			msg = fmt.Sprintf("a %d response should send %s%s; add the header", r.Status.Code, h.name, source)
		default:
			msg = fmt.Sprintf("a %d response may send %s%s%s", r.Status.Code, h.name, source, h.advice)
		}
		f := Finding{Start: r.KeyStart, End: r.KeyEnd, Message: msg}
		switch {
		case h.name == "Location" && r.Status.Code/100 == 3:
			f.Severity = Warning
		case h.name == "Location" && r.Status.Code == 201:
			f.Severity = Hint
		}
		if e, own, ok := addHeader(ed, doc.Kind, t, h); ok {
			f.Fixes = []Fix{{Title: "Add the " + h.name + " header", Edits: []Edit{e},
				Safe: t == r && own && owned(doc.Doc, r)}}
		}
		p.Report(f)
	})
}

// level is how strongly a header is asked for: the RFC's MUST, SHOULD
// (or a response useless without it), or a MAY that is good practice.
type level int

const (
	must level = iota
	should
	may
)

type expectedHeader struct {
	name, desc string
	level      level
	// advice, for a header the RFC allows but does not ask for, says when
	// to add it.
	advice string
}

func expectedHeaderOf(code int) (expectedHeader, bool) {
	switch code {
	case 201:
		return expectedHeader{"Location", "URI of the created resource", may,
			": without it, the request's URI names the new resource; add it when the resource has a URI of its own"}, true
	case 301, 302, 303, 307, 308:
		return expectedHeader{"Location", "URI to redirect to", should, ""}, true
	case 401:
		return expectedHeader{"WWW-Authenticate", "Authentication challenge for this resource", must, ""}, true
	case 405:
		return expectedHeader{"Allow", "Methods the resource supports", must, ""}, true
	case 407:
		return expectedHeader{"Proxy-Authenticate", "Authentication challenge of the proxy", must, ""}, true
	case 429:
		return expectedHeader{"Retry-After", "Seconds (or an HTTP date) to wait before retrying", may,
			"; add it so that clients know when to retry"}, true
	case 206:
		// A multipart/byteranges 206 carries its ranges in the parts
		// instead; the rule does not look at the media type.
		return expectedHeader{"Content-Range", "Range of the representation this response carries", should, ""}, true
	case 416:
		return expectedHeader{"Content-Range", "Range of the representation this response carries", should, ""}, true
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
