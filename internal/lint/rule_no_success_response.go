// rule_no_success_response.go: the rule no-success-response, an operation
// without a 2xx or 3xx response.

package lint

import (
	"fmt"
)

var noSuccessResponse = &Rule{
	ID:              "no-success-response",
	summary:         "An operation without a 2xx or 3xx response",
	source:          "seed notes (REST table)",
	DefaultSeverity: Warning,
	Doc: "Flags an operation whose responses hold no success: no 2xx or 3xx code and no `2XX` or " +
		"`3XX` range. A lone `2XX` counts, and so does 101 Switching Protocols, the only answer of " +
		"a WebSocket upgrade endpoint; `default` alone does not, since it documents the " +
		"unexpected. Without a success response, generated clients treat every answer as an " +
		"error (the seed notes' REST table gives each method its success code). Fix: document " +
		"the success response.",
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
		if !ok {
			p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
				Message: fmt.Sprintf("%s documents no success response; add its 2xx (or 3xx) response", op.Context)})
		}
	}
}
