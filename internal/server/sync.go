// sync.go defines the store of open documents and the notifications that
// change it: textDocument/didOpen, didChange and didClose.

package server

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// openDocuments is the open documents at one moment; it never changes.
type openDocuments map[protocol.DocumentURI]*document

// documents holds the latest state of every open document. Each change
// makes a new map, so that a request keeps the documents as they were when
// it arrived (view) while later notifications are applied.
type documents struct {
	mu   sync.Mutex // orders the writers
	open atomic.Pointer[openDocuments]
}

func newDocuments() *documents {
	ds := &documents{}
	ds.open.Store(&openDocuments{})
	return ds
}

// view returns the open documents as they are now.
func (ds *documents) view() openDocuments { return *ds.open.Load() }

func (ds *documents) get(uri protocol.DocumentURI) (*document, bool) {
	d, ok := ds.view()[uri]
	return d, ok
}

// current reports whether d is its document's state now: not edited
// over, re-configured or closed.
func (ds *documents) current(d *document) bool {
	cur, ok := ds.get(d.snap.URI)
	return ok && cur == d
}

// all returns the open documents.
func (ds *documents) all() []*document {
	open := ds.view()
	out := make([]*document, 0, len(open))
	for _, d := range open {
		out = append(out, d)
	}
	return out
}

// update replaces the document at uri with d (nil: removes it).
func (ds *documents) update(uri protocol.DocumentURI, d *document) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	old := ds.view()
	next := make(openDocuments, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	if d == nil {
		delete(next, uri)
	} else {
		next[uri] = d
	}
	ds.open.Store(&next)
}

func (ds *documents) set(d *document) { ds.update(d.snap.URI, d) }

func (ds *documents) remove(uri protocol.DocumentURI) { ds.update(uri, nil) }

// didOpen stores the document's first snapshot and analyses it at once.
func (s *Server) didOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) {
	td := params.TextDocument
	d := s.newDocument(text.NewSnapshot(td.URI, td.Version, string(td.LanguageID), []byte(td.Text)), nil)
	s.docs.set(d)
	s.analyseOrConfigure(ctx, d, 0)
}

// didChangeParams is textDocument/didChange with optional change ranges:
// protocol's TextDocumentContentChangeEvent cannot tell a full
// replacement from an edit.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *protocol.Range `json:"range"`
		Text  string          `json:"text"`
	} `json:"contentChanges"`
}

func (p *didChangeParams) changes() []text.Change {
	out := make([]text.Change, len(p.ContentChanges))
	for i, c := range p.ContentChanges {
		out[i] = text.Change{Range: c.Range, Text: c.Text}
	}
	return out
}

// didChange applies incremental (or full) changes, and analyses the new
// version once the typing pauses. Changes for a version not newer than the
// current one are dropped: they are stale.
func (s *Server) didChange(ctx context.Context, params *didChangeParams) {
	uri, version := params.TextDocument.URI, params.TextDocument.Version
	d, ok := s.docs.get(uri)
	if !ok {
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(uri)))
		return
	}
	if version <= d.snap.Version {
		s.log.Warn("dropping stale didChange", zap.String("uri", string(uri)),
			zap.Int32("version", version), zap.Int32("current", d.snap.Version))
		return
	}
	next, err := d.snap.Apply(version, params.changes(), s.positionEncoding())
	if err != nil {
		// The document stays as it was; the client will resend it in full
		// if it notices (or on reopen). Logged, never fatal.
		s.log.Error("didChange could not be applied", zap.String("uri", string(uri)), zap.Error(err))
		return
	}
	d = s.newDocument(next, d)
	s.docs.set(d)
	s.analyseOrConfigure(ctx, d, s.sched.debounce)
}

// analyseOrConfigure schedules a document's analysis after delay; the
// workspace's configuration file is instead re-read from the editor's
// text, so that its problems show while it is edited.
func (s *Server) analyseOrConfigure(ctx context.Context, d *document, delay time.Duration) {
	if s.isConfigFile(d.snap.URI) {
		s.loadConfigFile(ctx, d.snap)
		return
	}
	s.schedule(d, delay)
}

// didClose forgets the document and clears its diagnostics. The
// configuration file falls back to the file on disk: what the editor did
// not save is gone with the buffer.
func (s *Server) didClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) {
	uri := params.TextDocument.URI
	s.docs.remove(uri)
	s.clear(uri)
	if s.isConfigFile(uri) {
		s.loadConfigFile(ctx, nil)
	}
}
