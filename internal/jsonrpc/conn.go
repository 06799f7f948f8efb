// conn.go defines Conn: one connection's read loop, the answers to the
// calls it reads, their cancellation, and the messages sent to the peer.

package jsonrpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"runtime/trace"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// RequestCancelled answers a call that $/cancelRequest cancelled before it
// was answered (LSP's code; JSON-RPC 2.0 defines none).
const RequestCancelled jsonrpc2.Code = -32800

// cancelMethod is the notification that cancels a call in flight. Conn
// handles it itself: a cancellation must not wait behind anything.
const cancelMethod = "$/cancelRequest"

// Work computes the answer to a message. It runs on a goroutine of its
// own, concurrently with the messages read after it; its result and error
// answer a call, and are dropped for a notification. A call's context is
// cancelled by $/cancelRequest.
type Work func(ctx context.Context) (result any, err error)

// Answer is Work that answers at once with result and err.
func Answer(result any, err error) Work {
	return func(context.Context) (any, error) { return result, err }
}

// Handler is what a connection hands the requests and notifications it
// reads to.
type Handler interface {
	// Handle is called for each message, in the order they arrive, on the
	// goroutine that reads them: what it does before it returns is done
	// before the next message is read. The Work it returns, if any, runs
	// concurrently; a call it returns no Work for is answered null.
	Handle(ctx context.Context, req *Request) Work
}

// HandlerFunc is a function that is a Handler.
type HandlerFunc func(ctx context.Context, req *Request) Work

// Handle implements Handler.
func (f HandlerFunc) Handle(ctx context.Context, req *Request) Work { return f(ctx, req) }

// Conn is one JSON-RPC 2.0 connection over a byte stream framed as LSP's
// base protocol says. Every call read is answered exactly once, whatever
// its handler does (panics included); answers leave in the order they are
// ready, as JSON-RPC allows.
type Conn struct {
	s   *stream
	log *zap.Logger

	mu       sync.Mutex
	inflight map[idKey]context.CancelFunc            // calls read and not yet answered
	calls    map[jsonrpc2.ID]chan *jsonrpc2.Response // calls sent and not yet answered
	lastID   atomic.Int32
	ended    chan struct{} // closed when the read loop ends

	working tracker // messages whose Work has not finished
}

// NewConn returns a connection over rwc. It reads nothing until Serve.
func NewConn(rwc io.ReadWriteCloser, log *zap.Logger) *Conn {
	if log == nil {
		log = zap.NewNop()
	}
	return &Conn{
		s:        newStream(rwc, log),
		log:      log,
		inflight: map[idKey]context.CancelFunc{},
		calls:    map[jsonrpc2.ID]chan *jsonrpc2.Response{},
		ended:    make(chan struct{}),
	}
}

// Serve reads messages and hands them to h until the input ends, reading
// it fails, or ctx is done. Before it returns it waits, for at most grace,
// until the Work of the messages read has finished and the calls among
// them are answered: a client may write its requests and close at once.
// It returns nil at the end of the input, ctx's error when ctx ended it,
// and the read error otherwise.
func (c *Conn) Serve(ctx context.Context, h Handler, grace time.Duration) error {
	read := make(chan error, 1)
	go func() {
		err := c.readLoop(ctx, h)
		close(c.ended)
		read <- err
	}()
	var err error
	select {
	case err = <-read:
		if errors.Is(err, io.EOF) {
			err = nil
		}
	case <-ctx.Done():
		err = ctx.Err()
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-c.working.idle():
	case <-t.C:
		c.log.Warn("messages still being handled when the connection ended")
	}
	return err
}

// Close closes the byte stream; a Serve still reading returns.
func (c *Conn) Close() error { return c.s.rwc.Close() }

func (c *Conn) readLoop(ctx context.Context, h Handler) error {
	for {
		req, resp, err := c.s.Read()
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		switch {
		case resp != nil:
			c.answered(resp)
		case req.IsCall():
			c.call(ctx, h, req)
		case req.Method == cancelMethod:
			c.cancel(req.Params)
		default:
			c.notification(ctx, h, req)
		}
	}
}

// call hands a call to h and answers it when its Work is done. Under an
// execution trace (httpcode-lsp --trace) each call is a task named by its
// method, from the frame read to the answer written, that logs its id
// (category "id"), to be matched with the client's own record.
func (c *Conn) call(ctx context.Context, h Handler, req *Request) {
	key, _ := keyOf(req.id)
	// The end of Serve does not cancel a call: what was read is answered.
	ctx, task := trace.NewTask(context.WithoutCancel(ctx), req.Method)
	if trace.IsEnabled() {
		trace.Log(ctx, "id", string(req.id))
	}
	ctx, cancel := context.WithCancel(ctx)
	c.mu.Lock()
	c.inflight[key] = cancel
	c.mu.Unlock()
	c.working.add()
	work := c.handle(ctx, h, req)
	go func() {
		defer c.working.done()
		result, err := c.run(ctx, req, work)
		c.mu.Lock()
		delete(c.inflight, key)
		c.mu.Unlock()
		cancelled := ctx.Err() != nil
		cancel()
		if cancelled && (err == nil || errors.Is(err, context.Canceled)) {
			result, err = nil, jsonrpc2.NewError(RequestCancelled, req.Method+" was cancelled")
		}
		c.reply(req.id, result, err)
		task.End()
	}()
}

// notification hands a notification to h and runs its Work.
func (c *Conn) notification(ctx context.Context, h Handler, n *Request) {
	work := c.handle(ctx, h, n)
	if work == nil {
		return
	}
	c.working.add()
	go func() {
		defer c.working.done()
		if _, err := c.run(context.WithoutCancel(ctx), n, work); err != nil {
			c.log.Warn("notification failed", zap.String("method", n.Method), zap.Error(err))
		}
	}()
}

