package server

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// heapInUse returns the live heap after a full collection.
func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestOpenCloseCyclesDoNotGrowTheHeap opens, edits and closes a document
// 20 times: nothing of a closed document (its versions, the parses the
// edits reused, scheduled analyses) may stay reachable.
func TestOpenCloseCyclesDoNotGrowTheHeap(t *testing.T) {
	// A spec without findings, so that what the fake client keeps of
	// the notifications is small.
	src := string(specgen.OpenAPI(8000))
	at := strings.Index(src[len(src)/2:], "description: ") + len(src)/2 + len("description: ")
	pos := lsptest.PositionOf(src, at, "utf-16")
	s := start(t)
	s.Initialize(`{}`)

	cycle := func(n int) {
		uri := fmt.Sprintf("file:///cycle%d.yaml", n)
		s.Open(uri, "yaml", src)
		diagnosticsFor(t, s, uri, 1)
		for v := 2; v <= 4; v++ {
			s.Notify("textDocument/didChange", map[string]interface{}{
				"textDocument": map[string]interface{}{"uri": uri, "version": v},
				"contentChanges": []interface{}{map[string]interface{}{
					"range": protocol.Range{Start: pos, End: pos}, "text": "x"}},
			})
			diagnosticsFor(t, s, uri, uint32(v))
		}
		s.Hover(uri, pos)
		s.Completion(uri, pos)
		s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": uri}})
		// A request answered after the close is handled after it.
		s.Hover(uri, pos)
	}

	before := heapInUse()
	s.Open("file:///measure.yaml", "yaml", src)
	if p := diagnosticsFor(t, s, "file:///measure.yaml", 1); len(p.Diagnostics) > 0 {
		t.Fatalf("the spec has findings: %v", p.Diagnostics)
	}
	s.Hover("file:///measure.yaml", pos)
	open := heapInUse()
	s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": "file:///measure.yaml"}})
	s.Hover("file:///measure.yaml", pos)
	doc := int64(open) - int64(before)
	if doc <= 0 {
		t.Fatalf("an open document takes no heap (%d bytes)", doc)
	}

	for n := 0; n < 5; n++ {
		cycle(n)
	}
	warm := heapInUse()
	for n := 5; n < 20; n++ {
		cycle(n)
	}
	grown := int64(heapInUse()) - int64(warm)
	t.Logf("one open document: %d KB; growth over 15 open/edit/close cycles: %d KB", doc>>10, grown>>10)
	if grown > doc/2 {
		t.Errorf("the heap grew by %d KB over 15 cycles; one open document takes %d KB", grown>>10, doc>>10)
	}
}
