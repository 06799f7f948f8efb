// document.go defines document: an open document's snapshot with its
// analysis under the configuration in force when it was made.

package server

import (
	"sync/atomic"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// document is one immutable version of an open document.
type document struct {
	snap     *text.Snapshot
	analysis *analysis.File
	run      *run // the analysis's run under the limits
	// alone is a Go document's analysis without its package, for the
	// answers given while the package is read (answering); nil for
	// another document, and once the analysis has finished.
	alone atomic.Pointer[analysis.File]

	lastUse   atomic.Int64 // when a request last used it (documents.touch)
	published atomic.Bool  // its diagnostics (or an equal version's) are published
	// hintsEarly: inlay hints of it, or of a version before it not
	// analysed, were answered before its analysis (inlayHint).
	hintsEarly atomic.Bool
}

// newDocument analyses snap; prev, when not nil, is the document's
// previous state, whose parse the analysis reuses outside edit, the span
// of prev's text that snap's replaced.
func (s *Server) newDocument(snap *text.Snapshot, prev *document, edit lines.Edit) *document {
	cfg := s.config()
	lang := analysis.LanguageOf(snap.Language, string(snap.URI))
	r := newRun(cfg.Limits, snap.Len())
	if r.tooLarge() {
		lang = analysis.Unknown // nothing to analyse: diagnostics.go says why
	}
	settings := analysis.SettingsOf(cfg)
	d := &document{snap: snap, run: r}
	switch {
	case lang == analysis.Go:
		pkg, alone := s.goAnalysis(snap.URI, snap.Text(), settings)
		if pkg == nil {
			pkg = analysis.New(lang, snap.Text(), settings)
		}
		d.analysis = pkg
		d.alone.Store(alone)
	case prev == nil:
		d.analysis = analysis.Edited(nil, lang, snap.Source(), edit, settings)
	default:
		d.analysis = analysis.Edited(prev.analysis, lang, snap.Source(), edit, settings)
		d.hintsEarly.Store(prev.hintsEarly.Load())
	}
	s.docs.touch(d)
	return d
}

// analysedBudget is how much text the open documents' analyses may cover
// at once (documents.trim): about 25 bytes of parse per byte of text,
// 200 MB.
const analysedBudget = 8 << 20

// trimAnalyses keeps the open documents' analyses within the budget.
func (s *Server) trimAnalyses() {
	s.docs.trim(s.analysedBudget, func(d *document) *document { return s.newDocument(d.snap, nil, lines.Edit{}) })
}
