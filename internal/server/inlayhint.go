// inlayhint.go defines textDocument/inlayHint (LSP 3.17, which
// go.lsp.dev/protocol v0.12 does not model): the reason phrase after
// numeric status codes, and its refresh when the configuration changes.

package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// inlayHintParams are textDocument/inlayHint's params.
type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// inlayHint is LSP 3.17's InlayHint, with a plain label.
type inlayHint struct {
	Position    protocol.Position `json:"position"`
	Label       string            `json:"label"`
	PaddingLeft bool              `json:"paddingLeft"`
}

// inlayHint returns the hints in the requested range; none when the
// configuration turns them off. Before a YAML or JSON document's analysis
// they come from the last analysed version (analysis.File.InlayHintsNow),
// without those of the codes being typed: the client is asked to ask
// again once the analysis is published.
func (s *Server) inlayHint(ctx context.Context, d *document, params *inlayHintParams) ([]inlayHint, error) {
	hints := []inlayHint{}
	if d == nil || !s.config().HintsOn() {
		return hints, nil
	}
	enc := s.positionEncoding()
	start, end := d.snap.Offset(params.Range.Start, enc), d.snap.Offset(params.Range.End, enc)
	early := !d.analysis.Analysed()
	found, now := d.analysis.InlayHintsNow(start, end)
	if now && early {
		d.hintsEarly.Store(true)
	}
	if !now {
		a := s.answering(ctx, d)
		if a == nil {
			return hints, nil
		}
		found = a.InlayHints(start, end)
	}
	positions := d.snap.Positions(enc) // the hints come in the text's order
	for _, h := range found {
		hints = append(hints, inlayHint{Position: positions.Position(h.Offset), Label: h.Label, PaddingLeft: true})
	}
	return hints, nil
}

// refreshHints asks a client that supports it to ask for the hints of its
// documents again, after a change of configuration (one that turns them
// off, or declares a code). Edits need no refresh: clients ask again.
func (s *Server) refreshHints() {
	s.mu.Lock()
	refresh := s.hintRefresh
	s.mu.Unlock()
	if refresh {
		s.callClient("workspace/inlayHint/refresh", nil)
	}
}
