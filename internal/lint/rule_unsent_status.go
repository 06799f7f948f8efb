// rule_unsent_status.go: the rule unsent-status, a documented code that
// no handler of the operation sends.

package lint

import "fmt"

var unsentStatus = &Rule{
	ID:               "unsent-status",
	summary:          "An OpenAPI operation documents a code no handler of it sends",
	source:           "OpenAPI Specification (Responses Object)",
	DefaultSeverity:  Info,
	contractLanguage: LanguageOpenAPI,
	Doc: "Flags a response key of an operation whose handlers, as the Go code registers them, never send " +
		"that code (the OpenAPI Specification's Responses Object promises it): no send site of the handler or of the helpers of its package it calls writes it, and " +
		"200 is only counted as sent where the handler sends no other 2xx (a Go handler that writes no " +
		"status answers 200). A handler whose status the syntax does not tell (`w.WriteHeader(statusFor(err))` " +
		"with `statusFor` elsewhere, a variable, an echo handler returning an error it did not make, a " +
		"handler of another package) is open, and its operation is never flagged. Ranges (`4XX`) and " +
		"`default` are not flagged. Fix: send the code where the handler should, or remove the response.",
	RunContract: unsentStatusContract,
}

func unsentStatusContract(p *ContractPass) {
	for _, op := range p.Result.Ops {
		if len(op.Routes) == 0 || op.Open() {
			continue
		}
		for _, r := range op.Responses.Entries {
			code := r.Status.Code
			if code == 0 || op.Sends(code) {
				continue
			}
			f := Finding{Start: r.KeyStart, End: r.KeyEnd,
				Message: fmt.Sprintf("no handler of %s sends %d", op.Context, code)}
			for _, s := range op.Sites(0) {
				f.Related = append(f.Related, Related{Path: s.Path, Start: s.Start, End: s.End,
					Message: fmt.Sprintf("sends %d", s.Code)})
			}
			p.Report(op.Spec.Path, f)
		}
	}
}
