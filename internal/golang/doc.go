// Package golang finds where HTTP status codes are written in one Go source
// file, from syntax alone: integer literals in status positions
// (w.WriteHeader(404), http.Error(w, msg, 500), resp.StatusCode == 200,
// framework calls such as gin's c.JSON(201, v)), the named constants of
// net/http, fasthttp and fiber (import aliases and dot-imports respected),
// and the codes of swaggo comment annotations (// @Success 200 ...). It also
// tells what a completion at a cursor would complete, working on the tokens
// of half-typed code. It speaks byte offsets and knows nothing of LSP.
package golang
