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
