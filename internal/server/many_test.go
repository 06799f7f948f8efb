package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// Many open documents keep their analyses within analysedBudget: every
// document gets its diagnostics, the live heap stays near the texts plus
// the budget's analyses (without the budget, specs of 12 kB held 25 bytes
// of parse per byte of text), and a document whose analysis was dropped
// is analysed again when a request needs it.
func TestManyOpenDocumentsKeepAnalysesWithinBudget(t *testing.T) {
	const n, budget = 200, 256 << 10
	src := string(specgen.OpenAPI(500))
	texts := n * len(src)
	if texts < 8*budget {
		t.Fatalf("%d bytes of text do not exceed the budget enough", texts)
	}
	srv := New(Options{Logger: zap.NewNop()})
	srv.analysedBudget = budget
	s := startServer(t, srv)
	s.Initialize(`{}`)
	base := heapInUse()
	uri := func(i int) string { return fmt.Sprintf("file:///many/%d.yaml", i) }
	for i := 0; i < n; i++ {
		s.Open(uri(i), "yaml", src)
	}
	published, seen := map[string]bool{}, 0
	waitFor(t, "the diagnostics of every document", func() bool {
		notes := s.Notifications()
		for _, note := range notes[seen:] {
			var p protocol.PublishDiagnosticsParams
			if note.Method == "textDocument/publishDiagnostics" && json.Unmarshal(note.Params, &p) == nil {
				published[string(p.URI)] = true
			}
		}
		seen = len(notes)
		return len(published) == n
	})
	s.ForgetNotifications()
	limit := uint64(texts) + 40*budget
	if h := heapInUse() - base; h > limit {
		t.Errorf("%d documents of %d bytes: %d MB of heap, want at most %d MB", n, len(src), h>>20, limit>>20)
	}
	// The first document was analysed first and used least since.
	pos := lsptest.PositionOf(src, strings.Index(src, "'200'")+1, "utf-16")
	if h := s.Hover(uri(0), pos); h == nil || !strings.Contains(h.Contents.Value, "200") {
		t.Errorf("hover in a document whose analysis was dropped: %v", h)
	}
}
