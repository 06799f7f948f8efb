package jsonrpc

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// served runs h on one end of a pipe and returns the client on the other,
// the connection, and a channel that receives Serve's error.
func served(t *testing.T, h Handler) (*lsptest.Raw, *Conn, chan error) {
	t.Helper()
	srvSide, cliSide := net.Pipe()
	conn := NewConn(srvSide, zaptest.NewLogger(t))
	done := make(chan error, 1)
	go func() { done <- conn.Serve(context.Background(), h, time.Second) }()
	t.Cleanup(func() {
		cliSide.Close()
		<-done
	})
	return lsptest.NewRaw(t, cliSide, cliSide), conn, done
}

// TestPanicsAreAnsweredAndServingGoesOn: a handler that panics, before or
// in its Work, gets its call answered InternalError once, and the next
// call is answered as usual.
func TestPanicsAreAnsweredAndServingGoesOn(t *testing.T) {
	c, _, _ := served(t, HandlerFunc(func(_ context.Context, req *Request) Work {
		switch req.Method {
		case "panic/handle":
			panic("boom in Handle")
		case "panic/work":
			return func(context.Context) (any, error) { panic("boom in Work") }
		case "none":
			return nil
		}
		return Answer("ok", nil)
	}))
	for _, m := range []string{"panic/handle", "panic/work"} {
		f := c.Call(m, map[string]any{})
		if f.Error == nil || f.Error.Code != int64(jsonrpc2.InternalError) || !strings.Contains(f.Error.Message, "boom") {
			t.Errorf("%s: %s %+v, want InternalError naming the panic", m, f.Result, f.Error)
		}
	}
	if f := c.Call("none", map[string]any{}); f.Error != nil || string(f.Result) != "null" {
		t.Errorf("a call without Work: %s %+v, want null", f.Result, f.Error)
	}
	if f := c.Call("x", map[string]any{}); f.Error != nil || string(f.Result) != `"ok"` {
		t.Errorf("after the panics: %s %+v", f.Result, f.Error)
	}
}

// TestCallsAreAnsweredConcurrently: a call whose Work blocks does not hold
// back the answer to a later one, and Handle runs in arrival order.
func TestCallsAreAnsweredConcurrently(t *testing.T) {
	release := make(chan struct{})
	var order []string
	c, _, _ := served(t, HandlerFunc(func(_ context.Context, req *Request) Work {
		order = append(order, req.Method) // Handle is never concurrent with itself
		if req.Method == "slow" {
			return func(context.Context) (any, error) { <-release; return "slow", nil }
		}
		return Answer("fast", nil)
	}))
	_, slow := c.Request("slow", map[string]any{})
	c.Send(slow)
	if f := c.Call("fast", map[string]any{}); string(f.Result) != `"fast"` {
		t.Fatalf("the fast call: %s %+v", f.Result, f.Error)
	}
	close(release)
	if f := c.Response(); string(f.Result) != `"slow"` {
		t.Fatalf("the slow call: %s %+v", f.Result, f.Error)
	}
	if strings.Join(order, ",") != "slow,fast" {
		t.Errorf("handled %v", order)
	}
}

// TestCancelRequest: $/cancelRequest, with a numeric or a string id,
// cancels the Work's context, and the call is answered RequestCancelled;
// ids in flight or not, and ids that are no ids, are otherwise ignored.
func TestCancelRequest(t *testing.T) {
	c, _, _ := served(t, HandlerFunc(func(_ context.Context, req *Request) Work {
		return func(ctx context.Context) (any, error) {
			<-ctx.Done()
			return "too late", nil
		}
	}))
	for _, id := range []string{`7`, `"seven"`} {
		c.Send(lsptest.FrameOf(`{"jsonrpc":"2.0","id":` + id + `,"method":"wait","params":{}}`))
		c.Send(lsptest.NotificationOf("$/cancelRequest", map[string]any{"id": 12345}))
		c.Send(lsptest.NotificationOf("$/cancelRequest", map[string]any{"id": []int{1}}))
		c.Send(lsptest.NotificationOf("$/cancelRequest", map[string]any{"id": json.RawMessage(id)}))
		f := c.Response()
		if string(f.ID) != id || f.Error == nil || f.Error.Code != int64(RequestCancelled) {
			t.Errorf("id %s: answered %s %s %+v, want RequestCancelled", id, f.ID, f.Result, f.Error)
		}
	}
}

// TestCallsReadBeforeTheEndAreAnswered: the input may end right after a
// call; Serve answers it before it returns.
func TestCallsReadBeforeTheEndAreAnswered(t *testing.T) {
	in, client := io.Pipe()
	answers, out := io.Pipe()
	conn := NewConn(pipeConn{in, out}, zaptest.NewLogger(t))
	done := make(chan error, 1)
	go func() {
		done <- conn.Serve(context.Background(), HandlerFunc(func(context.Context, *Request) Work {
			return func(context.Context) (any, error) { time.Sleep(50 * time.Millisecond); return 1, nil }
		}), lsptest.Timeout)
	}()
	c := lsptest.NewRaw(t, answers, client)
	_, call := c.Request("slow", map[string]any{})
	c.Send(call)
	client.Close()
	if f := c.Response(); string(f.Result) != "1" {
		t.Errorf("answered %s %+v", f.Result, f.Error)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v, want nil at the end of the input", err)
	}
}

// pipeConn is a byte stream made of two pipes.
type pipeConn struct {
	io.Reader
	io.WriteCloser
}

// TestCallThePeer: Call sends a request and decodes its answer; the end of
// the input ends a Call still waiting.
func TestCallThePeer(t *testing.T) {
	c, conn, _ := served(t, HandlerFunc(func(context.Context, *Request) Work { return nil }))
	answer := make(chan error, 1)
	var got []int
	go func() { answer <- conn.Call(context.Background(), "client/method", map[string]int{"a": 1}, &got) }()
	f := c.Next()
	if f.Method != "client/method" || string(f.Params) != `{"a":1}` {
		t.Fatalf("the peer got %+v", f)
	}
	c.Send(lsptest.FrameOf(`{"jsonrpc":"2.0","id":` + string(f.ID) + `,"result":[4,2]}`))
	if err := <-answer; err != nil || len(got) != 2 || got[0] != 4 {
		t.Fatalf("Call: %v, %v", err, got)
	}

	go func() { answer <- conn.Call(context.Background(), "client/never", nil, nil) }()
	c.Next()
	conn.Close()
	if err := <-answer; err != ErrClosed {
		t.Errorf("a Call the end of the connection leaves unanswered: %v, want ErrClosed", err)
	}
}
