package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// The handler has multi-byte text (é, 😀) before the code on its line and
// CRLF line endings, so a wrong position conversion shows.
const handlerSrc = "package main\r\n" +
	"\r\n" +
	"import web \"net/http\"\r\n" +
	"\r\n" +
	"// café 😀 handler\r\n" +
	"func h(w web.ResponseWriter) {\r\n" +
	"\t/* é😀 */ w.WriteHeader(4|04)\r\n" +
	"\tfor i := 0; i < 200; i++ {\r\n" +
	"\t}\r\n" +
	"}\r\n"

func rangeOf(text, sub, encoding string) protocol.Range {
	i := strings.Index(text, sub)
	return protocol.Range{
		Start: lsptest.PositionOf(text, i, encoding),
		End:   lsptest.PositionOf(text, i+len(sub), encoding),
	}
}

// rangeAt is the UTF-16 range of text[start:end].
func rangeAt(text string, start, end int) protocol.Range {
	return protocol.Range{Start: lsptest.PositionOf(text, start, "utf-16"), End: lsptest.PositionOf(text, end, "utf-16")}
}

func TestGoHover(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	text, pos := lsptest.Cursor(t, handlerSrc)
	s.Open(goURI, "go", text)

	h := s.Hover(goURI, pos)
	if h == nil {
		t.Fatal("no hover on 404")
	}
	for _, want := range []string{"### 404 Not Found", "`web.StatusNotFound`", "4xx Client Error", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Contents.Kind != protocol.Markdown {
		t.Errorf("hover kind %q, want markdown", h.Contents.Kind)
	}
	if want := rangeOf(text, "404", "utf-16"); h.Range == nil || *h.Range != want {
		t.Errorf("hover range %v, want %v", h.Range, want)
	}

	// 200 in a loop condition is not a status code.
	if h := s.Hover(goURI, rangeOf(text, "200", "utf-16").Start); h != nil {
		t.Errorf("hover on a loop bound: %q", h.Contents.Value)
	}
}

func TestGoHoverAfterEdits(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	text, _ := lsptest.Cursor(t, handlerSrc)
	s.Open(goURI, "go", text)

	// Insert a line with emoji above the call (version 2).
	insertAt := strings.Index(text, "\t/* é😀 */")
	inserted := "\t// 😀😀 é\r\n"
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument": map[string]interface{}{"uri": goURI, "version": 2},
		"contentChanges": []map[string]interface{}{{
			"range": protocol.Range{Start: lsptest.PositionOf(text, insertAt, "utf-16"), End: lsptest.PositionOf(text, insertAt, "utf-16")},
			"text":  inserted,
		}},
	})
	text = text[:insertAt] + inserted + text[insertAt:]
	// Replace 404 with 410 in the same call (version 3).
	r := rangeOf(text, "404", "utf-16")
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": goURI, "version": 3},
		"contentChanges": []map[string]interface{}{{"range": r, "text": "410"}},
	})
	text = strings.Replace(text, "404", "410", 1)
	// A stale change (version 2 again) must be dropped.
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": goURI, "version": 2},
		"contentChanges": []map[string]interface{}{{"range": r, "text": "500"}},
	})

	h := s.Hover(goURI, rangeOf(text, "410", "utf-16").Start)
	if h == nil || !strings.Contains(h.Contents.Value, "### 410 Gone") {
		t.Fatalf("hover after edits: %v", h)
	}
	if want := rangeOf(text, "410", "utf-16"); *h.Range != want {
		t.Errorf("range %v, want %v", *h.Range, want)
	}

	// A change without a range replaces the whole text.
	full := "package main\n\nimport \"net/http\"\n\nvar teapot = http.StatusTeapot\n"
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": goURI, "version": 4},
		"contentChanges": []map[string]interface{}{{"text": full}},
	})
	h = s.Hover(goURI, rangeOf(full, "StatusTeapot", "utf-16").Start)
	if h == nil || !strings.Contains(h.Contents.Value, "418") {
		t.Fatalf("hover on http.StatusTeapot after full change: %v", h)
	}
	if want := rangeOf(full, "http.StatusTeapot", "utf-16"); *h.Range != want {
		t.Errorf("range %v, want %v", *h.Range, want)
	}

	// After close the document is gone.
	s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": goURI}})
	if h := s.Hover(goURI, rangeOf(full, "StatusTeapot", "utf-16").Start); h != nil {
		t.Errorf("hover on a closed document: %v", h)
	}
}

