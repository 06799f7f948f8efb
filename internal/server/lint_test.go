package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

const lintSpec = "openapi: 3.0.3\n" +
	"info: {title: t, version: '1'}\n" +
	"paths:\n" +
	"  /items/{id}:\n" +
	"    delete:\n" +
	"      responses:\n" +
	"        204:\n" +
	"          description: Deleted\n" +
	"          content:\n" +
	"            application/json: {}\n" +
	"        '404':\n" +
	"          description: Not Found\n"

// byRule indexes diagnostics by their rule ID.
func byRule(p protocol.PublishDiagnosticsParams) map[string]protocol.Diagnostic {
	out := map[string]protocol.Diagnostic{}
	for _, d := range p.Diagnostics {
		out[d.Code.(string)] = d
	}
	return out
}

// linkingClient takes diagnostics' documentation links and related places.
const linkingClient = `{"textDocument": {"publishDiagnostics": {"codeDescriptionSupport": true, "relatedInformation": true},
	"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}}}`

// A diagnostic links to its rule's documentation and names its related
// places for a client that takes them, and carries neither to one that
// does not say so.
func TestDiagnosticLinksFollowCapabilities(t *testing.T) {
	const uri = "file:///api/h.go"
	const src = "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusNoContent)\n\tw.Write([]byte(\"x\"))\n}\n"
	for caps, want := range map[string]bool{linkingClient: true, `{}`: false} {
		s := start(t)
		s.Initialize(caps)
		s.Open(uri, "go", src)
		body, ok := byRule(diagnosticsFor(t, s, uri, 1))["body-not-allowed"]
		if !ok {
			t.Fatalf("%s: no body-not-allowed diagnostic", caps)
		}
		if got := body.CodeDescription != nil && len(body.RelatedInformation) == 1; got != want {
			t.Errorf("%s: link %+v, related %+v; want both %v", caps, body.CodeDescription, body.RelatedInformation, want)
		}
		if !want && (body.CodeDescription != nil || len(body.RelatedInformation) > 0) {
			t.Errorf("%s: link %+v, related %+v; want neither", caps, body.CodeDescription, body.RelatedInformation)
		}
	}
}

func TestLintDiagnosticsAndQuickFixes(t *testing.T) {
	s := start(t)
	s.Initialize(linkingClient)
	const uri = "file:///api/lint.yaml"
	s.Open(uri, "yaml", lintSpec)
	diags := byRule(diagnosticsFor(t, s, uri, 1))

	unquoted, ok := diags["unquoted-status-code"]
	if !ok {
		t.Fatalf("no unquoted-status-code among %v", diags)
	}
	if want := rangeOf(lintSpec, "204", "utf-16"); unquoted.Range != want || unquoted.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("unquoted-status-code at %v severity %v, want %v warning", unquoted.Range, unquoted.Severity, want)
	}
	if unquoted.CodeDescription == nil || !strings.Contains(string(unquoted.CodeDescription.Href), "#unquoted-status-code") {
		t.Errorf("no documentation link: %+v", unquoted.CodeDescription)
	}
	if d, ok := diags["body-not-allowed"]; !ok || d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("body-not-allowed: %+v", d)
	}

	// The quick fix at the unquoted key quotes it.
	var actions []protocol.CodeAction
	s.MustCall("textDocument/codeAction", protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri},
		Range:        unquoted.Range,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{unquoted}},
	}, &actions)
	var quote *protocol.CodeAction
	for i := range actions {
		if actions[i].Kind == protocol.QuickFix && len(actions[i].Diagnostics) == 1 && actions[i].Diagnostics[0].Code == "unquoted-status-code" {
			quote = &actions[i]
		}
	}
	if quote == nil || quote.Edit == nil {
		t.Fatalf("no quick fix for the unquoted key among %+v", actions)
	}
	fixed := applyEdits(t, lintSpec, quote.Edit.Changes[uri])
	if !strings.Contains(fixed, "        '204':\n") {
		t.Errorf("after the quick fix:\n%s", fixed)
	}

	// Fix-all applies every safe fix: the key is quoted and the content
	// of the 204 is gone.
	actions = nil
	s.MustCall("textDocument/codeAction", protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri},
		Range:        protocol.Range{},
		Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{"source"}},
	}, &actions)
	if len(actions) != 1 || actions[0].Kind != sourceFixAll {
		t.Fatalf("source actions %+v, want one fix-all", actions)
	}
	all := applyEdits(t, lintSpec, actions[0].Edit.Changes[uri])
	if !strings.Contains(all, "'204':") || strings.Contains(all, "application/json") {
		t.Errorf("after fix-all:\n%s", all)
	}

	// Applying the fix-all text clears those findings.
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []map[string]interface{}{{"text": all}},
	})
	after := byRule(diagnosticsFor(t, s, uri, 2))
	for _, id := range []string{"unquoted-status-code", "body-not-allowed"} {
		if _, ok := after[id]; ok {
			t.Errorf("%s still reported after fix-all", id)
		}
	}
}

