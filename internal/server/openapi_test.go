package server

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// specYAML has multi-byte text before a key on its line and CRLF endings.
const specYAML = "openapi: 3.0.3\r\n" +
	"info: {title: Café 😀, version: '1'}\r\n" +
	"paths:\r\n" +
	"  /items/{id}:\r\n" +
	"    delete:\r\n" +
	"      responses: {'204': {description: Deleted}, '4|04': {description: Nope — 😀}}\r\n" +
	"    get:\r\n" +
	"      responses:\r\n" +
	"        4XX:\r\n" +
	"          description: client errors\r\n" +
	"        default:\r\n" +
	"          description: anything else\r\n"

const specJSON = `{
  "openapi": "3.1.0",
  "info": {"title": "Ünïcödé 😀", "version": "1"},
  "paths": {
    "/items": {
      "post": {
        "responses": {"😀x": {}, "4|29": {"description": "slow down"}}
      }
    }
  }
}`

func TestOpenAPIHover(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	for _, tc := range []struct {
		name, uri, lang, src string
		key                  string // the key text the range must cover
		want                 []string
	}{
		{"YAML response key", "file:///api/spec.yaml", "yaml", specYAML, "'404'",
			[]string{"### 404 Not Found", "**Response of:** `DELETE /items/{id}`"}},
		{"JSON response key", "file:///api/spec.json", "json", specJSON, `"429"`,
			[]string{"### 429 Too Many Requests", "`Retry-After`", "**Response of:** `POST /items`"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, pos := lsptest.Cursor(t, tc.src)
			s.Open(tc.uri, tc.lang, text)
			h := s.Hover(tc.uri, pos)
			if h == nil {
				t.Fatal("no hover")
			}
			for _, want := range tc.want {
				if !strings.Contains(h.Contents.Value, want) {
					t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
				}
			}
			if want := rangeOf(text, tc.key, "utf-16"); h.Range == nil || *h.Range != want {
				t.Errorf("range %v, want %v (the key %s)", h.Range, want, tc.key)
			}
		})
	}

	text, _ := lsptest.Cursor(t, specYAML)
	if h := s.Hover("file:///api/spec.yaml", rangeOf(text, "4XX", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "4xx Client Error") {
		t.Errorf("hover on 4XX: %v", h)
	}
	if h := s.Hover("file:///api/spec.yaml", rangeOf(text, "default", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "every status code") {
		t.Errorf("hover on default: %v", h)
	}
	if h := s.Hover("file:///api/spec.yaml", rangeOf(text, "Deleted", "utf-16").Start); h != nil {
		t.Errorf("hover on a description: %v", h.Contents.Value)
	}
}

func TestPlainYAMLHoverAndConfiguredKeys(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	srcYAML := "checks:\n  - url: https://example.com/é😀\n    expected_status: 201\n    want_code: 503\n"

	const uri = "file:///ci/checks.yml"
	s.Open(uri, "yaml", srcYAML)
	if h := s.Hover(uri, rangeOf(srcYAML, "201", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "201 Created") {
		t.Errorf("hover on expected_status: %v", h)
	}
	if h := s.Hover(uri, rangeOf(srcYAML, "503", "utf-16").Start); h != nil {
		t.Errorf("hover on an unconfigured key: %v", h.Contents.Value)
	}
	s.Notify("workspace/didChangeConfiguration", map[string]interface{}{
		"settings": map[string]interface{}{"httpcodeLsp": map[string]interface{}{"yaml": map[string]interface{}{"statusKeys": []string{"want_code"}}}},
	})
	if h := s.Hover(uri, rangeOf(srcYAML, "503", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "503 Service Unavailable") {
		t.Errorf("hover on a key configured by didChangeConfiguration: %v", h)
	}
}

func TestInitializationOptionsStatusKeys(t *testing.T) {
	s := start(t)
	var result map[string]interface{}
	s.MustCall("initialize", map[string]interface{}{
		"capabilities":          map[string]interface{}{},
		"initializationOptions": map[string]interface{}{"yaml": map[string]interface{}{"statusKeys": []string{"okCode"}}},
	}, &result)
	src := "probe:\n  okCode: 204\n"
	s.Open("file:///probe.yaml", "yaml", src)
	if h := s.Hover("file:///probe.yaml", rangeOf(src, "204", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "204 No Content") {
		t.Errorf("hover on a key from initializationOptions: %v", h)
	}
}

func TestOpenAPICompletion(t *testing.T) {
	s := start(t)
	s.Initialize(`{"textDocument":{"completion":{"completionItem":{"snippetSupport":true}}}}`)
	src := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    post:\n      responses:\n        '400':\n          description: Bad\n        |\n"
	text, pos := lsptest.Cursor(t, src)
	s.Open("file:///c.yaml", "yaml", text)
	list := s.Completion("file:///c.yaml", pos)
	byLabel := map[string]protocol.CompletionItem{}
	best := protocol.CompletionItem{SortText: "~"}
	for _, it := range list.Items {
		byLabel[it.Label] = it
		if it.SortText < best.SortText {
			best = it
		}
	}
	if best.Label != "201 Created" {
		t.Errorf("first item for POST %q, want 201 Created", best.Label)
	}
	if _, ok := byLabel["400 Bad Request"]; ok {
		t.Error("400 is offered though the map has it")
	}
	created := byLabel["201 Created"]
	if created.InsertTextFormat != protocol.InsertTextFormatSnippet || created.TextEdit == nil ||
		!strings.HasPrefix(created.TextEdit.NewText, "'201':\n") || !strings.Contains(created.TextEdit.NewText, "Location") {
		t.Errorf("201 item: format %v edit %+v", created.InsertTextFormat, created.TextEdit)
	}
	if _, ok := byLabel["4XX Client Error"]; !ok {
		t.Errorf("no range key among %d items", len(list.Items))
	}

	// Without snippet support the same edit comes as plain text.
	s2 := start(t)
	s2.Initialize(`{}`)
	s2.Open("file:///c.yaml", "yaml", text)
	for _, it := range s2.Completion("file:///c.yaml", pos).Items {
		if it.InsertTextFormat == protocol.InsertTextFormatSnippet || strings.Contains(it.TextEdit.NewText, "${") {
			t.Fatalf("snippet sent to a client without snippet support: %q", it.TextEdit.NewText)
		}
	}
}

// diagnosticsFor waits for the publishDiagnostics of uri at version.
func diagnosticsFor(t testing.TB, s *session, uri string, version uint32) protocol.PublishDiagnosticsParams {
	t.Helper()
	deadline := time.Now().Add(lsptest.Timeout)
	for time.Now().Before(deadline) {
		for _, n := range s.Notifications() {
			if n.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(n.Params, &p); err != nil {
				t.Fatal(err)
			}
			if string(p.URI) == uri && p.Version == version {
				return p
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no diagnostics for %s version %d", uri, version)
	return protocol.PublishDiagnosticsParams{}
}

// syntaxErrors keeps the diagnostics that report a YAML/JSON syntax error.
func syntaxErrors(p protocol.PublishDiagnosticsParams) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range p.Diagnostics {
		if d.Code == analysis.SyntaxErrorID {
			out = append(out, d)
		}
	}
	return out
}

func TestBrokenYAMLStillHoversAndReportsOneError(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	src := "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: 'unclosed\n        '404':\n          description: x\n"
	const uri = "file:///broken.yaml"
	s.Open(uri, "yaml", src)
	syntax := syntaxErrors(diagnosticsFor(t, s, uri, 1))
	if len(syntax) != 1 {
		t.Fatalf("%d syntax errors, want one: %+v", len(syntax), syntax)
	}
	// The quote opened on line 7 is to blame, though the YAML parser
	// notices only on line 8.
	if d := syntax[0]; d.Severity != protocol.DiagnosticSeverityError || d.Range.Start.Line != 6 || d.Message == "" {
		t.Errorf("syntax error %+v, want an error on line 7", d)
	}
	if h := s.Hover(uri, rangeOf(src, "'200'", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "200 OK") {
		t.Errorf("no hover before the error: %v", h)
	}

	// Fixing the text clears the diagnostic, on the new version.
	fixed := strings.Replace(src, "'unclosed", "'closed'", 1)
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []map[string]interface{}{{"text": fixed}},
	})
	if syntax := syntaxErrors(diagnosticsFor(t, s, uri, 2)); len(syntax) != 0 {
		t.Errorf("syntax errors after the fix: %+v", syntax)
	}
	s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": uri}})
	if p := diagnosticsFor(t, s, uri, 0); p.Diagnostics == nil || len(p.Diagnostics) != 0 {
		t.Errorf("close must publish [], got %+v", p.Diagnostics)
	}
}
