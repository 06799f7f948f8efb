package server

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

func initializeWithLimits(t *testing.T, s *session, limits map[string]interface{}) {
	t.Helper()
	s.MustCall("initialize", map[string]interface{}{
		"capabilities":          map[string]interface{}{},
		"initializationOptions": map[string]interface{}{"limits": limits},
	}, nil)
	s.Notify("initialized", map[string]interface{}{})
}

// limitSpec is an OpenAPI document of n operations whose first response
// key, '404', starts at line 5, character 8.
func limitSpec(n int) string {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\npaths:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  /items%d/{id}:\n    get:\n      responses:\n        '404': {description: gone}\n", i)
	}
	return b.String()
}

func TestMaxDocumentSize(t *testing.T) {
	s := start(t)
	initializeWithLimits(t, s, map[string]interface{}{"maxDocumentSize": 300})
	const uri = "file:///limits/big.yaml"
	src := limitSpec(10)
	s.Open(uri, "yaml", src)
	diags := diagnosticsFor(t, s, uri, 1).Diagnostics
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "limits.maxDocumentSize") || diags[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Fatalf("diagnostics of a document over the limit: %+v", diags)
	}
	pos := protocol.Position{Line: 5, Character: 9}
	if h := s.Hover(uri, pos); h != nil {
		t.Errorf("hover in a document over the limit: %v", h)
	}
	if l := s.Completion(uri, pos); len(l.Items) != 0 {
		t.Errorf("%d completions in a document over the limit", len(l.Items))
	}

	// Cut down below the limit, it is analysed again.
	s.Notify("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": 2},
		"contentChanges": []interface{}{map[string]interface{}{"text": limitSpec(1)}},
	})
	for _, d := range diagnosticsFor(t, s, uri, 2).Diagnostics {
		if strings.Contains(d.Message, "limits.") {
			t.Errorf("a document under the limit: %+v", d)
		}
	}
	if h := s.Hover(uri, pos); h == nil || !strings.Contains(h.Contents.Value, "404") {
		t.Errorf("hover in a document under the limit: %v", h)
	}
}

