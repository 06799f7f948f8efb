// rule_undocumented_status.go: the rule undocumented-status, a handler
// sending a code its operation does not document.

package lint

import "fmt"

var undocumentedStatus = &Rule{
	ID:               "undocumented-status",
	summary:          "A handler sends a code its OpenAPI operation does not document",
	source:           "OpenAPI Specification (Responses Object)",
	DefaultSeverity:  Warning,
	contractLanguage: LanguageGo,
	Doc: "Flags a send site in Go (`w.WriteHeader(409)`, `http.Error(w, msg, 404)`, `c.JSON(201, v)`, in the " +
		"handler or in a helper of its package it calls) whose code the operation the route serves does not " +
		"document, neither by the code, nor by its class's range (`4XX`) nor by `default`; the OpenAPI Specification's " +
		"Responses Object is the list of the responses an operation returns. A client generated " +
		"from the document does not expect the response, and its readers do not know it exists. The route " +
		"is tied to the operation by its method and path (see the contract settings). Fix: document the " +
		"response, or stop sending it.",
	fixNote:     "adds the response to the OpenAPI document, with the code's reason phrase as description, in the document's style",
	RunContract: undocumentedStatusContract,
}

func undocumentedStatusContract(p *ContractPass) {
	for _, r := range p.Result.Routes {
		for _, op := range r.Ops {
			for _, s := range r.Sends.Sites {
				if documents(op, s.Code) {
					continue
				}
				f := Finding{Start: s.Start, End: s.End,
					Message: fmt.Sprintf("%s sends %d, which %s does not document", op.Context, s.Code, op.Spec.Path),
					Related: []Related{{Path: op.Spec.Path, Start: op.Responses.KeyStart, End: op.Responses.KeyEnd,
						Message: "the responses of " + op.Context}}}
				if fx, ok := addResponse(op, s.Code); ok {
					f.Fixes = []Fix{fx}
				}
				p.Report(s.Path, f)
			}
		}
	}
}
