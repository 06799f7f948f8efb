// rule_swaggo_unsent_status.go: the rule swaggo-unsent-status, a code a
// handler's swaggo annotations list and the handler never sends.

package lint

import "fmt"

var swaggoUnsentStatus = &Rule{
	ID:               "swaggo-unsent-status",
	summary:          "A swaggo annotation lists a code its handler never sends",
	source:           "swaggo declarative comments; OpenAPI Specification (Responses Object)",
	DefaultSeverity:  Info,
	contractLanguage: LanguageGo,
	Doc: "Flags a code of a `@Success`, `@Failure` or `@Response` annotation that the annotated function never " +
		"sends: no send site in it or in the helpers of its package it calls writes the code, and 200 counts " +
		"as sent only where no other 2xx is. The OpenAPI Specification's Responses Object swag generates " +
		"from the lines then promises a response that does not happen. A function whose status the syntax " +
		"does not tell (a status computed elsewhere, an error returned to echo or fiber) is open and never " +
		"flagged. Fix: remove the code from the annotation, or send it where the handler should.",
	RunContract: swaggoUnsentStatusContract,
}

func swaggoUnsentStatusContract(p *ContractPass) {
	for _, a := range p.Result.Annotated {
		if a.Sends.Open {
			continue
		}
		for _, c := range a.Codes {
			if a.Sends.Sends(c.Code) {
				continue
			}
			p.Report(a.FilePath, Finding{Start: c.Start, End: c.End,
				Message: fmt.Sprintf("%s never sends %d, which its %s annotation lists", a.Name, c.Code, c.Attr)})
		}
	}
}
