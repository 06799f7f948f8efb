// rule_swaggo_unlisted_status.go: the rule swaggo-unlisted-status, a
// handler sending a code its swaggo annotations do not list.

package lint

import (
	"fmt"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
)

var swaggoUnlistedStatus = &Rule{
	ID:               "swaggo-unlisted-status",
	summary:          "A swaggo-annotated handler sends a code its @Success/@Failure lines do not list",
	source:           "swaggo declarative comments; OpenAPI Specification (Responses Object)",
	DefaultSeverity:  Warning,
	contractLanguage: LanguageGo,
	Doc: "Flags a send site (in the annotated function or in a helper of its package it calls) whose code " +
		"none of the function's `@Success`, `@Failure` or `@Response` annotations lists. swag generates the " +
		"OpenAPI Specification's Responses Object from those lines, so the generated document will not " +
		"mention the response. No OpenAPI file is needed: the annotations are the contract. Fix: add the " +
		"annotation, or stop sending the code.",
	fixNote:     "adds a `@Success` or `@Failure` line for the code after the last one, with the type of an existing line and the reason phrase",
	RunContract: swaggoUnlistedStatusContract,
}

func swaggoUnlistedStatusContract(p *ContractPass) {
	for _, a := range p.Result.Annotated {
		if len(a.Codes) == 0 {
			continue
		}
		for _, s := range a.Sends.Sites {
			if a.Lists(s.Code) {
				continue
			}
			f := Finding{Start: s.Start, End: s.End,
				Message: fmt.Sprintf("%s sends %d, which its swaggo annotations do not list", a.Name, s.Code)}
			if fx, ok := annotationFix(a, s.Code); ok {
				if s.Path != a.FilePath {
					fx.Path = a.FilePath
				}
				f.Fixes = []Fix{fx}
			}
			p.Report(s.Path, f)
		}
	}
}

// annotationFix adds a @Success (2xx) or @Failure line for code to an
// annotated function's doc comment.
func annotationFix(a *contract.Annotated, code int) (Fix, bool) {
	if a.Insert < 0 {
		return Fix{}, false
	}
	attr, typ := "@Failure", a.FailureType
	if code/100 == 2 || code/100 == 3 {
		attr, typ = "@Success", a.SuccessType
	}
	if typ == "" {
		typ = "{string} string"
	}
	phrase := fmt.Sprint(code)
	if e, ok := catalog.Lookup(code); ok && e.Phrase != "" {
		phrase = e.Phrase
	}
	prefix := a.Prefix
	if prefix == "" {
		prefix = "// "
	}
	sep := a.Sep
	if sep == "" {
		sep = " "
	}
	line := prefix + strings.Join([]string{attr, fmt.Sprint(code), strings.Join(strings.Fields(typ), sep), fmt.Sprintf("%q", phrase)}, sep) + "\n"
	if strings.ContainsAny(prefix, "\r\n") {
		return Fix{}, false
	}
	return Fix{Title: fmt.Sprintf("Add %s %d to %s's annotations", attr, code, a.Name),
		Edits: []Edit{{Start: a.Insert, End: a.Insert, NewText: line}}}, true
}
