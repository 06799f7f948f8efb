package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// A client that resolves documentation lazily gets items without it, and
// the same Markdown from completionItem/resolve; one that does not gets it
// inline.
func TestCompletionDocumentationResolvedLazily(t *testing.T) {
	src, pos := lsptest.Cursor(t, "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(|)\n}\n")
	const uri = "file:///api/h.go"
	find := func(list *protocol.CompletionList, label string) protocol.CompletionItem {
		t.Helper()
		for _, it := range list.Items {
			if it.Label == label {
				return it
			}
		}
		t.Fatalf("no %q among %d items", label, len(list.Items))
		return protocol.CompletionItem{}
	}
	docOf := func(it protocol.CompletionItem) string {
		m, _ := it.Documentation.(map[string]interface{})
		v, _ := m["value"].(string)
		return v
	}

	eager := start(t)
	eager.Initialize(`{}`)
	eager.Open(uri, "go", src)
	inline := docOf(find(eager.Completion(uri, pos), "404 Not Found"))
	if !strings.Contains(inline, "### 404 Not Found") {
		t.Fatalf("inline documentation %q", inline)
	}

	lazy := start(t)
	lazy.Initialize(`{"textDocument": {"completion": {"completionItem": {"resolveSupport": {"properties": ["documentation"]}}}}}`)
	lazy.Open(uri, "go", src)
	item := find(lazy.Completion(uri, pos), "404 Not Found")
	if item.Documentation != nil || item.Data == nil {
		t.Fatalf("lazy item: documentation %v, data %v; want none and data", item.Documentation, item.Data)
	}
	var resolved protocol.CompletionItem
	lazy.MustCall("completionItem/resolve", item, &resolved)
	if got := docOf(resolved); got != inline {
		t.Errorf("resolved documentation:\n%s\nwant the inline one:\n%s", got, inline)
	}
	if resolved.Label != item.Label || resolved.TextEdit == nil || *resolved.TextEdit != *item.TextEdit {
		t.Errorf("resolve changed the item: %+v, was %+v", resolved, item)
	}

	// An item of a version since edited comes back as it was.
	lazy.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []map[string]interface{}{{"text": src + "\n"}},
	})
	var stale protocol.CompletionItem
	lazy.MustCall("completionItem/resolve", item, &stale)
	if stale.Documentation != nil {
		t.Errorf("an item of version 1 resolved against version 2: %v", stale.Documentation)
	}
}

// neovim07 is the part of Neovim 0.7's capabilities that shapes
// completion and hover: no snippets, Markdown or plain text.
const neovim07 = `{"textDocument": {
	"completion": {"completionItem": {"snippetSupport": false, "documentationFormat": ["markdown", "plaintext"]}},
	"hover": {"contentFormat": ["markdown", "plaintext"]}}}`

// A client without snippet support gets one line, the key and its colon,
// and after a quote typed the edit starts behind it: accepting 201 in
// Neovim 0.7 gives '201': whether or not the quote was typed first.
func TestResponseKeyCompletionWithoutSnippets(t *testing.T) {
	const uri = "file:///api/openapi.yaml"
	for _, tc := range []struct {
		line string // the line typed, the cursor at its end
		edit protocol.TextEdit
	}{
		{"        ", protocol.TextEdit{Range: protocol.Range{Start: protocol.Position{Line: 8, Character: 8}, End: protocol.Position{Line: 8, Character: 8}}, NewText: "'201':"}},
		{"        '", protocol.TextEdit{Range: protocol.Range{Start: protocol.Position{Line: 8, Character: 9}, End: protocol.Position{Line: 8, Character: 9}}, NewText: "201':"}},
		{"        '20", protocol.TextEdit{Range: protocol.Range{Start: protocol.Position{Line: 8, Character: 9}, End: protocol.Position{Line: 8, Character: 11}}, NewText: "201':"}},
	} {
		src := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    post:\n      responses:\n        '400':\n          description: Bad\n" + tc.line + "|\n"
		text, pos := lsptest.Cursor(t, src)
		s := start(t)
		s.Initialize(neovim07)
		s.Open(uri, "yaml", text)
		list := s.Completion(uri, pos)
		var created *protocol.CompletionItem
		for i, it := range list.Items {
			if it.InsertTextFormat == protocol.InsertTextFormatSnippet || strings.ContainsAny(it.TextEdit.NewText, "\n\x00$") {
				t.Errorf("%q: %s inserts %q", tc.line, it.Label, it.TextEdit.NewText)
			}
			if it.Label == "201 Created" {
				created = &list.Items[i]
			}
		}
		if created == nil {
			t.Fatalf("%q: no 201 Created among %d items", tc.line, len(list.Items))
		}
		if *created.TextEdit != tc.edit {
			t.Errorf("%q: 201 Created edits %+v, want %+v", tc.line, *created.TextEdit, tc.edit)
		}
		r := created.TextEdit.Range
		if got := tc.line[:r.Start.Character] + created.TextEdit.NewText + tc.line[r.End.Character:]; got != "        '201':" {
			t.Errorf("%q: accepting 201 Created gives %q", tc.line, got)
		}
	}
}

