// raw.go: a client that writes bytes exactly as given — broken frames,
// bodies that are not JSON — and reads what the server sends frame by
// frame, for the tests of the protocol's faults.

package lsptest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"testing"
	"time"
)

// Raw is a client that speaks bytes, not JSON-RPC.
type Raw struct {
	t      testing.TB
	w      io.Writer
	frames chan received
	nextID int
	notes  []Frame // notifications read while waiting for a response
}

// Frame is one message the server sent, decoded loosely.
type Frame struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int64  `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	JSONRPC string `json:"jsonrpc"`
}

// IsResponse reports whether f answers a request.
func (f Frame) IsResponse() bool { return f.Method == "" }

// NewRaw reads the server's frames from r and writes to w. A frame that is
// not well formed fails the test when it is read: the server must only
// ever send those.
func NewRaw(t testing.TB, r io.Reader, w io.Writer) *Raw {
	c := &Raw{t: t, w: w, frames: make(chan received, 1024)}
	go func() {
		defer close(c.frames)
		br := bufio.NewReader(r)
		for {
			body, err := ReadFrame(br)
			if err == io.EOF {
				return
			}
			var f Frame
			if err == nil {
				if err = json.Unmarshal(body, &f); err == nil && f.JSONRPC != "2.0" {
					err = fmt.Errorf("jsonrpc %q", f.JSONRPC)
				}
				if err != nil {
					err = fmt.Errorf("a bad message %q: %v", body, err)
				}
			}
			c.frames <- received{f, err}
			if err != nil {
				return
			}
		}
	}()
	return c
}

type received struct {
	frame Frame
	err   error
}

// ReadFrame reads one Content-Length framed body, strictly.
func ReadFrame(br *bufio.Reader) ([]byte, error) {
	h, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		if err == io.EOF && len(h) == 0 {
			return nil, io.EOF
		}
		return nil, err
	}
	n, err := strconv.Atoi(h.Get("Content-Length"))
	if err != nil || n <= 0 || len(h) != 1 {
		return nil, fmt.Errorf("header %v", h)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(br, body); err != nil {
		return nil, err
	}
	return body, nil
}

// Send writes b as it is.
func (c *Raw) Send(b []byte) {
	c.t.Helper()
	if _, err := c.w.Write(b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// FrameOf frames body with a Content-Length header.
func FrameOf(body string) []byte {
	return []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

// MessageOf frames v as JSON.
func MessageOf(v interface{}) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return FrameOf(string(b))
}

// Request returns a call of method with params and a fresh numeric id.
func (c *Raw) Request(method string, params interface{}) (int, []byte) {
	c.nextID++
	return c.nextID, MessageOf(map[string]interface{}{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
}

// NotificationOf frames a notification.
func NotificationOf(method string, params interface{}) []byte {
	return MessageOf(map[string]interface{}{"jsonrpc": "2.0", "method": method, "params": params})
}

// Next returns the next frame; it fails the test when none comes in time.
func (c *Raw) Next() Frame {
	c.t.Helper()
	select {
	case r, ok := <-c.frames:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		if r.err != nil {
			c.t.Fatalf("the server sent a bad frame: %v", r.err)
		}
		return r.frame
	case <-time.After(Timeout):
		c.t.Fatal("no message from the server in time")
	}
	return Frame{}
}

// Response returns the next response; the server's notifications on the
// way are kept for Notification.
func (c *Raw) Response() Frame {
	c.t.Helper()
	for {
		f := c.Next()
		if f.IsResponse() {
			return f
		}
		c.notes = append(c.notes, f)
	}
}

// Notification returns the first notification, kept or next, for which
// match is true. No request may be waiting for its answer meanwhile.
func (c *Raw) Notification(match func(Frame) bool) Frame {
	c.t.Helper()
	for i, f := range c.notes {
		if match(f) {
			c.notes = append(c.notes[:i], c.notes[i+1:]...)
			return f
		}
	}
	for {
		f := c.Next()
		if f.IsResponse() {
			c.t.Fatalf("unexpected answer to id %s while waiting for a notification", f.ID)
		}
		if match(f) {
			return f
		}
		c.notes = append(c.notes, f)
	}
}

// Call sends a request and returns its response, which must be the next
// one the server sends.
func (c *Raw) Call(method string, params interface{}) Frame {
	c.t.Helper()
	id, b := c.Request(method, params)
	c.Send(b)
	f := c.Response()
	if string(f.ID) != strconv.Itoa(id) {
		c.t.Fatalf("%s: answer to id %s, want %d", method, f.ID, id)
	}
	return f
}
