// gosyntax.go: the Go file's syntax as the rules see it.

package lint

import (
	"go/token"
	"path"
	"strconv"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// goSyntax is the Go file's syntax as the scanner parsed it, for the rules
// that need more than its occurrences; File is nil when nothing parsed.
type goSyntax struct {
	golang.Syntax
	tf *token.File
	// resp holds the findings of the analysis of writes to responses
	// (respflow.go) once respDone tells it has run: each of the rules
	// built on it asks, and an analysis that found nothing is not run
	// again for the next.
	resp     []respFinding
	respDone bool
}

// goSyntaxOf returns the rules' view of the syntax tree the scanner read.
func goSyntaxOf(syn golang.Syntax) *goSyntax {
	s := &goSyntax{Syntax: syn}
	if s.File != nil && s.Fset != nil {
		s.tf = s.Fset.File(s.File.Package)
	}
	if s.tf == nil {
		s.File, s.OK = nil, false
	}
	return s
}

// offset converts a position of the parsed file to a byte offset, -1 when
// it is not one.
func (s *goSyntax) offset(p token.Pos) int {
	if s.tf == nil || !p.IsValid() {
		return -1
	}
	o := int(p) - s.tf.Base()
	if o < 0 || o > s.tf.Size() {
		return -1
	}
	return o
}

// sent reports whether a Go occurrence is a code the server chooses to
// send: written to a response (role send) or documented as one (a swaggo
// annotation). The rules about what a server sends look at these only; a
// code compared, asserted, looked up or defined is read, not sent, and one
// in a library's table of errors per code is offered, not chosen.
func (p *Pass) sent(o occurrence.Occurrence) bool {
	return o.Role == occurrence.Send && !p.GoFile.LibraryError(o) || o.Kind == occurrence.Annotation
}

// sentSeverity is the severity of a finding about a code sent, sev where
// the rule has no other. In a _test.go file a code written to a recorder
// or a fake writer tests how that code is handled; it is not a server's
// bug, so the finding is a hint there.
func (p *Pass) sentSeverity(o occurrence.Occurrence, sev Severity) Severity {
	if p.GoFile.Test && o.Kind != occurrence.Annotation {
		return Hint
	}
	return sev
}

// importSpec is an import of the file: its path and the name the file
// uses for it ("_" and "." included).
type importSpec struct{ path, name string }

// imports returns the file's imports.
func (s *goSyntax) imports() []importSpec {
	var out []importSpec
	for _, im := range s.File.Imports {
		if im.Path == nil {
			continue
		}
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		out = append(out, importSpec{path: p, name: name})
	}
	return out
}

// importsTesting reports whether the file imports package testing: a test
// file, whose handlers write to recorders and misbehave on purpose.
func (s *goSyntax) importsTesting() bool {
	for _, im := range s.imports() {
		if im.path == "testing" {
			return true
		}
	}
	return false
}
