// rule_invalid_status_code.go: the rule invalid-status-code, a status that
// cannot be one: outside 100–599, a mis-cased range or default, a range
// key in Swagger 2.0.

package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var invalidStatusCode = &Rule{
	ID:              "invalid-status-code",
	summary:         "A status outside 100–599, a mis-cased range or default, a range key in Swagger 2.0",
	source:          "RFC 9110 §15; OpenAPI Specification",
	DefaultSeverity: Error,
	severityNote:    "hint for codes sent in _test.go files",
	Doc: "Flags a status that cannot be one. RFC 9110 §15 defines status codes as three digits " +
		"from 100 to 599, and the OpenAPI Responses Object accepts only such a code, the range keys " +
		"1XX to 5XX (OpenAPI 3.x, upper case) or `default`; Swagger 2.0 has no range keys at all. " +
		"In Go, a code outside 100–599 that is sent (a literal or a constant of the package, written " +
		"to a response directly or through a variable, field or parameter, or named in a swaggo " +
		"annotation) is flagged, since " +
		"`ResponseWriter.WriteHeader` panics for codes below 100 or above 999 and clients reject " +
		"the rest; a code that is only compared, asserted or looked up is left alone, and so is a " +
		"custom code 600–999 declared in the configuration. In a `_test.go` file a code written to a " +
		"recorder or fake writer tests how that code is handled, so it is reported as a hint. " +
		"Fix: write a real code; " +
		"a lower-case range such as `2xx` is fixed to `2XX`, and `Default` to `default`.",
	fixNote:    "`2xx` → `2XX`, `Default` → `default` (safe).",
	RunOpenAPI: invalidOpenAPI,
	RunGo:      invalidGo,
}

func invalidOpenAPI(p *Pass) {
	doc := p.Doc
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		s := r.Status
		written, exact := keyText(p.Src, r)
		f := Finding{Start: r.KeyStart, End: r.KeyEnd}
		fixTo := ""
		switch {
		case s.Invalid:
			want := "a code 100–599, a range 1XX–5XX or default"
			if !doc.Kind.Ranges() {
				want = "a code 100–599 or default"
			}
			f.Message = fmt.Sprintf("response key %s is not a status; use %s", quoteKey(r.Key), want)
			switch up := strings.ToUpper(strings.TrimSpace(r.Key)); {
			case strings.EqualFold(strings.TrimSpace(r.Key), "default"):
				fixTo = "default"
			case doc.Kind.Ranges() && openapi.ParseStatus(up).Class != 0:
				fixTo = up
			case openapi.ParseStatus(strings.TrimSpace(r.Key)).Code != 0:
				fixTo = strings.TrimSpace(r.Key)
			}
		case s.Class != 0 && !doc.Kind.Ranges():
			f.Message = fmt.Sprintf("Swagger 2.0 has no range keys; replace %s with the codes it stands for", quoteKey(r.Key))
		case s.Lowercase:
			up := strings.ToUpper(r.Key)
			f.Message = fmt.Sprintf("range keys are upper case; write %s", quoteKey(up))
			fixTo = up
		default:
			return
		}
		if fixTo != "" && exact && fixTo != written && !p.hasKey(rm, fixTo) {
			f.Fixes = []Fix{{Title: "Change to " + fixTo, Safe: true,
				Edits: []Edit{{Start: r.CodeStart, End: r.CodeEnd, NewText: fixTo}}}}
		}
		p.Report(f)
	})
}

func invalidGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if !p.sent(o) {
			continue
		}
		code := o.Code
		if code >= 100 && code <= 599 {
			continue
		}
		if code >= 100 && code <= 999 && p.custom(code) {
			continue // declared on purpose, and net/http sends it
		}
		msg := fmt.Sprintf("%d is not a valid status code; use a code in 100–599", code)
		if o.Context == "WriteHeader" && (code < 100 || code > 999) {
			msg = fmt.Sprintf("WriteHeader(%d) panics at run time; use a code in 100–599", code)
		}
		p.Report(Finding{Start: o.Start, End: o.End, Message: msg, Severity: p.sentSeverity(o, Off)})
	}
}

func quoteKey(k string) string {
	if strings.ContainsAny(k, "'\n") || len(k) > 40 {
		return strconv.Quote(truncate(k, 40))
	}
	return "'" + k + "'"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
