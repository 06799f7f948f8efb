// rule_unknown_status_code.go: the rule unknown-status-code, a code that
// is not in the IANA registry.

package lint

import (
	"fmt"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var unknownStatusCode = &Rule{
	ID:              "unknown-status-code",
	summary:         "A code that is not in the IANA registry",
	source:          "RFC 9110 §16.2.1; IANA registry",
	DefaultSeverity: Warning,
	severityNote:    "info for unofficial codes the catalog knows (499, 520); hint for codes sent in _test.go files",
	Doc: "Flags a code in 100–599 that is not in the IANA HTTP Status Code Registry that RFC 9110 " +
		"§16.2.1 set up. Clients treat an unknown code as the x00 code of its class, so whatever it " +
		"was meant to say is lost. Codes that well-known software uses (nginx's 499, Cloudflare's " +
		"52x) are reported as information naming their origin; codes declared in the " +
		"configuration's custom codes are not reported. In Go only codes sent are checked (written " +
		"to a response, directly or through a variable, field or parameter, or named in a swaggo " +
		"annotation): comparisons and asserts (`resp.StatusCode == 499`) read a code a proxy sends, " +
		"which is fine; in a `_test.go` file a code written to a recorder or fake writer is reported " +
		"as a hint. Fix: use a registered code, or declare the code as a custom code.",
	RunOpenAPI: unknownOpenAPI,
	RunGo:      unknownGo,
}

func unknownOpenAPI(p *Pass) {
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if r.Status.Code == 0 {
			return
		}
		if msg, sev, ok := unknownMessage(p, r.Status.Code); ok {
			p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd, Message: msg, Severity: sev})
		}
	})
}

func unknownGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if !p.sent(o) {
			continue
		}
		if o.Code < 100 || o.Code > 599 {
			continue
		}
		if msg, sev, ok := unknownMessage(p, o.Code); ok {
			p.Report(Finding{Start: o.Start, End: o.End, Message: msg, Severity: p.sentSeverity(o, sev)})
		}
	}
}

// unknownMessage tells what is wrong with an unregistered code, false
// when nothing is.
func unknownMessage(p *Pass, code int) (string, Severity, bool) {
	if p.custom(code) {
		return "", Off, false
	}
	e, ok := catalog.Lookup(code)
	if !ok {
		return fmt.Sprintf("%d is not a registered status code; use a registered code, or declare %d as a custom code", code, code), Warning, true
	}
	if e.Registration != catalog.Unofficial {
		return "", Off, false
	}
	return fmt.Sprintf("%d is not a registered status code; it is %s — use a registered code, or declare %d as a custom code",
		code, originOf(e), code), Info, true
}

// originOf names an unofficial code as "nginx's Client Closed Request".
func originOf(e *catalog.Entry) string {
	who := e.Spec.Doc
	switch {
	case who == "":
		return e.Phrase
	case strings.Contains(who, "convention"):
		return e.Phrase + ", an " + who
	case strings.HasSuffix(who, "s"):
		return who + "' " + e.Phrase
	}
	return who + "'s " + e.Phrase
}
