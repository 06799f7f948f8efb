// hover.go: textDocument/hover.
package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Hover shows the catalog entry of the status code under the cursor.
func (s *Server) Hover(_ context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	d, ok := s.docs.get(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	enc := s.positionEncoding()
	offset := d.snap.Offset(params.Position, enc)

	var (
		occ   occurrence.Occurrence
		found bool
		qual  string
	)
	switch languageOf(d.snap) {
	case langGo:
		f := d.golang()
		occ, found = occurrence.At(f.Occurrences, offset)
		qual = f.HTTPName
		if qual == "." {
			qual = ""
		}
	}
	if !found {
		return nil, nil
	}
	md, ok := hoverText(occ, qual)
	if !ok {
		return nil, nil
	}
	r := d.snap.Range(occ.Start, occ.End, enc)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: md},
		Range:    &r,
	}, nil
}

// hoverText renders the catalog's Markdown for an occurrence.
func hoverText(occ occurrence.Occurrence, goQualifier string) (string, bool) {
	if occ.Class != 0 {
		c, ok := catalog.Class(occ.Class)
		if !ok {
			return "", false
		}
		return c.Markdown(), true
	}
	e, ok := catalog.Lookup(occ.Code)
	if !ok {
		return "", false
	}
	return e.Markdown(goQualifier), true
}
