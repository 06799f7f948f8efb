// hover.go defines textDocument/hover.

package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// hover shows the catalog entry of the status code under the cursor.
func (s *Server) hover(ctx context.Context, d *document, params *protocol.HoverParams) (*protocol.Hover, error) {
	if d == nil {
		return nil, nil
	}
	a := s.answering(ctx, d)
	if a == nil {
		return nil, nil
	}
	enc := s.positionEncoding()
	occ, md, ok := a.Hover(d.snap.Offset(params.Position, enc))
	if !ok {
		return nil, nil
	}
	r := d.snap.Range(occ.Start, occ.End, enc)
	return &protocol.Hover{
		Contents: markup(md, s.support().hoverMarkdown),
		Range:    &r,
	}, nil
}
