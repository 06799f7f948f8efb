// hover.go defines textDocument/hover.

package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// hover shows the catalog entry of the status code under the cursor and,
// at a send site, what the contract documents of it: at once where the
// last analysed version of a YAML or JSON document answers
// (analysis.File.HoverNow), else from the analysis the request answers
// from (answering).
func (s *Server) hover(ctx context.Context, d *document, params *protocol.HoverParams) (*protocol.Hover, error) {
	if d == nil {
		return nil, nil
	}
	enc := s.positionEncoding()
	offset := d.snap.Offset(params.Position, enc)
	occ, md, ok, now := d.analysis.HoverNow(offset)
	if !now {
		a := s.answering(ctx, d)
		if a == nil {
			return nil, nil
		}
		occ, md, ok = a.Hover(offset)
	}
	if !ok {
		return nil, nil
	}
	if c := s.contractHover(d, offset); c != "" {
		md += "\n\n---\n\n" + c
	}
	r := d.snap.Range(occ.Start, occ.End, enc)
	return &protocol.Hover{
		Contents: markup(md, s.support().hoverMarkdown),
		Range:    &r,
	}, nil
}
