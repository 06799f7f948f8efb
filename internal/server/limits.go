// limits.go: the limits on the work spent on one document (config's
// limits). A document larger than maxDocumentSize is not analysed; hover,
// completion, code actions and diagnostics wait for an analysis no longer
// than analysisTimeout and then answer with what they have. Either way one
// diagnostic on the document says so.
package server

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
)

// budget is one document version's share of the limits.
type budget struct {
	size, maxSize int64
	timeout       time.Duration

	start sync.Once
	done  chan struct{} // closed when the analysis has finished
}

func newBudget(l config.Limits, size int) *budget {
	return &budget{size: int64(size), maxSize: l.MaxSize(), timeout: l.Timeout(), done: make(chan struct{})}
}

func (b *budget) tooLarge() bool { return b.size > b.maxSize }

// analysed starts d's analysis, once, on a goroutine of its own and waits
// for it for at most the analysis timeout, or until ctx is cancelled. It
// reports whether the analysis has finished; one that has not goes on,
// and its results serve the requests that come after it. At most one
// analysis a CPU runs at a time; one whose document has changed (or
// closed) before its turn comes is not made at all, so that typing in a
// document slower to analyse than the timeout does not pile analyses up.
func (s *Server) analysed(ctx context.Context, d *document) bool {
	b := d.budget
	b.start.Do(func() {
		go func() {
			defer close(b.done)
			defer func() {
				if r := recover(); r != nil {
					s.log.Error("analysis panicked", zap.String("uri", string(d.snap.URI)),
						zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
				}
			}()
			s.analyses <- struct{}{}
			defer func() { <-s.analyses }()
			if !s.current(d) {
				return
			}
			t0 := time.Now()
			d.Findings()
			s.log.Debug("analysed", zap.String("uri", string(d.snap.URI)), zap.Int32("version", d.snap.Version),
				zap.Duration("took", time.Since(t0)))
		}()
	})
	select {
	case <-b.done:
		return true
	default:
	}
	t := time.NewTimer(b.timeout)
	defer t.Stop()
	select {
	case <-b.done:
		return true
	case <-ctx.Done():
		return false
	case <-t.C:
		s.log.Warn("analysis is over its time budget", zap.String("uri", string(d.snap.URI)),
			zap.Int32("version", d.snap.Version), zap.Duration("timeout", b.timeout))
		return false
	}
}

// diagnosticsWithin returns d's diagnostics once its analysis has
// finished. An analysis over its time budget is first reported by a
// diagnostic of its own, published at once; false when d is superseded or
// closed meanwhile.
func (s *Server) diagnosticsWithin(ctx context.Context, d *document) ([]protocol.Diagnostic, bool) {
	if d.budget.tooLarge() {
		return []protocol.Diagnostic{limitDiagnostic(fmt.Sprintf(
			"httpcode-lsp does not analyse this file: its %s are more than limits.maxDocumentSize (%s)",
			megabytes(d.budget.size), megabytes(d.budget.maxSize)))}, true
	}
	if !s.analysed(ctx, d) {
		s.publish(ctx, d, []protocol.Diagnostic{limitDiagnostic(fmt.Sprintf(
			"httpcode-lsp's analysis of this file is taking longer than limits.analysisTimeout (%s): "+
				"hover, completion and diagnostics are missing until it finishes", d.budget.timeout))})
		select {
		case <-d.budget.done:
		case <-ctx.Done():
			return nil, false
		}
	}
	if ctx.Err() != nil {
		return nil, false // superseded: its analysis may not have been made
	}
	return s.diagnostics(d, d.Findings()), true
}

func limitDiagnostic(msg string) protocol.Diagnostic {
	return protocol.Diagnostic{Severity: protocol.DiagnosticSeverityInformation, Code: "limits", Source: Name, Message: msg}
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
