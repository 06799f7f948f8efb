// rule_no_client_error_response.go: the rule no-client-error-response, an
// operation that documents no 4xx response at all (Redocly's
// operation-4xx-response).

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var noClientErrorResponse = &Rule{
	ID:              "no-client-error-response",
	summary:         "An operation that documents no 4xx response",
	source:          "seed notes (REST table); RFC 9110 §15.5; Redocly `operation-4xx-response`",
	DefaultSeverity: Hint,
	Doc: "Flags an operation of the API's paths that documents no client error at all: no 4xx " +
		"code, no `4XX` range and no `default`. Every operation can be called wrongly — bad " +
		"input (400), missing or refused credentials (401, 403), an id that names nothing (404), " +
		"too many calls (429) — and the seed notes' REST table gives each a code (RFC 9110 " +
		"§15.5); a description without any leaves clients and generated SDKs guessing what an " +
		"error looks like. This is the check Redocly calls `operation-4xx-response`. `default` " +
		"counts, since it documents every code not listed, errors included, as do the specs that " +
		"put one shared error there. Webhooks and callbacks are not checked: their receivers are " +
		"the API's clients, whose errors the API does not define; nor are OPTIONS and TRACE, nor " +
		"an empty `responses` map (no-success-response reports it). The default severity is " +
		"hint: it is advice about completeness rather than a defect, and many public specs " +
		"document their errors only in prose. Where missing-not-found (a `{parameter}` path) or " +
		"missing-validation-error (a request body) reports the operation, this rule does not: " +
		"they name the code to add, at info, and adding it settles this rule too; turned off, " +
		"they leave the finding to this rule. Fix: document the client errors the operation returns, or a `4XX` range.",
	RunOpenAPI: noClientErrorOpenAPI,
}

func noClientErrorOpenAPI(p *Pass) {
	pathOperations(p.Doc, func(op *openapi.Operation, rm *openapi.ResponseMap) {
		if len(rm.Entries) == 0 || op.Method == "OPTIONS" || op.Method == "TRACE" {
			return
		}
		if p.coversClass(rm, 4) {
			return
		}
		for _, r := range rm.Entries {
			if r.Status.Code/100 == 4 {
				return
			}
		}
		// The specific rule names the code to add, which settles this
		// one too: one finding for one gap.
		if p.enabled(missingNotFound) && wantsNotFound(p, op, rm) ||
			p.enabled(missingValidationError) && wantsValidationError(p, rm) {
			return
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s documents no 4xx response; document the client errors it returns (such as 400, 401, 404), or a 4XX range", op.Context)})
	})
}

// enabled reports whether a rule runs under the pass's options.
func (p *Pass) enabled(r *Rule) bool {
	s, ok := p.Options.Severities[r.ID]
	return !ok || s != Off
}
