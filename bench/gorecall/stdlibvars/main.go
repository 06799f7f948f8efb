// Command stdlibvars runs usestdlibvars' analyzer, for HTTP status codes
// only, on each Go file named on the command line, and prints one line per
// finding: the path, the byte offset of the literal and the message. The
// analyzer reads syntax only, so each file is a package of its own and
// nothing is type-checked; bench/gorecall runs it. It is a module of its
// own so that httpcode-lsp's go.mod does not carry the analyzer.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"

	"github.com/sashamelentyev/usestdlibvars/pkg/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

func main() {
	a := analyzer.New()
	if err := a.Flags.Set(analyzer.HTTPMethodFlag, "false"); err != nil {
		fmt.Fprintln(os.Stderr, "stdlibvars:", err)
		os.Exit(1)
	}
	for _, path := range os.Args[1:] {
		if err := check(a, path); err != nil {
			fmt.Fprintln(os.Stderr, "stdlibvars:", err)
			os.Exit(1)
		}
	}
}

func check(a *analysis.Analyzer, path string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return err
	}
	files := []*ast.File{f}
	pass := &analysis.Pass{
		Analyzer: a,
		Fset:     fset,
		Files:    files,
		ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report: func(d analysis.Diagnostic) {
			fmt.Printf("%s\t%d\t%s\n", path, fset.Position(d.Pos).Offset, d.Message)
		},
	}
	_, err = a.Run(pass)
	return err
}
