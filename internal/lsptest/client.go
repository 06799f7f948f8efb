package lsptest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Timeout bounds every call, so that a hung server fails the test instead
// of hanging it.
const Timeout = 20 * time.Second

// Client is a fake editor.
type Client struct {
	t    testing.TB
	conn jsonrpc2.Conn

	mu            sync.Mutex
	notifications []Notification
}

// Notification is one message the server sent to the client.
type Notification struct {
	Method string
	Params json.RawMessage
}

// New starts a client on rwc. The connection is closed when the test ends.
func New(t testing.TB, rwc io.ReadWriteCloser) *Client {
	t.Helper()
	c := &Client{t: t, conn: jsonrpc2.NewConn(jsonrpc2.NewStream(rwc))}
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		c.mu.Lock()
		// Copies: the method and params point into the connection's
		// read buffer, which they would keep alive whole.
		params := append(json.RawMessage(nil), req.Params()...)
		c.notifications = append(c.notifications, Notification{strings.Clone(req.Method()), params})
		c.mu.Unlock()
		if req.Method() == "workspace/applyEdit" {
			// An editor applies the edit; the test reads it from the
			// notifications.
			return reply(ctx, map[string]bool{"applied": true}, nil)
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// Call sends a request and decodes its result into result (may be nil).
func (c *Client) Call(method string, params, result interface{}) error {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

// MustCall is Call that fails the test on error.
func (c *Client) MustCall(method string, params, result interface{}) {
	c.t.Helper()
	if err := c.Call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params interface{}) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	if err := c.conn.Notify(ctx, method, params); err != nil {
		c.t.Fatalf("notify %s: %v", method, err)
	}
}

// Close closes the client's side of the stream.
func (c *Client) Close() error { return c.conn.Close() }

// Initialize runs initialize and initialized with the given client
// capabilities (raw JSON, may be "{}") and returns the raw result.
func (c *Client) Initialize(capabilities string) map[string]interface{} {
	c.t.Helper()
	var result map[string]interface{}
	params := map[string]interface{}{
		"processId":    nil,
		"rootUri":      nil,
		"clientInfo":   map[string]string{"name": "lsptest", "version": "1"},
		"capabilities": json.RawMessage(capabilities),
	}
	c.MustCall("initialize", params, &result)
	c.Notify("initialized", map[string]interface{}{})
	return result
}

// Open sends didOpen for a document at version 1.
func (c *Client) Open(uri, languageID, text string) {
	c.t.Helper()
	c.Notify("textDocument/didOpen", map[string]interface{}{
		"textDocument": map[string]interface{}{"uri": uri, "languageId": languageID, "version": 1, "text": text},
	})
}

// Hover asks for the hover at pos; nil when the server has none.
func (c *Client) Hover(uri string, pos protocol.Position) *protocol.Hover {
	c.t.Helper()
	var h *protocol.Hover
	c.MustCall("textDocument/hover", map[string]interface{}{
		"textDocument": map[string]string{"uri": uri}, "position": pos,
	}, &h)
	return h
}

// Completion asks for completions at pos.
func (c *Client) Completion(uri string, pos protocol.Position) *protocol.CompletionList {
	c.t.Helper()
	var l protocol.CompletionList
	c.MustCall("textDocument/completion", map[string]interface{}{
		"textDocument": map[string]string{"uri": uri}, "position": pos,
	}, &l)
	return &l
}

// Notifications returns what the server has sent so far.
func (c *Client) Notifications() []Notification {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Notification(nil), c.notifications...)
}

// ForgetNotifications drops what the server has sent so far, so that a
// long test can measure the memory the server holds.
func (c *Client) ForgetNotifications() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.notifications = nil
}

// ErrorCode returns the JSON-RPC code of an error from Call, or 0.
func ErrorCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// Marker is the cursor marker in test text.
const Marker = "|"

// Cursor removes the first Marker from text and returns the text and the
// marker's LSP position in UTF-16 code units.
func Cursor(t testing.TB, text string) (string, protocol.Position) {
	t.Helper()
	i := strings.Index(text, Marker)
	if i < 0 {
		t.Fatalf("no %q marker in %q", Marker, text)
	}
	return text[:i] + text[i+len(Marker):], PositionOf(text, i, "utf-16")
}

// PositionOf converts a byte offset of text into an LSP position in the
// given encoding ("utf-16", "utf-8" or "utf-32"). It is a deliberately
// simple reference implementation: lines end at \n, \r\n or \r.
func PositionOf(text string, offset int, encoding string) protocol.Position {
	var line, char uint32
	for i := 0; i < offset; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n', r == '\r' && !strings.HasPrefix(text[i+1:], "\n"):
			line, char = line+1, 0
		case r == '\r':
			// the \n that follows ends the line
		case encoding == "utf-8":
			char += uint32(size)
		case encoding == "utf-32":
			char++
		default:
			char += uint32(len(utf16.Encode([]rune{r})))
		}
		i += size
	}
	return protocol.Position{Line: line, Character: char}
}
