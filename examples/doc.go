// Command bookstore is a small book-lending API, the example that
// httpcode-lsp checks in its README:
//
//	go run ./cmd/httpcode-lsp check ./examples
//
// It runs (go run ./examples, then curl localhost:8080/books), but it is
// written the way real handlers drift: a bare literal where net/http has
// a constant, a joke status code, a body after 204 No Content. Its
// contract, openapi.yaml beside it, has drifted too.
package main
