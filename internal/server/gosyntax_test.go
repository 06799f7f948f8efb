package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// Half-typed Go gets one syntax-error diagnostic, an error at the point
// where the parser stopped (UTF-16 columns past é and 😀), beside the
// rules' findings on what parsed; it goes when the text parses again.
func TestGoSyntaxErrorWhileTyping(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	const uri = "file:///work/typing.go"
	head := "package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\t_ = \"é😀\"; w.WriteHeader(418"
	text := head + "\n}\n"
	s.Open(uri, "go", text)
	p := diagnosticsFor(t, s, uri, 1)
	var syntax []protocol.Diagnostic
	for _, d := range p.Diagnostics {
		if d.Code == "syntax-error" {
			syntax = append(syntax, d)
		}
	}
	at := lsptest.PositionOf(text, len(head), "utf-16")
	if len(syntax) != 1 || syntax[0].Severity != protocol.DiagnosticSeverityError ||
		syntax[0].Range != (protocol.Range{Start: at, End: at}) || !strings.Contains(syntax[0].Message, "missing ','") {
		t.Errorf("syntax errors %+v, want one error at %v", syntax, at)
	}
	if len(p.Diagnostics) < 2 {
		t.Errorf("diagnostics %+v: the rules' findings on 418 are missing", p.Diagnostics)
	}

	fixed := head + ")\n}\n"
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []map[string]interface{}{{"text": fixed}},
	})
	for _, d := range diagnosticsFor(t, s, uri, 2).Diagnostics {
		if d.Code == "syntax-error" {
			t.Errorf("syntax error after the text was completed: %+v", d)
		}
	}
}
