// Package jsonrpc is the transport of httpcode-lsp: JSON-RPC 2.0 messages
// in the frames of LSP's base protocol (a Content-Length header) over a
// byte stream. It reads frames, checks each message's envelope and answers
// a bad one as JSON-RPC 2.0 says (ParseError, InvalidRequest,
// InvalidParams; nothing for a notification), hands requests and
// notifications to a Handler in the order they arrive, answers every call
// exactly once (a panic is an InternalError), cancels calls named by
// $/cancelRequest, and sends the server's own notifications and requests.
// It knows nothing of LSP's methods; it is built on go.lsp.dev/jsonrpc2's
// message, ID and error types.
package jsonrpc
