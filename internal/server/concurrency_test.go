package server

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// A request on one document does not wait behind a request on another
// that waits for its analysis: here no analysis can run (the test holds
// every slot), so the hover on the large document waits, and the hover on
// the small one, analysed before, is answered meanwhile.
func TestRequestsDoNotQueueBehindAnotherDocument(t *testing.T) {
	srv := New(Options{Version: "test", Logger: zaptest.NewLogger(t)})
	s := startServer(t, srv)
	initializeWithLimits(t, s, map[string]interface{}{"analysisTimeout": "1m"})
	const small, large = "file:///work/small.go", "file:///work/large.yaml"
	s.Open(small, "go", "package p\n\nimport \"net/http\"\n\nvar x = http.StatusTeapot\n")
	diagnosticsFor(t, s, small, 1)

	for i := 0; i < cap(srv.sched.slots); i++ {
		srv.sched.slots <- struct{}{}
	}
	s.Open(large, "yaml", limitSpec(2000))
	largeHover := make(chan *protocol.Hover, 1)
	go func() {
		var h *protocol.Hover
		err := s.Call("textDocument/hover", map[string]interface{}{
			"textDocument": map[string]string{"uri": large}, "position": protocol.Position{Line: 5, Character: 9},
		}, &h)
		if err != nil {
			t.Error(err)
		}
		largeHover <- h
	}()
	for i := 0; i < 20; i++ {
		if h := s.Hover(small, protocol.Position{Line: 4, Character: 15}); h == nil || !strings.Contains(h.Contents.Value, "418") {
			t.Fatalf("hover on the small document: %v", h)
		}
	}
	select {
	case h := <-largeHover:
		t.Fatalf("the large document's hover was answered before its analysis could run: %v", h)
	default:
	}
	for i := 0; i < cap(srv.sched.slots); i++ {
		<-srv.sched.slots
	}
	if h := <-largeHover; h == nil || !strings.Contains(h.Contents.Value, "404") {
		t.Errorf("hover on the large document once analysed: %v", h)
	}
}

// A request sees the document as it was when the request arrived, even
// when an edit that comes after it is applied before it runs.
func TestRequestsSeeTheDocumentAsTheyArrived(t *testing.T) {
	srv := New(Options{Version: "test", Logger: zaptest.NewLogger(t)})
	s := startServer(t, srv)
	initializeWithLimits(t, s, map[string]interface{}{"analysisTimeout": "1m"})
	const uri = "file:///work/moving.go"
	src := "package p\n\nimport \"net/http\"\n\nvar x = http.StatusTeapot\n"
	s.Open(uri, "go", src)
	diagnosticsFor(t, s, uri, 1)
	for i := 0; i < cap(srv.sched.slots); i++ {
		srv.sched.slots <- struct{}{}
	}
	// Version 2 cannot be analysed yet; the hover sent before it was
	// applied answers from version 1 at once, though version 2 moved
	// the constant down a line.
	answer := make(chan *protocol.Hover, 1)
	go func() {
		var h *protocol.Hover
		s.Call("textDocument/hover", map[string]interface{}{
			"textDocument": map[string]string{"uri": uri}, "position": protocol.Position{Line: 4, Character: 15},
		}, &h)
		answer <- h
	}()
	time.Sleep(20 * time.Millisecond) // the hover is sent first
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []interface{}{map[string]interface{}{"text": "\n" + src}},
	})
	select {
	case h := <-answer:
		if h == nil || !strings.Contains(h.Contents.Value, "418") {
			t.Errorf("hover sent before the edit: %v", h)
		}
	case <-time.After(lsptest.Timeout):
		t.Fatal("the hover sent before the edit waited for the edit's analysis")
	}
	for i := 0; i < cap(srv.sched.slots); i++ {
		<-srv.sched.slots
	}
}

// A document just opened is analysed at once: the debounce is for typing.
func TestOpenIsAnalysedWithoutTheDebounce(t *testing.T) {
	s := startServer(t, New(Options{Version: "test", Logger: zaptest.NewLogger(t), Debounce: time.Hour}))
	s.Initialize(`{}`)
	const uri = "file:///work/opened.yaml"
	s.Open(uri, "yaml", limitSpec(1))
	p := diagnosticsFor(t, s, uri, 1)
	if len(p.Diagnostics) == 0 {
		t.Errorf("no findings for %s", fmt.Sprint(uri))
	}
}

// A small document's analysis does not wait behind large ones: here the
// large documents' slots are all taken, as by long analyses, and a small
// document opened after a large one still gets its diagnostics.
func TestSmallDocumentsAreNotAnalysedBehindLargeOnes(t *testing.T) {
	srv := New(Options{Version: "test", Logger: zaptest.NewLogger(t)})
	s := startServer(t, srv)
	initializeWithLimits(t, s, map[string]interface{}{"analysisTimeout": "1m"})
	for i := 0; i < cap(srv.sched.large); i++ {
		srv.sched.large <- struct{}{}
	}
	large := limitSpec(largeDocument / 60)
	if len(large) <= largeDocument {
		t.Fatalf("the large document has only %d bytes", len(large))
	}
	s.Open("file:///work/large.yaml", "yaml", large)
	const small = "file:///work/small.yaml"
	s.Open(small, "yaml", limitSpec(3))
	if p := diagnosticsFor(t, s, small, 1); len(p.Diagnostics) == 0 {
		t.Error("no findings for the small document")
	}
	if _, ok := latestDiagnostics(t, s, "file:///work/large.yaml"); ok {
		t.Error("the large document was analysed while its slots were taken")
	}
	for i := 0; i < cap(srv.sched.large); i++ {
		<-srv.sched.large
	}
	diagnosticsFor(t, s, "file:///work/large.yaml", 1)
}
