// golang.go: the rules over a Go file's status occurrences.

package lint

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

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

// isComparison reports whether an occurrence's context reads a code
// rather than sends one: resp.StatusCode == 499, case 305.
func isComparison(ctx string) bool {
	return strings.HasSuffix(ctx, " ==") || strings.HasSuffix(ctx, " !=") || strings.HasPrefix(ctx, "case ")
}

func invalidGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if o.Kind != occurrence.Literal && o.Kind != occurrence.Annotation {
			continue
		}
		code := o.Code
		if code >= 100 && code <= 599 || code == 0 && isComparison(o.Context) {
			continue
		}
		if code >= 100 && code <= 999 && p.custom(code) {
			continue // declared on purpose, and net/http sends it
		}
		msg := fmt.Sprintf("%d is not a valid status code; use a code in 100–599", code)
		if o.Context == "WriteHeader" && (code < 100 || code > 999) {
			msg = fmt.Sprintf("WriteHeader(%d) panics at run time; use a code in 100–599", code)
		}
		p.Report(Finding{Start: o.Start, End: o.End, Message: msg})
	}
}

func unknownGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if o.Kind != occurrence.Literal && o.Kind != occurrence.Annotation || isComparison(o.Context) {
			continue
		}
		if o.Code < 100 || o.Code > 599 {
			continue
		}
		if msg, sev, ok := unknownMessage(p, o.Code); ok {
			p.Report(Finding{Start: o.Start, End: o.End, Message: msg, Severity: sev})
		}
	}
}

func deprecatedGo(p *Pass) {
	for _, o := range p.GoFile.Occurrences {
		if isComparison(o.Context) {
			continue
		}
		if msg, ok := deprecatedMessage(p, o.Code); ok {
			p.Report(Finding{Start: o.Start, End: o.End, Message: msg})
		}
	}
}

func runUseConstant(p *Pass) {
	var (
		ref     httpRef
		refDone bool
	)
	for _, o := range p.GoFile.Occurrences {
		if o.Kind != occurrence.Literal {
			continue
		}
		e, ok := catalog.Lookup(o.Code)
		if !ok || e.GoConstant == "" {
			continue
		}
		if !refDone {
			ref, refDone = p.gosyn.httpRef(p.Src, p.GoFile.HTTPName), true
		}
		name := ref.qualifier + e.GoConstant
		shown := ref.shownQualifier + e.GoConstant
		f := Finding{Start: o.Start, End: o.End,
			Message: fmt.Sprintf("use %s instead of %s", shown, p.Src[o.Start:o.End])}
		if ref.ok {
			fx := Fix{Title: "Use " + name, Safe: ref.safe,
				Edits: []Edit{{Start: o.Start, End: o.End, NewText: name}}}
			if ref.importEdit != nil {
				fx.Edits = append([]Edit{*ref.importEdit}, fx.Edits...)
				fx.Title += " (import net/http)"
			}
			f.Fixes = []Fix{fx}
		}
		p.Report(f)
	}
}
