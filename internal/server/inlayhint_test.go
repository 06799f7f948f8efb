package server

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// hints asks for the inlay hints of the whole document.
func hints(t *testing.T, s *session, uri string) []inlayHint {
	t.Helper()
	var out []inlayHint
	s.MustCall("textDocument/inlayHint", map[string]interface{}{
		"textDocument": map[string]string{"uri": uri},
		"range":        protocol.Range{End: protocol.Position{Line: 1000}},
	}, &out)
	return out
}

// The reason phrase follows each numeric code — a Go literal in a status
// position, a response key (after its colon), a plain-YAML status value —
// at positions in UTF-16 units; constants, ranges and unknown codes get
// none, and a range asked for limits them.
func TestInlayHints(t *testing.T) {
	s := start(t)
	res := s.Initialize(`{"workspace": {"inlayHint": {"refreshSupport": true}}}`)
	if caps := res["capabilities"].(map[string]interface{}); caps["inlayHintProvider"] != true {
		t.Fatalf("capabilities: %v", caps)
	}
	goSrc := "package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\t_ = \"é😀\"; w.WriteHeader(404)\n\tw.WriteHeader(http.StatusOK)\n\tw.WriteHeader(299)\n}\n"
	const goURI = "file:///work/hints.go"
	s.Open(goURI, "go", goSrc)
	yamlSrc := "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '201':\n          description: x\n        4XX: {description: y}\n"
	const yamlURI = "file:///work/hints.yaml"
	s.Open(yamlURI, "yaml", yamlSrc)

	end404 := strings.Index(goSrc, "404") + 3
	want := []inlayHint{{Position: lsptest.PositionOf(goSrc, end404, "utf-16"), Label: "Not Found", PaddingLeft: true}}
	if got := hints(t, s, goURI); len(got) != 1 || got[0] != want[0] {
		t.Errorf("Go hints %+v, want %+v", got, want)
	}
	afterColon := strings.Index(yamlSrc, "'201':") + len("'201':")
	want = []inlayHint{{Position: lsptest.PositionOf(yamlSrc, afterColon, "utf-16"), Label: "Created", PaddingLeft: true}}
	if got := hints(t, s, yamlURI); len(got) != 1 || got[0] != want[0] {
		t.Errorf("YAML hints %+v, want %+v", got, want)
	}
	var none []inlayHint
	s.MustCall("textDocument/inlayHint", map[string]interface{}{
		"textDocument": map[string]string{"uri": goURI},
		"range":        protocol.Range{Start: protocol.Position{Line: 6}, End: protocol.Position{Line: 8}},
	}, &none)
	if len(none) != 0 {
		t.Errorf("hints outside the range asked for: %+v", none)
	}

	// Turned off, none; the client is asked to refresh.
	s.Notify("workspace/didChangeConfiguration", map[string]interface{}{"settings": map[string]interface{}{"inlayHints": false}})
	if got := hints(t, s, goURI); len(got) != 0 {
		t.Errorf("hints turned off: %+v", got)
	}
	deadline := time.Now().Add(lsptest.Timeout)
	for !refreshed(s) {
		if time.Now().After(deadline) {
			t.Fatal("the client was not asked to refresh its hints")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func refreshed(s *session) bool {
	for _, n := range s.Notifications() {
		if n.Method == "workspace/inlayHint/refresh" {
			return true
		}
	}
	return false
}

// While a key is typed into a JSON spec, breaking it, the hints come at
// once from the version analysed before, at their places in the text
// typed, without those of the key being typed; no typed version is
// analysed for them.
func TestInlayHintsWhileTyping(t *testing.T) {
	core, logs := observer.New(zap.DebugLevel)
	s := startServer(t, New(Options{Version: "test", Logger: zap.New(core), Debounce: time.Hour}))
	s.Initialize(`{}`)
	const uri = "file:///work/typing.json"
	src := "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": {\"responses\": {\n    \"200\": {\"description\": \"OK\"}\n  }}}, \"/b\": {\"delete\": {\"responses\": {\"204\": {\"description\": \"gone\"}}}}}\n}\n"
	s.Open(uri, "json", src)
	diagnosticsFor(t, s, uri, 1)
	at := strings.Index(src, `"OK"}`) + len(`"OK"}`)
	typed := ",\n    \"404\": {}"
	p := lsptest.PositionOf(src, at, "utf-16")
	changes(s, uri)(protocol.Range{Start: p, End: p}, typed)
	next := src[:at] + typed + src[at:]
	var want []inlayHint
	for _, key := range []string{`"200":`, `"204":`} {
		want = append(want, inlayHint{Position: lsptest.PositionOf(next, strings.Index(next, key)+len(key), "utf-16"),
			Label: map[string]string{`"200":`: "OK", `"204":`: "No Content"}[key], PaddingLeft: true})
	}
	if got := hints(t, s, uri); !reflect.DeepEqual(got, want) {
		t.Fatalf("hints while typing %+v; want %+v", got, want)
	}
	for _, e := range logs.FilterMessage("analysed").All() {
		if v := e.ContextMap()["version"]; v != int32(1) {
			t.Fatalf("version %v was analysed for the hints", v)
		}
	}
}
