// rule_deprecated_status_code.go: the rule deprecated-status-code, 305,
// 306, 418 and 510, which must not be sent.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var deprecatedStatusCode = &Rule{
	ID:              "deprecated-status-code",
	summary:         "305, 306, 418 and 510",
	source:          "RFC 9110 §15.4.6, §15.4.7, §15.5.19; IANA",
	DefaultSeverity: Warning,
	severityNote:    "hint for codes sent in _test.go files",
	Doc: "Flags codes that must not be sent: 305 Use Proxy, deprecated by RFC 9110 §15.4.6 because a " +
		"response could steer clients through a proxy of its choosing; 306, reserved and unused " +
		"(RFC 9110 §15.4.7); 418, which RFC 9110 §15.5.19 also marks unused — the \"I'm a " +
		"teapot\" joke of RFC 2324 is not part of HTTP, so it belongs here rather than with the " +
		"unofficial codes; and 510 Not Extended, which IANA lists as obsoleted since RFC 2774 " +
		"was moved to Historic. In Go only codes sent are checked (written to a response, directly " +
		"or through a variable, field or parameter, or named in a swaggo annotation): comparisons, " +
		"asserts and `http.StatusText` lookups are left alone, and so is a library's table of one error " +
		"per code (`ErrTeapot = NewHTTPError(418)`, `func Error418Teapot`); in a `_test.go` file a code " +
		"written to a recorder or fake writer is reported as a hint. Fix: use the code the " +
		"message suggests (403 or 429 instead of 418, 501 or 400 instead of 510).",
	RunOpenAPI: deprecatedOpenAPI,
	RunGo:      deprecatedGo,
}

func deprecatedOpenAPI(p *Pass) {
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if msg, ok := deprecatedMessage(p, r.Status.Code); ok {
			p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd, Message: msg})
		}
	})
}

func deprecatedGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if !p.sent(o) {
			continue
		}
		if msg, ok := deprecatedMessage(p, o.Code); ok {
			p.Report(Finding{Start: o.Start, End: o.End, Message: msg, Severity: p.sentSeverity(o, Off)})
		}
	}
}

var deprecatedAdvice = map[int]string{
	305: "use another code: clients ignore it",
	306: "use another code: it has no meaning",
	418: "use 403 or 429 to refuse a request",
	510: "use 501 or 400 instead",
}

func deprecatedMessage(p *Pass, code int) (string, bool) {
	if code == 0 || p.custom(code) {
		return "", false
	}
	e, ok := catalog.Lookup(code)
	if !ok {
		return "", false
	}
	advice := deprecatedAdvice[code]
	if advice == "" {
		advice = "use another code"
	}
	switch e.Registration {
	case catalog.Deprecated:
		return fmt.Sprintf("%s is deprecated (%s); %s", e.Title(), e.Spec, advice), true
	case catalog.Unused:
		return fmt.Sprintf("%d is reserved and unused in HTTP (%s); %s", code, e.Spec, advice), true
	}
	return "", false
}
