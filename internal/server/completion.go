// completion.go defines textDocument/completion and
// completionItem/resolve.

package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
)

// completion offers status constants and codes where the cursor stands in
// a status position: Go call arguments, OpenAPI response keys, plain YAML
// status values. A client that resolves items lazily gets their
// documentation from resolveCompletion: the list is then a tenth the size.
func (s *Server) completion(ctx context.Context, d *document, params *protocol.CompletionParams) (*protocol.CompletionList, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	if d == nil {
		return list, nil
	}
	enc := s.positionEncoding()
	items, ok := s.completions(ctx, d, d.snap.Offset(params.Position, enc))
	if !ok {
		return list, nil
	}
	client := s.support()
	list.Items = make([]protocol.CompletionItem, 0, len(items))
	for _, it := range items {
		kind := protocol.CompletionItemKindValue
		if it.Constant {
			kind = protocol.CompletionItemKindConstant
		}
		ci := protocol.CompletionItem{
			Label:      it.Label,
			Kind:       kind,
			Detail:     it.Detail,
			FilterText: it.FilterText,
			SortText:   it.SortText,
			TextEdit:   &protocol.TextEdit{Range: d.snap.Range(it.Start, it.End, enc), NewText: it.NewText},
		}
		if it.Snippet {
			if client.snippets {
				ci.InsertTextFormat = protocol.InsertTextFormatSnippet
				if client.asIs {
					// The snippet's lines carry their full indentation.
					ci.InsertTextMode = protocol.InsertTextModeAsIs
				}
			} else {
				ci.TextEdit.NewText = it.PlainText
			}
		}
		for _, e := range it.AdditionalEdits {
			ci.AdditionalTextEdits = append(ci.AdditionalTextEdits, protocol.TextEdit{Range: d.snap.Range(e.Start, e.End, enc), NewText: e.NewText})
		}
		if it.Deprecated {
			if client.deprecatedTag {
				ci.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
			} else if client.deprecatedField {
				ci.Deprecated = true
			}
		}
		if client.lazyDocs {
			ci.Data = resolveData{URI: d.snap.URI, Version: d.snap.Version, Position: params.Position}
		} else {
			ci.Documentation = markup(it.Documentation, client.docsMarkdown)
		}
		list.Items = append(list.Items, ci)
	}
	return list, nil
}

// resolveData is what an item carries for resolveCompletion to find it
// again: the completion it came from.
type resolveData struct {
	URI      protocol.DocumentURI `json:"uri"`
	Version  int32                `json:"version"`
	Position protocol.Position    `json:"position"`
}

// resolveCompletion adds an item's documentation: the completion it came
// from is made again, on the same version of the document, and the item
// found by its label. An item of an older version, or of a closed
// document, is returned as it is.
func (s *Server) resolveCompletion(ctx context.Context, d *document, item *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	raw, err := json.Marshal(item.Data)
	var data resolveData
	if err != nil || json.Unmarshal(raw, &data) != nil {
		return item, nil
	}
	if d == nil || d.snap.Version != data.Version {
		return item, nil
	}
	items, _ := s.completions(ctx, d, d.snap.Offset(data.Position, s.positionEncoding()))
	for _, it := range items {
		if it.Label == item.Label {
			item.Documentation = markup(it.Documentation, s.support().docsMarkdown)
			break
		}
	}
	return item, nil
}

// completions returns the completion items at offset of d: at once
// where they do not need d's analysis (JSON being typed, answered from
// the text and the last analysed version), else from the analysis the
// request answers from (answering); false when there is none in time.
func (s *Server) completions(ctx context.Context, d *document, offset int) ([]complete.Item, bool) {
	if items, ok := d.analysis.CompletionsNow(offset); ok {
		return items, true
	}
	a := s.answering(ctx, d)
	if a == nil {
		return nil, false
	}
	return a.Completions(offset), true
}
