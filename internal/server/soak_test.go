package server

import (
	"fmt"
	"math/rand"
	"runtime"
	"sync"
	"testing"
	"time"
	"weak"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// soakDocs and soakOps size the soak test: soakOps requests and edits in
// all, spread over soakDocs documents, each driven by a goroutine of its
// own so that everything interleaves at the server.
const (
	soakDocs = 20
	soakOps  = 10000
)

var soakSeeds = []struct{ ext, lang, text string }{
	{".go", "go", "package p\n\nimport \"net/http\"\n\n// é 😀\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusTeapot)\n\thttp.Error(w, \"x\", 404)\n\thttp.Redirect(w, r, \"/\", 302)\n}\n"},
	{".yaml", "yaml", "openapi: 3.0.3\npaths:\n  /items/{id}:\n    get:\n      responses:\n        '200': {description: OK}\n        404:\n          description: é 😀\n    post:\n      responses:\n        '201': {description: Created}\n        '418': {description: x}\n"},
}

// soakInserts are what the edits type: code, status codes, line breaks,
// characters that take two UTF-16 units, and bytes that break the syntax.
var soakInserts = []string{"4", "04", "'", "\"", ":", "\n", "\r\n", "  ", "\t", "😀", "é", "http.Status", "w.WriteHeader(", "        '500': {description: x}\n", "}", "{", "[", "&a", "*a", "#"}

// TestSoak drives one server with concurrent edits, hovers, completions
// and code actions on many documents (run with -race in CI): every
// request must be answered, each document must end up with the text the
// client has, and closing the documents must give their memory back.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("a soak test")
	}
	started := time.Now()
	srv := New(Options{Logger: zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)), Debounce: 5 * time.Millisecond})
	s := startServer(t, srv)
	s.Initialize(`{"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}}`)
	baseHeap, baseGoroutines := heapInUse(), runtime.NumGoroutine()

	finals := make([]string, soakDocs)
	var wg sync.WaitGroup
	errs := make(chan error, soakDocs)
	for i := 0; i < soakDocs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			seed := soakSeeds[i%len(soakSeeds)]
			uri := fmt.Sprintf("file:///soak/doc%d%s", i, seed.ext)
			text, err := soakDocument(s, rand.New(rand.NewSource(int64(i))), uri, seed.lang, seed.text, soakOps/soakDocs)
			finals[i] = text
			if err != nil {
				errs <- fmt.Errorf("%s: %w", uri, err)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}

	// A request is answered once the notifications of its document sent
	// before it are applied: once one is answered on each document, every
	// edit is in.
	for i := range finals {
		s.Hover(fmt.Sprintf("file:///soak/doc%d%s", i, soakSeeds[i%len(soakSeeds)].ext), protocol.Position{})
	}
	var closed []weak.Pointer[document]
	for i, want := range finals {
		uri := protocol.DocumentURI(fmt.Sprintf("file:///soak/doc%d%s", i, soakSeeds[i%len(soakSeeds)].ext))
		d, ok := srv.docs.get(uri)
		if !ok {
			t.Fatalf("%s is not open", uri)
		}
		if got := string(d.snap.Text()); got != want {
			t.Errorf("%s: the server has\n%q\nthe client\n%q", uri, got, want)
		}
		closed = append(closed, weak.Make(d))
		s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": string(uri)}})
	}
	// A request after the closes is answered after them.
	for i := range finals {
		s.Hover(fmt.Sprintf("file:///soak/doc%d%s", i, soakSeeds[i%len(soakSeeds)].ext), protocol.Position{})
	}
	if n := len(srv.docs.all()); n != 0 {
		t.Errorf("%d documents still open", n)
	}

	// Memory and goroutines go back to where they were before the
	// documents were opened, once the analyses still running finish: no
	// closed document stays reachable.
	s.ForgetNotifications()
	deadline := time.Now().Add(lsptest.Timeout)
	for {
		heap, goroutines := heapInUse(), runtime.NumGoroutine()
		live := 0
		for _, p := range closed {
			if p.Value() != nil {
				live++
			}
		}
		if heap < baseHeap+4<<20 && goroutines <= baseGoroutines+2 && live == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("after closing every document: heap %d KB (baseline %d KB), %d goroutines (baseline %d), %d documents reachable",
				heap>>10, baseHeap>>10, goroutines, baseGoroutines, live)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%d operations on %d documents in %v", soakOps, soakDocs, time.Since(started).Round(time.Millisecond))
}

// soakDocument opens a document and runs ops random edits and requests on
// it, one at a time, checking each answer; it returns the client's text.
func soakDocument(s *session, rng *rand.Rand, uri, lang, text string, ops int) (string, error) {
	s.Notify("textDocument/didOpen", map[string]interface{}{
		"textDocument": map[string]interface{}{"uri": uri, "languageId": lang, "version": 1, "text": text},
	})
	version := 1
	doc := map[string]string{"uri": uri}
	for op := 0; op < ops; op++ {
		at := rng.Intn(len(text) + 1)
		for at < len(text) && at > 0 && (text[at]&0xC0 == 0x80 || text[at-1] == '\r' && text[at] == '\n') {
			at-- // a character boundary, not inside a CRLF
		}
		pos := lsptest.PositionOf(text, at, "utf-16")
		var err error
		switch kind := rng.Intn(10); {
		case kind < 4: // an edit: insert, delete or replace
			end := at
			for n := rng.Intn(4); n > 0 && end < len(text); n-- {
				end++
				for end < len(text) && (text[end]&0xC0 == 0x80 || text[end-1] == '\r' && text[end] == '\n') {
					end++
				}
			}
			ins := ""
			if rng.Intn(3) > 0 {
				ins = soakInserts[rng.Intn(len(soakInserts))]
			}
			r := protocol.Range{Start: pos, End: lsptest.PositionOf(text, end, "utf-16")}
			version++
			s.Notify("textDocument/didChange", map[string]interface{}{
				"textDocument":   map[string]interface{}{"uri": uri, "version": version},
				"contentChanges": []interface{}{map[string]interface{}{"range": r, "text": ins}},
			})
			text = text[:at] + ins + text[end:]
		case kind < 6:
			var h *protocol.Hover
			err = s.Client.Call("textDocument/hover", map[string]interface{}{"textDocument": doc, "position": pos}, &h)
		case kind < 8:
			var l protocol.CompletionList
			err = s.Client.Call("textDocument/completion", map[string]interface{}{"textDocument": doc, "position": pos}, &l)
		default:
			var actions []protocol.CodeAction
			err = s.Client.Call("textDocument/codeAction", map[string]interface{}{
				"textDocument": doc, "range": protocol.Range{Start: protocol.Position{}, End: pos},
				"context": map[string]interface{}{"diagnostics": []interface{}{}},
			}, &actions)
		}
		if err != nil {
			return text, fmt.Errorf("operation %d: %w", op, err)
		}
	}
	return text, nil
}
