package server

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

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

// TestGitHubSpecWhileTyping types a new response key, which breaks the
// JSON, into the first operation of GitHub's 13 MB description and into
// the last webhook, and asks for completion and hovers after the opening
// quote and after each digit. The edits are not analysed (the debounce is
// longer than the test, and no request starts an analysis): completion
// and hover are answered from the text and the analysis of the version
// opened. The codes the map lacks are offered, the map's own are not, and
// each item replaces the key typed so far after its quote; a hover on the
// key before the one typed and on the next key after it shows what it
// showed before the typing, its range moved (the webhooks' keys are not
// the analysis' codes: they have none).
func TestGitHubSpecWhileTyping(t *testing.T) {
	src := gitHubSpec(t)
	const uri = "file:///cache/api.github.com.json"
	for _, site := range []struct{ path, method, has, lacks string }{
		{`"/": {`, `"get": {`, "200 OK", "404 Not Found"},
		{`"workflow-run-requested": {`, `"post": {`, "200 OK", "404 Not Found"}, // x-webhooks, at 4.5 MB
	} {
		// A session for each site: the edits of one, never analysed,
		// would span all the text between the two.
		core, logs := observer.New(zap.DebugLevel)
		s := startServer(t, New(Options{Version: "test", Logger: zap.New(core), Debounce: time.Hour}))
		s.Initialize(`{}`)
		s.Open(uri, "json", src)
		diagnosticsFor(t, s, uri, 1)
		change := changes(s, uri)
		path := strings.Index(src, site.path)
		op := path + strings.Index(src[path:], site.method)
		key := op + strings.Index(src[op:], `"`+site.has[:3]+`": {`)
		if path < 0 || op < path || key < op {
			t.Fatalf("the spec no longer has %s %s with a %s", site.method, site.path, site.has[:3])
		}
		// The closing brace of the response object.
		depth, end := 0, key+len(`"200": `)
		for ; end < len(src); end++ {
			if src[end] == '{' {
				depth++
			} else if src[end] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		// Type `,`, a line break and the key's indentation, `"`, `4`
		// and `0` after it (all ASCII: columns are bytes).
		at := lsptest.PositionOf(src, end+1, "utf-16")
		indent := uint32(key - strings.LastIndexByte(src[:key], '\n') - 1)
		pos := func(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }
		// Hovers on the key before the one typed and on the first key
		// after it, if any (the last webhook's is the file's last), on a
		// later line: one line further down once typed. They show what
		// they showed before the typing.
		type hoverAt struct {
			at    protocol.Position
			hover *protocol.Hover
		}
		hovered := []hoverAt{{at: lsptest.PositionOf(src, key+2, "utf-16")}}
		if m := regexp.MustCompile(`"[1-5][0-9][0-9]": \{`).FindStringIndex(src[end:]); m != nil {
			hovered = append(hovered, hoverAt{at: lsptest.PositionOf(src, end+m[0]+2, "utf-16")})
		}
		for i := range hovered {
			hovered[i].hover = s.Hover(uri, hovered[i].at)
			if h := hovered[i].hover; i > 0 && h != nil {
				hovered[i].at.Line++
				h.Range.Start.Line++
				h.Range.End.Line++
			}
		}
		if site.path == `"/": {` && (len(hovered) < 2 || hovered[0].hover == nil || hovered[1].hover == nil) {
			t.Fatalf("%s %s: hovers %+v; want two", site.method, site.path, hovered)
		}
		change(protocol.Range{Start: at, End: at}, ",\n"+strings.Repeat(" ", int(indent)))
		for k, typed := range []string{`"`, "4", "0"} {
			p := pos(at.Line+1, indent+uint32(k))
			change(protocol.Range{Start: p, End: p}, typed)
			for _, h := range hovered {
				if got := s.Hover(uri, h.at); !reflect.DeepEqual(got, h.hover) {
					t.Fatalf("%s %s, after %q: hover at %+v %+v; want %+v", site.method, site.path, typed, h.at, got, h.hover)
				}
			}
			cursor := pos(at.Line+1, indent+uint32(k)+1)
			list := s.Completion(uri, cursor)
			var labels []string
			for _, it := range list.Items {
				labels = append(labels, it.Label)
				// The key typed after its quote, which the edit leaves.
				want := protocol.Range{Start: pos(at.Line+1, indent+1), End: cursor}
				if it.TextEdit == nil || it.TextEdit.Range != want {
					t.Fatalf("%s %s, after %q: %q edits %+v; want the key typed, %+v", site.method, site.path, typed, it.Label, it.TextEdit, want)
				}
			}
			if !slices.Contains(labels, site.lacks) || slices.Contains(labels, site.has) {
				t.Fatalf("%s %s, after %q: %v; want %q and not %q", site.method, site.path, typed, labels, site.lacks, site.has)
			}
		}
		for _, e := range logs.FilterMessage("analysed").All() {
			if v := e.ContextMap()["version"]; v != int32(1) {
				t.Fatalf("%s %s: version %v was analysed", site.method, site.path, v)
			}
		}
	}
}

// changes returns a function that sends a change of the document uri,
// open at version 1, with the next version.
func changes(s *session, uri string) func(r protocol.Range, text string) {
	version := int32(1)
	return func(r protocol.Range, text string) {
		version++
		s.Notify("textDocument/didChange", map[string]interface{}{
			"textDocument":   map[string]interface{}{"uri": uri, "version": version},
			"contentChanges": []map[string]interface{}{{"range": r, "text": text}},
		})
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
