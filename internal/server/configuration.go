// configuration.go: initializationOptions and
// workspace/didChangeConfiguration.
package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// DidChangeConfiguration applies the new settings and re-analyses every
// open document with them.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	if !s.applySettings(params.Settings, "didChangeConfiguration") {
		return nil
	}
	for _, d := range s.docs.all() {
		fresh := s.newDocument(d.snap)
		s.docs.set(fresh)
		s.publish(ctx, fresh)
	}
	return nil
}

// applySettings merges settings (decoded JSON) into the configuration and
// reports whether it changed anything. Bad settings are logged and shown
// to the user; the previous configuration stays in force.
func (s *Server) applySettings(settings interface{}, from string) bool {
	if settings == nil {
		return false
	}
	raw, err := json.Marshal(settings)
	if err == nil {
		var next = s.config()
		if next, err = next.Merge(raw); err == nil {
			s.mu.Lock()
			s.cfg = next
			s.mu.Unlock()
			s.log.Info("configuration", zap.String("from", from), zap.Any("config", next))
			return true
		}
	}
	s.log.Error("ignoring bad settings", zap.String("from", from), zap.Error(err))
	s.showError("httpcode-lsp: ignoring bad " + from + " (previous settings kept): " + err.Error())
	return false
}

// showError tells the user through window/showMessage.
func (s *Server) showError(msg string) {
	client := s.clientConn()
	if client == nil {
		return
	}
	if err := client.ShowMessage(context.Background(), &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg}); err != nil {
		s.log.Warn("showMessage", zap.Error(err))
	}
}