// handle calls h, turning a panic into Work that answers InternalError.
func (c *Conn) handle(ctx context.Context, h Handler, req *Request) (work Work) {
	defer func() {
		if r := recover(); r != nil {
			work = Answer(nil, c.panicked(req, r))
		}
	}()
	return h.Handle(ctx, req)
}

// run runs work, turning a panic into an InternalError.
func (c *Conn) run(ctx context.Context, req *Request, work Work) (result any, err error) {
	if work == nil {
		return nil, nil
	}
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, c.panicked(req, r)
		}
	}()
	return work(ctx)
}

// panicked logs a handler's panic with its stack and returns the error
// that answers it.
func (c *Conn) panicked(req *Request, r any) error {
	c.log.Error("handler panicked", zap.String("method", req.Method),
		zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
	return jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", req.Method, r)
}

// reply answers the call id. An error that is not a JSON-RPC error is
// answered InternalError with its text.
func (c *Conn) reply(id json.RawMessage, result any, err error) {
	var rpcErr *jsonrpc2.Error
	if err != nil && !errors.As(err, &rpcErr) {
		rpcErr = jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
	}
	body, err := encodeResponse(id, result, rpcErr)
	if err != nil {
		c.log.Error("answer a call", zap.Error(err))
		body, _ = encodeResponse(id, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "the result could not be encoded"))
	}
	if err := c.s.writeFrame(body...); err != nil {
		c.log.Warn("write an answer", zap.Error(err))
	}
}

// cancel cancels the call that a $/cancelRequest names. An id that is not
// in flight, or not an id at all, is ignored.
func (c *Conn) cancel(params json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	key, ok := keyOf(p.ID)
	if !ok {
		return
	}
	c.mu.Lock()
	cancel := c.inflight[key]
	c.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// idKey is an id as a map key: the same for every spelling of one id
// ("a" and "\u0061", 7 and 7.0).
type idKey struct {
	str    string
	num    int64
	number bool
}

// keyOf reads an id: a string or an integer.
func keyOf(raw json.RawMessage) (idKey, bool) {
	var num float64
	if err := json.Unmarshal(raw, &num); err == nil {
		return idKey{num: int64(num), number: true}, num == float64(int64(num))
	}
	var str string
	if err := json.Unmarshal(raw, &str); err == nil {
		return idKey{str: str}, true
	}
	return idKey{}, false
}

// Notify sends a notification to the peer.
func (c *Conn) Notify(method string, params any) error {
	n, err := jsonrpc2.NewNotification(method, params)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return c.s.Write(n)
}

// NotifyEncoded sends a notification whose params are already encoded,
// given in pieces that make one JSON value when joined: a document's
// 200,000 diagnostics, encoded at once, took seven times their size in
// buffers; in pieces they take their size, and are written as they are.
func (c *Conn) NotifyEncoded(method string, params ...[]byte) error {
	head, err := notificationHead(method)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return c.s.writeFrame(slices.Concat([][]byte{head}, params, [][]byte{[]byte("}")})...)
}

// NotifyStream sends a notification whose params, size bytes of JSON,
// write writes while the frame is written: for a message too large to
// hold encoded, whose size the caller counted by encoding it once
// before. The frame is as long as announced whatever write does (its
// surplus is cut, a shortfall made up with blanks), so that the frames
// after it are read right; write's error is returned.
func (c *Conn) NotifyStream(method string, size int, write func(w io.Writer) error) error {
	head, err := notificationHead(method)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return c.s.writeStreamed(head, size, write)
}

// ErrClosed is the error of a call to the peer that the end of the
// connection leaves unanswered.
var ErrClosed = errors.New("the connection is closed")

// Call sends a request to the peer and waits for its answer, which it
// decodes into result (when not nil).
func (c *Conn) Call(ctx context.Context, method string, params, result any) error {
	id := jsonrpc2.NewNumberID(c.lastID.Add(1))
	call, err := jsonrpc2.NewCall(id, method, params)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	answer := make(chan *jsonrpc2.Response, 1)
	c.mu.Lock()
	c.calls[id] = answer
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.calls, id)
		c.mu.Unlock()
	}()
	if err := c.s.Write(call); err != nil {
		return err
	}
	select {
	case resp := <-answer:
		if resp.Err() != nil {
			return resp.Err()
		}
		if result == nil {
			return nil
		}
		if err := json.Unmarshal(resp.Result(), result); err != nil {
			return fmt.Errorf("%s: decode the answer: %w", method, err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-c.ended:
		return ErrClosed
	}
}

// answered hands a response to the Call waiting for it; a response to no
// call of ours is logged and dropped.
func (c *Conn) answered(resp *jsonrpc2.Response) {
	c.mu.Lock()
	answer := c.calls[resp.ID()]
	c.mu.Unlock()
	if answer == nil {
		c.log.Warn("dropped a response to no request of ours")
		return
	}
	select {
	case answer <- resp:
	default: // a second response with the same id
	}
}

// tracker counts work in progress and says when there is none; unlike a
// sync.WaitGroup, work may be added while another goroutine waits.
type tracker struct {
	mu   sync.Mutex
	n    int
	zero chan struct{} // closed when n drops to 0
}

func (t *tracker) add() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		t.zero = make(chan struct{})
	}
	t.n++
}

func (t *tracker) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 {
		close(t.zero)
	}
}

// idle returns a channel that is closed once no work is in progress.
func (t *tracker) idle() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		done := make(chan struct{})
		close(done)
		return done
	}
	return t.zero
}
