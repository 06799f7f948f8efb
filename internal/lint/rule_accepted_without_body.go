// rule_accepted_without_body.go: the rule accepted-without-body, a 202
// that does not say where the work stands.

package lint

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var acceptedWithoutBody = &Rule{
	ID:              "accepted-without-body",
	summary:         "A 202 that does not say where the work stands",
	source:          "RFC 9110 §15.3.3; seed notes",
	DefaultSeverity: Hint,
	Doc: "Flags a 202 Accepted response with no content and no Location header: RFC 9110 " +
		"§15.3.3 and the seed notes say the response should tell where the work stands — a job " +
		"id, a link to a status monitor, or an estimate. Webhooks and callbacks, whose " +
		"receivers often acknowledge with a bare 202, are not checked. Fix: describe the " +
		"content (a job resource) or a Location header pointing to it.",
	RunOpenAPI: acceptedWithoutBodyOpenAPI,
}

func acceptedWithoutBodyOpenAPI(p *Pass) {
	doc := p.Doc
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if r.Status.Code != 202 || rm.Operation != nil && !pathKind(rm.Operation) {
			return
		}
		t, ok := target(r)
		if !ok || hasContent(doc.Kind, t) || t.HasHeader("Location") || t.HasHeader("Content-Location") {
			return
		}
		p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: "202 response declares no content; return a job id or a link to a status monitor (or a Location header)"})
	})
}
