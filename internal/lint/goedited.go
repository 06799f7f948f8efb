// goedited.go: the findings of a Go file typed into inside a comment,
// from the findings of the version before.

package lint

import "github.com/httpcode-lsp/httpcode-lsp/internal/golang"

// GoEdited is Go for a file whose scan f was made from an earlier one by
// an edit inside a comment (golang.File.CommentEdit): prev are the
// findings Go (or GoEdited) returned for that earlier scan with the same
// opts. The tokens of the file are the earlier version's, so are its
// findings, but for those of the comment's annotations; ok is false where
// that does not tell them (a fix whose edit reaches into the comment):
// then Go.
func GoEdited(prev []Finding, src []byte, f *golang.File, opts Options) (out []Finding, ok bool) {
	_, e, c, ok := f.CommentEdit()
	if !ok {
		return nil, false
	}
	d := e.Delta()
	// The comment in the earlier text.
	cs, ce := c.Start, c.End-d
	move := func(start, end int) (int, int, bool) {
		switch {
		case end <= cs:
			return start, end, true
		case start >= ce:
			return start + d, end + d, true
		}
		return 0, 0, false
	}
	var before, after []Finding
	for _, pf := range prev {
		if cs <= pf.Start && pf.End <= ce && pf.Start < pf.End {
			continue // an annotation's, found again below
		}
		nf := pf
		if nf.Start, nf.End, ok = move(pf.Start, pf.End); !ok {
			return nil, false
		}
		nf.Related = make([]Related, len(pf.Related))
		for i, r := range pf.Related {
			if r.Path == "" {
				if r.Start, r.End, ok = move(r.Start, r.End); !ok {
					return nil, false
				}
			}
			nf.Related[i] = r
		}
		nf.Fixes = make([]Fix, len(pf.Fixes))
		for i, fx := range pf.Fixes {
			if fx.Path == "" {
				edits := make([]Edit, len(fx.Edits))
				for k, ed := range fx.Edits {
					if ed.Start, ed.End, ok = move(ed.Start, ed.End); !ok {
						return nil, false
					}
					edits[k] = ed
				}
				fx.Edits = edits
			}
			nf.Fixes[i] = fx
		}
		if pf.Related == nil {
			nf.Related = nil
		}
		if pf.Fixes == nil {
			nf.Fixes = nil
		}
		if nf.Start <= cs {
			before = append(before, nf)
		} else {
			after = append(after, nf)
		}
	}
	// The comment's annotations go through the rules about codes sent;
	// those about the code around them find nothing in a comment.
	inComment := *f
	inComment.Occurrences = nil
	for _, o := range f.Occurrences {
		if o.Start >= c.Start && o.End <= c.End {
			inComment.Occurrences = append(inComment.Occurrences, o)
		}
	}
	out = append(before, Go(src, &inComment, golang.Syntax{}, opts)...)
	return append(out, after...), true
}
