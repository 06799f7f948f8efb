// diagnostics.go: textDocument/publishDiagnostics. Analysis runs after a
// quiet period (the debounce) once a document stops changing; a newer
// version cancels the pending analysis of an older one, and findings are
// published only while their version is still the document's current one.
package server

import (
	"context"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// DefaultDebounce is how long a document must stay unchanged before it is
// analysed.
const DefaultDebounce = 150 * time.Millisecond

// publisher schedules and sends diagnostics.
type publisher struct {
	mu      sync.Mutex
	pending map[protocol.DocumentURI]func() // cancels a scheduled analysis
	running sync.WaitGroup                  // scheduled analyses not yet finished

	// sendMu orders a publication against the removal of its document, so
	// that no diagnostics of a closed or superseded version are sent after
	// the newer state is.
	sendMu sync.Mutex
}

// schedule analyses d after the debounce and publishes its findings,
// cancelling whatever was scheduled for an older version.
func (s *Server) schedule(d *document) {
	p := &s.diags
	ctx, cancel := context.WithCancel(context.Background())
	run := func() {
		defer p.running.Done()
		s.analyseAndPublish(ctx, d)
	}
	p.mu.Lock()
	if stop := p.pending[d.snap.URI]; stop != nil {
		stop()
	}
	p.running.Add(1)
	var timer *time.Timer
	if s.debounce <= 0 {
		go run()
	} else {
		timer = time.AfterFunc(s.debounce, run)
	}
	p.pending[d.snap.URI] = func() {
		cancel()
		if timer != nil && timer.Stop() {
			p.running.Done() // the analysis will never run
		}
	}
	p.mu.Unlock()
}

// cancelPending stops every scheduled analysis, for shutdown.
func (s *Server) cancelPending() {
	p := &s.diags
	p.mu.Lock()
	for uri, stop := range p.pending {
		stop()
		delete(p.pending, uri)
	}
	p.mu.Unlock()
}

func (s *Server) analyseAndPublish(ctx context.Context, d *document) {
	if ctx.Err() != nil {
		return
	}
	if diags, ok := s.diagnosticsWithin(ctx, d); ok {
		s.publish(ctx, d, diags)
	}
}

// publish sends d's diagnostics if d is still the document's current
// state.
func (s *Server) publish(ctx context.Context, d *document, diags []protocol.Diagnostic) {
	s.diags.sendMu.Lock()
	defer s.diags.sendMu.Unlock()
	if ctx.Err() != nil || !s.current(d) {
		return // superseded, re-configured or closed meanwhile
	}
	s.send(ctx, d.snap.URI, uint32(d.snap.Version), diags)
}

// current reports whether d is its document's state now: not edited
// over, re-configured or closed.
func (s *Server) current(d *document) bool {
	cur, ok := s.docs.get(d.snap.URI)
	return ok && cur == d
}

// diagnostics converts findings to protocol diagnostics.
func (s *Server) diagnostics(d *document, findings []lint.Finding) []protocol.Diagnostic {
	enc := s.positionEncoding()
	diags := make([]protocol.Diagnostic, 0, len(findings))
	for _, f := range findings {
		diag := protocol.Diagnostic{
			Range:    d.snap.Range(f.Start, f.End, enc),
			Severity: protocol.DiagnosticSeverity(f.Severity),
			Code:     f.RuleID,
			Source:   Name,
			Message:  f.Message,
		}
		if f.URL != "" {
			diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(f.URL)}
		}
		for _, r := range f.Related {
			diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: d.snap.URI, Range: d.snap.Range(r.Start, r.End, enc)},
				Message:  r.Message,
			})
		}
		diags = append(diags, diag)
	}
	return diags
}

// clear removes a closed document's diagnostics from the editor.
func (s *Server) clear(ctx context.Context, uri protocol.DocumentURI) {
	s.diags.mu.Lock()
	if stop := s.diags.pending[uri]; stop != nil {
		stop()
		delete(s.diags.pending, uri)
	}
	s.diags.mu.Unlock()
	s.diags.sendMu.Lock()
	defer s.diags.sendMu.Unlock()
	s.send(ctx, uri, 0, []protocol.Diagnostic{})
}

func (s *Server) send(ctx context.Context, uri protocol.DocumentURI, version uint32, diags []protocol.Diagnostic) {
	client := s.clientConn()
	if client == nil {
		return
	}
	err := client.PublishDiagnostics(context.WithoutCancel(ctx), &protocol.PublishDiagnosticsParams{
		URI: uri, Version: version, Diagnostics: diags,
	})
	if err != nil {
		s.log.Warn("publishDiagnostics", zap.String("uri", string(uri)), zap.Error(err))
	}
}
