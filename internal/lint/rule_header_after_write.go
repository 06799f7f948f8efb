// rule_header_after_write.go: the rule header-after-write, a header set
// after the status or body was sent.

package lint

// headerAfterWriteID is the rule's ID, which the analysis of writes to responses
// (respflow.go) gives its findings.
const headerAfterWriteID = "header-after-write"

var headerAfterWrite = &Rule{
	ID:              headerAfterWriteID,
	summary:         "A header set after the status or body was written",
	source:          "net/http (`ResponseWriter.Header`), RFC 9110 §6.3",
	DefaultSeverity: Warning,
	Doc: "Flags a change to the response's header — `w.Header().Set/Add/Del`, " +
		"`w.Header()[k] = v`, `http.SetCookie(w, …)`, gin's `c.Header`, echo's " +
		"`c.Response().Header()` — on a path after the status or body was written " +
		"(`w.WriteHeader`, `w.Write`, `http.Error`, `c.JSON`, …). The header section goes out " +
		"before the content (RFC 9110 §6.3), with the status line, so net/http silently drops later changes (its documentation: changing the " +
		"header map after WriteHeader or Write has no effect). Trailers are the exception: a key " +
		"with `http.TrailerPrefix`, and the values of trailers the function declares with " +
		"`Header().Set(\"Trailer\", …)`, are left alone. Paths and helpers are followed as for " +
		"`status-written-twice`. Fix: set the header before the first write.",
	RunGo: func(p *Pass) { reportAll(p, p.respFindings(p.Rule.ID)) },
}
