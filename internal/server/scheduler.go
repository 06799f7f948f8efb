// scheduler.go defines scheduler, which decides when open documents are
// analysed and their diagnostics published, and run, one document
// version's analysis under the limits of the configuration.

package server

import (
	"context"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
)

// scheduler runs each document's publication after its delay (the
// debounce while typing; none for a document just opened), cancelling the
// one scheduled for an older version. At most one analysis a CPU runs at a
// time, and a version edited over (or closed) before its turn comes is
// never analysed, so that typing in a document slower to analyse than the
// time budget does not pile analyses up.
//
// Documents over largeDocument wait for slots of their own, one fewer than
// the CPUs (at least one): an analysis already running cannot be stopped,
// and a large one takes seconds, during which a small document must still
// get its analysis and a request a free CPU.
type scheduler struct {
	log      *zap.Logger
	debounce time.Duration
	current  func(*document) bool // whether a document is still the state of its URI
	slots    chan struct{}        // one per analysis that may run at once
	large    chan struct{}        // one per analysis of a large document that may run at once

	mu      sync.Mutex
	pending map[protocol.DocumentURI]func() // cancels a URI's scheduled publication
	running sync.WaitGroup                  // publications scheduled and analyses started, not finished
	stopped bool                            // nothing is scheduled any more
}

// largeDocument is the size from which a document's analysis takes a
// large slot: about 20 ms of analysis.
const largeDocument = 1 << 20

func newScheduler(log *zap.Logger, debounce time.Duration, cpus int, current func(*document) bool) *scheduler {
	return &scheduler{
		log:      log,
		debounce: debounce,
		current:  current,
		slots:    make(chan struct{}, cpus),
		large:    make(chan struct{}, max(1, cpus-1)),
		pending:  map[protocol.DocumentURI]func(){},
	}
}

// schedule runs publish for d after delay, cancelling whatever was
// scheduled for its URI; publish's context is cancelled when a newer
// version is scheduled or the document closes.
func (sc *scheduler) schedule(d *document, delay time.Duration, publish func(context.Context)) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	if stop := sc.pending[d.snap.URI]; stop != nil {
		stop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	sc.running.Add(1)
	run := func() {
		defer sc.running.Done()
		if ctx.Err() == nil {
			publish(ctx)
		}
	}
	var timer *time.Timer
	if delay <= 0 {
		go run()
	} else {
		timer = time.AfterFunc(delay, run)
	}
	sc.pending[d.snap.URI] = func() {
		cancel()
		if timer != nil && timer.Stop() {
			sc.running.Done() // the publication will never run
		}
	}
}

// cancel stops what is scheduled for uri.
func (sc *scheduler) cancel(uri protocol.DocumentURI) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if stop := sc.pending[uri]; stop != nil {
		stop()
		delete(sc.pending, uri)
	}
}

// stop cancels every scheduled publication and schedules no more, for the
// end of the session.
func (sc *scheduler) stop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.stopped = true
	for uri, stop := range sc.pending {
		stop()
		delete(sc.pending, uri)
	}
}

// wait waits until no publication or analysis runs, for at most d: one
// stuck must not keep the process alive.
func (sc *scheduler) wait(d time.Duration) {
	done := make(chan struct{})
	go func() {
		sc.running.Wait()
		close(done)
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		sc.log.Warn("analyses still running at exit")
	}
}

// run is one document version's analysis under the limits: a document
// larger than maxDocumentSize is not analysed, and whoever needs the
// analysis waits for it no longer than analysisTimeout.
type run struct {
	size, maxSize int64
	timeout       time.Duration

	start sync.Once
	done  chan struct{} // closed when the analysis has finished
}

func newRun(l config.Limits, size int) *run {
	return &run{size: int64(size), maxSize: l.MaxSize(), timeout: l.Timeout(), done: make(chan struct{})}
}

func (r *run) tooLarge() bool { return r.size > r.maxSize }

// analysed starts d's analysis and waits for it for at most the analysis
// timeout, or until ctx is done. It reports whether the analysis has
// finished; one that has not goes on, and its results serve the requests
// that come after it.
func (sc *scheduler) analysed(ctx context.Context, d *document) bool {
	r := d.run
	sc.start(d)
	select {
	case <-r.done:
		return true
	default:
	}
	t := time.NewTimer(r.timeout)
	defer t.Stop()
	select {
	case <-r.done:
		return true
	case <-ctx.Done():
		return false
	case <-t.C:
		sc.log.Warn("analysis is over its time budget", zap.String("uri", string(d.snap.URI)),
			zap.Int32("version", d.snap.Version), zap.Duration("timeout", r.timeout))
		return false
	}
}

// start starts d's analysis, once, on a goroutine of its own. The
// analysis waits for a free slot, and is not made at all if d is no longer
// current by then, or once the scheduler is stopped: the end of the
// session waits for the analyses under way (wait), which a publication
// that stopped waiting for its analysis leaves running.
func (sc *scheduler) start(d *document) {
	r := d.run
	r.start.Do(func() {
		sc.mu.Lock()
		stopped := sc.stopped
		if !stopped {
			sc.running.Add(1)
		}
		sc.mu.Unlock()
		if stopped {
			close(r.done)
			return
		}
		go func() {
			defer sc.running.Done()
			defer close(r.done)
			defer func() {
				if p := recover(); p != nil {
					sc.log.Error("analysis panicked", zap.String("uri", string(d.snap.URI)),
						zap.Any("panic", p), zap.ByteString("stack", debug.Stack()))
				}
			}()
			slots := sc.slots
			if r.size > largeDocument {
				slots = sc.large
			}
			slots <- struct{}{}
			defer func() { <-slots }()
			if !sc.current(d) {
				return
			}
			t0 := time.Now()
			d.snap.Text() // flat, here rather than at the next keystroke (text.Snapshot.Apply)
			d.analysis.Findings()
			sc.log.Debug("analysed", zap.String("uri", string(d.snap.URI)), zap.Int32("version", d.snap.Version),
				zap.Duration("took", time.Since(t0)))
		}()
	})
}
