// diagnostics.go defines textDocument/publishDiagnostics: a document's
// findings, and the limits' own diagnostics, published while their version
// is still the document's current one.

package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"sort"
	"time"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// schedule publishes d's diagnostics after delay. A Go document whose
// package is not read within fileFirst has the diagnostics of the file
// alone published first, and its own once they are made.
func (s *Server) schedule(d *document, delay time.Duration) {
	s.sched.schedule(d, delay, func(ctx context.Context) {
		if alone := s.late(ctx, d); alone != nil {
			s.publish(ctx, d, s.diagnostics(d, alone.Findings()))
		}
		for {
			view := s.contractView()
			diags, ok := s.diagnosticsWithin(ctx, d)
			if !ok {
				return
			}
			s.publish(ctx, d, diags)
			d.alone.Store(nil)
			d.published.Store(true)
			if d.hintsEarly.Swap(false) {
				s.refreshHints() // they lacked the codes being typed
			}
			s.trimAnalyses()
			// A contract view built meanwhile passed d by, as it was not
			// yet published (buildContract): publish again with it.
			if s.contractView() == view {
				return
			}
		}
	})
}

// diagnosticsWithin returns d's diagnostics once its analysis has
// finished. A document over the size limit gets one diagnostic that says
// so; an analysis over its time budget is first reported by a diagnostic
// of its own, published at once. False when d is superseded or closed
// meanwhile.
func (s *Server) diagnosticsWithin(ctx context.Context, d *document) (iter.Seq[protocol.Diagnostic], bool) {
	if d.run.tooLarge() {
		return slices.Values([]protocol.Diagnostic{limitDiagnostic(analysis.TooLargeMessage(d.run.size, d.run.maxSize))}), true
	}
	if !s.sched.analysed(ctx, d) {
		s.publish(ctx, d, slices.Values([]protocol.Diagnostic{limitDiagnostic(fmt.Sprintf(
			"httpcode-lsp's analysis of this file is taking longer than limits.analysisTimeout (%s): "+
				"hover, completion and diagnostics are missing until it finishes", d.run.timeout))}))
		select {
		case <-d.run.done:
		case <-ctx.Done():
			return nil, false
		}
	}
	if ctx.Err() != nil {
		return nil, false // superseded: its analysis may not have been made
	}
	return s.diagnostics(d, s.findings(d)), true
}

// findings are d's analysis's findings and the contract's in d, ordered
// by their start.
func (s *Server) findings(d *document) []lint.Finding {
	own := d.analysis.Findings()
	more := s.contractFindings(d)
	if len(more) == 0 {
		return own
	}
	all := append(append(make([]lint.Finding, 0, len(own)+len(more)), own...), more...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return all
}

func limitDiagnostic(msg string) protocol.Diagnostic {
	return protocol.Diagnostic{Severity: protocol.DiagnosticSeverityInformation, Code: analysis.LimitsID, Source: Name, Message: msg}
}

// publish sends d's diagnostics if d is still the document's current
// state.
func (s *Server) publish(ctx context.Context, d *document, diags iter.Seq[protocol.Diagnostic]) {
	s.publishing.Lock()
	defer s.publishing.Unlock()
	if ctx.Err() != nil || !s.docs.current(d) {
		return // superseded, re-configured or closed meanwhile
	}
	s.send(d.snap.URI, d.snap.Version, diags)
}

// diagnostics converts findings to protocol diagnostics, one at a time
// as they are encoded: a document may have 200,000. Findings come sorted
// by their start, so their starts, their ends and their related places
// each make a sequence that mostly increases: one converter each walks a
// long line once, not once per finding.
//
// The sequence is the same each time it is ranged over, which send's
// two passes rely on: the contract view places in other files are read
// from is the one current when it was made.
func (s *Server) diagnostics(d *document, findings []lint.Finding) iter.Seq[protocol.Diagnostic] {
	enc, client, view := s.positionEncoding(), s.support(), s.contractView()
	return func(yield func(protocol.Diagnostic) bool) {
		starts, ends, related := d.snap.Positions(enc), d.snap.Positions(enc), d.snap.Positions(enc)
		for _, f := range findings {
			diag := protocol.Diagnostic{
				Range:    protocol.Range{Start: starts.Position(f.Start), End: ends.Position(f.End)},
				Severity: protocol.DiagnosticSeverity(f.Severity),
				Code:     f.RuleID,
				Source:   Name,
				Message:  f.Message,
			}
			if url := f.URL(); url != "" && client.codeDescription {
				diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(url)}
			}
			if client.relatedInformation {
				for _, r := range f.Related {
					loc := protocol.Location{URI: d.snap.URI, Range: protocol.Range{Start: related.Position(r.Start), End: related.Position(r.End)}}
					if r.Path != "" {
						var ok bool
						if loc, ok = relatedElsewhere(view, r, enc); !ok {
							continue
						}
					}
					diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{Location: loc, Message: r.Message})
				}
			}
			if !yield(diag) {
				return
			}
		}
	}
}

