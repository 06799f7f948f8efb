// goedited.go: the findings of a Go file typed into inside a comment or
// a function's body, from the findings of the version before.

package lint

import (
	"go/ast"
	"reflect"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// GoEdited is Go for a file whose scan f was made from an earlier one by
// an edit inside a comment or a function's body (golang.File.Edited): prev
// are the findings Go (or GoEdited) returned for that earlier scan with
// the same opts. Outside what the edit changed, the findings are the
// earlier ones, moved; inside, the rules run on it alone. ok is false
// where that does not tell them: a finding elsewhere that reaches into
// the edited part or names a line that moved, a function whose writes
// count at its calls and changed; then Go.
func GoEdited(prev []Finding, src []byte, f *golang.File, opts Options) (out []Finding, ok bool) {
	ed, ok := f.Edited()
	if !ok {
		return nil, false
	}
	d := ed.Edit.Delta()
	// The span in the earlier text.
	us, ue := ed.Span.Start, ed.Span.End-d
	move := func(start, end int) (int, int, bool) {
		switch {
		case end <= us:
			return start, end, true
		case start >= ue:
			return start + d, end + d, true
		}
		return 0, 0, false
	}
	var before, after []Finding
	for _, pf := range prev {
		if us <= pf.Start && pf.End <= ue {
			continue // the span's, found again below
		}
		if pf.Start >= ue && ed.NewLines != 0 && pf.namesLine {
			return nil, false
		}
		nf := pf
		if nf.Start, nf.End, ok = move(pf.Start, pf.End); !ok {
			return nil, false
		}
		if nf.Related, ok = movedRelated(pf.Related, move); !ok {
			return nil, false
		}
		if nf.Fixes, ok = movedFixes(pf.Fixes, move); !ok {
			return nil, false
		}
		if nf.Start <= us {
			before = append(before, nf)
		} else {
			after = append(after, nf)
		}
	}
	if ed.Decl != nil && !sameSummary(ed, f, src) {
		return nil, false
	}
	// The rules run on the span's occurrences; in a comment, those about
	// the code around them find nothing.
	inSpan := *f
	inSpan.Occurrences = nil
	for _, o := range f.Occurrences {
		if o.Start >= ed.Span.Start && o.End <= ed.Span.End {
			inSpan.Occurrences = append(inSpan.Occurrences, o)
		}
	}
	out = before
	for _, nf := range Go(src, &inSpan, ed.Syntax, opts) {
		if nf.Start < ed.Span.Start || nf.End > ed.Span.End {
			return nil, false
		}
		out = append(out, nf)
	}
	return append(out, after...), true
}

func movedRelated(rs []Related, move func(int, int) (int, int, bool)) ([]Related, bool) {
	if rs == nil {
		return nil, true
	}
	out := make([]Related, len(rs))
	for i, r := range rs {
		if r.Path == "" {
			var ok bool
			if r.Start, r.End, ok = move(r.Start, r.End); !ok {
				return nil, false
			}
		}
		out[i] = r
	}
	return out, true
}

func movedFixes(fixes []Fix, move func(int, int) (int, int, bool)) ([]Fix, bool) {
	if fixes == nil {
		return nil, true
	}
	out := make([]Fix, len(fixes))
	for i, fx := range fixes {
		if fx.Path == "" {
			edits := make([]Edit, len(fx.Edits))
			for k, e := range fx.Edits {
				var ok bool
				if e.Start, e.End, ok = move(e.Start, e.End); !ok {
					return nil, false
				}
				edits[k] = e
			}
			fx.Edits = edits
		}
		out[i] = fx
	}
	return out, true
}

// sameSummary reports whether the edited function writes to the responses
// it is given as it did before, as its callers' analyses count it
// (respflow.go): then their findings stand.
func sameSummary(ed golang.Edited, f *golang.File, src []byte) bool {
	summary := func(syn golang.Syntax, fd *ast.FuncDecl) (any, bool) {
		s := goSyntaxOf(syn)
		if s.File == nil {
			return nil, false
		}
		a := newRespAnalysis(s, src, f.Test)
		if a.test {
			// Test files' helpers serve tests only, and their rules do
			// not run.
			return nil, true
		}
		a.declareAll()
		for _, ds := range []map[string][]*respDecl{a.funcs, a.meths} {
			for _, d := range ds[fd.Name.Name] {
				if d.decl == fd {
					return a.summarise(d), true
				}
			}
		}
		return nil, true
	}
	was, ok1 := summary(ed.Before, ed.BeforeDecl)
	is, ok2 := summary(ed.Syntax, ed.Decl)
	return ok1 && ok2 && reflect.DeepEqual(was, is)
}
