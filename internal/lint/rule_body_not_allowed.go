// rule_body_not_allowed.go: the rule body-not-allowed, content on a 1xx,
// 204, 205 or 304 response.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// bodyNotAllowedID is the rule's ID, which the analysis of writes to responses
// (respflow.go) gives its findings.
const bodyNotAllowedID = "body-not-allowed"

var bodyNotAllowed = &Rule{
	ID:              bodyNotAllowedID,
	summary:         "Content on a 1xx, 204, 205 or 304 response",
	source:          "RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5",
	DefaultSeverity: Error,
	severityNote:    "warning in Go",
	Doc: "Flags content on a response that cannot have any: 1xx (RFC 9110 §15.2), 204 No Content " +
		"(§15.3.5), 205 Reset Content (§15.3.6) and 304 Not Modified (§15.4.5). In OpenAPI that is " +
		"a `content` map with media types (3.x) or a `schema` (2.0) on such a response, or on the " +
		"response its `$ref` points to. In Go it is a body write to a response (`w.Write`, " +
		"`fmt.Fprint*(w, …)`, `io.Copy(w, …)`, `io.WriteString(w, …)`, `json.NewEncoder(w).Encode`, " +
		"a template's `Execute(w, …)`, a package helper that writes a body) on a path after " +
		"`w.WriteHeader(204|205|304)` — only on the same path: a write in another branch, or after " +
		"a `return`, is not one — and a framework call that sends content with such a status " +
		"(gin's and echo's `c.JSON(http.StatusNoContent, v)`, `c.String(304, s)`, " +
		"`http.Error(w, msg, 204)`, fiber's `c.Status(204).JSON(v)`). net/http refuses such " +
		"writes with ErrBodyNotAllowed and gin drops the content. Paths are followed as for " +
		"`status-written-twice`. Fix: remove the content (OpenAPI), or the write, or send 200.",
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

// bodyNotAllowedGo reports what the analysis of writes to responses
// (respflow.go) finds: a body write on a path after WriteHeader(204|205|304),
// and a framework call that sends content with such a status.
func bodyNotAllowedGo(p *Pass) { reportAll(p, p.respFindings(p.Rule.ID)) }
