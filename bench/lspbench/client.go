// client.go: a minimal LSP client over a server process's stdio, written
// for timing: frames are encoded and read directly, requests from the
// server are answered with null, and publishDiagnostics notifications are
// handed to whoever waits for a document's version.

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/bench/internal/proc"
)

// timeout bounds every wait, so that a hung server fails the run.
const timeout = 120 * time.Second

// message is any JSON-RPC message.
type message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  json.RawMessage `json:"error,omitempty"`
}

// published is one publishDiagnostics notification.
type published struct {
	URI         string            `json:"uri"`
	Version     int               `json:"version"`
	Diagnostics []json.RawMessage `json:"diagnostics"`
}

type client struct {
	cmd *exec.Cmd
	in  io.WriteCloser

	wmu sync.Mutex
	mu  sync.Mutex
	id  int
	// waiting holds a channel per request id and per document version
	// whose diagnostics are awaited.
	replies map[string]chan message
	diags   map[string]chan published
	readErr error
}

// start runs the server binary with args.
func start(bin string, args ...string) (*client, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &client{cmd: cmd, in: in, replies: map[string]chan message{}, diags: map[string]chan published{}}
	go c.read(bufio.NewReaderSize(out, 1<<20))
	return c, nil
}

func (c *client) read(r *bufio.Reader) {
	for {
		m, err := readFrame(r)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.mu.Unlock()
			return
		}
		switch {
		case m.Method != "" && m.ID != nil:
			// A request from the server: accept whatever it asks.
			c.write(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
		case m.Method == "textDocument/publishDiagnostics":
			var p published
			if json.Unmarshal(m.Params, &p) == nil {
				c.mu.Lock()
				ch := c.diags[diagKey(p.URI, p.Version)]
				delete(c.diags, diagKey(p.URI, p.Version))
				c.mu.Unlock()
				if ch != nil {
					ch <- p
				}
			}
		case m.Method == "":
			c.mu.Lock()
			ch := c.replies[string(m.ID)]
			delete(c.replies, string(m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		}
	}
}

func readFrame(r *bufio.Reader) (message, error) {
	n := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return message{}, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(strings.ToLower(line), "content-length:"); ok {
			n, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if n < 0 {
		return message{}, fmt.Errorf("frame without Content-Length")
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return message{}, err
	}
	var m message
	return m, json.Unmarshal(body, &m)
}

func (c *client) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.writeBody(body)
}

// writeBody sends an encoded message.
func (c *client) writeBody(body []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err := c.in.Write(body)
	return err
}

func diagKey(uri string, version int) string { return uri + "@" + strconv.Itoa(version) }

// expectDiagnostics registers interest in a version's diagnostics; it
// must be called before the message that causes them is sent.
func (c *client) expectDiagnostics(uri string, version int) chan published {
	ch := make(chan published, 1)
	c.mu.Lock()
	c.diags[diagKey(uri, version)] = ch
	c.mu.Unlock()
	return ch
}

func wait[T any](ch chan T, what string) (T, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		var zero T
		return zero, fmt.Errorf("no %s after %v", what, timeout)
	}
}

// call sends a request and waits for its reply.
func (c *client) call(method string, params any) (json.RawMessage, error) {
	c.mu.Lock()
	c.id++
	n := c.id
	id := strconv.Itoa(n)
	ch := make(chan message, 1)
	c.replies[id] = ch
	c.mu.Unlock()
	if err := c.write(map[string]any{"jsonrpc": "2.0", "id": n, "method": method, "params": params}); err != nil {
		return nil, err
	}
	m, err := wait(ch, method+" reply")
	if err != nil {
		return nil, err
	}
	if m.Error != nil {
		return nil, fmt.Errorf("%s: %s", method, m.Error)
	}
	return m.Result, nil
}

func (c *client) notify(method string, params any) error {
	return c.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// peakRSS returns the server's peak resident set size in bytes.
func (c *client) peakRSS() int64 { return proc.PeakRSS(c.cmd.Process.Pid) }

// stop shuts the server down.
func (c *client) stop() {
	if _, err := c.call("shutdown", nil); err == nil {
		c.notify("exit", nil)
	}
	c.in.Close()
	done := make(chan struct{})
	go func() { c.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		c.cmd.Process.Kill()
		<-done
	}
}
