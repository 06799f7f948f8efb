package server

import (
	"os"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// TestGitHubSpecHover opens GitHub's 13 MB OpenAPI description and hovers a
// response key deep inside it.
func TestGitHubSpecHover(t *testing.T) {
	src := gitHubSpec(t)
	// The 404 of GET /repos/{owner}/{repo}.
	path := strings.Index(src, `"/repos/{owner}/{repo}": {`)
	get := path + strings.Index(src[path:], `"get": {`)
	key := get + strings.Index(src[get:], `"404": {`)
	if path < 0 || get < path || key < get {
		t.Fatal("the spec no longer has GET /repos/{owner}/{repo} with a 404")
	}

	s := start(t)
	s.Initialize(`{}`)
	const uri = "file:///cache/api.github.com.json"
	s.Open(uri, "json", src)
	h := s.Hover(uri, lsptest.PositionOf(src, key+2, "utf-16"))
	if h == nil {
		t.Fatal("no hover on a 404 response key")
	}
	for _, want := range []string{"### 404 Not Found", "GET /repos/{owner}/{repo}"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	p := diagnosticsFor(t, s, uri, 1)
	if syntax := syntaxErrors(p); len(syntax) != 0 {
		t.Errorf("the spec is valid JSON, but got %+v", syntax)
	}
	if len(p.Diagnostics) == 0 {
		t.Error("no findings on GitHub's spec; its 401s lack WWW-Authenticate")
	}
}

// gitHubSpec returns the text of GitHub's 13 MB description; the test is
// skipped with -short.
func gitHubSpec(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("opens a 13 MB spec")
	}
	b, err := os.ReadFile(lsptest.GitHubSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkTypingCompletion is a keystroke in GitHub's 13 MB description
// and the completion after it, through the server: the opening quote of
// a new response key typed after a response of its first operation,
// which breaks the document, a completion there, and the quote deleted.
// No version typed is analysed (the debounce is an hour), so that this
// is the cost of the edits and of the request alone. The client resolves
// the items' documentation lazily, as VS Code does.
func BenchmarkTypingCompletion(b *testing.B) {
	src := gitHubSpec(b)
	s := startServer(b, New(Options{Version: "bench", Debounce: time.Hour}))
	s.Initialize(`{"textDocument": {"completion": {"completionItem": {"snippetSupport": true,
		"resolveSupport": {"properties": ["documentation"]}}}}}`)
	const uri = "file:///cache/api.github.com.json"
	s.Open(uri, "json", src)
	diagnosticsFor(b, s, uri, 1)
	get := strings.Index(src, `"get": {`)
	key := get + strings.Index(src[get:], `"200": {`)
	end := key + strings.Index(src[key:], "\n"+strings.Repeat(" ", key-strings.LastIndexByte(src[:key], '\n')-1)+"}")
	end += strings.IndexByte(src[end:], '}') + 1
	at := lsptest.PositionOf(src, end, "utf-16")
	change := changes(s, uri)
	change(protocol.Range{Start: at, End: at}, ",\n        ")
	quote := protocol.Position{Line: at.Line + 1, Character: 8}
	after := protocol.Position{Line: at.Line + 1, Character: 9}
	b.ReportAllocs()
	for b.Loop() {
		change(protocol.Range{Start: quote, End: quote}, `"`)
		if list := s.Completion(uri, after); len(list.Items) == 0 {
			b.Fatal("no completion")
		}
		change(protocol.Range{Start: quote, End: after}, "")
	}
}