// clear removes a closed document's diagnostics from the editor.
func (s *Server) clear(uri protocol.DocumentURI) {
	s.sched.cancel(uri)
	s.publishing.Lock()
	defer s.publishing.Unlock()
	s.send(uri, 0, slices.Values([]protocol.Diagnostic(nil)))
}

// diagnosticsChunk is how many diagnostics are encoded at once.
const diagnosticsChunk = 256

// heldDiagnostics is the most encoded diagnostics send holds to write
// at once. Past it, their size is counted and they are encoded again as
// they are written: 200,000 diagnostics take 110 MB encoded, as much as
// their document's analysis.
var heldDiagnostics = 4 << 20

// send publishes diagnostics; a version below 0 (which a client may send)
// is published as 0, no version. They are encoded a chunk at a time into
// the pieces of the message, written as they are; once the pieces pass
// heldDiagnostics, the rest is only counted, and encoded again while the
// message is written.
func (s *Server) send(uri protocol.DocumentURI, version int32, diags iter.Seq[protocol.Diagnostic]) {
	conn := s.connection()
	if conn == nil {
		return
	}
	// The params with no diagnostics end in "]}": the diagnostics go
	// between the brackets.
	head, err := fastjson.Marshal(&protocol.PublishDiagnosticsParams{
		URI: uri, Version: uint32(max(version, 0)), Diagnostics: []protocol.Diagnostic{}})
	if err != nil {
		s.log.Warn("encode diagnostics", zap.Error(err))
		return
	}
	head = head[:len(head)-2]
	tail := []byte("]}")
	pieces, size, held := [][]byte{head}, len(head), 0
	counting := false
	enc := newChunkEncoder()
	err = enc.each(diags, func(piece []byte, n int) error {
		size += len(piece)
		if counting = counting || size > heldDiagnostics; !counting {
			pieces, held = append(pieces, bytes.Clone(piece)), held+n
		}
		return nil
	})
	if err != nil {
		s.log.Warn("encode diagnostics", zap.Error(err))
		return
	}
	method := protocol.MethodTextDocumentPublishDiagnostics
	if !counting {
		err = conn.NotifyEncoded(method, append(pieces, tail)...)
	} else {
		err = conn.NotifyStream(method, size+len(tail), func(w io.Writer) error {
			for _, p := range pieces {
				if _, err := w.Write(p); err != nil {
					return err
				}
			}
			enc := newChunkEncoder()
			enc.skip(held)
			if err := enc.each(diags, func(piece []byte, _ int) error {
				_, err := w.Write(piece)
				return err
			}); err != nil {
				return err
			}
			_, err := w.Write(tail)
			return err
		})
	}
	if err != nil {
		s.log.Warn("notify the client", zap.String("method", method), zap.Error(err))
	}
}

// chunkEncoder encodes diagnostics as the elements of a JSON array, a
// chunk at a time: each chunk's piece holds its elements, after a comma
// unless it is the first.
type chunkEncoder struct {
	buf     bytes.Buffer
	enc     *fastjson.Encoder
	chunk   []protocol.Diagnostic
	skipped int // diagnostics to pass over before the first chunk
	pieces  int
}

func newChunkEncoder() *chunkEncoder {
	c := &chunkEncoder{chunk: make([]protocol.Diagnostic, 0, diagnosticsChunk)}
	c.enc = fastjson.NewEncoder(&c.buf)
	return c
}

// skip passes over the first n diagnostics, encoded already in chunks:
// the chunks that follow are those an encoding of all makes.
func (c *chunkEncoder) skip(n int) {
	c.skipped = n
	if n > 0 {
		c.pieces = 1
	}
}

// each encodes the diagnostics of diags past the skipped ones and calls
// emit with each chunk's piece (valid until the next call) and the
// number of diagnostics in it.
func (c *chunkEncoder) each(diags iter.Seq[protocol.Diagnostic], emit func(piece []byte, n int) error) error {
	var err error
	i := 0
	for diag := range diags {
		if i++; i <= c.skipped {
			continue
		}
		if c.chunk = append(c.chunk, diag); len(c.chunk) == cap(c.chunk) {
			if err = c.encode(emit); err != nil {
				return err
			}
		}
	}
	if len(c.chunk) > 0 {
		err = c.encode(emit)
	}
	return err
}

func (c *chunkEncoder) encode(emit func(piece []byte, n int) error) error {
	c.buf.Reset()
	if c.pieces > 0 {
		c.buf.WriteByte(',')
	}
	at := c.buf.Len()
	if err := c.enc.Encode(c.chunk); err != nil {
		return err
	}
	// Encode wrote "[...]\n" after the comma: the elements, inside the
	// brackets, are moved over the "[".
	b := c.buf.Bytes()
	copy(b[at:], b[at+1:len(b)-2])
	piece := b[:len(b)-3]
	c.pieces++
	n := len(c.chunk)
	c.chunk = c.chunk[:0]
	return emit(piece, n)
}
