// handler.go builds the jsonrpc2 handler chain around protocol.ServerHandler
// and owns every message the protocol package cannot decode or dispatch
// correctly by itself (go.lsp.dev/protocol v0.12 models LSP 3.16):
//   - $/cancelRequest with numeric ids (protocol decodes them as float64
//     and drops them);
//   - the lifecycle rules (protocol answers requests before initialize as
//     if initialized);
//   - initialize, to negotiate the position encoding (LSP 3.17);
//   - textDocument/didChange, whose change ranges are optional (protocol's
//     TextDocumentContentChangeEvent has a non-pointer Range);
//   - panics, recovered and answered as internal errors.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"runtime/debug"
	"strings"
	"sync"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

func (s *Server) handler() jsonrpc2.Handler {
	h := protocol.ServerHandler(s, nil)
	h = invalidParams(h)
	h = s.rawMethods(h)
	h = s.lifecycleGate(h)
	h = s.recoverPanics(h)
	h = s.countHandled(h)
	// Messages are handled one at a time, in order, off the reading
	// goroutine, so that a cancellation can be read while a request runs.
	h = inOrder(h)
	h = s.countReceived(h)
	return s.cancellation(h)
}

// inOrder runs each message on a goroutine of its own once the one before
// it has been answered. Unlike jsonrpc2.AsyncHandler, which lets the next
// message start before the answer is written, it writes the answer first,
// so that answers leave in the order the requests came.
func inOrder(next jsonrpc2.Handler) jsonrpc2.Handler {
	prev := make(chan struct{})
	close(prev)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		wait, done := prev, make(chan struct{})
		prev = done
		go func() {
			<-wait
			// recoverPanics, further in, answers every message exactly once.
			_ = next(ctx, func(ctx context.Context, result interface{}, err error) error {
				defer close(done)
				return reply(ctx, result, err)
			}, req)
		}()
		return nil
	}
}

// countReceived and countHandled bracket the asynchronous part of the chain
// so that Serve can wait for handlers still running (a reply is sent
// before the handler returns) before it returns.
func (s *Server) countReceived(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		s.handling.Add(1)
		return next(ctx, reply, req)
	}
}

func (s *Server) countHandled(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		defer s.handling.Done()
		return next(ctx, reply, req)
	}
}

// cancellation gives every call a context that $/cancelRequest cancels, for
// numeric and string ids alike. A call cancelled before it answers is
// answered RequestCancelled.
func (s *Server) cancellation(next jsonrpc2.Handler) jsonrpc2.Handler {
	var mu sync.Mutex
	inflight := map[jsonrpc2.ID]context.CancelFunc{}
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodCancelRequest {
			var p struct {
				ID json.RawMessage `json:"id"`
			}
			if id, ok := decodeID(req.Params(), &p); ok {
				mu.Lock()
				cancel := inflight[id]
				mu.Unlock()
				if cancel != nil {
					cancel()
				}
			}
			return reply(ctx, nil, nil)
		}
		call, ok := req.(*jsonrpc2.Call)
		if !ok {
			return next(ctx, reply, req)
		}
		ctx, cancel := context.WithCancel(ctx)
		mu.Lock()
		inflight[call.ID()] = cancel
		mu.Unlock()
		return next(ctx, func(rctx context.Context, result interface{}, err error) error {
			mu.Lock()
			delete(inflight, call.ID())
			mu.Unlock()
			cancelled := ctx.Err() != nil
			cancel()
			if cancelled && err == nil {
				result, err = nil, protocol.ErrRequestCancelled
			}
			return reply(context.WithoutCancel(rctx), result, err)
		}, req)
	}
}

func decodeID(params json.RawMessage, p *struct {
	ID json.RawMessage `json:"id"`
}) (jsonrpc2.ID, bool) {
	if err := json.Unmarshal(params, p); err != nil {
		return jsonrpc2.ID{}, false
	}
	var num int32
	if err := json.Unmarshal(p.ID, &num); err == nil {
		return jsonrpc2.NewNumberID(num), true
	}
	var str string
	if err := json.Unmarshal(p.ID, &str); err == nil {
		return jsonrpc2.NewStringID(str), true
	}
	return jsonrpc2.ID{}, false
}

// invalidParams answers InvalidParams where protocol answers params it
// cannot decode with an error that has no JSON-RPC code (its text starts
// "JSON-RPC parse error"). The stream has checked that the message is
// JSON, so only the params' shape can be wrong — or, where a request has
// no params, the method unknown: protocol decodes a known method's params
// with a decoder (an empty input is "EOF"), an unknown one's with
// json.Unmarshal before it reaches Server.Request, which fails on an empty
// input with unknownWithoutParams.
func invalidParams(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		return next(ctx, func(ctx context.Context, result interface{}, err error) error {
			var rpcErr *jsonrpc2.Error
			if prefix := jsonrpc2.ErrParse.Message + ": "; err != nil && !errors.As(err, &rpcErr) && strings.HasPrefix(err.Error(), prefix) {
				msg := strings.TrimPrefix(err.Error(), prefix)
				if len(req.Params()) == 0 && strings.Contains(msg, unknownWithoutParams) {
					err = notImplemented(req.Method())
				} else {
					err = jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %s", req.Method(), msg)
				}
			}
			return reply(ctx, result, err)
		}, req)
	}
}