// Hover and completion documentation come as plain text to a client that
// takes no Markdown, and as Markdown to one that does.
func TestPlainTextClient(t *testing.T) {
	src, pos := lsptest.Cursor(t, "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(|)\n}\n")
	const uri = "file:///api/h.go"
	for _, tc := range []struct {
		caps, kind, hoverStart string
	}{
		{`{"textDocument": {"hover": {"contentFormat": ["plaintext"]}, "completion": {"completionItem": {"documentationFormat": ["plaintext"]}}}}`, "plaintext", "404 Not Found\n\n4xx Client Error · IANA registered · http.StatusNotFound · RFC 9110 §15.5.5 (https://"},
		{neovim07, "markdown", "### 404 Not Found\n\n**4xx Client Error**"},
	} {
		s := start(t)
		s.Initialize(tc.caps)
		s.Open(uri, "go", strings.Replace(src, "WriteHeader()", "WriteHeader(404)", 1))
		h := s.Hover(uri, protocol.Position{Line: pos.Line, Character: pos.Character + 1})
		if h == nil || string(h.Contents.Kind) != tc.kind || !strings.HasPrefix(h.Contents.Value, tc.hoverStart) {
			t.Errorf("%s hover: %+v", tc.kind, h)
		}
		s.Open(uri+"2", "go", src)
		seen := false
		for _, it := range s.Completion(uri+"2", pos).Items {
			if it.Label != "404 Not Found" {
				continue
			}
			seen = true
			doc, _ := it.Documentation.(map[string]interface{})
			if doc["kind"] != tc.kind || !strings.HasPrefix(doc["value"].(string), tc.hoverStart) {
				t.Errorf("%s completion documentation: %v", tc.kind, doc)
			}
		}
		if !seen {
			t.Errorf("%s: no 404 Not Found item", tc.kind)
		}
	}
}

// A deprecated code is marked as the client takes it: the tag, the older
// field, or not at all.
func TestDeprecatedCompletionMark(t *testing.T) {
	src, pos := lsptest.Cursor(t, "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(|)\n}\n")
	const uri = "file:///api/h.go"
	for caps, want := range map[string]string{
		`{"textDocument": {"completion": {"completionItem": {"tagSupport": {"valueSet": [1]}, "deprecatedSupport": true}}}}`: "tag",
		`{"textDocument": {"completion": {"completionItem": {"deprecatedSupport": true}}}}`:                                  "field",
		`{}`: "none",
	} {
		s := start(t)
		s.Initialize(caps)
		s.Open(uri, "go", src)
		seen := false
		for _, it := range s.Completion(uri, pos).Items {
			if !strings.HasPrefix(it.Label, "305") {
				continue
			}
			seen = true
			got := "none"
			switch {
			case len(it.Tags) == 1 && it.Tags[0] == protocol.CompletionItemTagDeprecated && !it.Deprecated:
				got = "tag"
			case len(it.Tags) == 0 && it.Deprecated:
				got = "field"
			}
			if got != want {
				t.Errorf("%s: 305 marked %s (tags %v, deprecated %v), want %s", caps, got, it.Tags, it.Deprecated, want)
			}
		}
		if !seen {
			t.Errorf("%s: no 305 item", caps)
		}
	}
}
