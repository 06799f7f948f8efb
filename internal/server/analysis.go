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

// newDocument analyses snap; prev, when not nil, is the document's
// previous state, whose parse the analysis reuses where the text did not
// change.
func (s *Server) newDocument(snap *text.Snapshot, prev *document) *document {
	lang := analysis.LanguageOf(snap.Language, string(snap.URI))
	settings := analysis.SettingsOf(s.config())
	if prev == nil {
		return &document{snap: snap, File: analysis.New(lang, snap.Text(), settings)}
	}
	return &document{snap: snap, File: analysis.Edited(prev.File, lang, snap.Text(), settings)}
}