const unknownWithoutParams = "unexpected end of JSON input"

// recoverPanics keeps a panicking handler from taking the process down: the
// panic is logged with its stack and the call answered InternalError. It
// also guarantees every message is replied to exactly once.
func (s *Server) recoverPanics(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		var once sync.Once
		replied := false
		guarded := func(ctx context.Context, result interface{}, rerr error) error {
			var werr error
			once.Do(func() {
				replied = true
				werr = reply(ctx, result, rerr)
			})
			return werr
		}
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("handler panicked", zap.String("method", req.Method()),
					zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
				err = guarded(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", req.Method(), r))
				return
			}
			if replied {
				return
			}
			// A notification's reply sends nothing, but inOrder waits
			// for it before the next message may start.
			var rerr error
			if _, isCall := req.(*jsonrpc2.Call); isCall {
				rerr = jsonrpc2.Errorf(jsonrpc2.InternalError, "%s was not answered", req.Method())
			}
			err = guarded(ctx, nil, rerr)
		}()
		return next(ctx, guarded, req)
	}
}

// lifecycleGate enforces the LSP lifecycle: only initialize (and exit)
// before initialization, InvalidRequest after shutdown, exit ends Serve.
func (s *Server) lifecycleGate(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		_, isCall := req.(*jsonrpc2.Call)
		state := s.lifecycle()
		switch method := req.Method(); {
		case method == protocol.MethodExit:
			code := 1
			if state == shuttingDown {
				code = 0
			}
			select {
			case s.exitCode <- code:
			default: // a second exit: Serve is already returning
			}
			return reply(ctx, nil, nil)
		case method == protocol.MethodInitialize && state != uninitialized:
			return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize was already received"))
		case method == protocol.MethodInitialize:
			return next(ctx, reply, req)
		case state == uninitialized:
			if isCall {
				return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "%s before initialize", method))
			}
			return nil
		case state == shuttingDown:
			if isCall {
				return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%s after shutdown", method))
			}
			return nil
		}
		return next(ctx, reply, req)
	}
}

// rawMethods decodes the messages protocol v0.12 models too narrowly.
func (s *Server) rawMethods(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodInitialize:
			var p protocol.InitializeParams
			var ext struct {
				Capabilities struct {
					General struct {
						PositionEncodings []string `json:"positionEncodings"`
					} `json:"general"`
				} `json:"capabilities"`
			}
			if err := decodeParams(req, &p, &ext); err != nil {
				return reply(ctx, nil, err)
			}
			enc := negotiateEncoding(ext.Capabilities.General.PositionEncodings)
			result, err := s.initialize(ctx, &p, enc)
			if err != nil {
				return reply(ctx, nil, err)
			}
			return reply(ctx, initializeResult{
				Capabilities: capabilities{ServerCapabilities: result.Capabilities, PositionEncoding: enc.String()},
				ServerInfo:   result.ServerInfo,
			}, nil)
		case protocol.MethodTextDocumentDidOpen:
			// Decoded here rather than by protocol, whose decoder reads
			// the params twice: the text may be many megabytes.
			var p protocol.DidOpenTextDocumentParams
			if err := decodeParams(req, &p); err != nil {
				s.log.Warn("bad didOpen", zap.Error(err))
				return reply(ctx, nil, err)
			}
			return reply(ctx, nil, s.DidOpen(ctx, &p))
		case protocol.MethodTextDocumentDidChange:
			var p didChangeParams
			if err := decodeParams(req, &p); err != nil {
				s.log.Warn("bad didChange", zap.Error(err))
				return reply(ctx, nil, err)
			}
			return reply(ctx, nil, s.didChange(ctx, &p))
		}
		return next(ctx, reply, req)
	}
}

// decodeParams unmarshals a message's params into each of dst, answering a
// failure as InvalidParams. It reads them with segmentio's decoder, the
// fast one protocol uses.
func decodeParams(req jsonrpc2.Request, dst ...interface{}) error {
	for _, d := range dst {
		if fastjson.Unmarshal(req.Params(), d) == nil {
			continue
		}
		// encoding/json decides and words the error: segmentio's errors
		// quote the input, which may be document text.
		if err := json.Unmarshal(req.Params(), d); err != nil {
			return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", req.Method(), err)
		}
	}
	return nil
}

// negotiateEncoding picks the position encoding from the client's list:
// UTF-8 when offered (no conversion cost), else UTF-16, the LSP default.
func negotiateEncoding(offered []string) text.Encoding {
	for _, o := range offered {
		if e, ok := text.ParseEncoding(o); ok && e == text.UTF8 {
			return e
		}
	}
	return text.UTF16
}

// initializeResult adds LSP 3.17's positionEncoding to protocol's result.
type initializeResult struct {
	Capabilities capabilities         `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

type capabilities struct {
	protocol.ServerCapabilities
	PositionEncoding string `json:"positionEncoding,omitempty"`
}

// didChangeParams is textDocument/didChange with optional change ranges.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *protocol.Range `json:"range"`
		Text  string          `json:"text"`
	} `json:"contentChanges"`
}

func (p *didChangeParams) changes() []text.Change {
	out := make([]text.Change, len(p.ContentChanges))
	for i, c := range p.ContentChanges {
		out[i] = text.Change{Range: c.Range, Text: c.Text}
	}
	return out
}
