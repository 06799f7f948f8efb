package server

import (
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// When the client goes away mid-session, with documents open and their
// analyses scheduled, Serve returns and no goroutine of the server or of
// its connection stays behind.
func TestNoGoroutineOutlivesTheConnection(t *testing.T) {
	base := runtime.NumGoroutine()
	s := start(t)
	s.Initialize(`{}`)
	src := "package p\n\nimport \"net/http\"\n\nvar x = http.StatusTeapot\n"
	s.Open(goURI, "go", src)
	s.Open("file:///leak/api.yaml", "yaml", limitSpec(200))
	s.Hover(goURI, protocol.Position{Line: 4, Character: 15})
	s.Completion("file:///leak/api.yaml", protocol.Position{Line: 5, Character: 9})
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": goURI, "version": 2},
		"contentChanges": []interface{}{map[string]interface{}{"text": src + "// edited\n"}},
	})
	s.Close()
	if code := s.exitCode(t); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	deadline := time.Now().Add(lsptest.Timeout)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			var b strings.Builder
			pprof.Lookup("goroutine").WriteTo(&b, 1)
			t.Fatalf("%d goroutines, %d before the session:\n%s", runtime.NumGoroutine(), base, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
