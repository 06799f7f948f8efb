// rule_missing_not_found.go: the rule missing-not-found, an operation on a
// /{id} path without 404.

package lint

import (
	"fmt"
	"strings"
)

var missingNotFound = &Rule{
	ID:              "missing-not-found",
	summary:         "An operation on a /{id} path without 404",
	source:          "seed notes (REST table)",
	DefaultSeverity: Info,
	Doc: "Flags a GET, PUT, PATCH or DELETE on a path with a `{parameter}` that documents no 404: " +
		"the seed notes' REST table gives each of them 404 Not Found for an id that names " +
		"nothing (RFC 9110 §15.5.5). A `4XX` range or a `default` response covers it. Fix: add " +
		"a 404 response.",
	RunOpenAPI: missingNotFoundOpenAPI,
}

func missingNotFoundOpenAPI(p *Pass) {
	for _, op := range p.Doc.Operations {
		rm := op.Responses
		if rm == nil || !pathKind(op) || !strings.Contains(op.Path, "{") {
			continue
		}
		switch op.Method {
		case "GET", "PUT", "PATCH", "DELETE":
		default:
			continue
		}
		if p.has(rm, 404) || p.coversClass(rm, 4) {
			continue
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s documents no 404; add 404 Not Found for a %s that names nothing", op.Context, lastParam(op.Path))})
	}
}

// lastParam returns the last {parameter} of a path.
func lastParam(path string) string {
	i := strings.LastIndexByte(path, '{')
	j := strings.LastIndexByte(path, '}')
	if i < 0 || j < i {
		return "parameter"
	}
	return path[i : j+1]
}
