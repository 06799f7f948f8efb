// sync.go defines the store of open documents and the notifications that
// change it: textDocument/didOpen, didChange and didClose.

package server

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// documents holds the latest state of every open document, and the
// notifications of each document that are not yet applied.
//
// A document's notifications are applied one after the other in the order
// they arrive, each once the one before it is done, and off the goroutine
// that reads messages: decoding a didOpen of 40 MB takes a fifth of a
// second, which a hover on another document must not wait for. A request
// waits for the notifications of its document that came before it, and
// then sees the document as they left it.
type documents struct {
	mu   sync.Mutex
	open map[protocol.DocumentURI]*document
	tail map[protocol.DocumentURI]*syncOp // the last notification not yet applied
	uses atomic.Int64                     // the clock of documents' lastUse
}

// syncOp is one document notification in its document's order.
type syncOp struct {
	prev <-chan struct{} // closed when the notification before it is applied
	done chan struct{}   // closed when it is applied
	doc  *document       // the document once it is applied; nil when not open
}

// applied is a closed channel: no notification to wait for.
var applied = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func newDocuments() *documents {
	return &documents{open: map[protocol.DocumentURI]*document{}, tail: map[protocol.DocumentURI]*syncOp{}}
}

// enqueue returns the next notification of uri in arrival order.
func (ds *documents) enqueue(uri protocol.DocumentURI) *syncOp {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	op := &syncOp{prev: applied, done: make(chan struct{})}
	if t := ds.tail[uri]; t != nil {
		op.prev = t.done
	}
	ds.tail[uri] = op
	return op
}

// finish marks op, a notification of uri, applied.
func (ds *documents) finish(uri protocol.DocumentURI, op *syncOp) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	op.doc = ds.open[uri]
	if ds.tail[uri] == op {
		delete(ds.tail, uri)
	}
	close(op.done)
}

// at returns what a request arriving now waits for and then reads: the
// last notification of uri not yet applied, or the document as it is.
func (ds *documents) at(uri protocol.DocumentURI) *syncOp {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if t := ds.tail[uri]; t != nil {
		return t
	}
	return &syncOp{done: applied, doc: ds.open[uri]}
}

// wait returns the document op leaves, once it is applied; nil when ctx
// ends first or the document is not open.
func (op *syncOp) wait(ctx context.Context) *document {
	select {
	case <-op.done:
		return op.doc
	case <-ctx.Done():
		return nil
	}
}

func (ds *documents) get(uri protocol.DocumentURI) (*document, bool) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d, ok := ds.open[uri]
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
	ds.mu.Lock()
	defer ds.mu.Unlock()
	out := make([]*document, 0, len(ds.open))
	for _, d := range ds.open {
		out = append(out, d)
	}
	return out
}

// replace sets the document at uri to what next makes of the one there
// now (nil: not open), under the store's lock, so that an edit and a
// re-configuration of the same document never overwrite each other; next
// must be quick. nil removes the document.
func (ds *documents) replace(uri protocol.DocumentURI, next func(cur *document) *document) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d := next(ds.open[uri])
	if d == nil {
		delete(ds.open, uri)
	} else {
		ds.open[uri] = d
	}
	return d
}

// touch records that d is being used now.
func (ds *documents) touch(d *document) { d.lastUse.Store(ds.uses.Add(1)) }

// trim keeps the analyses of open documents within budget bytes of their
// text: once the analysed documents hold more, those used least recently
// (and whose diagnostics are published) are replaced by unanalysed ones
// made by fresh, which a request analyses again when it needs them, until
// three quarters of the budget are left, so that the next few analyses do
// not each sort the documents again. The document used last keeps its
// analysis whatever its size.
func (ds *documents) trim(budget int, fresh func(*document) *document) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	var analysed []*document
	total := 0
	for _, d := range ds.open {
		if d.analysis.Analysed() && d.published.Load() {
			analysed = append(analysed, d)
			total += d.snap.Len()
		}
	}
	if total <= budget {
		return
	}
	slices.SortFunc(analysed, func(a, b *document) int { return cmp.Compare(b.lastUse.Load(), a.lastUse.Load()) })
	kept := 0
	for i, d := range analysed {
		if size := d.snap.Len(); i == 0 || kept+size <= budget*3/4 {
			kept += size
			continue
		}
		f := fresh(d)
		f.lastUse.Store(d.lastUse.Load())
		f.published.Store(true) // the same text's diagnostics are
		ds.open[d.snap.URI] = f
	}
}

// didOpen stores the document's first snapshot and analyses it at once,
// and the other open documents of its Go package once the debounce has
// passed: the editor's text may not be the file's on disk.
func (s *Server) didOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) {
	td := params.TextDocument
	// The snapshot takes the decoded text's bytes as they are: nothing
	// else holds the string, and a snapshot never changes its text. A
	// copy of tens of megabytes, just after they were decoded, brought
	// the garbage collector round often enough to stall requests.
	src := unsafe.Slice(unsafe.StringData(td.Text), len(td.Text))
	snap := text.NewSnapshot(td.URI, td.Version, string(td.LanguageID), src)
	path, isFile := filePath(td.URI)
	if isFile {
		s.index().Open(path, snap.Source())
	}
	d := s.docs.replace(td.URI, func(*document) *document { return s.newDocument(snap, nil, lines.Edit{}) })
	s.analyseOrConfigure(ctx, d, 0)
	if isFile {
		s.packageChanged([]string{path}, td.URI, s.sched.debounce)
	}
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
// version, and the other open documents of its Go package, once the
// typing pauses. Changes for a version not newer than the
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
	next, edit, err := d.snap.Apply(version, params.changes(), s.positionEncoding())
	if err != nil {
		// The document stays as it was; the client will resend it in full
		// if it notices (or on reopen). Logged, never fatal.
		s.log.Error("didChange could not be applied", zap.String("uri", string(uri)), zap.Error(err))
		return
	}
	// A re-configuration may have replaced d meanwhile, with the same
	// snapshot: the new version builds on whichever is there.
	path, isFile := filePath(uri)
	if isFile {
		s.index().Open(path, next.Source())
	}
	d = s.docs.replace(uri, func(cur *document) *document { return s.newDocument(next, cur, edit) })
	s.analyseOrConfigure(ctx, d, s.sched.debounce)
	if isFile {
		s.packageChanged([]string{path}, uri, s.sched.debounce)
	}
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
// configuration file, and the file in the other open documents of its Go
// package, fall back to the file on disk: what the editor did not save is
// gone with the buffer.
func (s *Server) didClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) {
	uri := params.TextDocument.URI
	s.docs.replace(uri, func(*document) *document { return nil })
	s.clear(uri)
	if path, ok := filePath(uri); ok {
		s.index().Close(path)
		s.packageChanged([]string{path}, uri, 0)
	}
	if s.isConfigFile(uri) {
		s.loadConfigFile(ctx, nil)
	}
}
