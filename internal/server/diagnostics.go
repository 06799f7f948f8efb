// diagnostics.go: textDocument/publishDiagnostics.
package server

import (
	"context"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// publish sends the diagnostics of a document's current snapshot, tagged
// with its version. Messages are handled in order, so the snapshot
// published is the newest one the client has sent.
func (s *Server) publish(ctx context.Context, d *document) {
	diags := []protocol.Diagnostic{}
	for _, f := range d.findings() {
		diags = append(diags, protocol.Diagnostic{
			Range:    d.snap.Range(f.start, f.end, s.positionEncoding()),
			Severity: f.severity,
			Source:   Name,
			Message:  f.message,
		})
	}
	s.send(ctx, d.snap.URI, uint32(d.snap.Version), diags)
}

// clear removes a closed document's diagnostics from the editor.
func (s *Server) clear(ctx context.Context, uri protocol.DocumentURI) {
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