func TestGoHoverUTF8Positions(t *testing.T) {
	s := start(t)
	res := s.Initialize(`{"general":{"positionEncodings":["utf-8","utf-16"]}}`)
	if enc := res["capabilities"].(map[string]interface{})["positionEncoding"]; enc != "utf-8" {
		t.Fatalf("positionEncoding %v, want utf-8", enc)
	}
	text, _ := lsptest.Cursor(t, handlerSrc)
	s.Open(goURI, "go", text)
	h := s.Hover(goURI, rangeOf(text, "404", "utf-8").Start)
	if h == nil {
		t.Fatal("no hover at a UTF-8 position")
	}
	if want := rangeOf(text, "404", "utf-8"); *h.Range != want {
		t.Errorf("range %v, want %v", *h.Range, want)
	}
}

func TestGoCompletion(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	for _, tc := range []struct {
		name, src              string
		label, detail, newText string
		replaced               string // the text the edit replaces
	}{
		{
			name:  "status argument inserts the constant",
			src:   "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\t// é😀\n\tw.WriteHeader(|\n}\n",
			label: "404 Not Found", detail: "http.StatusNotFound", newText: "http.StatusNotFound",
		},
		{
			name:  "partly typed number is replaced",
			src:   "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(40|)\n}\n",
			label: "404 Not Found", detail: "http.StatusNotFound", newText: "http.StatusNotFound", replaced: "40",
		},
		{
			name:  "without net/http the number is inserted",
			src:   "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc h(c *gin.Context) {\n\tc.JSON(|\n}\n",
			label: "201 Created", detail: "201", newText: "201",
		},
		{
			name:  "constants after http.Status",
			src:   "package main\n\nimport \"net/http\"\n\nvar x = http.Status|\n",
			label: "StatusNotFound", detail: "404 Not Found", newText: "StatusNotFound", replaced: "Status",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, pos := lsptest.Cursor(t, tc.src)
			uri := "file:///work/" + strings.ReplaceAll(tc.name, " ", "_") + ".go"
			s.Open(uri, "go", text)
			list := s.Completion(uri, pos)
			var item *protocol.CompletionItem
			for i := range list.Items {
				if list.Items[i].Label == tc.label {
					item = &list.Items[i]
				}
			}
			if item == nil {
				t.Fatalf("no item %q among %d", tc.label, len(list.Items))
			}
			if item.Detail != tc.detail || item.TextEdit == nil || item.TextEdit.NewText != tc.newText {
				t.Errorf("item %q: detail %q, edit %+v; want detail %q inserting %q", tc.label, item.Detail, item.TextEdit, tc.detail, tc.newText)
			}
			cursor := strings.Index(tc.src, lsptest.Marker)
			wantRange := protocol.Range{Start: lsptest.PositionOf(text, cursor-len(tc.replaced), "utf-16"), End: pos}
			if item.TextEdit != nil && item.TextEdit.Range != wantRange {
				t.Errorf("edit range %v, want %v", item.TextEdit.Range, wantRange)
			}
			doc, _ := item.Documentation.(map[string]interface{})
			if doc == nil || !strings.Contains(doc["value"].(string), "###") {
				t.Errorf("item documentation %v, want the catalog Markdown", item.Documentation)
			}
		})
	}

	// Not a status position: nothing.
	text, pos := lsptest.Cursor(t, "package main\n\nfunc f() {\n\tfor i := 0; i < |; i++ {}\n}\n")
	s.Open("file:///work/loop.go", "go", text)
	if list := s.Completion("file:///work/loop.go", pos); len(list.Items) != 0 {
		t.Errorf("completion in a loop bound: %d items", len(list.Items))
	}
}