// applyEdits applies LSP text edits (UTF-16 positions) to text.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	offset := func(p protocol.Position) int {
		for i := 0; i <= len(text); i++ {
			if lsptest.PositionOf(text, i, "utf-16") == p {
				return i
			}
		}
		t.Fatalf("position %v is not in the text", p)
		return 0
	}
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offset(e.Range.Start), offset(e.Range.End), e.NewText})
	}
	for i := len(spans) - 1; i >= 0; i-- { // edits are sorted; apply from the end
		sp := spans[i]
		text = text[:sp.start] + sp.text + text[sp.end:]
	}
	return text
}

func TestLintSettingsSuppressionAndGo(t *testing.T) {
	s := start(t)
	var res map[string]interface{}
	s.MustCall("initialize", map[string]interface{}{
		"capabilities":          map[string]interface{}{},
		"initializationOptions": map[string]interface{}{"rules": map[string]string{"body-not-allowed": "off", "unquoted-status-code": "error"}},
	}, &res)
	const uri = "file:///api/settings.yaml"
	s.Open(uri, "yaml", lintSpec)
	diags := byRule(diagnosticsFor(t, s, uri, 1))
	if _, ok := diags["body-not-allowed"]; ok {
		t.Error("body-not-allowed is off but reported")
	}
	if d := diags["unquoted-status-code"]; d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("unquoted-status-code severity %v, want error from the settings", d.Severity)
	}

	suppressed := strings.Replace(lintSpec, "        204:\n", "        # httpcode-lsp-ignore unquoted-status-code\n        204:\n", 1)
	s.Open("file:///api/suppressed.yaml", "yaml", suppressed)
	if _, ok := byRule(diagnosticsFor(t, s, "file:///api/suppressed.yaml", 1))["unquoted-status-code"]; ok {
		t.Error("a suppressed finding is reported")
	}

	goSrc := "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(404)\n}\n"
	s.Open("file:///api/h.go", "go", goSrc)
	d, ok := byRule(diagnosticsFor(t, s, "file:///api/h.go", 1))["use-status-constant"]
	if !ok || d.Range != rangeOf(goSrc, "404", "utf-16") || d.Severity != protocol.DiagnosticSeverityHint {
		t.Errorf("use-status-constant: %+v", d)
	}
}

