package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// handlerA uses a constant that another file of its package declares.
const handlerA = "package api\n\nimport \"net/http\"\n\nfunc gone(w http.ResponseWriter) {\n\tw.WriteHeader(statusGone)\n}\n"

// packageSession starts a server on a workspace whose api/b.go declares
// statusGone as code, with capabilities, and opens api/a.go (handlerA).
func packageSession(t *testing.T, code, capabilities string) (s *session, root, uriA string) {
	t.Helper()
	root = t.TempDir()
	writeGo(t, root, "b.go", "package api\n\nconst statusGone = "+code+"\n")
	writeGo(t, root, "a.go", handlerA)
	s = start(t)
	s.MustCall("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root), "capabilities": json.RawMessage(capabilities)}, nil)
	s.Notify("initialized", map[string]any{})
	uriA = "file://" + filepath.ToSlash(filepath.Join(root, "api", "a.go"))
	s.Open(uriA, "go", handlerA)
	return s, root, uriA
}

func writeGo(t *testing.T, root, name, text string) {
	t.Helper()
	dir := filepath.Join(root, "api")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hoverShows waits until the hover on statusGone in a.go shows the
// heading of code: an answer may come from the file alone while its
// package is read.
func hoverShows(t *testing.T, s *session, uriA, code string) {
	t.Helper()
	pos := lsptest.PositionOf(handlerA, strings.Index(handlerA, "statusGone"), "utf-16")
	waitFor(t, "the hover on statusGone to show "+code, func() bool {
		h := s.Hover(uriA, pos)
		return h != nil && strings.HasPrefix(h.Contents.Value, "### "+code) && strings.Fields(h.Contents.Value)[1] == code
	})
}

// publications counts the diagnostics published for uri so far.
func publications(s *session, uri string) int {
	n := 0
	for _, m := range s.Notifications() {
		if m.Method == protocol.MethodTextDocumentPublishDiagnostics && strings.Contains(string(m.Params), `"uri":"`+uri+`"`) {
			n++
		}
	}
	return n
}

// A constant declared in another file of the package, on disk, is a
// status where it is used; a change of that file on disk, once the client
// says so, is seen, and a.go's diagnostics are published again.
func TestPackageConstantOnDisk(t *testing.T) {
	s, root, uriA := packageSession(t, "299", `{}`)
	hoverShows(t, s, uriA, "299")

	before := publications(s, uriA)
	writeGo(t, root, "b.go", "package api\n\nconst statusGone = 410\n")
	uriB := "file://" + filepath.ToSlash(filepath.Join(root, "api", "b.go"))
	s.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": uriB, "type": 2}}})
	hoverShows(t, s, uriA, "410")
	waitFor(t, "a.go's diagnostics published again", func() bool { return publications(s, uriA) > before })
}

// An open file's text wins over the file on disk, edited or not, until it
// is closed.
func TestOpenFileWinsOverDisk(t *testing.T) {
	s, root, uriA := packageSession(t, "299", `{}`)
	hoverShows(t, s, uriA, "299")
	uriB := "file://" + filepath.ToSlash(filepath.Join(root, "api", "b.go"))
	s.Open(uriB, "go", "package api\n\nconst statusGone = 418\n")
	hoverShows(t, s, uriA, "418")
	s.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uriB, "version": 2},
		"contentChanges": []map[string]any{{"text": "package api\n\nconst statusGone = 451\n"}},
	})
	hoverShows(t, s, uriA, "451")
	s.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uriB}})
	hoverShows(t, s, uriA, "299")
}

// The server asks for the watched files only of a client that registers
// them dynamically.
func TestWatchedFilesRegistration(t *testing.T) {
	registrations := func(s *session) []string {
		var out []string
		for _, m := range s.Notifications() {
			if m.Method == "client/registerCapability" {
				out = append(out, string(m.Params))
			}
		}
		return out
	}
	with, _, uriWith := packageSession(t, "299", `{"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}`)
	without, _, uriWithout := packageSession(t, "299", `{"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}}`)
	waitFor(t, "the registration", func() bool { return len(registrations(with)) == 1 })
	got := registrations(with)[0]
	for _, want := range []string{`"method":"workspace/didChangeWatchedFiles"`, `"globPattern":"**/*.go"`, `"globPattern":"**/*.{yaml,yml,json}"`} {
		if !strings.Contains(got, want) {
			t.Errorf("registration %s lacks %s", got, want)
		}
	}
	// Both sessions have answered a request made after initialized.
	hoverShows(t, with, uriWith, "299")
	hoverShows(t, without, uriWithout, "299")
	if r := registrations(without); len(r) != 0 {
		t.Errorf("registered with a client that does not register dynamically: %q", r)
	}
}

