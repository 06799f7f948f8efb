// capabilities.go reads what the client said at initialize it can take,
// and shapes the answers by it: snippets or one plain line, Markdown or
// plain text, the deprecated tag or the older field, a diagnostic's link
// and related places or neither.

package server

import (
	"slices"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/hover"
)

// clientSupport is what the client takes, from its capabilities.
type clientSupport struct {
	snippets bool // snippet completions
	lazyDocs bool // completion items' documentation resolved later
	// asIs: InsertTextMode asIs, which multi-line snippets are sent with.
	asIs bool
	// hoverMarkdown and docsMarkdown: Markdown in hovers and in
	// completion items' documentation, else plain text.
	hoverMarkdown, docsMarkdown bool
	// deprecatedTag: CompletionItemTag Deprecated; deprecatedField: the
	// older CompletionItem.deprecated, used where the tag is not taken.
	deprecatedTag, deprecatedField bool
	// codeDescription and relatedInformation: a diagnostic's link to its
	// rule's documentation, and the other places it names.
	codeDescription, relatedInformation bool
	// watchFiles: workspace/didChangeWatchedFiles registered dynamically.
	watchFiles bool
	// actionLiterals: code actions as CodeAction literals; without them a
	// fix is a Command that asks the client to apply its edit, which
	// needs applyEdit.
	actionLiterals, applyEdit bool
}

// supportOf reads a client's capabilities. A client that names no
// content format gets Markdown, as clients that predate the list take it.
func supportOf(caps protocol.ClientCapabilities) clientSupport {
	s := clientSupport{hoverMarkdown: true, docsMarkdown: true}
	if w := caps.Workspace; w != nil {
		s.applyEdit = w.ApplyEdit
		if w.DidChangeWatchedFiles != nil {
			s.watchFiles = w.DidChangeWatchedFiles.DynamicRegistration
		}
	}
	td := caps.TextDocument
	if td == nil {
		return s
	}
	if ca := td.CodeAction; ca != nil {
		s.actionLiterals = ca.CodeActionLiteralSupport != nil
	}
	if pd := td.PublishDiagnostics; pd != nil {
		s.codeDescription = pd.CodeDescriptionSupport
		s.relatedInformation = pd.RelatedInformation
	}
	if td.Hover != nil {
		s.hoverMarkdown = markdownIn(td.Hover.ContentFormat)
	}
	if td.Completion != nil && td.Completion.CompletionItem != nil {
		item := td.Completion.CompletionItem
		s.snippets = item.SnippetSupport
		s.lazyDocs = item.ResolveSupport != nil && slices.Contains(item.ResolveSupport.Properties, "documentation")
		s.asIs = item.InsertTextModeSupport != nil && slices.Contains(item.InsertTextModeSupport.ValueSet, protocol.InsertTextModeAsIs)
		s.docsMarkdown = markdownIn(item.DocumentationFormat)
		s.deprecatedTag = item.TagSupport != nil && slices.Contains(item.TagSupport.ValueSet, protocol.CompletionItemTagDeprecated)
		s.deprecatedField = item.DeprecatedSupport
	}
	return s
}

// markdownIn reports whether a client's list of formats admits Markdown:
// it names it, or names none.
func markdownIn(formats []protocol.MarkupKind) bool {
	return len(formats) == 0 || slices.Contains(formats, protocol.Markdown)
}

// markup is md as the client takes it: Markdown, or plain text.
func markup(md string, markdown bool) protocol.MarkupContent {
	if markdown {
		return protocol.MarkupContent{Kind: protocol.Markdown, Value: md}
	}
	return protocol.MarkupContent{Kind: protocol.PlainText, Value: hover.PlainText(md)}
}

func (s *Server) support() clientSupport {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client
}
