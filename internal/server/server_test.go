package server

import (
	"context"
	"net"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// session is a server running in-process behind a pipe, and its client.
type session struct {
	*lsptest.Client
	exited chan struct{} // closed when Serve returns
	code   int
}

func start(t *testing.T) *session {
	t.Helper()
	return startServer(t, New(Options{Version: "test", Logger: zaptest.NewLogger(t)}))
}

// startServer serves s to a new client.
func startServer(t testing.TB, s *Server) *session {
	t.Helper()
	srvSide, cliSide := net.Pipe()
	sess := &session{Client: lsptest.New(t, cliSide), exited: make(chan struct{})}
	go func() {
		sess.code = s.Serve(context.Background(), srvSide)
		close(sess.exited)
	}()
	// The server logs through t, so it must be gone before the test ends.
	t.Cleanup(func() {
		sess.Close()
		<-sess.exited
	})
	return sess
}

func (s *session) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case <-s.exited:
		return s.code
	case <-time.After(lsptest.Timeout):
		t.Fatal("server did not stop")
		return -1
	}
}

const goURI = "file:///work/handler.go"

func TestLifecycle(t *testing.T) {
	s := start(t)
	err := s.Call("textDocument/hover", map[string]interface{}{
		"textDocument": map[string]string{"uri": goURI}, "position": protocol.Position{},
	}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.ServerNotInitialized {
		t.Fatalf("hover before initialize: error code %d (%v), want ServerNotInitialized", got, err)
	}
	// A notification before initialize is dropped, not fatal.
	s.Open(goURI, "go", "package main\n")

	res := s.Initialize(`{}`)
	caps := res["capabilities"].(map[string]interface{})
	sync := caps["textDocumentSync"].(map[string]interface{})
	if sync["change"] != float64(protocol.TextDocumentSyncKindIncremental) || sync["openClose"] != true {
		t.Errorf("textDocumentSync = %v, want incremental with open/close", sync)
	}
	if caps["hoverProvider"] != true || caps["completionProvider"] == nil {
		t.Errorf("capabilities = %v, want hover and completion", caps)
	}
	if caps["definitionProvider"] != true || caps["referencesProvider"] != true {
		t.Errorf("capabilities = %v, want definition and references (the contract's)", caps)
	}
	for _, unimplemented := range []string{"renameProvider", "documentSymbolProvider"} {
		if _, ok := caps[unimplemented]; ok {
			t.Errorf("advertises %s, which is not implemented", unimplemented)
		}
	}
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding = %v, want utf-16", caps["positionEncoding"])
	}
	info := res["serverInfo"].(map[string]interface{})
	if info["name"] != "httpcode-lsp" || info["version"] != "test" {
		t.Errorf("serverInfo = %v", info)
	}

	err = s.Call("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: code %d (%v), want InvalidRequest", got, err)
	}
	for _, m := range []string{"textDocument/rename", "workspace/symbol", "custom/thing", "$/unknown"} {
		err := s.Call(m, map[string]interface{}{}, nil)
		if got := lsptest.ErrorCode(err); got != jsonrpc2.MethodNotFound {
			t.Errorf("%s: code %d (%v), want MethodNotFound", m, got, err)
		}
	}
	// Notifications the server does not implement are ignored; the server
	// must still answer afterwards.
	for _, m := range []string{"textDocument/didSave", "workspace/didChangeConfiguration", "$/setTrace", "custom/note", "workspace/didChangeWatchedFiles"} {
		s.Notify(m, map[string]interface{}{})
	}

	s.MustCall("shutdown", nil, nil)
	err = s.Call("textDocument/hover", map[string]interface{}{
		"textDocument": map[string]string{"uri": goURI}, "position": protocol.Position{},
	}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: code %d (%v), want InvalidRequest", got, err)
	}
	s.Notify("exit", nil)
	if code := s.exitCode(t); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	s.Notify("exit", nil)
	if code := s.exitCode(t); code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestClientClosesStream(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	s.Close()
	if code := s.exitCode(t); code != 1 {
		t.Errorf("stream closed without shutdown: code %d, want 1", code)
	}
}

func TestOddDocumentsDoNotBreakTheServer(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	// Untitled and non-file URIs, a document never opened, a position far
	// outside the text, and invalid UTF-8 all get an answer.
	s.Open("untitled:Untitled-1", "go", "package main\n\nimport \"net/http\"\n\nvar x = http.StatusOK\n")
	if h := s.Hover("untitled:Untitled-1", protocol.Position{Line: 4, Character: 14}); h == nil {
		t.Error("no hover in an untitled document")
	}
	if h := s.Hover("file:///never/opened.go", protocol.Position{}); h != nil {
		t.Errorf("hover in a document never opened: %v", h)
	}
	if h := s.Hover("untitled:Untitled-1", protocol.Position{Line: 1 << 30, Character: 1 << 30}); h != nil {
		t.Errorf("hover past the end: %v", h)
	}
	s.Open("file:///bad.go", "go", "package main\n\xff\xfe\x00 w.WriteHeader(404)\n")
	s.Hover("file:///bad.go", protocol.Position{Line: 1, Character: 18})
	s.Completion("file:///bad.go", protocol.Position{Line: 1, Character: 18})
	s.MustCall("shutdown", nil, nil)
}
