// rule_status_after_body.go: the rule status-after-body, a status written
// after the body, which sent 200.

package lint

// statusAfterBodyID is the rule's ID, which the analysis of writes to responses
// (respflow.go) gives its findings.
const statusAfterBodyID = "status-after-body"

var statusAfterBody = &Rule{
	ID:              statusAfterBodyID,
	summary:         "`WriteHeader` after the body was written",
	source:          "net/http (`ResponseWriter.Write`)",
	DefaultSeverity: Warning,
	Doc: "Flags a status write (`w.WriteHeader`, `http.Error`, `c.JSON`, …) on a path after the " +
		"body was written with no status before it (`w.Write`, `fmt.Fprint(w, …)`, " +
		"`json.NewEncoder(w).Encode`, a template's `Execute(w, …)`). The first body write sends " +
		"`200 OK` with the header (the status line comes first, RFC 9110 §15), so the later status is ignored (net/http logs " +
		"`superfluous response.WriteHeader call`) and the client sees 200. When the body write's " +
		"error is tested, the branch where it is not nil assumes nothing was written. Paths and " +
		"helpers are followed as for `status-written-twice`. Fix: write the status before the body.",
	RunGo: func(p *Pass) { reportAll(p, p.respFindings(p.Rule.ID)) },
}
