// rule_no_success_response.go: the rule no-success-response, an operation
// without a 2xx or 3xx response.

package lint

import (
	"fmt"
	"regexp"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var noSuccessResponse = &Rule{
	ID:              "no-success-response",
	summary:         "An operation without a 2xx or 3xx response",
	source:          "seed notes (REST table)",
	DefaultSeverity: Warning,
	severityNote:    "info where `default` is the only response and describes success",
	Doc: "Flags an operation whose responses hold no success: no 2xx or 3xx code and no `2XX` or " +
		"`3XX` range. A lone `2XX` counts, and so does 101 Switching Protocols, the only answer of " +
		"a WebSocket upgrade endpoint; `default` alone does not, since it documents the " +
		"unexpected. Without a success response, generated clients treat every answer as an " +
		"error (the seed notes' REST table gives each method its success code). Where `default` " +
		"is the only response and its description says success (\"Success\", \"successful " +
		"operation\", \"OK\"), the success is there but has no code: the message says so, at info. " +
		"Fix: document the success response under its code.",
	RunOpenAPI: noSuccessOpenAPI,
}

func noSuccessOpenAPI(p *Pass) {
	for _, op := range p.Doc.Operations {
		rm := op.Responses
		if rm == nil {
			continue
		}
		ok := false
		for _, r := range rm.Entries {
			s := r.Status
			if s.Code == 101 || s.Code >= 200 && s.Code < 400 || s.Class == 2 || s.Class == 3 {
				ok = true
				break
			}
		}
		if ok {
			continue
		}
		if d, ok := successDefault(rm); ok {
			p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd, Severity: Info,
				Message: fmt.Sprintf("%s documents its success only as default (%q); give it its code, such as '200', so that clients can tell it from an error", op.Context, d)})
			continue
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s documents no success response; add its 2xx (or 3xx) response", op.Context)})
	}
}

var (
	successWords = regexp.MustCompile(`(?i)\b(success|successful|successfully|succeeds?|succeeded|ok)\b`)
	failureWords = regexp.MustCompile(`(?i)\b(error|errors|fail|fails|failed|failure|unexpected|invalid|problem|not)\b`)
)

// successDefault returns the description of a map's `default` response
// when that is the map's only response and it describes success.
func successDefault(rm *openapi.ResponseMap) (string, bool) {
	if len(rm.Entries) != 1 || !rm.Entries[0].Status.Default {
		return "", false
	}
	t, ok := target(rm.Entries[0])
	if !ok || t.Description == nil {
		return "", false
	}
	d := t.Description.Value
	if len(d) > 80 || !successWords.MatchString(d) || failureWords.MatchString(d) {
		return "", false
	}
	return d, true
}
