// load.go: hovers on a small document while the server analyses a big
// one, as when a spec of tens of megabytes is opened and edited next to
// the file being worked on.

package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// hoverInterval is the pace of the hovers under load. They are sent on a
// clock rather than each after the previous answer, so that a server
// stalled for a second is measured by every hover sent meanwhile, not by
// one.
const hoverInterval = 10 * time.Millisecond

// loadResult is what hoverUnderLoad measured.
type loadResult struct {
	hovers  []time.Duration // one per hover sent during the analysis
	hovered int             // hovers that returned something
}

// hoverUnderLoad starts a server, opens big and edits it at once, so that
// an analysis of the edited version is in flight until its diagnostics
// arrive, and opens small straight after, as an editor restoring its tabs
// does; from then until big's diagnostics arrive it hovers on small's
// keys, one every hoverInterval, and times each to its answer.
func hoverUnderLoad(bin string, small, big file) (*loadResult, error) {
	smallSrc, err := os.ReadFile(small.path)
	if err != nil {
		return nil, err
	}
	bigSrc, err := os.ReadFile(big.path)
	if err != nil {
		return nil, err
	}
	smallURI, bigURI := "file://"+small.path, "file://"+big.path
	// The messages are encoded before the server starts: encoding tens of
	// megabytes is the client's time, and would delay the hovers.
	openBig, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen",
		"params": map[string]any{"textDocument": map[string]any{
			"uri": bigURI, "languageId": big.lang, "version": 1, "text": string(bigSrc)}}})
	if err != nil {
		return nil, err
	}
	bigIdx := newLineIndex(bigSrc)
	pos := bigIdx.position(bigSrc, editOffset(big, bigSrc))
	editBig := map[string]any{
		"textDocument":   map[string]any{"uri": bigURI, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": pos, "end": pos}, "text": "x"}},
	}
	openSmall := map[string]any{"textDocument": map[string]any{
		"uri": smallURI, "languageId": small.lang, "version": 1, "text": string(smallSrc)}}
	smallIdx := newLineIndex(smallSrc)
	var hovers []any
	for _, off := range keyOffsets(small, smallSrc) {
		hovers = append(hovers, map[string]any{
			"textDocument": map[string]any{"uri": smallURI}, "position": smallIdx.position(smallSrc, off)})
	}
	if len(hovers) == 0 {
		return nil, fmt.Errorf("%s has no keys to hover on", small.name)
	}

	// The default limits would not analyse a file over 16 MiB, and would
	// give up waiting for its analysis after 10 s, about what the 39 MB
	// takes, publishing a notice in place of its diagnostics: a workspace
	// with such a spec raises both.
	c, err := startInitialized(bin, "", map[string]any{"limits": map[string]any{
		"maxDocumentSize": 2 * big.size, "analysisTimeout": "1m"}})
	if err != nil {
		return nil, err
	}
	defer c.stop()
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))

	analysed := c.expectDiagnostics(bigURI, 2)
	if err := c.writeBody(openBig); err != nil {
		return nil, err
	}
	if err := c.notify("textDocument/didChange", editBig); err != nil {
		return nil, err
	}
	if err := c.notify("textDocument/didOpen", openSmall); err != nil {
		return nil, err
	}

	r := &loadResult{}
	var (
		mu       sync.Mutex
		firstErr error
		answers  sync.WaitGroup
	)
	tick := time.NewTicker(hoverInterval)
	defer tick.Stop()
	deadline := time.After(timeout)
	for i := 0; ; i++ {
		answers.Add(1)
		go func(params any) {
			defer answers.Done()
			t0 := time.Now()
			res, err := c.call("textDocument/hover", params)
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				firstErr = cmp.Or(firstErr, err)
				return
			}
			r.hovers = append(r.hovers, d)
			if string(res) != "null" {
				r.hovered++
			}
		}(hovers[i%len(hovers)])
		select {
		case <-analysed:
			answers.Wait()
			return r, firstErr
		case <-deadline:
			return nil, fmt.Errorf("no diagnostics of %s after %v", big.name, timeout)
		case <-tick.C:
		}
	}
}
