// rule_missing_not_found.go: the rule missing-not-found, an operation on a
// /{id} path without 404.

package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var missingNotFound = &Rule{
	ID:              "missing-not-found",
	summary:         "An operation on a /{id} path without 404",
	source:          "seed notes (REST table)",
	DefaultSeverity: Info,
	Doc: "Flags a GET, PUT, PATCH or DELETE on a path with a `{parameter}` that documents no 404: " +
		"the seed notes' REST table gives each of them 404 Not Found for an id that names " +
		"nothing (RFC 9110 §15.5.5). A `4XX` range or a `default` response covers it. A DELETE " +
		"whose 2xx response says it is also the answer for a resource that does not exist (\"204: " +
		"the resource does not exist\", \"already deleted\") is idempotent by design (§9.2.2) and " +
		"needs no 404. Fix: add a 404 response.",
	RunOpenAPI: missingNotFoundOpenAPI,
}

func missingNotFoundOpenAPI(p *Pass) {
	pathOperations(p.Doc, func(op *openapi.Operation, rm *openapi.ResponseMap) {
		if !wantsNotFound(p, op, rm) {
			return
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s documents no 404; add 404 Not Found for a %s that names nothing", op.Context, lastParam(op.Path))})
	})
}

// wantsNotFound reports whether an operation of the paths calls for a 404
// it does not document.
func wantsNotFound(p *Pass, op *openapi.Operation, rm *openapi.ResponseMap) bool {
	if !strings.Contains(op.Path, "{") {
		return false
	}
	switch op.Method {
	case "GET", "PUT", "PATCH", "DELETE":
	default:
		return false
	}
	if p.has(rm, 404) || p.coversClass(rm, 4) {
		return false
	}
	return op.Method != "DELETE" || !answersAbsence(rm)
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

// absence is how a description says that the resource was not there.
var absence = regexp.MustCompile(`(?i)\b(does ?n[o']t|did ?n[o']t|not|no longer|never) exists?\b|\bnot (been )?found\b|\balready (been )?(deleted|removed|gone)\b`)

// answersAbsence reports whether a 2xx response of the map says it is
// also sent when the resource does not exist: an idempotent DELETE.
func answersAbsence(rm *openapi.ResponseMap) bool {
	for _, r := range rm.Entries {
		if r.Status.Code/100 != 2 && r.Status.Class != 2 {
			continue
		}
		if t, ok := target(r); ok && t.Description != nil && absence.MatchString(t.Description.Value) {
			return true
		}
	}
	return false
}
