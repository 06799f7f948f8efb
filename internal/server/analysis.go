// analysis.go: an open document is a snapshot and its analysis under the
// configuration in force when it was made.
package server

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// document is one immutable snapshot with its analysis.
type document struct {
	snap *text.Snapshot
	*analysis.File
	budget *budget
}

// newDocument analyses snap; prev, when not nil, is the document's
// previous state, whose parse the analysis reuses outside edit, the edit
// that made snap's text of prev's.
func (s *Server) newDocument(snap *text.Snapshot, prev *document, edit lines.Edit) *document {
	cfg := s.config()
	lang := analysis.LanguageOf(snap.Language, string(snap.URI))
	b := newBudget(cfg.Limits, len(snap.Text()))
	if b.tooLarge() {
		lang = analysis.Unknown // nothing to analyse: limits.go says why
	}
	settings := analysis.SettingsOf(cfg)
	if prev == nil {
		return &document{snap: snap, File: analysis.New(lang, snap.Text(), settings), budget: b}
	}
	return &document{snap: snap, File: analysis.Edited(prev.File, lang, snap.Text(), edit, settings), budget: b}
}
