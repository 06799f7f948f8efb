// dispatch.go defines the method table — each LSP method the server
// answers, how its params are decoded and when it runs — and Handle, which
// applies the lifecycle rules before the table.

package server

import (
	"context"
	"encoding/json"
	"errors"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/jsonrpc"
)

// method decodes a message's params and handles it. It runs on the
// goroutine that reads messages; the Work it returns runs concurrently.
type method func(s *Server, ctx context.Context, params json.RawMessage) (jsonrpc.Work, error)

// methods is every method the server handles. A request for a method
// missing here is answered MethodNotFound; a notification (didSave,
// $/setTrace ...) is dropped.
var methods = map[string]method{
	"initialize":  initialize,
	"initialized": initialized,
	"shutdown":    inline((*Server).shutdown),

	"textDocument/didOpen":             synced((*Server).didOpen),
	"textDocument/didChange":           synced((*Server).didChange),
	"textDocument/didClose":            synced((*Server).didClose),
	"workspace/didChangeConfiguration": ordered((*Server).didChangeConfiguration),
	"workspace/didChangeWatchedFiles":  ordered((*Server).didChangeWatchedFiles),

	"textDocument/hover":       concurrent(inTextDocument, (*Server).hover),
	"textDocument/completion":  concurrent(inTextDocument, (*Server).completion),
	"completionItem/resolve":   concurrent(inData, (*Server).resolveCompletion),
	"textDocument/codeAction":  concurrent(inTextDocument, (*Server).codeAction),
	"textDocument/inlayHint":   concurrent(inTextDocument, (*Server).inlayHint),
	"workspace/executeCommand": concurrent(inCommand, (*Server).executeCommand),
	"textDocument/definition":  concurrent(inTextDocument, (*Server).definition),
	"textDocument/references":  concurrent(inTextDocument, (*Server).references),
}

// ordered is a notification applied in the order messages arrive, before
// the next message is read: configuration, watched files.
func ordered[P any](apply func(*Server, context.Context, *P)) method {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (jsonrpc.Work, error) {
		p, err := decode[P](raw)
		if err != nil {
			return nil, err
		}
		apply(s, ctx, p)
		return nil, nil
	}
}

// synced is a notification about one document: applied in the order the
// document's notifications arrive, off the reading goroutine (see
// documents). Its params, which hold no untyped value, are decoded when
// its turn comes, with the decoder that is fast on a document's text.
func synced[P any](apply func(*Server, context.Context, *P)) method {
	return func(s *Server, _ context.Context, raw json.RawMessage) (jsonrpc.Work, error) {
		uri, ok := inTextDocument(raw)
		if !ok {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "no textDocument.uri")
		}
		op := s.docs.enqueue(uri)
		return func(ctx context.Context) (any, error) {
			defer s.docs.finish(uri, op)
			<-op.prev
			<-s.configured
			p, err := decodeWith[P](raw, jsonrpc.DecodeTyped)
			if err != nil {
				return nil, err
			}
			apply(s, ctx, p)
			return nil, nil
		}, nil
	}
}

// inline is a request answered before the next message is read: one that
// changes the session's state.
func inline[P, R any](answer func(*Server, context.Context, *P) (R, error)) method {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (jsonrpc.Work, error) {
		p, err := decode[P](raw)
		if err != nil {
			return nil, err
		}
		return jsonrpc.Answer(answer(s, ctx, p)), nil
	}
}

// concurrent is a request about one document, answered concurrently with
// the messages after it, once the notifications of its document that came
// before it are applied, against the document as they left it (nil when
// it is not open).
func concurrent[P, R any](uriOf func(json.RawMessage) (protocol.DocumentURI, bool), answer func(*Server, context.Context, *document, *P) (R, error)) method {
	return func(s *Server, _ context.Context, raw json.RawMessage) (jsonrpc.Work, error) {
		p, err := decode[P](raw)
		if err != nil {
			return nil, err
		}
		uri, _ := uriOf(raw) // a document never named is never open
		op := s.docs.at(uri)
		return func(ctx context.Context) (any, error) {
			d := op.wait(ctx)
			if d != nil {
				s.docs.touch(d)
			}
			return answer(s, ctx, d, p)
		}, nil
	}
}

// inTextDocument reads the document a message names in textDocument.uri,
// without decoding the rest: a didOpen's text may be 40 MB.
func inTextDocument(params json.RawMessage) (protocol.DocumentURI, bool) {
	return uriMember(jsonrpc.Member(params, "textDocument"))
}

// inData reads the document a completion item names in data.uri, where
// completion put it.
func inData(params json.RawMessage) (protocol.DocumentURI, bool) {
	return uriMember(jsonrpc.Member(params, "data"))
}

// inCommand reads the document a fix's command names in its argument.
func inCommand(params json.RawMessage) (protocol.DocumentURI, bool) {
	var args []json.RawMessage
	if json.Unmarshal(jsonrpc.Member(params, "arguments"), &args) != nil || len(args) == 0 {
		return "", false
	}
	return uriMember(args[0])
}

func uriMember(v json.RawMessage) (protocol.DocumentURI, bool) {
	var uri protocol.DocumentURI
	return uri, json.Unmarshal(jsonrpc.Member(v, "uri"), &uri) == nil
}

// noParams is the params of a method that takes none.
type noParams struct{}

// decode decodes a method's params: InvalidParams when they do not fit P,
// or when P is noParams and there are some.
func decode[P any](raw json.RawMessage) (*P, error) {
	return decodeWith[P](raw, jsonrpc.DecodeParams)
}

// decodeWith is decode with the decoder given.
func decodeWith[P any](raw json.RawMessage, decoder func(json.RawMessage, ...any) error) (*P, error) {
	p := new(P)
	if _, none := any(p).(*noParams); none {
		if len(raw) > 0 {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "this method takes no params")
		}
		return p, nil
	}
	if err := decoder(raw, p); err != nil {
		return nil, err
	}
	return p, nil
}

// Handle implements jsonrpc.Handler: the LSP lifecycle rules, then the
// method table. Before initialize only initialize (and exit) are handled,
// after shutdown only exit; `exit` ends Serve.
func (s *Server) Handle(ctx context.Context, req *jsonrpc.Request) jsonrpc.Work {
	isCall := req.IsCall()
	name := req.Method
	state := s.lifecycle()
	var refuse *jsonrpc2.Error
	switch {
	case name == "exit":
		s.exit()
		return nil
	case name == "initialize" && state != uninitialized:
		refuse = jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize was already received")
	case state == uninitialized && name != "initialize":
		refuse = jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "%s before initialize", name)
	case state == shuttingDown:
		refuse = jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%s after shutdown", name)
	}
	m, known := methods[name]
	if refuse == nil && !known {
		refuse = jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "%s is not implemented by httpcode-lsp", name)
	}
	if refuse == nil {
		work, err := m(s, ctx, req.Params)
		if err == nil {
			return work
		}
		refuse = named(name, err)
		if !isCall {
			s.log.Warn("bad notification", zap.String("method", name), zap.Error(err))
		}
	}
	if !isCall {
		return nil // a notification is never answered
	}
	return jsonrpc.Answer(nil, refuse)
}

// named is err as a JSON-RPC error whose message names the method.
func named(method string, err error) *jsonrpc2.Error {
	var rpcErr *jsonrpc2.Error
	if errors.As(err, &rpcErr) {
		return jsonrpc2.NewError(rpcErr.Code, method+": "+rpcErr.Message)
	}
	return jsonrpc2.NewError(jsonrpc2.InternalError, method+": "+err.Error())
}
