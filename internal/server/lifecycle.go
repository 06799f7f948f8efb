// lifecycle.go defines initialize and shutdown; dispatch.go's Handle
// enforces the lifecycle rules and handles exit.

package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/jsonrpc"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// initialize negotiates the position encoding (LSP 3.17, which
// go.lsp.dev/protocol v0.12 does not model) and the client's completion
// support, loads the configuration and answers with the capabilities this
// server implements.
func initialize(s *Server, ctx context.Context, raw json.RawMessage) (jsonrpc.Work, error) {
	var p protocol.InitializeParams
	var ext struct {
		Capabilities struct {
			General struct {
				PositionEncodings []string `json:"positionEncodings"`
			} `json:"general"`
			Workspace struct {
				InlayHint struct {
					RefreshSupport bool `json:"refreshSupport"`
				} `json:"inlayHint"`
			} `json:"workspace"`
		} `json:"capabilities"`
	}
	if err := jsonrpc.DecodeParams(raw, &p, &ext); err != nil {
		return nil, err
	}
	enc := negotiateEncoding(ext.Capabilities.General.PositionEncodings)
	s.mu.Lock()
	s.hintRefresh = ext.Capabilities.Workspace.InlayHint.RefreshSupport
	s.mu.Unlock()
	result := s.initialize(ctx, &p, enc)
	return jsonrpc.Answer(initializeResult{
		Capabilities: capabilities{ServerCapabilities: result.Capabilities, PositionEncoding: enc.String(), InlayHintProvider: true},
		ServerInfo:   result.ServerInfo,
	}, nil), nil
}

func (s *Server) initialize(ctx context.Context, params *protocol.InitializeParams, enc text.Encoding) *protocol.InitializeResult {
	s.mu.Lock()
	s.state = running
	s.encoding = enc
	s.client = supportOf(params.Capabilities)
	roots := rootDirs(params)
	if len(roots) > 0 {
		s.layers.root = roots[0]
	}
	s.ws = workspace.New(roots, workspace.Options{})
	s.ws.OnChange(s.contractChanged)
	s.mu.Unlock()
	if params.InitializationOptions != nil {
		if raw, err := json.Marshal(params.InitializationOptions); err == nil {
			s.setLayer(ctx, func(l *settingsLayers) *json.RawMessage { return &l.init }, raw, "initializationOptions")
		}
	}
	// The file is read off the goroutine that reads messages, and the
	// documents wait for it (synced), the other requests do not.
	go func() {
		defer close(s.configured)
		s.loadConfigFile(context.WithoutCancel(ctx), nil)
	}()

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
			HoverProvider:      true,
			DefinitionProvider: true,
			ReferencesProvider: true,
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, sourceFixAll},
			},
			ExecuteCommandProvider: &protocol.ExecuteCommandOptions{Commands: []string{applyFixCommand}},
			CompletionProvider: &protocol.CompletionOptions{
				// Go selectors and calls; quoted OpenAPI response keys.
				TriggerCharacters: []string{".", "(", "'", `"`},
				// An item's documentation, where the client resolves it.
				ResolveProvider: true,
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: Name, Version: s.version},
	}
}

// shutdown moves to the state where only exit is accepted.
func (s *Server) shutdown(context.Context, *noParams) (any, error) {
	s.mu.Lock()
	s.state = shuttingDown
	s.mu.Unlock()
	s.log.Info("shutdown")
	return nil, nil
}

// negotiateEncoding picks the position encoding from the client's list:
// UTF-8 when offered (no conversion cost), else UTF-16, the LSP default.
func negotiateEncoding(offered []string) text.Encoding {
	for _, o := range offered {
		if e, ok := text.ParseEncoding(o); ok && e == text.UTF8 {
			return e
		}
	}
	return text.UTF16
}

// initializeResult adds LSP 3.17's positionEncoding and inlay hints to
// protocol's result.
type initializeResult struct {
	Capabilities capabilities         `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

type capabilities struct {
	protocol.ServerCapabilities
	PositionEncoding  string `json:"positionEncoding,omitempty"`
	InlayHintProvider bool   `json:"inlayHintProvider,omitempty"`
}
