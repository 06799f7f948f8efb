// rule_status_written_twice.go: the rule status-written-twice, a response
// written again on a path after its status was sent.

package lint

// statusWrittenTwiceID is the rule's ID, which the analysis of writes to responses
// (respflow.go) gives its findings.
const statusWrittenTwiceID = "status-written-twice"

var statusWrittenTwice = &Rule{
	ID:              statusWrittenTwiceID,
	summary:         "A status or body written on a path after the response was written",
	source:          "net/http (`superfluous response.WriteHeader call`), gin, echo",
	DefaultSeverity: Warning,
	Doc: "A response has one status line (RFC 9110 §15). Flags a write that follows, on some path through the function, a write that already " +
		"sent the status: `w.WriteHeader` or a whole response (`http.Error`, `http.Redirect`, " +
		"`http.NotFound`, gin's and echo's `c.JSON`, `c.String`, `c.AbortWithStatus`, …) followed " +
		"by another status or response, or a whole response followed by a body write " +
		"(`w.Write`, `fmt.Fprint(w, …)`, `io.Copy(w, …)`, `json.NewEncoder(w).Encode`). net/http " +
		"ignores the second status and logs `http: superfluous response.WriteHeader call`, gin and " +
		"echo log that the headers were already written, and a body write appends to the " +
		"response already sent; the usual cause is a missing `return` after `http.Error`. Paths " +
		"come from the function's control flow (`if`, `switch`, loops, `goto`, `break`); `return`, " +
		"`panic`, `os.Exit` and `log.Fatal` end them; writes under `defer`, `go` and in function " +
		"literals are not on them, and the branch where a write's error is not nil assumes it " +
		"wrote nothing. A function of the package that receives the response (an " +
		"`http.ResponseWriter`, a gin or echo context) and writes to it on every path counts as " +
		"that write where it is called (`writeJSON(w, code, v)`). Left alone: writes to a test " +
		"recorder, test files (`_test.go`, or importing `testing`), a response the function keeps " +
		"track of itself (written under `if !wrote` where it sets `wrote = true`, or reached " +
		"through a method's receiver, as in a ResponseWriter wrapper), and a status of unknown " +
		"code followed by another (it may be an interim 1xx). The finding is on the first later " +
		"write in the text and names the line of the first write: one missing return, one " +
		"finding. Fix: return after the first write, or write once.",
	fixNote: "Where the first write ends an `if` block, inserts `return` after it (for an echo handler, returns the call's error).",
	RunGo:   func(p *Pass) { reportAll(p, p.respFindings(p.Rule.ID)) },
}

// reportAll reports findings as they are.
func reportAll(p *Pass, fs []Finding) {
	for _, f := range fs {
		p.Report(f)
	}
}
