// analysis.go: an open document is a snapshot and its analysis under the
// configuration in force when it was made.
package server

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// document is one immutable snapshot with its analysis.
type document struct {
	snap *text.Snapshot
	*analysis.File
}

func (s *Server) newDocument(snap *text.Snapshot) *document {
	lang := analysis.LanguageOf(snap.Language, string(snap.URI))
	return &document{snap: snap, File: analysis.New(lang, snap.Text(), analysis.SettingsOf(s.config()))}
}
