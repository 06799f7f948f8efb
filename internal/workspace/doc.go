// Package workspace is the index of a workspace's Go packages and OpenAPI
// documents, as the language server and `check` see them.
//
// The package of a Go file is the .go files of its directory with the same
// package clause, plus the external `<name>_test` package beside it (and,
// for a file of such a package, the package it tests). A file open in the
// editor is read from the client's text (Open); any other is read from disk
// through regfile, at most Options.MaxFileSize bytes of it, and kept in
// memory within Options.Budget bytes of text: beyond that, the files used
// least recently are dropped, and read again when they are needed.
//
// New, Open, Close and Changed never touch the disk: they may run on the
// goroutine that reads the client's messages. GoPackage, GoDirs and Specs
// read what they need (the first GoDirs or Specs walks the roots); they
// belong in an analysis or a background goroutine.
package workspace