// While a package is being read, hover answers from the file alone and
// its diagnostics are published; once the package is read, they are
// published again and the hover sees the package.
func TestFileFirstWhileThePackageIsRead(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	readPackage = func(x *workspace.Index, path string) ([]golang.Source, int) {
		<-release
		return x.GoPackage(path)
	}
	t.Cleanup(func() { readPackage = (*workspace.Index).GoPackage })
	t.Cleanup(free) // before the server stops, should the test fail early
	text := handlerA + "\nfunc missing(w http.ResponseWriter) {\n\tw.WriteHeader(299)\n}\n"
	root := t.TempDir()
	writeGo(t, root, "b.go", "package api\n\nconst statusGone = 410\n")
	writeGo(t, root, "a.go", text)
	s := start(t)
	s.MustCall("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root), "capabilities": map[string]any{}}, nil)
	uri := "file://" + filepath.ToSlash(filepath.Join(root, "api", "a.go"))
	s.Open(uri, "go", text)

	if p := diagnosticsFor(t, s, uri, 1); len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "unknown-status-code" {
		t.Errorf("the file alone's diagnostics: %+v, want the unknown 299", p.Diagnostics)
	}
	if h := s.Hover(uri, lsptest.PositionOf(text, strings.Index(text, "299"), "utf-16")); h == nil {
		t.Error("no hover on 299 from the file alone")
	}
	if h := s.Hover(uri, lsptest.PositionOf(text, strings.Index(text, "statusGone"), "utf-16")); h != nil {
		t.Errorf("the file alone knows statusGone: %q", h.Contents.Value)
	}
	published := publications(s, uri)
	free()
	hoverShows(t, s, uri, "410")
	waitFor(t, "the diagnostics published again", func() bool { return publications(s, uri) > published })
}

// A test file seen alone, while its package is read, is still a test
// file: a deliberately odd code written in it is a hint, as it is once the
// package is in view.
func TestTestFileAloneIsATest(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	readPackage = func(x *workspace.Index, path string) ([]golang.Source, int) {
		<-release
		return x.GoPackage(path)
	}
	t.Cleanup(func() { readPackage = (*workspace.Index).GoPackage })
	t.Cleanup(free)
	const text = "package api\n\nimport \"net/http\"\n\nfunc teapot(w http.ResponseWriter) {\n\tw.WriteHeader(418)\n}\n"
	root := t.TempDir()
	writeGo(t, root, "a_test.go", text)
	s := start(t)
	s.MustCall("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root), "capabilities": map[string]any{}}, nil)
	uri := "file://" + filepath.ToSlash(filepath.Join(root, "api", "a_test.go"))
	s.Open(uri, "go", text)
	deprecated := byRule(diagnosticsFor(t, s, uri, 1))["deprecated-status-code"]
	if deprecated.Severity != protocol.DiagnosticSeverityHint {
		t.Errorf("the test file alone: 418 deprecated %+v, want a hint", deprecated)
	}
	free()
}

// The configuration file changed on disk, and not open, is read again.
func TestConfigFileChangedOnDisk(t *testing.T) {
	root := t.TempDir()
	config := filepath.Join(root, ".httpcode-lsp.yaml")
	if err := os.WriteFile(config, []byte("rules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t)
	s.MustCall("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root), "capabilities": map[string]any{}}, nil)
	const text = "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(299)\n}\n"
	uri := "file://" + filepath.ToSlash(filepath.Join(root, "main.go"))
	s.Open(uri, "go", text)
	if p := diagnosticsFor(t, s, uri, 1); len(p.Diagnostics) != 1 {
		t.Fatalf("before: %+v, want 299 unknown", p.Diagnostics)
	}
	if err := os.WriteFile(config, []byte("codes:\n  \"299\": Custom Success\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": "file://" + filepath.ToSlash(config), "type": 2}}})
	waitFor(t, "299 declared by the configuration on disk", func() bool {
		p, ok := latestDiagnostics(t, s, uri)
		return ok && len(p.Diagnostics) == 0
	})
}
