// progress.go defines the progress line check draws on stderr during a
// long run on a terminal: "httpcode-lsp: 120/4000 files", redrawn in
// place and erased at the end.

package cli

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// A run is long, and shows progress, when it has more than
// progressMinFiles files or lasts longer than progressDelay.
var (
	progressMinFiles = 200
	progressDelay    = time.Second
	progressTick     = 100 * time.Millisecond
)

type progress struct {
	w     io.Writer
	total int
	n     atomic.Int64
	quit  chan struct{}
	wg    sync.WaitGroup
}

// startProgress starts drawing when stderr is a terminal; otherwise the
// progress does nothing.
func startProgress(env Env, total int) *progress {
	p := &progress{w: env.Stderr, total: total}
	if !env.StderrTerminal || total == 0 {
		return p
	}
	p.quit = make(chan struct{})
	p.wg.Add(1)
	go p.draw()
	return p
}

func (p *progress) draw() {
	defer p.wg.Done()
	shown := false
	show := func() {
		fmt.Fprintf(p.w, "\rhttpcode-lsp: %d/%d files\x1b[K", p.n.Load(), p.total)
		shown = true
	}
	if p.total > progressMinFiles {
		show()
	}
	delay := time.NewTimer(progressDelay)
	defer delay.Stop()
	tick := time.NewTicker(progressTick)
	defer tick.Stop()
	for {
		select {
		case <-p.quit:
			if shown {
				fmt.Fprint(p.w, "\r\x1b[K")
			}
			return
		case <-delay.C:
			show()
		case <-tick.C:
			if shown {
				show()
			}
		}
	}
}

func (p *progress) done() { p.n.Add(1) }

// stop erases the line; output may follow.
func (p *progress) stop() {
	if p.quit != nil {
		close(p.quit)
		p.wg.Wait()
	}
}
