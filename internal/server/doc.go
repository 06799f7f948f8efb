// Package server is the LSP surface of httpcode-lsp. One method table
// (dispatch.go) maps each LSP method to the decoding of its params, its
// handler and its result, behind the lifecycle rules; internal/jsonrpc
// carries the messages. Document changes and configuration are applied in
// arrival order, and requests are answered concurrently against the
// documents as they were when they arrived. The scheduler decides when a
// document is analysed and its diagnostics published. Handlers look up
// the document's snapshot, call the analysis, and convert its byte-offset
// results into protocol types; the server holds no parsing rules of its
// own. One file per method family.
package server
