// diagnostics.go defines textDocument/publishDiagnostics: a document's
// findings, and the limits' own diagnostics, published while their version
// is still the document's current one.

package server

import (
	"bytes"
	"context"
	"fmt"
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
func (s *Server) diagnostics(d *document, findings []lint.Finding) iter.Seq[protocol.Diagnostic] {
	return func(yield func(protocol.Diagnostic) bool) {
		enc, client := s.positionEncoding(), s.support()
		starts, ends, related := d.snap.Positions(enc), d.snap.Positions(enc), d.snap.Positions(enc)
		for _, f := range findings {
			diag := protocol.Diagnostic{
				Range:    protocol.Range{Start: starts.Position(f.Start), End: ends.Position(f.End)},
				Severity: protocol.DiagnosticSeverity(f.Severity),
				Code:     f.RuleID,
				Source:   Name,
				Message:  f.Message,
			}
			if f.URL != "" && client.codeDescription {
				diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(f.URL)}
			}
			if client.relatedInformation {
				for _, r := range f.Related {
					loc := protocol.Location{URI: d.snap.URI, Range: protocol.Range{Start: related.Position(r.Start), End: related.Position(r.End)}}
					if r.Path != "" {
						var ok bool
						if loc, ok = s.relatedElsewhere(r); !ok {
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

// send publishes diagnostics; a version below 0 (which a client may send)
// is published as 0, no version. They are encoded a chunk at a time into
// the pieces of the message, which are written as they are.
func (s *Server) send(uri protocol.DocumentURI, version int32, diags iter.Seq[protocol.Diagnostic]) {
	conn := s.connection()
	if conn == nil {
		return
	}
	// The params with no diagnostics end in "[]}": the diagnostics go
	// between the brackets.
	head, err := fastjson.Marshal(&protocol.PublishDiagnosticsParams{
		URI: uri, Version: uint32(max(version, 0)), Diagnostics: []protocol.Diagnostic{}})
	if err != nil {
		s.log.Warn("encode diagnostics", zap.Error(err))
		return
	}
	pieces := [][]byte{head[:len(head)-2]}
	chunk := make([]protocol.Diagnostic, 0, diagnosticsChunk)
	// Each chunk is encoded into buf, and its piece is a copy of the
	// encoding's size: the buffers Marshal returns are twice as large.
	var buf bytes.Buffer
	enc := fastjson.NewEncoder(&buf)
	encode := func() bool {
		buf.Reset()
		if err := enc.Encode(chunk); err != nil {
			s.log.Warn("encode diagnostics", zap.Error(err))
			return false
		}
		if len(pieces) > 1 {
			pieces = append(pieces, []byte(","))
		}
		b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		pieces = append(pieces, bytes.Clone(b[1:len(b)-1]))
		chunk = chunk[:0]
		return true
	}
	for diag := range diags {
		if chunk = append(chunk, diag); len(chunk) == cap(chunk) && !encode() {
			return
		}
	}
	if len(chunk) > 0 && !encode() {
		return
	}
	pieces = append(pieces, []byte("]}"))
	if err := conn.NotifyEncoded(protocol.MethodTextDocumentPublishDiagnostics, pieces...); err != nil {
		s.log.Warn("notify the client", zap.String("method", protocol.MethodTextDocumentPublishDiagnostics), zap.Error(err))
	}
}