// An analysis over its time budget: requests answer at once with nothing,
// one diagnostic says why, and when the analysis finishes its findings
// replace that diagnostic and requests are answered in full.
func TestAnalysisTimeout(t *testing.T) {
	s := start(t)
	initializeWithLimits(t, s, map[string]interface{}{"analysisTimeout": "1us"})
	const uri = "file:///limits/slow.yaml"
	s.Open(uri, "yaml", limitSpec(2000))
	pos := protocol.Position{Line: 5, Character: 9}
	if h := s.Hover(uri, pos); h != nil {
		t.Errorf("hover before the analysis finished: %v", h)
	}

	// The note, then the findings, both for version 1.
	var note, findings *protocol.PublishDiagnosticsParams
	deadline := time.Now().Add(lsptest.Timeout)
	for findings == nil && time.Now().Before(deadline) {
		var published []protocol.PublishDiagnosticsParams
		for _, n := range s.Notifications() {
			var p protocol.PublishDiagnosticsParams
			if n.Method == "textDocument/publishDiagnostics" && json.Unmarshal(n.Params, &p) == nil && string(p.URI) == uri {
				published = append(published, p)
			}
		}
		if len(published) >= 2 {
			note, findings = &published[0], &published[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	if note == nil || len(note.Diagnostics) != 1 || !strings.Contains(note.Diagnostics[0].Message, "limits.analysisTimeout") {
		t.Fatalf("the first diagnostics: %+v, want one naming limits.analysisTimeout", note)
	}
	if findings == nil {
		t.Fatal("no findings after the note")
	}
	if note.Version != 1 || findings.Version != 1 || len(findings.Diagnostics) == 0 {
		t.Errorf("note for version %d, then %d findings for version %d", note.Version, len(findings.Diagnostics), findings.Version)
	}
	for _, d := range findings.Diagnostics {
		if strings.Contains(d.Message, "limits.") {
			t.Errorf("the findings still hold the note: %+v", d)
		}
	}
	if h := s.Hover(uri, pos); h == nil || !strings.Contains(h.Contents.Value, "404") {
		t.Errorf("hover once the analysis finished: %v", h)
	}
}

func TestBadLimitsAreRefused(t *testing.T) {
	for _, limits := range []map[string]interface{}{
		{"maxDocumentSize": -1},
		{"analysisTimeout": "soon"},
		{"analysisTimeout": "-5s"},
		{"maxDocumentSize": "big"},
	} {
		s := start(t)
		initializeWithLimits(t, s, limits)
		shown := false
		deadline := time.Now().Add(lsptest.Timeout)
		for !shown && time.Now().Before(deadline) {
			for _, n := range s.Notifications() {
				shown = shown || n.Method == "window/showMessage" && strings.Contains(string(n.Params), "limits")
			}
			time.Sleep(5 * time.Millisecond)
		}
		if !shown {
			t.Errorf("limits %v: no message naming them", limits)
		}
		// The defaults stay in force.
		const uri = "file:///limits/ok.yaml"
		s.Open(uri, "yaml", limitSpec(1))
		if h := s.Hover(uri, protocol.Position{Line: 5, Character: 9}); h == nil {
			t.Errorf("limits %v: no hover under the defaults", limits)
		}
	}
}

// Typing in a document slower to analyse than the time budget starts no
// analysis per keystroke: a version superseded before an analysis slot
// frees is never analysed, and the last one is. The test holds every slot
// while it types, as long analyses of earlier versions would.
func TestSupersededVersionsAreNotAnalysed(t *testing.T) {
	core, logs := observer.New(zap.DebugLevel)
	srv := New(Options{Version: "test", Logger: zap.New(core)})
	s := startServer(t, srv)
	initializeWithLimits(t, s, map[string]interface{}{"analysisTimeout": "1ms"})
	for i := 0; i < cap(srv.sched.slots); i++ {
		srv.sched.slots <- struct{}{}
	}
	const uri = "file:///limits/typed.yaml"
	src := limitSpec(3)
	s.Open(uri, "yaml", src)
	end := lsptest.PositionOf(src, len(src), "utf-16")
	const last = 31
	for v := 2; v <= last; v++ {
		s.Notify("textDocument/didChange", map[string]interface{}{
			"textDocument": map[string]interface{}{"uri": uri, "version": v},
			"contentChanges": []interface{}{map[string]interface{}{
				"range": protocol.Range{Start: end, End: end}, "text": "#",
			}},
		})
		end.Character++
		// A hover starts the analysis of its version and waits 1 ms.
		if h := s.Hover(uri, protocol.Position{Line: 5, Character: 9}); h != nil {
			t.Fatalf("hover at version %d before any analysis: %v", v, h)
		}
	}
	for i := 0; i < cap(srv.sched.slots); i++ {
		<-srv.sched.slots
	}
	if p := diagnosticsWithout(t, s, uri, last, "limits.analysisTimeout"); len(p.Diagnostics) == 0 {
		t.Errorf("no findings for version %d", last)
	}
	var versions []int64
	for _, e := range logs.FilterMessage("analysed").All() {
		for _, f := range e.Context {
			if f.Key == "version" {
				versions = append(versions, f.Integer)
			}
		}
	}
	if !slices.Equal(versions, []int64{last}) {
		t.Errorf("analysed versions %v, want only the last, %d", versions, last)
	}
}

// diagnosticsWithout waits for the diagnostics of uri at version that do
// not mention what (the note that the analysis is late).
func diagnosticsWithout(t *testing.T, s *session, uri string, version uint32, what string) protocol.PublishDiagnosticsParams {
	t.Helper()
	var p protocol.PublishDiagnosticsParams
	waitFor(t, fmt.Sprintf("the findings of %s version %d", uri, version), func() bool {
		var ok bool
		p, ok = latestDiagnostics(t, s, uri)
		return ok && p.Version == version && !strings.Contains(fmt.Sprint(p.Diagnostics), what)
	})
	return p
}
