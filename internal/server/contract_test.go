package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

const (
	contractGo = `package main

import "net/http"

func main() {
	http.HandleFunc("GET /books/{id}", getBook)
}

// getBook godoc
// @Success 200 {string} string
// @Failure 409 {string} string
func getBook(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") == "" {
		w.WriteHeader(http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusOK)
}
`
	contractSpec = `openapi: 3.0.3
info: {title: books, version: "1"}
paths:
  /books/{id}:
    get:
      responses:
        '200':
          description: The book
        '404':
          description: Not Found
`
)

// contractSession starts a server on a workspace of contractGo and
// contractSpec, both open.
func contractSession(t *testing.T) (s *session, goURI, specURI string) {
	t.Helper()
	root := t.TempDir()
	for name, text := range map[string]string{"main.go": contractGo, "api/openapi.yaml": contractSpec} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s = start(t)
	s.MustCall("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root),
		"capabilities": json.RawMessage(`{"textDocument": {"publishDiagnostics": {"relatedInformation": true},
			"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}}}}`)}, nil)
	s.Notify("initialized", map[string]any{})
	goURI = "file://" + filepath.ToSlash(filepath.Join(root, "main.go"))
	specURI = "file://" + filepath.ToSlash(filepath.Join(root, "api", "openapi.yaml"))
	s.Open(goURI, "go", contractGo)
	s.Open(specURI, "yaml", contractSpec)
	return s, goURI, specURI
}

// The drift between a handler and its spec shows in both documents, with
// a fix that edits the spec, and each side leads to the other.
func TestContractInTheEditor(t *testing.T) {
	s, goURI, specURI := contractSession(t)
	var goDiag, specDiag protocol.Diagnostic
	waitFor(t, "the contract's diagnostics", func() bool {
		g, ok1 := latestDiagnostics(t, s, goURI)
		sp, ok2 := latestDiagnostics(t, s, specURI)
		var found1, found2 bool
		goDiag, found1 = byRule(g)["undocumented-status"]
		specDiag, found2 = byRule(sp)["unsent-status"]
		return ok1 && ok2 && found1 && found2
	})
	conflict := strings.Index(contractGo, "http.StatusConflict")
	if goDiag.Message != "GET /books/{id} sends 409, which api/openapi.yaml does not document" ||
		goDiag.Range.Start != lsptest.PositionOf(contractGo, conflict, "utf-16") {
		t.Errorf("Go diagnostic %q at %v", goDiag.Message, goDiag.Range.Start)
	}
	if len(goDiag.RelatedInformation) != 1 || goDiag.RelatedInformation[0].Location.URI != protocol.DocumentURI(specURI) {
		t.Errorf("Go diagnostic's related places %+v, want the spec's responses", goDiag.RelatedInformation)
	}
	key404 := strings.Index(contractSpec, "'404'")
	if specDiag.Message != "no handler of GET /books/{id} sends 404" || specDiag.Range.Start != lsptest.PositionOf(contractSpec, key404, "utf-16") {
		t.Errorf("spec diagnostic %q at %v", specDiag.Message, specDiag.Range.Start)
	}

	// The quick fix adds 409 to the spec: after 404, in numeric order, in
	// the spec's quoting and indentation.
	var actions []protocol.CodeAction
	s.MustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]string{"uri": goURI},
		"range":        goDiag.Range,
		"context":      map[string]any{"diagnostics": []protocol.Diagnostic{goDiag}},
	}, &actions)
	var edit []protocol.TextEdit
	for _, a := range actions {
		if a.Title == "Add 409 Conflict to openapi.yaml" && a.Edit != nil {
			edit = a.Edit.Changes[protocol.DocumentURI(specURI)]
		}
	}
	if len(edit) != 1 || edit[0].NewText != "        '409':\n          description: Conflict\n" ||
		edit[0].Range.Start != lsptest.PositionOf(contractSpec, len(contractSpec), "utf-16") {
		t.Errorf("fix %+v in actions %+v", edit, actions)
	}

	// Definition from the send site of 200 goes to the spec's '200' key;
	// references from the '200' key come back to the send site.
	ok := strings.Index(contractGo, "http.StatusOK")
	var locs []protocol.Location
	s.MustCall("textDocument/definition", map[string]any{"textDocument": map[string]string{"uri": goURI},
		"position": lsptest.PositionOf(contractGo, ok+3, "utf-16")}, &locs)
	key200 := strings.Index(contractSpec, "'200'")
	if len(locs) != 1 || locs[0].URI != protocol.DocumentURI(specURI) || locs[0].Range.Start != lsptest.PositionOf(contractSpec, key200, "utf-16") {
		t.Errorf("definition of the 200 sent: %+v", locs)
	}
	locs = nil
	s.MustCall("textDocument/references", map[string]any{"textDocument": map[string]string{"uri": specURI},
		"position": lsptest.PositionOf(contractSpec, key200+1, "utf-16"), "context": map[string]bool{"includeDeclaration": false}}, &locs)
	if len(locs) != 1 || locs[0].URI != protocol.DocumentURI(goURI) || locs[0].Range.Start != lsptest.PositionOf(contractGo, ok, "utf-16") {
		t.Errorf("references of '200': %+v", locs)
	}

	// The route's path leads to the operation, and back.
	locs = nil
	route := strings.Index(contractGo, `"GET /books/{id}"`)
	s.MustCall("textDocument/definition", map[string]any{"textDocument": map[string]string{"uri": goURI},
		"position": lsptest.PositionOf(contractGo, route+2, "utf-16")}, &locs)
	get := strings.Index(contractSpec, "get:")
	if len(locs) != 1 || locs[0].URI != protocol.DocumentURI(specURI) || locs[0].Range.Start != lsptest.PositionOf(contractSpec, get, "utf-16") {
		t.Errorf("definition of the route: %+v", locs)
	}
	locs = nil
	s.MustCall("textDocument/definition", map[string]any{"textDocument": map[string]string{"uri": specURI},
		"position": lsptest.PositionOf(contractSpec, get+1, "utf-16")}, &locs)
	if len(locs) != 1 || locs[0].URI != protocol.DocumentURI(goURI) || locs[0].Range.Start != lsptest.PositionOf(contractGo, route, "utf-16") {
		t.Errorf("definition of the operation: %+v", locs)
	}

	// A swag annotation's code leads to the sends of that code.
	locs = nil
	s.MustCall("textDocument/definition", map[string]any{"textDocument": map[string]string{"uri": goURI},
		"position": lsptest.PositionOf(contractGo, strings.Index(contractGo, "409 {")+1, "utf-16")}, &locs)
	if len(locs) != 1 || locs[0].Range.Start != lsptest.PositionOf(contractGo, conflict, "utf-16") {
		t.Errorf("definition of @Failure 409: %+v", locs)
	}

	// The hover on the send site says what the contract documents.
	h := s.Hover(goURI, lsptest.PositionOf(contractGo, ok+3, "utf-16"))
	if h == nil || !strings.Contains(h.Contents.Value, "**Contract**\n\n- `GET /books/{id}` in api/openapi.yaml documents `200`: The book") {
		t.Errorf("hover %+v", h)
	}
	h = s.Hover(goURI, lsptest.PositionOf(contractGo, conflict+3, "utf-16"))
	if h == nil || !strings.Contains(h.Contents.Value, "does not document 409 Conflict") {
		t.Errorf("hover %+v", h)
	}
}
