// Package contract ties a Go service's routes to the operations of its
// OpenAPI documents and tells, for each handler, the status codes it can
// send: the send sites in the handler and in the helpers of the same
// package it calls, a code passed to a helper that sends its parameter,
// and 200 when nothing else of 2xx is sent. A handler that sends a status
// the syntax does not give (w.WriteHeader(statusFor(err)), an echo
// handler returning an error it did not make) is open: it may send
// anything, and no claim is made about what it never sends. The rules
// that report drift are in internal/lint; this package speaks byte
// offsets and paths, and knows nothing of LSP.
package contract
