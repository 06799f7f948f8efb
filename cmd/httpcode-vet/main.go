// Command httpcode-vet runs httpcode-lsp's Go rules under go vet:
//
//	go install github.com/httpcode-lsp/httpcode-lsp/cmd/httpcode-vet@latest
//	go vet -vettool=$(which httpcode-vet) ./...
//
// Flags go after -vettool as vet flags: -httpcode.rules=all reports every
// Go rule, hints included.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/httpcode-lsp/httpcode-lsp/analyzer"
)

func main() { unitchecker.Main(analyzer.Analyzer) }
