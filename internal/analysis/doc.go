// Package analysis is what httpcode-lsp knows of one file, the same for the
// language server and the command line: the file's language, the status
// codes written in it (occurrences), the completions at a cursor, and the
// findings of the lint rules under a configuration. Each is computed once,
// on first use, and safe to share between goroutines.
package analysis
