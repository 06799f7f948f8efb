// rule_route_without_operation.go: the rule route-without-operation, a
// route of the code that its spec does not describe.

package lint

import (
	"fmt"
	"strings"
)

var routeWithoutOperation = &Rule{
	ID:               "route-without-operation",
	summary:          "A Go route that its OpenAPI document does not describe",
	source:           "OpenAPI Specification (Paths Object)",
	DefaultSeverity:  Info,
	contractLanguage: LanguageGo,
	Doc: "Flags the path of a route registration in Go whose method and path no operation of the " +
		"documents describing its package has (the OpenAPI Specification's Paths Object lists the API's endpoints). Clients cannot know the endpoint from the document. A " +
		"route that serves every method (`mux.Handle(\"/static/\", ...)`) is flagged only when no operation " +
		"has its path. A route served by a handler of a library (`http.FileServer`, a Swagger UI, a metrics " +
		"handler) is not flagged: those are rarely part of the API. Fix: describe the route in the document, or suppress the finding for an internal " +
		"endpoint (`//httpcode-lsp:ignore route-without-operation`).",
	RunContract: routeWithoutOperationContract,
}

func routeWithoutOperationContract(p *ContractPass) {
	for _, r := range p.Result.Routes {
		if len(r.Ops) > 0 || len(r.Specs) == 0 || len(r.Handler.Funcs) == 0 {
			continue
		}
		names := make([]string, len(r.Specs))
		for i, s := range r.Specs {
			names[i] = s.Path
		}
		p.Report(r.FilePath, Finding{Start: r.Start, End: r.End,
			Message: fmt.Sprintf("%s has no operation in %s", r.Context(), strings.Join(names, " or "))})
	}
}
