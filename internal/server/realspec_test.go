package server

import (
	"os"
	"strings"
	"testing"

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
func gitHubSpec(t *testing.T) string {
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
