// hover.go: textDocument/hover.
package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/hover"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Hover shows the catalog entry of the status code under the cursor.
func (s *Server) Hover(_ context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	d, ok := s.docs.get(params.TextDocument.URI)
	if !ok || !s.analysed(d) {
		return nil, nil
	}
	enc := s.positionEncoding()
	occ, ok := occurrence.At(d.Occurrences(), d.snap.Offset(params.Position, enc))
	if !ok {
		return nil, nil
	}
	md, ok := hover.Markdown(occ, d.snap.Text(), d.GoQualifier())
	if !ok {
		return nil, nil
	}
	r := d.snap.Range(occ.Start, occ.End, enc)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: md},
		Range:    &r,
	}, nil
}
