// lifecycle.go: initialize, initialized, shutdown and exit.
package server

import (
	"context"
	"encoding/json"
	"slices"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// Initialize answers with the capabilities this server implements and
// UTF-16 positions; handler.go negotiates other encodings on the wire.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	return s.initialize(ctx, params, text.UTF16)
}

func (s *Server) initialize(ctx context.Context, params *protocol.InitializeParams, enc text.Encoding) (*protocol.InitializeResult, error) {
	snippets, lazyDocs := false, false
	if td := params.Capabilities.TextDocument; td != nil && td.Completion != nil && td.Completion.CompletionItem != nil {
		item := td.Completion.CompletionItem
		snippets = item.SnippetSupport
		lazyDocs = item.ResolveSupport != nil && slices.Contains(item.ResolveSupport.Properties, "documentation")
	}
	s.mu.Lock()
	s.state = running
	s.encoding = enc
	s.snippets = snippets
	s.lazyDocs = lazyDocs
	s.layers.root = rootDir(params)
	s.mu.Unlock()
	s.loadConfigFile(ctx, nil)
	if params.InitializationOptions != nil {
		if raw, err := json.Marshal(params.InitializationOptions); err == nil {
			s.setLayer(ctx, func(l *settingsLayers) *json.RawMessage { return &l.init }, raw, "initializationOptions")
		}
	}

	client := "unknown"
	if params.ClientInfo != nil {
		client = params.ClientInfo.Name + " " + params.ClientInfo.Version
	}
	s.log.Info("initialize", zap.String("client", client), zap.String("positionEncoding", enc.String()))

	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindIncremental,
			},
			HoverProvider: true,
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, sourceFixAll},
			},
			CompletionProvider: &protocol.CompletionOptions{
				// Go selectors and calls; quoted OpenAPI response keys.
				TriggerCharacters: []string{".", "(", "'", `"`},
				// An item's documentation, where the client resolves it.
				ResolveProvider: true,
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: Name, Version: s.version},
	}, nil
}

// Initialized needs no work: nothing is registered dynamically.
func (s *Server) Initialized(context.Context, *protocol.InitializedParams) error { return nil }

// Shutdown moves to the state where only exit is accepted.
func (s *Server) Shutdown(context.Context) error {
	s.mu.Lock()
	s.state = shuttingDown
	s.mu.Unlock()
	s.log.Info("shutdown")
	return nil
}

// Exit is handled by the lifecycle gate in handler.go, which ends Serve
// with the right exit code; it never reaches here.
func (s *Server) Exit(context.Context) error { return nil }
