// Package complete turns a completion context found by a language scanner
// into ranked completion items drawn from the catalog. It speaks byte
// offsets and Markdown; the server converts items to protocol types.
package complete
