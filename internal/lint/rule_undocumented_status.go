// rule_undocumented_status.go: the rule undocumented-status, a handler
// sending a code its operation does not document.

package lint

import (
	"fmt"
	"path"
	"slices"

	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
)

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
	// A site shared by many operations (a wrapper's 500) is one finding
	// per spec that names them, not one per operation.
	type group struct {
		site contract.Site
		spec *contract.Spec
	}
	var order []group
	ops := map[group][]*contract.Op{}
	for _, r := range p.Result.Routes {
		for _, op := range r.Ops {
			for _, s := range r.Sends.Sites {
				if documents(op, s.Code) {
					continue
				}
				g := group{s, op.Spec}
				if _, seen := ops[g]; !seen {
					order = append(order, g)
				}
				if !slices.Contains(ops[g], op) {
					ops[g] = append(ops[g], op)
				}
			}
		}
	}
	for _, g := range order {
		list := ops[g]
		who := list[0].Context + " sends"
		if len(list) > 1 {
			who = fmt.Sprintf("%s and %d more operations send", list[0].Context, len(list)-1)
		}
		f := Finding{Start: g.site.Start, End: g.site.End,
			Message: fmt.Sprintf("%s %d, which %s does not document", who, g.site.Code, g.spec.Path)}
		fix := Fix{Title: fmt.Sprintf("Add %s to %s", titleOf(g.site.Code), path.Base(g.spec.Path)), Path: g.spec.Path}
		for _, op := range list {
			f.Related = append(f.Related, Related{Path: op.Spec.Path, Start: op.Responses.KeyStart, End: op.Responses.KeyEnd,
				Message: "the responses of " + op.Context})
			if e, ok := addResponse(op, g.site.Code); ok {
				fix.Edits = append(fix.Edits, e)
			}
		}
		if len(fix.Edits) > 0 {
			f.Fixes = []Fix{fix}
		}
		p.Report(g.site.Path, f)
	}
}
