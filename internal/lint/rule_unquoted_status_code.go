// rule_unquoted_status_code.go: the rule unquoted-status-code, a response
// key written as a YAML integer.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var unquotedStatusCode = &Rule{
	ID:              "unquoted-status-code",
	summary:         "A response key written as a YAML integer",
	source:          "OpenAPI Specification 3.x",
	DefaultSeverity: Warning,
	Doc: "Flags a response key written as a YAML integer (`200:`). The OpenAPI Specification 3.x " +
		"(Responses Object) requires response keys to be quoted strings so that the YAML and JSON forms of a document agree, and " +
		"tools that read the key as a number mishandle it. Swagger 2.0 documents, whose " +
		"specification shows unquoted keys, are not flagged. Fix: quote the key (`'200':`).",
	fixNote:    "Quotes the key, with the quote style the map already uses (safe).",
	RunOpenAPI: unquotedOpenAPI,
}

func unquotedOpenAPI(p *Pass) {
	doc := p.Doc
	if doc.Kind == openapi.Swagger2 || doc.JSON {
		return
	}
	var (
		last *openapi.ResponseMap
		q    byte
	)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if !r.IntKey || r.Status.Code == 0 {
			return
		}
		if rm != last {
			last, q = rm, quoteStyle(rm)
		}
		written, exact := keyText(p.Src, r)
		f := Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: fmt.Sprintf("response key %s is a YAML integer; quote it: %c%s%c", r.Key, q, r.Key, q)}
		if exact && written == r.Key && p.keyCount(rm, r.Key) == 1 {
			f.Fixes = []Fix{{Title: "Quote the key", Safe: true,
				Edits: []Edit{{Start: r.KeyStart, End: r.KeyEnd, NewText: string(q) + written + string(q)}}}}
		}
		p.Report(f)
	})
}

// quoteStyle returns the quote the map's quoted keys use, ' by default.
func quoteStyle(rm *openapi.ResponseMap) byte {
	single, double := 0, 0
	for _, r := range rm.Entries {
		switch r.Quote {
		case '\'':
			single++
		case '"':
			double++
		}
	}
	if double > single {
		return '"'
	}
	return '\''
}
