// rule_operation_without_handler.go: the rule operation-without-handler,
// an operation of a spec that describes the code and no route serves.

package lint

import "fmt"

var operationWithoutHandler = &Rule{
	ID:               "operation-without-handler",
	summary:          "An OpenAPI operation that no route of the Go code serves",
	source:           "OpenAPI Specification (Paths Object)",
	DefaultSeverity:  Info,
	contractLanguage: LanguageOpenAPI,
	Doc: "Flags an operation of a document that describes the Go code (configured under `contract:`, or " +
		"found because routes of the code serve its other operations) when no route registers its method " +
		"and path (net/http patterns, chi, gin, echo, gorilla/mux, fiber; the path of `servers[].url` or " +
		"`basePath` may prefix the routes, as the OpenAPI Specification's Server Object says). The document promises an endpoint the service does not have, " +
		"or the route is registered in a way the analysis does not follow. Fix: add the route, or remove " +
		"the operation.",
	RunContract: operationWithoutHandlerContract,
}

func operationWithoutHandlerContract(p *ContractPass) {
	for _, op := range p.Result.Ops {
		if len(op.Routes) > 0 {
			continue
		}
		p.Report(op.Spec.Path, Finding{Start: op.MethodStart, End: op.MethodEnd,
			Message: fmt.Sprintf("no route of the code serves %s", op.Context)})
	}
}
