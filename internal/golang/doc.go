// Package golang finds where HTTP status codes are written in Go files,
// each read with its package in view (ScanPackage): literals and
// constants whose value goes to a status sink (w.WriteHeader(404),
// http.Error(w, msg, 500), gin's c.JSON(201, v), the result of a
// StatusCode() method) or is compared or asserted against a status source
// (resp.StatusCode == 200, assert.Equal(t, 200, rec.Code)), followed
// through locals, fields, parameters, results and tables by type-checking
// the package with go/types (imports are empty packages: nothing else is
// read and no process is run); the named constants of net/http, fasthttp,
// fiber and the like (import aliases and dot-imports respected); and the
// codes of swaggo comment annotations (// @Success 200 ...). Each
// occurrence has the role of where its value goes: send, observe, lookup
// or define. A file that does not parse is scanned declaration by
// declaration, from syntax. Parses are cached per file and results per
// package, so that scanning every file of a package costs one analysis.
// It also tells what a completion at a cursor would complete, working on
// the tokens of half-typed code. It speaks byte offsets and knows nothing
// of LSP.
package golang
