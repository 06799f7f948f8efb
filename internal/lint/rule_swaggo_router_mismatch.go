// rule_swaggo_router_mismatch.go: the rule swaggo-router-mismatch, a
// @Router line that names another route than the code registers.

package lint

import (
	"fmt"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
	"github.com/httpcode-lsp/httpcode-lsp/internal/routes"
)

var swaggoRouterMismatch = &Rule{
	ID:               "swaggo-router-mismatch",
	summary:          "A swaggo @Router line names another method or path than the route the code registers",
	source:           "swaggo declarative comments; OpenAPI Specification (Paths Object)",
	DefaultSeverity:  Warning,
	contractLanguage: LanguageGo,
	Doc: "Flags a `@Router /path [method]` annotation when the function is registered as a handler (net/http " +
		"patterns, chi, gin, echo, gorilla/mux, fiber) and none of its routes has that method and path; a " +
		"route whose path ends with the annotation's path matches, as `@BasePath` prefixes it. swag writes " +
		"the OpenAPI Specification's Paths Object from these lines, so the document would describe an " +
		"endpoint that does not exist. A registered handler with code annotations and no `@Router` is " +
		"flagged at its name. Fix: write the route's method and path.",
	fixNote:     "writes the registered route's path and method (when the function has one route)",
	RunContract: swaggoRouterMismatchContract,
}

func swaggoRouterMismatchContract(p *ContractPass) {
	for _, a := range p.Result.Annotated {
		if len(a.Routes) == 0 {
			continue
		}
		if a.Router == nil {
			if len(a.Codes) == 0 {
				continue
			}
			r := a.Routes[0]
			f := Finding{Start: a.NameStart, End: a.NameEnd,
				Message: fmt.Sprintf("%s handles %s but has no @Router annotation", a.Name, r.Context())}
			if len(a.Routes) == 1 && r.Method != "" && a.Insert >= 0 && !strings.Contains(r.Path, routes.Wildcard) {
				f.Fixes = []Fix{{Title: "Add @Router " + routerText(r), Edits: []Edit{{Start: a.Insert, End: a.Insert,
					NewText: a.Prefix + "@Router " + routerText(r) + "\n"}}}}
			}
			p.Report(a.FilePath, f)
			continue
		}
		if routerMatches(a) {
			continue
		}
		var names []string
		for _, r := range a.Routes {
			names = append(names, r.Context())
		}
		f := Finding{Start: a.Router.Start, End: a.Router.End,
			Message: fmt.Sprintf("@Router says %s %s, but %s is registered as %s", a.Router.Method, a.Router.Path, a.Name,
				strings.Join(names, " and "))}
		for _, r := range a.Routes {
			f.Related = append(f.Related, Related{Path: r.FilePath, Start: r.Start, End: r.End, Message: "registered as " + r.Context()})
		}
		if r := a.Routes[0]; len(a.Routes) == 1 && r.Method != "" && !strings.Contains(r.Path, routes.Wildcard) {
			f.Fixes = []Fix{{Title: "Change to " + routerText(r), Edits: []Edit{{Start: a.Router.Start, End: a.Router.End, NewText: routerText(r)}}}}
		}
		p.Report(a.FilePath, f)
	}
}

// routerText is a route as @Router writes it: /books/{id} [get].
func routerText(r *contract.Route) string {
	return r.Path + " [" + strings.ToLower(r.Method) + "]"
}

// routerMatches reports whether one of the function's routes has the
// @Router's method and a path that ends with its path.
func routerMatches(a *contract.Annotated) bool {
	want := strings.Split(routes.Key(routes.Normalize(a.Router.Path)), "/")
	for _, r := range a.Routes {
		if r.Method != "" && r.Method != a.Router.Method {
			continue
		}
		got := strings.Split(routes.Key(r.Path), "/")
		if routes.Match(r.Path, routes.Normalize(a.Router.Path)) {
			return true
		}
		if len(got) >= len(want) && strings.Join(got[len(got)-len(want)+1:], "/") == strings.Join(want[1:], "/") {
			return true
		}
	}
	return false
}
