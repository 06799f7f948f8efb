// rule_missing_validation_error.go: the rule missing-validation-error, an
// operation with a request body but no 400 or 422.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var missingValidationError = &Rule{
	ID:              "missing-validation-error",
	summary:         "An operation with a request body but no 400 or 422",
	source:          "seed notes (REST table)",
	DefaultSeverity: Info,
	Doc: "Flags an operation that takes a request body (3.x `requestBody`, 2.0 `body` or " +
		"`formData` parameters) but documents neither 400 Bad Request nor 422 Unprocessable " +
		"Content: the seed notes' REST table answers invalid input with 400 or 422 (RFC 9110 " +
		"§15.5.1, §15.5.21). A `4XX` range or a `default` response covers it. Fix: add a 400 " +
		"(or 422) response.",
	RunOpenAPI: missingValidationOpenAPI,
}

func missingValidationOpenAPI(p *Pass) {
	pathOperations(p.Doc, func(op *openapi.Operation, rm *openapi.ResponseMap) {
		if !wantsValidationError(p, rm) {
			return
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s takes a request body but documents no 400 or 422; add 400 Bad Request (or 422) for invalid input", op.Context)})
	})
}

// wantsValidationError reports whether an operation takes a body but
// documents no answer to invalid input.
func wantsValidationError(p *Pass, rm *openapi.ResponseMap) bool {
	op := rm.Operation
	return op != nil && op.HasRequestBody && !p.has(rm, 400) && !p.has(rm, 422) && !p.coversClass(rm, 4)
}
