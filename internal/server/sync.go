// sync.go: textDocument/didOpen, didChange and didClose, and the store of
// open documents.
package server

import (
	"context"
	"sync"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// documents holds the latest snapshot of every open document.
type documents struct {
	mu   sync.Mutex
	open map[protocol.DocumentURI]*document
}

func newDocuments() *documents {
	return &documents{open: map[protocol.DocumentURI]*document{}}
}

func (ds *documents) get(uri protocol.DocumentURI) (*document, bool) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d, ok := ds.open[uri]
	return d, ok
}

func (ds *documents) set(d *document) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	ds.open[d.snap.URI] = d
}

// all returns the open documents.
func (ds *documents) all() []*document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	out := make([]*document, 0, len(ds.open))
	for _, d := range ds.open {
		out = append(out, d)
	}
	return out
}

func (ds *documents) remove(uri protocol.DocumentURI) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	delete(ds.open, uri)
}

// DidOpen stores the document's first snapshot and publishes its
// diagnostics.
func (s *Server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	td := params.TextDocument
	d := s.newDocument(text.NewSnapshot(td.URI, td.Version, string(td.LanguageID), []byte(td.Text)), nil, lines.Edit{})
	s.docs.set(d)
	s.analyseOrConfigure(ctx, d)
	return nil
}

// didChange applies incremental (or full) changes. Changes for a version
// not newer than the current one are dropped: they are stale.
func (s *Server) didChange(ctx context.Context, params *didChangeParams) error {
	uri, version := params.TextDocument.URI, params.TextDocument.Version
	d, ok := s.docs.get(uri)
	if !ok {
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(uri)))
		return nil
	}
	if version <= d.snap.Version {
		s.log.Warn("dropping stale didChange", zap.String("uri", string(uri)),
			zap.Int32("version", version), zap.Int32("current", d.snap.Version))
		return nil
	}
	next, edit, err := d.snap.Apply(version, params.changes(), s.positionEncoding())
	if err != nil {
		// The document stays as it was; the client will resend it in full
		// if it notices (or on reopen). Logged, never fatal.
		s.log.Error("didChange could not be applied", zap.String("uri", string(uri)), zap.Error(err))
		return nil
	}
	d = s.newDocument(next, d, edit)
	s.docs.set(d)
	s.analyseOrConfigure(ctx, d)
	return nil
}

// analyseOrConfigure schedules a document's analysis; the workspace's
// configuration file is instead re-read from the editor's text, so that
// its problems show while it is edited.
func (s *Server) analyseOrConfigure(ctx context.Context, d *document) {
	if s.isConfigFile(d.snap.URI) {
		s.loadConfigFile(ctx, d.snap)
		return
	}
	s.schedule(d)
}

// DidChange is never reached: handler.go decodes didChange itself because
// protocol's change event cannot tell a full replacement from an edit.
func (s *Server) DidChange(context.Context, *protocol.DidChangeTextDocumentParams) error {
	return errUnreachable("textDocument/didChange")
}

// DidClose forgets the document and clears its diagnostics. The
// configuration file falls back to the file on disk: what the editor did
// not save is gone with the buffer.
func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.docs.remove(params.TextDocument.URI)
	s.clear(ctx, params.TextDocument.URI)
	if s.isConfigFile(params.TextDocument.URI) {
		s.loadConfigFile(ctx, nil)
	}
	return nil
}