func TestWorkspaceConfigFile(t *testing.T) {
	root := t.TempDir()
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(root, ".httpcode-lsp.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rootURI := "file://" + filepath.ToSlash(root)
	configURI := rootURI + "/.httpcode-lsp.yaml"
	initialize := func(s *session) {
		var res map[string]interface{}
		s.MustCall("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}, "rootUri": rootURI}, &res)
	}

	write("rules:\n  unquoted-status-code: off\n")
	s := start(t)
	initialize(s)
	s.Open(rootURI+"/api.yaml", "yaml", lintSpec)
	if _, ok := byRule(diagnosticsFor(t, s, rootURI+"/api.yaml", 1))["unquoted-status-code"]; ok {
		t.Error("the config file turns unquoted-status-code off, but it is reported")
	}

	// A bad file: one diagnostic on it, and the defaults in force.
	write("rules:\n  unquoted-status-code: off\n  no-such-rule: error\n")
	s2 := start(t)
	initialize(s2)
	p := diagnosticsFor(t, s2, configURI, 0)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 2 || !strings.Contains(p.Diagnostics[0].Message, "no-such-rule") {
		t.Fatalf("config diagnostics %+v, want one on line 3 naming the rule", p.Diagnostics)
	}
	s2.Open(rootURI+"/api.yaml", "yaml", lintSpec)
	if _, ok := byRule(diagnosticsFor(t, s2, rootURI+"/api.yaml", 1))["unquoted-status-code"]; !ok {
		t.Error("with a bad config file the defaults must apply")
	}

	// Editing the file in the editor fixes it live: its diagnostic is
	// cleared and the open spec is analysed again under it.
	seen := len(s2.Notifications())
	s2.Open(configURI, "yaml", "rules:\n  unquoted-status-code: off\n")
	deadline := time.Now().Add(lsptest.Timeout)
	for cleared, reanalysed := false, false; !cleared || !reanalysed; {
		for _, n := range s2.Notifications()[seen:] {
			params := string(n.Params)
			if n.Method != "textDocument/publishDiagnostics" {
				continue
			}
			if strings.Contains(params, configURI) && strings.Contains(params, `"diagnostics":[]`) {
				cleared = true
			}
			if strings.Contains(params, "/api.yaml") && !strings.Contains(params, "unquoted-status-code") {
				reanalysed = true
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("after fixing the config file: cleared %v, spec re-analysed %v", cleared, reanalysed)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestDebounceCancelsSupersededVersions(t *testing.T) {
	srvSide, cliSide := net.Pipe()
	srv := New(Options{Logger: zaptest.NewLogger(t), Debounce: 50 * time.Millisecond})
	sess := &session{Client: lsptest.New(t, cliSide), exited: make(chan struct{})}
	go func() { sess.code = srv.Serve(context.Background(), srvSide); close(sess.exited) }()
	t.Cleanup(func() { sess.Close(); <-sess.exited })
	sess.Initialize(`{}`)

	const uri = "file:///api/typing.yaml"
	sess.Open(uri, "yaml", lintSpec)
	text := lintSpec
	for v := 2; v <= 6; v++ { // typing faster than the debounce
		text += "#"
		sess.Notify("textDocument/didChange", map[string]interface{}{
			"textDocument":   map[string]interface{}{"uri": uri, "version": v},
			"contentChanges": []map[string]interface{}{{"text": text}},
		})
	}
	diagnosticsFor(t, sess, uri, 6)
	for _, n := range sess.Notifications() {
		// The version opened is analysed at once; the versions typed
		// after it within the debounce never are.
		if n.Method == "textDocument/publishDiagnostics" && !regexp.MustCompile(`"version":[16]\b`).Match(n.Params) {
			t.Errorf("published for a superseded version: %s", n.Params)
		}
	}
}

// Closing the configuration file drops what the editor did not save: the
// file on disk is in force again, and the buffer's diagnostic is cleared.
func TestConfigFileClosedFallsBackToDisk(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".httpcode-lsp.yaml"), []byte("codes:\n  299: Custom Success\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rootURI := "file://" + filepath.ToSlash(root)
	configURI := rootURI + "/.httpcode-lsp.yaml"
	goURI := rootURI + "/h.go"
	s := start(t)
	var res map[string]interface{}
	s.MustCall("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}, "rootUri": rootURI}, &res)
	goSrc := "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(299)\n}\n"
	unknown := func(p protocol.PublishDiagnosticsParams) bool {
		_, ok := byRule(p)["unknown-status-code"]
		return ok
	}
	s.Open(goURI, "go", goSrc)
	if unknown(diagnosticsFor(t, s, goURI, 1)) {
		t.Fatal("299 is a custom code on disk, but it is reported unknown")
	}
	if h := s.Hover(goURI, rangeOf(goSrc, "299", "utf-16").Start); h == nil || !strings.Contains(h.Contents.Value, "### 299 Custom Success") {
		t.Errorf("hover on a custom code: %+v", h)
	}

	// An unsaved, broken edit: a diagnostic with the buffer's version,
	// and the defaults in force.
	s.Notify("textDocument/didOpen", map[string]interface{}{"textDocument": map[string]interface{}{
		"uri": configURI, "languageId": "yaml", "version": 3, "text": "codes: [\n"}})
	if p := diagnosticsFor(t, s, configURI, 3); len(p.Diagnostics) != 1 {
		t.Fatalf("broken config buffer: %+v, want one diagnostic at version 3", p.Diagnostics)
	}
	waitFor(t, "the Go file analysed under the defaults", func() bool {
		p, ok := latestDiagnostics(t, s, goURI)
		return ok && unknown(p)
	})

	s.ForgetNotifications()
	s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]interface{}{"uri": configURI}})
	if p := diagnosticsFor(t, s, configURI, 0); len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v, want the buffer's diagnostic cleared", p.Diagnostics)
	}
	if unknown(diagnosticsFor(t, s, goURI, 1)) {
		t.Error("after closing the unsaved config buffer, the file on disk (299 custom) must be in force again")
	}
}

// waitFor polls cond until it holds, failing the test after
// lsptest.Timeout.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(lsptest.Timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// latestDiagnostics returns the last diagnostics published for uri.
func latestDiagnostics(t *testing.T, s *session, uri string) (protocol.PublishDiagnosticsParams, bool) {
	t.Helper()
	ns := s.Notifications()
	for i := len(ns) - 1; i >= 0; i-- {
		if ns[i].Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p protocol.PublishDiagnosticsParams
		if err := json.Unmarshal(ns[i].Params, &p); err != nil {
			t.Fatal(err)
		}
		if string(p.URI) == uri {
			return p, true
		}
	}
	return protocol.PublishDiagnosticsParams{}, false
}

// A client that takes no CodeAction literals gets each fix as a Command;
// executing it has the server ask the client to apply the fix's edits, as
// long as the document is still the version the fix was made for. A
// client that cannot apply edits gets no fixes.
func TestQuickFixAsCommand(t *testing.T) {
	const uri = "file:///api/lint.yaml"
	codeActions := func(s *session) []protocol.Command {
		var cmds []protocol.Command
		s.MustCall("textDocument/codeAction", protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: uri},
			Range:        rangeOf(lintSpec, "204", "utf-16"),
		}, &cmds)
		return cmds
	}

	s := start(t)
	s.Initialize(`{"workspace": {"applyEdit": true}}`)
	s.Open(uri, "yaml", lintSpec)
	diagnosticsFor(t, s, uri, 1)
	cmds := codeActions(s)
	var quote *protocol.Command
	for i := range cmds {
		if cmds[i].Command == applyFixCommand && cmds[i].Title == "Quote the key" {
			quote = &cmds[i]
		}
	}
	if quote == nil {
		t.Fatalf("no command quoting 204 among %+v", cmds)
	}
	s.ForgetNotifications()
	s.MustCall("workspace/executeCommand", protocol.ExecuteCommandParams{Command: quote.Command, Arguments: quote.Arguments}, nil)
	var applied []protocol.ApplyWorkspaceEditParams
	for _, n := range s.Notifications() {
		if n.Method == "workspace/applyEdit" {
			var p protocol.ApplyWorkspaceEditParams
			if err := json.Unmarshal(n.Params, &p); err != nil {
				t.Fatal(err)
			}
			applied = append(applied, p)
		}
	}
	if len(applied) != 1 || applied[0].Label != quote.Title {
		t.Fatalf("workspace/applyEdit requests %+v, want one labelled %q", applied, quote.Title)
	}
	if fixed := applyEdits(t, lintSpec, applied[0].Edit.Changes[uri]); !strings.Contains(fixed, "        '204':\n") {
		t.Errorf("after the command's edit:\n%s", fixed)
	}

	// After an edit the fix is stale: the server refuses it.
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []map[string]interface{}{{"text": lintSpec + "\n"}},
	})
	err := s.Call("workspace/executeCommand", protocol.ExecuteCommandParams{Command: quote.Command, Arguments: quote.Arguments}, nil)
	if err == nil || !strings.Contains(err.Error(), "changed since the fix was offered") {
		t.Errorf("a stale fix: %v, want the document-changed error", err)
	}

	plain := start(t)
	plain.Initialize(`{}`)
	plain.Open(uri, "yaml", lintSpec)
	diagnosticsFor(t, plain, uri, 1)
	if cmds := codeActions(plain); len(cmds) != 0 {
		t.Errorf("a client that cannot apply edits got %+v", cmds)
	}
}

