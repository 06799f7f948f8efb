// hover.go: textDocument/hover.
package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// Hover shows the catalog entry of the status code under the cursor.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	d, ok := s.docs.get(params.TextDocument.URI)
	if !ok || !s.analysed(ctx, d) {
		return nil, nil
	}
	enc := s.positionEncoding()
	occ, md, ok := d.Hover(d.snap.Offset(params.Position, enc))
	if !ok {
		return nil, nil
	}
	r := d.snap.Range(occ.Start, occ.End, enc)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: md},
		Range:    &r,
	}, nil
}
