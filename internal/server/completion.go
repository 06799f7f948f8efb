// completion.go: textDocument/completion.
package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
)

// Completion offers status constants and codes where the cursor stands in
// a status position: Go call arguments, OpenAPI response keys, plain YAML
// status values.
func (s *Server) Completion(ctx context.Context, params *protocol.CompletionParams) (*protocol.CompletionList, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	d, ok := s.docs.get(params.TextDocument.URI)
	if !ok || !s.analysed(ctx, d) {
		return list, nil
	}
	enc := s.positionEncoding()
	snippets := s.snippetSupport()
	for _, it := range d.Completions(d.snap.Offset(params.Position, enc)) {
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
		if it.Snippet {
			// The snippet's lines carry their full indentation.
			ci.InsertTextMode = protocol.InsertTextModeAsIs
			if snippets {
				ci.InsertTextFormat = protocol.InsertTextFormatSnippet
			} else {
				ci.TextEdit.NewText = complete.PlainText(it.NewText)
			}
		}
		for _, e := range it.AdditionalEdits {
			ci.AdditionalTextEdits = append(ci.AdditionalTextEdits, protocol.TextEdit{Range: d.snap.Range(e.Start, e.End, enc), NewText: e.NewText})
		}
		if it.Deprecated {
			ci.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		list.Items = append(list.Items, ci)
	}
	return list, nil
}