// A document with thousands of findings has them all published, in one
// message of a few megabytes, each where its finding is: held encoded in
// pieces, or, past heldDiagnostics, counted and encoded again as it is
// written, to the same bytes.
func TestManyDiagnosticsArePublishedWhole(t *testing.T) {
	const uri = "file:///dense.json"
	const ops = 3000
	var b strings.Builder
	b.WriteString(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{`)
	for i := range ops {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `"/p%d":{"get":{"responses":{"200":{"description":"ok"}}}}`, i)
	}
	b.WriteString("}}\n")
	publish := func(held int) json.RawMessage {
		saved := heldDiagnostics
		defer func() { heldDiagnostics = saved }()
		heldDiagnostics = held
		s := start(t)
		s.Initialize(linkingClient)
		s.Open(uri, "json", b.String())
		diagnosticsFor(t, s, uri, 1)
		for _, n := range s.Notifications() {
			if n.Method == "textDocument/publishDiagnostics" {
				return n.Params
			}
		}
		return nil
	}
	const small = 300 << 10 // two or three chunks held, then the rest streamed
	held, streamed := publish(heldDiagnostics), publish(small)
	if len(held) < 5*small || len(held) > heldDiagnostics || string(held) != string(streamed) {
		t.Fatalf("held: %d bytes, streamed: %d bytes; want the same message, larger than a few pieces", len(held), len(streamed))
	}
	var p protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(streamed, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 2*ops {
		t.Fatalf("%d diagnostics, want %d", len(p.Diagnostics), 2*ops)
	}
	for i, d := range p.Diagnostics {
		line := uint32(i / 2)
		if d.Range.Start.Line != line || d.CodeDescription == nil {
			t.Fatalf("diagnostic %d: %+v, want one on line %d with its link", i, d, line)
		}
	}
	last := p.Diagnostics[2*ops-2]
	if want := fmt.Sprintf("GET /p%d documents no 4xx response", ops-1); last.Code != "no-client-error-response" || !strings.HasPrefix(last.Message, want) {
		t.Errorf("last operation's first diagnostic: %s %q, want no-client-error-response %q", last.Code, last.Message, want)
	}
}
