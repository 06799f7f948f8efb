// completion.go: textDocument/completion.
package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// Completion offers status constants and codes where the cursor stands in
// a status position.
func (s *Server) Completion(_ context.Context, params *protocol.CompletionParams) (*protocol.CompletionList, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	d, ok := s.docs.get(params.TextDocument.URI)
	if !ok {
		return list, nil
	}
	enc := s.positionEncoding()
	offset := d.snap.Offset(params.Position, enc)

	var items []complete.Item
	switch languageOf(d.snap) {
	case langGo:
		items = complete.Go(golang.CompletionAt(d.snap.Text(), offset))
	}
	for _, it := range items {
		kind := protocol.CompletionItemKindValue
		if it.Constant {
			kind = protocol.CompletionItemKindConstant
		}
		ci := protocol.CompletionItem{
			Label:         it.Label,
			Kind:          kind,
			Detail:        it.Detail,
			Documentation: protocol.MarkupContent{Kind: protocol.Markdown, Value: it.Documentation},
			FilterText:    it.FilterText,
			SortText:      it.SortText,
			TextEdit:      &protocol.TextEdit{Range: d.snap.Range(it.Start, it.End, enc), NewText: it.NewText},
		}
		if it.Deprecated {
			ci.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		list.Items = append(list.Items, ci)
	}
	return list, nil
}
