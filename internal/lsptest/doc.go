// Package lsptest is a fake LSP client for tests: it speaks JSON-RPC to a
// server over any stream (an in-process pipe or a subprocess's stdio),
// records what the server sends, and converts between marked-up test text
// and LSP positions with its own reference code, independent of the server.
package lsptest
