// document.go defines document: an open document's snapshot with its
// analysis under the configuration in force when it was made.

package server

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// document is one immutable version of an open document.
type document struct {
	snap     *text.Snapshot
	analysis *analysis.File
	run      *run // the analysis's run under the limits
}

// newDocument analyses snap; prev, when not nil, is the document's
// previous state, whose parse the analysis reuses where the text did not
// change.
func (s *Server) newDocument(snap *text.Snapshot, prev *document) *document {
	cfg := s.config()
	lang := analysis.LanguageOf(snap.Language, string(snap.URI))
	r := newRun(cfg.Limits, len(snap.Text()))
	if r.tooLarge() {
		lang = analysis.Unknown // nothing to analyse: diagnostics.go says why
	}
	settings := analysis.SettingsOf(cfg)
	if prev == nil {
		return &document{snap: snap, analysis: analysis.New(lang, snap.Text(), settings), run: r}
	}
	return &document{snap: snap, analysis: analysis.Edited(prev.analysis, lang, snap.Text(), settings), run: r}
}
